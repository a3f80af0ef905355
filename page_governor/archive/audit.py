"""The audit log: every human action, hash-chained like the archive."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from page_governor.archive.store import lock_chain
from page_governor.db import Database
from page_governor.db import schema as t
from page_governor.hashing import GENESIS, canonical_json, chain_hash

_AUDIT_LOCK = 0x70676175  # "pgau"


def audit_record(row: dict[str, Any]) -> dict[str, Any]:
    """The fields an audit entry's hash covers."""
    return {
        "at": row["at"],
        "actor": row["actor"],
        "action": row["action"],
        "subject_type": row["subject_type"],
        "subject_id": row["subject_id"],
        "details": row["details"],
    }


def record(
    conn: Connection,
    *,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str | int,
    details: dict[str, Any] | None = None,
) -> int:
    """Append one audit entry in the caller's transaction and return its id."""
    lock_chain(conn, _AUDIT_LOCK)
    prev = (
        conn.execute(
            select(t.audit_log.c.record_hash).order_by(t.audit_log.c.id.desc()).limit(1)
        ).scalar_one_or_none()
        or GENESIS
    )
    row = {
        "at": at,
        "actor": actor,
        "action": action,
        "subject_type": subject_type,
        "subject_id": str(subject_id),
        "details": canonical_json(details or {}),
    }
    return conn.execute(
        insert(t.audit_log).values(
            **row, prev_hash=prev, record_hash=chain_hash(prev, audit_record(row))
        )
    ).inserted_primary_key[0]


def record_refusal(
    db: Database, *, at: datetime, actor: str, channel: str, what: str, details: dict[str, Any]
) -> None:
    """Audit, in its own transaction, an attempt someone was not allowed to make
    (``<channel>.refused``: telegram or web)."""
    with db.begin() as conn:
        record(
            conn,
            at=at,
            actor=actor,
            action=f"{channel}.refused",
            subject_type=channel,
            subject_id=what,
            details=details,
        )
