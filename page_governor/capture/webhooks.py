"""Real-time capture for Meta: Page ``feed`` and Instagram ``comments`` webhook events.

The HTTP endpoint (:mod:`page_governor.web`) checks the signature over the raw body, stores the
event and answers 200 at once; :func:`process_event` then captures what the event names
*through the API*, so a comment deleted minutes after it was posted is archived anyway:

* a new, edited, hidden or unhidden comment is fetched and archived (and classified);
* if it is already gone when we ask, its text is archived from the event itself, followed by a
  deletion tombstone;
* a ``remove`` verb tombstones the archived comment;
* post events trigger an immediate poll of the page.

Polling stays the fallback: an event that cannot be processed changes nothing that the next poll
would not also catch, and it is kept with its outcome.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from page_governor.app import App
from page_governor.archive.store import Archive
from page_governor.capture.ingest import PollStats
from page_governor.clock import parse_time
from page_governor.db import insert_new
from page_governor.db import schema as t
from page_governor.errors import NotFoundOnPlatform, PlatformError
from page_governor.governance.registry import page_ref
from page_governor.logging_setup import redact
from page_governor.models import Comment, PageRef, Provenance

log = logging.getLogger(__name__)

COMMENT_VERBS = frozenset({"add", "edited", "edit", "hide", "unhide"})


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>``, compared safely."""
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len("sha256=") :].strip())


def readable_payload(body: bytes) -> dict[str, Any] | None:
    """The event as JSON when it is an object Python can read, else None (not JSON, or nested
    beyond what the parser can follow: such a body is refused, never stored)."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None


def store_event(app: App, source: str, body: bytes) -> int | None:
    """Store a signed event for processing; None when the very same body is stored already
    (a replay, or Meta delivering it again), which is acknowledged and not stored twice."""
    digest = hashlib.sha256(body).hexdigest()
    with app.db.begin() as conn:
        stored = insert_new(
            conn,
            t.webhook_events,
            {
                "received_at": app.clock.now(),
                "source": source,
                "body": body.decode("utf-8", errors="replace"),
                "status": "pending",
                "body_sha256": digest,
            },
        )
        if not stored:
            return None
        return int(
            conn.execute(
                select(t.webhook_events.c.id).where(t.webhook_events.c.body_sha256 == digest)
            ).scalar_one()
        )


def process_pending(app: App) -> int:
    """Process events stored but not yet processed (e.g. before a restart)."""
    with app.db.connect() as conn:
        ids = (
            conn.execute(
                select(t.webhook_events.c.id)
                .where(t.webhook_events.c.status == "pending")
                .order_by(t.webhook_events.c.id)
            )
            .scalars()
            .all()
        )
    for event_id in ids:
        process_event(app, int(event_id))
    return len(ids)


def process_event(app: App, event_id: int) -> str:
    """Capture what one stored event names. Returns (and records) a short outcome."""
    with app.db.connect() as conn:
        row = (
            conn.execute(select(t.webhook_events).where(t.webhook_events.c.id == event_id))
            .mappings()
            .one()
        )
    try:
        payload = json.loads(row["body"])
        outcomes = [
            _change(app, payload.get("object"), entry, change)
            for entry in payload.get("entry") or []
            for change in entry.get("changes") or []
        ]
        outcome, status = "; ".join(outcomes) or "no changes", "processed"
    except (ValueError, AttributeError, TypeError, RecursionError) as exc:
        outcome, status = f"unreadable event: {exc.__class__.__name__}", "failed"
    except PlatformError as exc:
        outcome, status = f"platform error: {exc.message} (the next poll will catch up)", "failed"
    with app.db.begin() as conn:
        conn.execute(
            update(t.webhook_events)
            .where(t.webhook_events.c.id == event_id)
            .values(status=status, outcome=redact(outcome)[:2000], processed_at=app.clock.now())
        )
    log.info("webhook event %s: %s", event_id, outcome)
    return outcome


def _page_for(app: App, platform: str, platform_id: str) -> dict[str, Any] | None:
    with app.db.connect() as conn:
        row = conn.execute(
            select(t.pages.c.key).where(
                t.pages.c.platform == platform, t.pages.c.platform_id == str(platform_id)
            )
        ).scalar_one_or_none()
        if row is None:
            return None
        from page_governor.governance.registry import page_row

        return page_row(conn, row)


def _change(app: App, obj: Any, entry: dict[str, Any], change: dict[str, Any]) -> str:
    field = change.get("field")
    value = change.get("value") or {}
    if obj == "page" and field == "feed":
        page = _page_for(app, "facebook", str(entry.get("id")))
        if page is None:
            return f"page {entry.get('id')} is not registered: ignored"
        item, verb = value.get("item"), value.get("verb")
        if item == "comment":
            return _comment_event(
                app,
                page,
                comment_id=str(value.get("comment_id")),
                post_id=str(value.get("post_id")),
                verb=str(verb),
                value=value,
            )
        from page_governor.capture.polling import poll_job

        outcome = poll_job(app, page["key"])
        return f"{item} {verb}: polled {page['key']} ({'ok' if outcome.ok else outcome.note})"
    if obj == "instagram" and field == "comments":
        page = _page_for(app, "instagram", str(entry.get("id")))
        if page is None:
            return f"instagram account {entry.get('id')} is not registered: ignored"
        return _comment_event(
            app,
            page,
            comment_id=str(value.get("id")),
            post_id=str((value.get("media") or {}).get("id")),
            verb="add",
            value=value,
        )
    return f"{obj}/{field}: not subscribed, ignored"


def _comment_event(
    app: App,
    page: dict[str, Any],
    *,
    comment_id: str,
    post_id: str,
    verb: str,
    value: dict[str, Any],
) -> str:
    ref = page_ref(page)
    ingestor = app.ingestor()
    now = app.clock.now()
    if verb == "remove":
        return _tombstone(app, page, ref, comment_id, now, "removed (webhook)")
    if verb not in COMMENT_VERBS:
        return f"comment {comment_id}: verb {verb!r} ignored"
    adapter = app.adapter_for(page)
    fetch = getattr(adapter, "fetch_comment", None)
    if not callable(fetch):
        return f"comment {comment_id}: adapter cannot fetch single comments; the poll will"
    stats = PollStats(page["key"])
    try:
        comment = fetch(ref, comment_id, post_id)
        gone = False
    except NotFoundOnPlatform:
        comment, gone = _from_event(ref, comment_id, post_id, value, now), True
        if comment is None:
            return f"comment {comment_id}: gone before it could be fetched, no text in event"
    with app.db.begin() as conn:
        Archive.lock_page(conn, page["id"])
        ingestor.capture_comment(conn, page, ref, comment, now=now, stats=stats)
    if gone:
        _tombstone(app, page, ref, comment_id, now, "deleted before it could be fetched (webhook)")
        return f"comment {comment_id}: archived from the event, deleted on the platform"
    return f"comment {comment_id} {verb}: captured ({stats.flags} flag(s))"


def _from_event(
    ref: PageRef, comment_id: str, post_id: str, value: dict[str, Any], now: datetime
) -> Comment | None:
    text = value.get("message") if "message" in value else value.get("text")
    if not text:
        return None
    author = value.get("from") or {}
    parent = value.get("parent_id")
    return Comment(
        page=ref,
        platform_id=comment_id,
        post_id=post_id,
        parent_id=str(parent) if parent and str(parent) != post_id else None,
        text=str(text),
        created_at=parse_time(value.get("created_time")),
        author_id=str(author.get("id") or value.get("sender_id") or "") or None,
        author_name=author.get("name") or author.get("username") or value.get("sender_name"),
        permalink=None,
        raw={"webhook_value": value},
        provenance=Provenance(ref.platform, "webhook:" + ref.platform.value, now, "page_governor"),
    )


def _tombstone(
    app: App, page: dict[str, Any], ref: PageRef, comment_id: str, now: datetime, reason: str
) -> str:
    with app.db.begin() as conn:
        Archive.lock_page(conn, page["id"])
        status = (
            conn.execute(
                select(t.item_status.c.item_id, t.item_status.c.state, t.item_status.c.last_seen_at)
                .join(t.archive_items, t.archive_items.c.id == t.item_status.c.item_id)
                .where(
                    t.archive_items.c.page_id == page["id"],
                    t.archive_items.c.platform_item_id == comment_id,
                )
            )
            .mappings()
            .first()
        )
        if status is None:
            return f"comment {comment_id} removed before it was ever captured"
        if status["state"] == "deleted":
            return f"comment {comment_id}: deletion already recorded"
        Archive().tombstone(
            conn,
            item_id=status["item_id"],
            captured_at=now,
            last_seen_at=status["last_seen_at"],
            provenance=Provenance(ref.platform, "webhook:remove", now, "page_governor"),
            reason=reason,
        )
    return f"comment {comment_id}: deletion recorded"
