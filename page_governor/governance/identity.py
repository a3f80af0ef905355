"""Who acts on the command line: one checked identity for every command that decides about
comments or pages or releases records.

``--by WHO`` names either a console account (its username) or a person of ``roles.yaml``
(their name, case and spacing aside). The person must exist, be enabled and hold a role that
may do what the command does, as in the console and the bot; they are then named in the audit
log exactly as those interfaces name them, so "not one's own request" holds across all three.
A refused attempt is audited (``cli.refused``, with the operating-system login that ran it).

The command line trusts the operating-system account it runs under (whoever can run it can
also reach the database); this check keeps decisions attributed to a real person who holds
the right role, not to whatever name was typed.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from page_governor.archive import audit
from page_governor.db import Database
from page_governor.db import schema as t
from page_governor.errors import NotAuthorized
from page_governor.governance.roles import GRANTS, Permission, RoleBook
from page_governor.models import Role


@dataclass(frozen=True, slots=True)
class Identity:
    actor: str  # as the audit log names them
    roles: frozenset[Role]
    source: str  # "console account" or "roles.yaml"

    def can(self, permission: Permission) -> bool:
        return bool(self.roles & GRANTS[permission])


def login() -> str:
    """The operating-system login running the command ($PAGE_GOVERNOR_USER overrides)."""
    return os.environ.get("PAGE_GOVERNOR_USER") or getpass.getuser()


def resolve(conn: Connection, book: RoleBook, who: str) -> Identity:
    """The person ``who`` names: a console account first, then a roles.yaml name.

    Raises:
        NotAuthorized: nobody by that name, a disabled account, or a name two people share.
    """
    from page_governor.web.users import get_user

    wanted = who.strip()
    row = (
        conn.execute(select(t.web_users).where(t.web_users.c.username == wanted.lower()))
        .mappings()
        .one_or_none()
    )
    if row is not None:
        if row["disabled_at"] is not None:
            raise NotAuthorized(f"the console account {wanted!r} is disabled")
        user = get_user(conn, int(row["id"]))
        return Identity(user.actor, user.roles, "console account")
    person = book.by_name(wanted)
    if person is not None:
        return Identity(person.actor, person.roles, "roles.yaml")
    raise NotAuthorized(
        f"{wanted!r} is neither a console account nor a name in roles.yaml",
        hint="give your console username (`page-governor users list`) or your name as "
        "roles.yaml lists it",
    )


def authorize(
    db: Database,
    book: RoleBook,
    who: str,
    permission: Permission,
    *,
    what: str,
    now: datetime,
) -> Identity:
    """The checked identity of ``who`` for ``permission``; a refusal is audited.

    Raises:
        NotAuthorized: unknown, disabled, or without a role that may do ``what``.
    """
    with db.connect() as conn:
        try:
            identity = resolve(conn, book, who)
        except NotAuthorized as exc:
            refusal: NotAuthorized | None = exc
            identity = None
        else:
            refusal = None
    if identity is not None and not identity.can(permission):
        needed = " or ".join(sorted(r.value for r in GRANTS[permission]))
        refusal = NotAuthorized(
            f"{identity.actor} may not {what}: that needs the {needed} role",
            hint=f"their roles ({identity.source}): "
            + (", ".join(sorted(r.value for r in identity.roles)) or "none"),
        )
    if refusal is not None:
        audit.record_refusal(
            db,
            at=now,
            actor=identity.actor if identity else f"cli:{login()}",
            channel="cli",
            what=what,
            details={"by": who[:200], "login": login(), "reason": refusal.message},
        )
        raise refusal
    assert identity is not None
    return identity
