"""Who may do what. Roles are configured in ``config/roles.yaml``, mapped from Telegram user
ids; the bot (and later the web console) checks every action against :data:`GRANTS`.

The command line is not checked here: whoever runs it holds the database credentials, which is
administrator power already (docs/DESIGN.md, "Trust model of the command line").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.models import Role


class Permission(enum.StrEnum):
    VIEW_QUEUE = "view_queue"
    DECIDE = "decide"
    VIEW_PAGES = "view_pages"
    VIEW_COMPLIANCE = "view_compliance"
    SEARCH_ARCHIVE = "search_archive"
    EXPORT_ARCHIVE = "export_archive"
    REQUEST_PAGE = "request_page"
    APPROVE_PAGE = "approve_page"
    VIEW_AUDIT = "view_audit"
    MANAGE_TOKENS = "manage_tokens"
    MANAGE_ACCOUNTS = "manage_accounts"


_ALL = frozenset(Role)
GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_QUEUE: frozenset({Role.PIO, Role.CHIEF, Role.ADMIN}),
    # PIO staff decide; the chief decides what was escalated to them.
    Permission.DECIDE: frozenset({Role.PIO, Role.CHIEF}),
    Permission.VIEW_PAGES: _ALL,
    Permission.VIEW_COMPLIANCE: frozenset({Role.PIO, Role.CHIEF, Role.ADMIN}),
    Permission.SEARCH_ARCHIVE: frozenset({Role.RECORDS_CLERK}),
    Permission.EXPORT_ARCHIVE: frozenset({Role.RECORDS_CLERK}),
    Permission.REQUEST_PAGE: frozenset({Role.PIO, Role.ADMIN}),
    # Policy: new pages need the chief's (or a designee's) approval; designees get the role.
    Permission.APPROVE_PAGE: frozenset({Role.CHIEF}),
    Permission.VIEW_AUDIT: frozenset({Role.ADMIN, Role.CHIEF}),
    Permission.MANAGE_TOKENS: frozenset({Role.ADMIN}),
    Permission.MANAGE_ACCOUNTS: frozenset({Role.ADMIN}),
}


@dataclass(frozen=True, slots=True)
class Person:
    """Someone with roles, as the bot knows them."""

    telegram_id: int
    name: str
    roles: frozenset[Role]

    def can(self, permission: Permission) -> bool:
        return bool(self.roles & GRANTS[permission])

    @property
    def actor(self) -> str:
        """How this person is named in the audit log."""
        return f"{self.name} (telegram:{self.telegram_id})"


class _UserSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    telegram_id: int
    name: str = Field(min_length=1, max_length=150)
    roles: list[Role] = Field(min_length=1)


class _RolesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    telegram_users: list[_UserSpec] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RoleBook:
    """Everyone who has a role, by Telegram user id."""

    people: dict[int, Person]

    @classmethod
    def from_config_dir(cls, config_dir: Path) -> RoleBook:
        """Read ``roles.yaml`` (absent: nobody has a role).

        Raises:
            ConfigError: the file is unreadable or malformed (every problem listed).
        """
        path = config_dir / "roles.yaml"
        if not path.is_file():
            return cls({})
        return cls.from_data(load_yaml_file(path) or {}, source=str(path))

    @classmethod
    def from_data(cls, data: Any, *, source: str = "roles.yaml") -> RoleBook:
        try:
            parsed = _RolesFile.model_validate(data)
        except ValidationError as exc:
            problems = [
                f"{source}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            ]
            raise ConfigError(problems) from None
        people: dict[int, Person] = {}
        duplicates = []
        for spec in parsed.telegram_users:
            if spec.telegram_id in people:
                duplicates.append(f"{source}: telegram_id {spec.telegram_id} is listed twice")
            people[spec.telegram_id] = Person(spec.telegram_id, spec.name, frozenset(spec.roles))
        if duplicates:
            raise ConfigError(duplicates)
        return cls(people)

    def person(self, telegram_id: int | None) -> Person | None:
        return None if telegram_id is None else self.people.get(int(telegram_id))

    def by_name(self, name: str) -> Person | None:
        """The person whose configured name is ``name`` (case and spacing aside)."""
        wanted = " ".join(name.split()).casefold()
        found = [p for p in self.people.values() if " ".join(p.name.split()).casefold() == wanted]
        return found[0] if len(found) == 1 else None

    def with_role(self, role: Role) -> list[Person]:
        return [p for p in self.people.values() if role in p.roles]
