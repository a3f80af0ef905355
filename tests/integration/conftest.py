"""Fixtures shared by the integration tests."""

from __future__ import annotations

import pytest

from page_governor.compliance.service import check_page
from page_governor.governance.registry import page_row
from page_governor.platforms.sample import load_bundled
from tests.helpers import poll_all, register_sample


@pytest.fixture
def queued(app):
    """The bundled sample pages captured once and checked: their flags wait in the queue."""
    first = load_bundled().timeline[0]
    pages = register_sample(app)
    poll_all(app, first)
    with app.db.begin() as conn:
        for page in pages.values():
            check_page(conn, page_row(conn, page["id"]), app.policy, now=first)
    return pages
