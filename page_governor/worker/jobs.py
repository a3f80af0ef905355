"""What each scheduled job does. Plain functions: tests call them, the scheduler times them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from page_governor.alerts import outbox
from page_governor.app import App
from page_governor.capture import health
from page_governor.clock import iso
from page_governor.compliance.service import check_page
from page_governor.db import leases
from page_governor.db import schema as t
from page_governor.db.leases import once_a_day
from page_governor.errors import AuthError, NotFoundOnPlatform, PermissionDenied, PlatformError
from page_governor.governance.pages import overdue
from page_governor.governance.registry import all_pages, page_ref, page_row
from page_governor.models import PageState, ReviewStatus

if TYPE_CHECKING:
    from page_governor.archive.media import MediaRun

log = logging.getLogger(__name__)


def compliance_job(app: App, *, owner: str | None = None) -> None:
    """Check every active page's profile; drift alerts go to the outbox."""
    if not once_a_day(app, "compliance", owner):
        return
    with app.db.connect() as conn:
        pages = all_pages(conn, states=(PageState.ACTIVE,))
    for page in pages:
        check_page_job(app, page["key"])


def check_page_job(app: App, page_key: str) -> bool:
    """Capture one page's profile and check it (a platform failure is logged, not raised)."""
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
    try:
        app.ingestor().capture_profile(page, app.adapter_for(page))
        with app.db.begin() as conn:
            check_page(conn, page, app.policy, now=app.clock.now())
    except PlatformError as exc:
        log.warning("compliance check of %s failed: %s", page["key"], exc.message)
        return False
    return True


def retention_job(app: App, *, owner: str | None = None) -> list[int]:
    """Daily: propose disposition lists for what is past retention (a clerk must approve), then
    refresh the database's planner statistics."""
    from page_governor.archive import retention

    if not once_a_day(app, "retention", owner):
        return []

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


def signing_job(app: App, *, owner: str | None = None) -> int | None:
    """Daily: sign the heads of the archive and audit chains with the department's key (when
    one is configured). Returns the signature's id."""
    from page_governor.archive import signing

    key_text = app.settings.archive_signing_private_key
    if not key_text or not once_a_day(app, "sign_heads", owner):
        return None
    with app.db.begin() as conn:
        row = signing.sign_heads(conn, signing.load_private_key(key_text), now=app.clock.now())
    log.info("signed the chain heads (signature %s, key %s)", row["id"], row["key_id"])
    return int(row["id"])


def media_job(app: App, *, owner: str | None = None) -> MediaRun | None:
    """Every minute: download the media files that are due (one worker at a time). A
    download cut short (a stopping worker) stores nothing and is tried again."""
    from page_governor.archive import media

    if not app.settings.capture_media:
        return None
    with leases.Held(
        app.db, "media", owner or leases.new_owner(), clock=app.clock, ttl=timedelta(minutes=10)
    ) as held:
        if not held.acquired:
            return None
        run = media.fetch_pending(app.db, app.media_fetcher(), now=app.clock.now())
    if run.captured or run.failed:
        log.info(
            "media: %d captured, %d to retry, %d failed", run.captured, run.retried, run.failed
        )
    return run


def token_health_job(app: App, *, owner: str | None = None) -> dict[str, str]:
    """Daily: one authenticated read per live page, so an expired or revoked token pauses the
    page and alerts the admin before a day of capture is lost. Returns page → outcome."""
    if not once_a_day(app, "token_health", owner):
        return {}
    with app.db.connect() as conn:
        pages = [p for p in all_pages(conn, states=(PageState.ACTIVE,)) if p["source"] == "live"]
    outcomes = {}
    for page in pages:
        try:
            app.adapter_for(page).fetch_profile(page_ref(page))
            outcomes[page["key"]] = "ok"
        except (AuthError, PermissionDenied, NotFoundOnPlatform) as exc:
            with app.db.begin() as conn:
                health.record_failure(conn, page, exc, app.clock.now())
            outcomes[page["key"]] = exc.message
        except PlatformError as exc:  # an outage is not a token problem; polling records it
            outcomes[page["key"]] = f"not checked: {exc.message}"
    return outcomes


def x_token_job(app: App, *, owner: str | None = None) -> dict[str, str]:
    """Every few minutes: refresh the X OAuth 2.0 user tokens that expire within half an hour
    (a failure is recorded and alerted to the admin). Returns page → outcome."""
    from page_governor.platforms import x_oauth

    outcomes = x_oauth.refresh_due(app.db, app.settings, now=app.clock.now())
    for key, outcome in outcomes.items():
        log.info("X token of %s: %s", key, outcome)
    return outcomes


def digest_figures(conn: Connection, *, since: datetime, until: datetime) -> dict[str, Any]:
    """What the daily digest reports for ``[since, until)``."""
    from page_governor.compliance.service import latest_results

    flags: dict[str, int] = {}
    for categories in conn.execute(
        select(t.flags.c.categories).where(
            t.flags.c.created_at >= since, t.flags.c.created_at < until
        )
    ).scalars():
        for category in categories:
            flags[category] = flags.get(category, 0) + 1
    decisions = dict(
        conn.execute(
            select(t.review_decisions.c.decision, func.count())
            .where(
                t.review_decisions.c.decided_at >= since, t.review_decisions.c.decided_at < until
            )
            .group_by(t.review_decisions.c.decision)
        ).all()
    )
    appeals = t.appeals
    appeals_in = conn.execute(
        select(func.count()).where(appeals.c.recorded_at >= since, appeals.c.recorded_at < until)
    ).scalar_one()
    appeal_outcomes = dict(
        conn.execute(
            select(appeals.c.status, func.count())
            .where(appeals.c.decided_at >= since, appeals.c.decided_at < until)
            .group_by(appeals.c.status)
        ).all()
    )
    appeals_open = conn.execute(select(func.count()).where(appeals.c.status == "open")).scalar_one()
    waiting = t.review_items.c.status != ReviewStatus.DECIDED.value
    open_items, oldest = conn.execute(
        select(func.count(), func.min(t.review_items.c.created_at)).where(waiting)
    ).one()
    pages = all_pages(conn, states=(PageState.ACTIVE,))
    results = latest_results(conn)
    compliance = []
    for page in pages:
        result = results.get(page["id"])
        if result is not None:
            compliance.append(
                {
                    "page": page["key"],
                    "passed": result["passed"],
                    "total": result["total"],
                    "missing": sorted(
                        k for k, v in result["elements"].items() if not v.get("passed")
                    ),
                }
            )
    by_id = {p["id"]: p["key"] for p in all_pages(conn)}
    gaps = sorted(
        {
            by_id.get(pid, str(pid))
            for pid in conn.execute(
                select(t.capture_gaps.c.page_id).where(t.capture_gaps.c.ended_at.is_(None))
            ).scalars()
        }
    )
    paused = sorted(
        by_id.get(pid, str(pid))
        for pid in conn.execute(
            select(t.page_health.c.page_id).where(t.page_health.c.status == "paused")
        ).scalars()
    )
    return {
        "recertification_due": overdue(conn, until),
        "since": iso(since),
        "until": iso(until),
        "flags_by_category": flags,
        "decisions": {str(k): int(v) for k, v in decisions.items()},
        "open_items": int(open_items or 0),
        "oldest_open": iso(oldest) if oldest else "none",
        "compliance": compliance,
        "open_gaps": gaps,
        "paused": paused,
        "appeals": {
            "received": int(appeals_in),
            "decided": {str(k): int(v) for k, v in appeal_outcomes.items()},
            "open": int(appeals_open),
        },
    }


def digest_job(app: App, *, owner: str | None = None) -> int | None:
    """Daily: queue the digest of the last 24 hours for the PIO chat (once a day)."""
    if not once_a_day(app, "digest", owner):
        return None
    until = app.clock.now()
    with app.db.begin() as conn:
        figures = digest_figures(conn, since=until - timedelta(days=1), until=until)
        return outbox.enqueue(
            conn,
            kind="digest",
            dedupe_key=f"digest:{until.date().isoformat()}",
            payload=figures,
            now=until,
        )
