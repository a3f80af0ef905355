"""The long-running worker (Procfile ``worker``): APScheduler times the jobs in ``jobs``."""

from __future__ import annotations

import logging
import signal
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler

from page_governor.app import App
from page_governor.jobs import compliance_job, poll_job, retention_job
from page_governor.models import PageState
from page_governor.registry import all_pages

log = logging.getLogger(__name__)


def build_scheduler(app: App) -> BlockingScheduler:
    scheduler = BlockingScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    with app.db.connect() as conn:
        pages = all_pages(conn, states=(PageState.ACTIVE,))
    for page in pages:
        if page["source"] != "live":
            continue
        scheduler.add_job(
            poll_job,
            "interval",
            seconds=page["poll_interval_seconds"],
            args=(app, page["key"]),
            id=f"poll:{page['key']}",
            jitter=5,
        )
    scheduler.add_job(compliance_job, "cron", hour=6, args=(app,), id="compliance")
    scheduler.add_job(retention_job, "cron", hour=3, args=(app,), id="retention")
    return scheduler


def run_worker(app: App) -> None:
    scheduler = build_scheduler(app)

    def stop(signum: int, _frame: Any) -> None:
        log.info("signal %s: shutting down", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("worker started with %d jobs", len(scheduler.get_jobs()))
    scheduler.start()
