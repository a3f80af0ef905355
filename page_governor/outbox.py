"""The durable outbox: alerts are written in the same transaction as what caused them and
delivered later (by the worker's Telegram sender), at most once per ``dedupe_key``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from page_governor.db import schema as t


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
