"""What each scheduled job does. Plain functions: tests call them, the scheduler times them."""

from __future__ import annotations

import logging

from page_governor.app import App
from page_governor.compliance.service import check_page
from page_governor.errors import PlatformError
from page_governor.models import PageState
from page_governor.registry import all_pages, page_row

log = logging.getLogger(__name__)


def poll_job(app: App, page_key: str) -> None:
    """Capture one page. A platform failure is logged; the other pages are not affected."""
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
    try:
        app.ingestor().poll(page, app.adapter_for(page))
    except PlatformError as exc:
        log.warning("poll of %s failed: %s", page_key, exc.message)


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
