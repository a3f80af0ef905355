"""The Telegram update inbox: every update the bot receives, stored before it is acknowledged.

The Bot API keeps undelivered updates for 24 hours and has no history, so an update that was
fetched but not stored is lost for good. :func:`receive` therefore stores a batch in one
transaction and acknowledges it (``offset`` = last id + 1) only on the next call. Storing is
idempotent, so a crash between the two repeats nothing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from page_governor.db import Database, insert_new
from page_governor.db import schema as t
from page_governor.hashing import canonical_json
from page_governor.platforms.telegram import TelegramAdapter, describe_update


def store_updates(db: Database, updates: list[dict[str, Any]], *, now: datetime) -> int:
    """Store every update as received (idempotent). Returns how many were new.

    Updates without a message (button presses and the like) are kept too, under chat 0, so the
    inbox is the complete record and its highest id is the acknowledgement offset.
    """
    rows = []
    for update in updates:
        if "update_id" not in update:
            continue
        described = describe_update(update)
        if described is None:
            other = next((k for k in update if k != "update_id"), "unknown")
            described = (other, 0, 0)
        kind, chat_id, message_id = described
        rows.append(
            {
                "update_id": int(update["update_id"]),
                "kind": kind,
                "chat_id": chat_id,
                "message_id": message_id,
                "payload": canonical_json(update),
                "received_at": now,
            }
        )
    if not rows:
        return 0
    with db.begin() as conn:
        return insert_new(conn, t.telegram_updates, rows)


def next_offset(db: Database) -> int | None:
    with db.connect() as conn:
        last = conn.execute(select(func.max(t.telegram_updates.c.update_id))).scalar_one()
    return None if last is None else int(last) + 1


def receive(db: Database, adapter: TelegramAdapter, *, now: datetime) -> int:
    """Fetch pending updates and store them. Returns the number of new updates stored."""
    updates = adapter.receive_updates(next_offset(db))
    return store_updates(db, updates, now=now)


class DatabaseInbox:
    """:class:`~page_governor.platforms.telegram.InboxReader` over ``telegram_updates``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def messages(self, chat_ids: tuple[int, ...]) -> list[tuple[str, dict[str, Any]]]:
        with self.db.connect() as conn:
            rows = conn.execute(
                select(t.telegram_updates.c.kind, t.telegram_updates.c.payload)
                .where(t.telegram_updates.c.chat_id.in_(chat_ids))
                .order_by(t.telegram_updates.c.update_id)
            ).all()
        result = []
        for kind, payload in rows:
            message = json.loads(payload).get(kind)
            if isinstance(message, dict):
                result.append((kind, message))
        return result
