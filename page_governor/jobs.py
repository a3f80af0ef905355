"""What each scheduled job does. Plain functions: tests call them, the scheduler times them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from page_governor import health
from page_governor.app import App
from page_governor.compliance.service import check_page
from page_governor.errors import PlatformError
from page_governor.ingest import PollStats
from page_governor.models import PageState
from page_governor.registry import all_pages, page_row

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PollOutcome:
    page: str
    stats: PollStats | None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.stats is not None


def poll_job(app: App, page_key: str, *, force: bool = False) -> PollOutcome:
    """Capture one page, honouring its back-off; record success, failure and capture gaps.

    A platform failure never propagates: it is recorded (gap, back-off or pause, admin alert)
    so that one page's trouble never stops the others. ``force`` (an operator's explicit poll)
    ignores back-off and pauses; a success then un-pauses the page.
    """
    now = app.clock.now()
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
        verdict = health.may_poll(conn, page["id"], now)
    if not verdict.may_poll and not force:
        log.info("skipping %s: %s", page_key, verdict.reason)
        return PollOutcome(page_key, None, verdict.reason)
    try:
        adapter = app.adapter_for(page)
        if page["platform"] == "telegram" and page["source"] == "live":
            from page_governor.telegram_inbox import receive

            receive(app.db, adapter, now=now)  # type: ignore[arg-type]
        stats = app.ingestor().poll(page, adapter)
    except PlatformError as exc:
        with app.db.begin() as conn:
            verdict = health.record_failure(conn, page, exc, app.clock.now())
        log.warning("poll of %s failed: %s (%s)", page_key, exc.message, verdict.reason)
        return PollOutcome(page_key, None, verdict.reason)
    slowdown = getattr(adapter, "slowdown_seconds", None)
    with app.db.begin() as conn:
        health.record_success(
            conn,
            page["id"],
            app.clock.now(),
            slowdown_seconds=slowdown() if callable(slowdown) else 0.0,
        )
    return PollOutcome(page_key, stats)


def compliance_job(app: App) -> None:
    """Check every active page's profile; drift alerts go to the outbox."""
    with app.db.connect() as conn:
        pages = all_pages(conn, states=(PageState.ACTIVE,))
    ingestor = app.ingestor()
    for page in pages:
        try:
            ingestor.capture_profile(page, app.adapter_for(page))
            with app.db.begin() as conn:
                check_page(conn, page, app.policy, now=app.clock.now())
        except PlatformError as exc:
            log.warning("compliance check of %s failed: %s", page["key"], exc.message)


def retention_job(app: App) -> list[int]:
    """Daily: propose disposition lists for what is past retention (a clerk must approve), then
    refresh the database's planner statistics."""
    from page_governor.archive import retention

    schedule = retention.load_schedule(app.settings.config_dir)
    proposed = []
    with app.db.begin() as conn:
        for record_class in schedule.values():
            found = retention.propose(conn, record_class, by="retention-sweep", now=app.clock.now())
            if found is not None:
                proposed.append(found)
    if proposed:
        log.info("retention sweep proposed disposition lists %s", proposed)
    app.db.optimize()
    return proposed
