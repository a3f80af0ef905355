"""Web console accounts: per-user, argon2id-hashed passwords, the same roles as the bot.

An admin creates them on the command line (`page-governor users add`). A person who also
uses the bot can be linked to their Telegram id, so both interfaces name them the same way in
the audit log (which is what keeps "not one's own request" true across them).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from page_governor.archive import audit
from page_governor.db import schema as t
from page_governor.errors import InputError, UnknownObject
from page_governor.governance.roles import GRANTS, Permission
from page_governor.models import Role
from page_governor.web.sessions import end_sessions_of

HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 12
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
# A hash to verify against when the user does not exist, so timing does not tell.
_DUMMY = HASHER.hash("page-governor-no-such-user")


@dataclass(frozen=True, slots=True)
class WebUser:
    id: int
    username: str
    name: str
    roles: frozenset[Role]
    telegram_id: int | None

    def can(self, permission: Permission) -> bool:
        return bool(self.roles & GRANTS[permission])

    @property
    def actor(self) -> str:
        """How the audit log names this person (as the bot does, when linked)."""
        if self.telegram_id is not None:
            return f"{self.name} (telegram:{self.telegram_id})"
        return f"{self.name} (web:{self.username})"


def _user(row: Any) -> WebUser:
    return WebUser(
        int(row["id"]),
        row["username"],
        row["display_name"],
        frozenset(Role(r) for r in row["roles"]),
        int(row["telegram_id"]) if row["telegram_id"] is not None else None,
    )


def add_user(
    conn: Connection,
    *,
    username: str,
    name: str,
    roles: list[Role],
    password: str,
    telegram_id: int | None,
    by: str,
    now: datetime,
) -> WebUser:
    """Create an account (audited).

    Raises:
        InputError: a bad username, a short password, no role, or the username is taken.
    """
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise InputError(
            "a username is 2-64 lowercase letters, digits, dots, dashes or _", field="username"
        )
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"the password must have at least {MIN_PASSWORD} characters", field="password"
        )
    if not roles:
        raise InputError("give the user at least one --role", field="roles")
    if conn.execute(select(t.web_users.c.id).where(t.web_users.c.username == username)).first():
        raise InputError(f"user {username} exists already", field="username")
    if telegram_id is not None:
        holder = conn.execute(
            select(t.web_users.c.username).where(t.web_users.c.telegram_id == telegram_id)
        ).scalar_one_or_none()
        if holder is not None:
            # one person, one identity: the audit log must never name two accounts alike
            raise InputError(
                f"Telegram id {telegram_id} belongs to user {holder} already", field="telegram_id"
            )
    user_id = conn.execute(
        insert(t.web_users).values(
            username=username,
            display_name=name.strip() or username,
            password_hash=HASHER.hash(password),
            roles=sorted(r.value for r in roles),
            telegram_id=telegram_id,
            created_at=now,
        )
    ).inserted_primary_key[0]
    audit.record(
        conn,
        at=now,
        actor=by,
        action="user.added",
        subject_type="web_user",
        subject_id=username,
        details={"roles": sorted(r.value for r in roles), "telegram_id": telegram_id},
    )
    return get_user(conn, int(user_id))


def get_user(conn: Connection, user_id: int) -> WebUser:
    row = (
        conn.execute(
            select(t.web_users).where(
                t.web_users.c.id == user_id, t.web_users.c.disabled_at.is_(None)
            )
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise UnknownObject(f"no active user {user_id}")
    return _user(row)


def authenticate(
    conn: Connection, username: str, password: str, *, now: datetime
) -> WebUser | None:
    """The user when the password is right (and the account enabled), else None."""
    row = (
        conn.execute(
            select(t.web_users).where(
                t.web_users.c.username == username.strip().lower(),
                t.web_users.c.disabled_at.is_(None),
            )
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        with contextlib.suppress(VerificationError):
            HASHER.verify(_DUMMY, password)
        return None
    try:
        HASHER.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    values: dict[str, Any] = {"last_login_at": now}
    if HASHER.check_needs_rehash(row["password_hash"]):
        values["password_hash"] = HASHER.hash(password)
    conn.execute(update(t.web_users).where(t.web_users.c.id == row["id"]).values(**values))
    return _user(row)


def set_password(conn: Connection, username: str, password: str, *, by: str, now: datetime) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password must have at least {MIN_PASSWORD} characters")
    done = conn.execute(
        update(t.web_users)
        .where(t.web_users.c.username == username)
        .values(password_hash=HASHER.hash(password))
    )
    if not done.rowcount:
        raise UnknownObject(f"no user {username}")
    # Whoever holds a session of the old password is signed out.
    user_id = conn.execute(
        select(t.web_users.c.id).where(t.web_users.c.username == username)
    ).scalar_one()
    end_sessions_of(conn, user_id, now=now)
    audit.record(
        conn,
        at=now,
        actor=by,
        action="user.password_set",
        subject_type="web_user",
        subject_id=username,
    )


def disable_user(conn: Connection, username: str, *, by: str, now: datetime) -> None:
    _set_disabled(conn, username, at=now, by=by)


def enable_user(conn: Connection, username: str, *, by: str, now: datetime) -> None:
    """Enable a disabled account again (audited)."""
    _set_disabled(conn, username, at=None, by=by, now=now)


def _set_disabled(
    conn: Connection,
    username: str,
    *,
    at: datetime | None,
    by: str,
    now: datetime | None = None,
) -> None:
    """Disable (``at``: when) or enable (``at=None``) an account, audited."""
    disabling = at is not None
    was = (
        t.web_users.c.disabled_at.is_(None) if disabling else t.web_users.c.disabled_at.is_not(None)
    )
    done = conn.execute(
        update(t.web_users).where(t.web_users.c.username == username, was).values(disabled_at=at)
    )
    if not done.rowcount:
        raise UnknownObject(f"no {'active' if disabling else 'disabled'} user {username}")
    if at is not None:
        user_id = conn.execute(
            select(t.web_users.c.id).where(t.web_users.c.username == username)
        ).scalar_one()
        end_sessions_of(conn, user_id, now=at)
    audit.record(
        conn,
        at=at or now,
        actor=by,
        action="user.disabled" if disabling else "user.enabled",
        subject_type="web_user",
        subject_id=username,
    )


def set_roles(
    conn: Connection, username: str, roles: list[Role], *, by: str, now: datetime
) -> list[str]:
    """Replace an account's roles (audited with the roles before and after)."""
    if not roles:
        raise InputError("give the user at least one --role")
    before = conn.execute(
        select(t.web_users.c.roles).where(t.web_users.c.username == username)
    ).scalar_one_or_none()
    if before is None:
        raise UnknownObject(f"no user {username}")
    after = sorted({r.value for r in roles})
    conn.execute(update(t.web_users).where(t.web_users.c.username == username).values(roles=after))
    audit.record(
        conn,
        at=now,
        actor=by,
        action="user.roles_set",
        subject_type="web_user",
        subject_id=username,
        details={"before": sorted(before or []), "after": after},
    )
    return after


def list_users(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(t.web_users).order_by(t.web_users.c.username)).mappings()
    return [{k: v for k, v in dict(r).items() if k != "password_hash"} for r in rows]
