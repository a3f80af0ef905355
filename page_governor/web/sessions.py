"""Console sign-in attempts and sessions, kept in the database so that every web process sees
the same ones.

- **Lockout.** An attempt is counted *before* its password is checked, under a lock: running
  and failed attempts of a username in the last 15 minutes are counted and, below the limit,
  one more is registered in the same transaction. Parallel tries therefore get no more
  password checks than sequential ones, in one process or many.
- **Sessions.** The cookie carries a random token; the server keeps its hash with a fixed end
  (eight hours after sign-in). Signing out, disabling the account or changing its password ends
  the session on the server, so a copied cookie is worthless afterwards, and using the console
  never extends the eight hours.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from page_governor.db import schema as t
from page_governor.db import serialize
from page_governor.hashing import sha256_hex

FAILED_LOGINS_ALLOWED = 5  # per username within LOCKOUT
LOCKOUT = timedelta(minutes=15)
SESSION_LENGTH = timedelta(hours=8)  # a working day; then sign in again
_LOGIN_LOCK = 0x70676C69  # "pgli"
_FAILED = "failed"


def begin_attempt(conn: Connection, username: str, *, now: datetime) -> int | None:
    """Register a sign-in attempt for ``username``; None when the account is locked out
    (too many running or failed attempts within the lockout window)."""
    serialize(conn, _LOGIN_LOCK)
    attempts = t.login_attempts
    since = now - LOCKOUT
    conn.execute(
        delete(attempts).where(attempts.c.username == username, attempts.c.started_at <= since)
    )
    counted = conn.execute(
        select(func.count())
        .select_from(attempts)
        .where(
            attempts.c.username == username,
            or_(attempts.c.outcome.is_(None), attempts.c.outcome == _FAILED),
        )
    ).scalar_one()
    if counted >= FAILED_LOGINS_ALLOWED:
        return None
    return int(
        conn.execute(
            insert(attempts).values(username=username, started_at=now, outcome=None)
        ).inserted_primary_key[0]
    )


def end_attempt(conn: Connection, attempt_id: int, username: str, *, succeeded: bool) -> None:
    """A failed attempt keeps counting until the window passes; a success clears the count."""
    attempts = t.login_attempts
    if succeeded:
        conn.execute(delete(attempts).where(attempts.c.username == username))
    else:
        conn.execute(update(attempts).where(attempts.c.id == attempt_id).values(outcome=_FAILED))


def _hash(token: str) -> str:
    return sha256_hex(token)


def open_session(conn: Connection, user_id: int, *, now: datetime) -> str:
    """A new session for ``user_id``; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(t.web_sessions).values(
            token_hash=_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + SESSION_LENGTH,
            ended_at=None,
        )
    )
    return token


def session_user(conn: Connection, token: str, *, now: datetime) -> int | None:
    """The user id of a session that has neither ended nor expired, else None."""
    sessions = t.web_sessions
    return conn.execute(
        select(sessions.c.user_id).where(
            sessions.c.token_hash == _hash(token),
            sessions.c.ended_at.is_(None),
            sessions.c.expires_at > now,
        )
    ).scalar_one_or_none()


def end_session(conn: Connection, token: str, *, now: datetime) -> None:
    sessions = t.web_sessions
    conn.execute(
        update(sessions)
        .where(sessions.c.token_hash == _hash(token), sessions.c.ended_at.is_(None))
        .values(ended_at=now)
    )


def end_sessions_of(conn: Connection, user_id: int, *, now: datetime) -> int:
    """End every open session of a user (account disabled, password changed)."""
    sessions = t.web_sessions
    return int(
        conn.execute(
            update(sessions)
            .where(sessions.c.user_id == user_id, sessions.c.ended_at.is_(None))
            .values(ended_at=now)
        ).rowcount
        or 0
    )
