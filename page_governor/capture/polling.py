"""Capturing one page on demand or on schedule: honour its back-off, claim it so no two
workers poll it at once, record success, failure and capture gaps."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from page_governor.capture import health
from page_governor.capture.ingest import PollStats
from page_governor.db import leases
from page_governor.errors import PlatformError
from page_governor.governance.registry import page_row

if TYPE_CHECKING:
    from page_governor.app import App

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PollOutcome:
    page: str
    stats: PollStats | None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.stats is not None


def poll_job(
    app: App,
    page_key: str,
    *,
    force: bool = False,
    owner: str | None = None,
    receive_telegram: bool = True,
) -> PollOutcome:
    """Capture one page, honouring its back-off; record success, failure and capture gaps.

    A platform failure never propagates: it is recorded (gap, back-off or pause, admin alert)
    so that one page's trouble never stops the others. ``force`` (an operator's explicit poll)
    ignores back-off and pauses; a success then un-pauses the page.

    ``owner`` (a worker) claims the page first, so two workers never poll it at once nor twice
    in one interval. ``receive_telegram`` reads the bot's pending updates before a Telegram
    page is served from the inbox; the worker's bot does that itself, and a command line run
    does it only when no worker owns the bot (Telegram allows one reader).
    """
    now = app.clock.now()
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
        verdict = health.may_poll(conn, page["id"], now)
    if not verdict.may_poll and not force:
        log.info("skipping %s: %s", page_key, verdict.reason)
        return PollOutcome(page_key, None, verdict.reason)
    if owner is None:
        return _poll(app, page, receive_telegram=receive_telegram)
    interval = timedelta(seconds=int(page["poll_interval_seconds"]))
    with leases.Held(
        app.db,
        f"poll:{page['id']}",
        owner,
        clock=app.clock,
        ttl=lease_ttl(app),
        keep_for=interval / 2,
    ) as held:
        if not held.acquired:
            return PollOutcome(page_key, None, "polled by another worker")
        return _poll(app, page, receive_telegram=receive_telegram)


def lease_ttl(app: App) -> timedelta:
    """How long a worker's claim on a page or the bot lasts before another may take it."""
    return timedelta(seconds=app.settings.lease_seconds)


def _poll(app: App, page: dict[str, Any], *, receive_telegram: bool) -> PollOutcome:
    try:
        adapter = app.adapter_for(page)
        if page["platform"] == "telegram" and page["source"] == "live" and receive_telegram:
            _receive_unless_bot_runs(app, adapter)
        stats = app.ingestor().poll(page, adapter)
    except PlatformError as exc:
        with app.db.begin() as conn:
            verdict = health.record_failure(conn, page, exc, app.clock.now())
        log.warning("poll of %s failed: %s (%s)", page["key"], exc.message, verdict.reason)
        return PollOutcome(page["key"], None, verdict.reason)
    slowdown = getattr(adapter, "slowdown_seconds", None)
    with app.db.begin() as conn:
        health.record_success(
            conn,
            page["id"],
            app.clock.now(),
            slowdown_seconds=slowdown() if callable(slowdown) else 0.0,
        )
    return PollOutcome(page["key"], stats)


def _receive_unless_bot_runs(app: App, adapter: Any) -> None:
    from page_governor.capture.telegram_inbox import receive

    with leases.Held(
        app.db, leases.BOT_LEASE, leases.new_owner(), clock=app.clock, ttl=lease_ttl(app)
    ) as held:
        if held.acquired:
            receive(app.db, adapter, now=app.clock.now())
        else:
            log.info("a worker owns the Telegram bot; its updates are stored by that worker")
