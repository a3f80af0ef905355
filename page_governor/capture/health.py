"""Per-page capture health: back-off, pausing dead tokens, and the capture-gap ledger.

A page that cannot be read is never silently skipped:

* a rate limit waits as long as the platform asked (plus jitter);
* a transient failure (5xx, timeout, malformed answer) backs off exponentially with full
  jitter, capped at an hour;
* a dead token, a missing permission or a vanished page *pauses* the page and alerts the
  admin; it stays paused until someone resumes it (``page-governor pages resume``);
* from the last complete read until the next one, a **capture gap** is open. Gaps are kept
  for good, so records-request exports can disclose the periods nothing was captured.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit
from page_governor.clock import parse_time
from page_governor.db import schema as t
from page_governor.errors import (
    AuthError,
    NotFoundOnPlatform,
    PermissionDenied,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)
from page_governor.logging_setup import redact

MAX_BACKOFF = timedelta(hours=1)
# Failures that will not heal by waiting: a human must act.
PAUSING = (AuthError, PermissionDenied, NotFoundOnPlatform)


@dataclass(frozen=True, slots=True)
class Verdict:
    may_poll: bool
    reason: str = ""


def reason_of(exc: PlatformError) -> str:
    if isinstance(exc, RateLimited):
        return "rate_limited"
    if isinstance(exc, AuthError):
        return "auth"
    if isinstance(exc, PermissionDenied):
        return "permission"
    if isinstance(exc, NotFoundOnPlatform):
        return "not_found"
    if isinstance(exc, PlatformUnavailable):
        return "unavailable"
    return "error"


def health_of(conn: Connection, page_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(select(t.page_health).where(t.page_health.c.page_id == page_id))
        .mappings()
        .one_or_none()
    )
    return dict(row) if row else None


def _save(conn: Connection, page_id: int, values: dict[str, Any]) -> None:
    if health_of(conn, page_id) is None:
        base = {"status": "ok", "consecutive_failures": 0}
        conn.execute(insert(t.page_health).values(page_id=page_id, **{**base, **values}))
    else:
        conn.execute(
            update(t.page_health).where(t.page_health.c.page_id == page_id).values(**values)
        )


def may_poll(conn: Connection, page_id: int, now: datetime) -> Verdict:
    health = health_of(conn, page_id)
    if health is None:
        return Verdict(True)
    if health["status"] == "paused":
        return Verdict(False, f"paused: {health['last_error']}")
    nxt = health["next_attempt_at"]
    if nxt is not None and nxt > now:
        return Verdict(False, f"backing off until {nxt:%Y-%m-%d %H:%M:%S} UTC")
    return Verdict(True)


def open_gap(conn: Connection, page_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(
            select(t.capture_gaps).where(
                t.capture_gaps.c.page_id == page_id, t.capture_gaps.c.ended_at.is_(None)
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def record_success(
    conn: Connection, page_id: int, now: datetime, *, slowdown_seconds: float = 0.0
) -> None:
    """A complete read: close the open gap, reset back-off (or slow down as the platform asks)."""
    gap = open_gap(conn, page_id)
    if gap is not None:
        conn.execute(
            update(t.capture_gaps)
            .where(t.capture_gaps.c.id == gap["id"])
            .values(ended_at=now, updated_at=now)
        )
    _save(
        conn,
        page_id,
        {
            "status": "ok",
            "consecutive_failures": 0,
            "next_attempt_at": now + timedelta(seconds=slowdown_seconds)
            if slowdown_seconds > 0
            else None,
            "last_success_at": now,
            "last_error": None,
            "updated_at": now,
        },
    )


def record_failure(
    conn: Connection,
    page: dict[str, Any],
    exc: PlatformError,
    now: datetime,
    *,
    rng: random.Random | None = None,
) -> Verdict:
    """A failed read: open (or extend) the gap; back off or pause; alert when pausing."""
    rng = rng or random.Random()
    health = health_of(conn, page["id"]) or {}
    failures = int(health.get("consecutive_failures") or 0) + 1
    reason = reason_of(exc)
    detail = redact(exc.message)  # stored and shown: never a token from an error text
    gap = open_gap(conn, page["id"])
    if gap is None:
        started = health.get("last_success_at") or _last_cursor(conn, page["id"]) or now
        conn.execute(
            insert(t.capture_gaps).values(
                page_id=page["id"],
                started_at=started,
                ended_at=None,
                reason=reason,
                detail=detail,
                failures=1,
                updated_at=now,
            )
        )
    else:
        conn.execute(
            update(t.capture_gaps)
            .where(t.capture_gaps.c.id == gap["id"])
            .values(failures=gap["failures"] + 1, detail=detail, reason=reason, updated_at=now)
        )
    if isinstance(exc, PAUSING):
        _save(
            conn,
            page["id"],
            {
                "status": "paused",
                "consecutive_failures": failures,
                "next_attempt_at": None,
                "last_error": detail,
                "updated_at": now,
            },
        )
        if health.get("status") != "paused":
            enqueue(
                conn,
                kind="page_paused",
                dedupe_key=f"page_paused:{page['id']}:{now.isoformat()}",
                payload={
                    "page": page["key"],
                    "platform": page["platform"],
                    "reason": reason,
                    "error": detail,
                    "hint": exc.hint or "",
                    "resume": f"page-governor pages resume {page['key']}",
                },
                now=now,
            )
        return Verdict(False, f"paused ({reason}): {detail}")
    if isinstance(exc, RateLimited) and exc.retry_after:
        wait = timedelta(seconds=exc.retry_after * (1 + 0.1 * rng.random()))
    else:
        base = timedelta(seconds=int(page.get("poll_interval_seconds") or 300))
        ceiling = min(MAX_BACKOFF, base * (2 ** min(failures, 16)))
        wait = max(timedelta(seconds=5), ceiling * rng.random())  # full jitter
    _save(
        conn,
        page["id"],
        {
            "status": "backing_off",
            "consecutive_failures": failures,
            "next_attempt_at": now + wait,
            "last_error": detail,
            "updated_at": now,
        },
    )
    return Verdict(False, f"{reason}: retry after {wait.total_seconds():.0f} s")


def resume(conn: Connection, page: dict[str, Any], *, actor: str, now: datetime) -> None:
    """Let a paused or backing-off page be polled again (audited)."""
    before = health_of(conn, page["id"])
    _save(conn, page["id"], {"status": "ok", "next_attempt_at": None, "updated_at": now})
    audit.record(
        conn,
        at=now,
        actor=actor,
        action="page.resume",
        subject_type="page",
        subject_id=page["key"],
        details={
            "was": (before or {}).get("status", "ok"),
            "error": (before or {}).get("last_error"),
        },
    )


def gaps(conn: Connection, page_id: int | None = None) -> list[dict[str, Any]]:
    query = select(t.capture_gaps, t.pages.c.key.label("page")).join(
        t.pages, t.pages.c.id == t.capture_gaps.c.page_id
    )
    if page_id is not None:
        query = query.where(t.capture_gaps.c.page_id == page_id)
    return [dict(r) for r in conn.execute(query.order_by(t.capture_gaps.c.id)).mappings()]


def _last_cursor(conn: Connection, page_id: int) -> datetime | None:
    value = conn.execute(
        select(t.poll_cursors.c.value).where(
            t.poll_cursors.c.page_id == page_id, t.poll_cursors.c.stream == "page"
        )
    ).scalar_one_or_none()
    return parse_time(value) if value else None
