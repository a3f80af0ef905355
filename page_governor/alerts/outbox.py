"""The durable outbox: alerts are written in the same transaction as what caused them and
delivered later (by the worker's Telegram sender), at most once per ``dedupe_key``."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from page_governor.db import Database
from page_governor.db import schema as t
from page_governor.logging_setup import redact


def enqueue(
    conn: Connection, *, kind: str, dedupe_key: str, payload: dict[str, Any], now: datetime
) -> int | None:
    """Queue an alert unless one with the same key exists. Returns the new id or None."""
    exists = conn.execute(
        select(t.outbox.c.id).where(t.outbox.c.dedupe_key == dedupe_key)
    ).scalar_one_or_none()
    if exists is not None:
        return None
    return conn.execute(
        insert(t.outbox).values(
            kind=kind,
            dedupe_key=dedupe_key,
            payload=payload,
            status="pending",
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
    ).inserted_primary_key[0]


# -- delivery (the worker's sender) ----------------------------------------------------------

PENDING, SENDING, SENT, FAILED, SUMMARISED = "pending", "sending", "sent", "failed", "summarised"


def claim_due(
    db: Database, owner: str, *, now: datetime, lease: timedelta, limit: int = 50
) -> list[dict[str, Any]]:
    """Take up to ``limit`` due alerts for sending, oldest first.

    Due: pending with its next attempt reached, or claimed by a sender whose lease ran out (it
    died mid-send). Rows are claimed with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two
    workers never take the same alert.
    """
    box = t.outbox
    due = or_(
        and_(box.c.status == PENDING, box.c.next_attempt_at <= now),
        and_(box.c.status == SENDING, box.c.claimed_until <= now),
    )
    with db.begin() as conn:
        query = select(box.c.id).where(due).order_by(box.c.id).limit(limit)
        if conn.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list(conn.execute(query).scalars())
        if not ids:
            return []
        conn.execute(
            update(box)
            .where(box.c.id.in_(ids))
            .values(status=SENDING, claimed_by=owner, claimed_until=now + lease)
        )
        rows = conn.execute(select(box).where(box.c.id.in_(ids)).order_by(box.c.id)).mappings()
        return [dict(r) for r in rows]


def _finish(db: Database, alert_id: int, owner: str, **values: Any) -> None:
    box = t.outbox
    with db.begin() as conn:
        conn.execute(
            update(box)
            .where(box.c.id == alert_id, box.c.claimed_by == owner)
            .values(claimed_by=None, claimed_until=None, **values)
        )


def mark_sent(
    db: Database,
    alert_id: int,
    owner: str,
    *,
    now: datetime,
    chat_id: int | None,
    message_id: int | None,
    status: str = SENT,
) -> None:
    _finish(db, alert_id, owner, status=status, sent_at=now, chat_id=chat_id, message_id=message_id)


def mark_retry(
    db: Database, alert_id: int, owner: str, *, attempts: int, error: str, next_at: datetime
) -> None:
    _finish(
        db,
        alert_id,
        owner,
        status=PENDING,
        attempts=attempts,
        last_error=redact(error)[:2000],
        next_attempt_at=next_at,
    )


def mark_failed(db: Database, alert_id: int, owner: str, *, attempts: int, error: str) -> None:
    """Give up on an alert Telegram will never accept (kept, with the reason, for the admin)."""
    _finish(db, alert_id, owner, status=FAILED, attempts=attempts, last_error=redact(error)[:2000])


def retry_failed(conn: Connection, alert_id: int | None, *, now: datetime) -> int:
    """Queue failed alerts again (one, or all). Returns how many."""
    box = t.outbox
    query = update(box).where(box.c.status == FAILED)
    if alert_id is not None:
        query = query.where(box.c.id == alert_id)
    return int(conn.execute(query.values(status=PENDING, next_attempt_at=now)).rowcount or 0)
