"""Chains and counters stay whole when many writers arrive at once (issue 23, items 1 and 5)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from page_governor.app import App
from page_governor.archive import audit
from page_governor.archive.integrity import verify_chains
from tests.conftest import NOW


def _at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(n)`` in ``count`` threads released together; return what they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        barrier.wait()
        try:
            work(n)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_parallel_audit_appends_keep_one_unbroken_chain(app: App) -> None:
    def append(n: int) -> None:
        with app.db.begin() as conn:
            conn.execute(audit.t.web_users.select().limit(1)).all()  # a read first, as login does
            audit.record(
                conn,
                at=NOW,
                actor=f"web:user{n}",
                action="web.sign_in_failed",
                subject_type="web_user",
                subject_id=f"user{n}",
            )

    for _round in range(3):
        assert _at_once(20, append) == []
    with app.db.connect() as conn:
        reports = {r.chain: r for r in verify_chains(conn)}
    assert reports["audit"].records == 60
    assert reports["audit"].ok, reports["audit"].problem


def test_two_simultaneous_first_polls_of_a_page_store_each_item_once(app: App) -> None:
    from page_governor.db import schema as t
    from page_governor.governance.registry import all_pages
    from page_governor.platforms.sample import load_bundled
    from tests.helpers import register_sample

    register_sample(app)
    app.clock.set(load_bundled().timeline[0])  # type: ignore[attr-defined]
    with app.db.connect() as conn:
        page = all_pages(conn)[0]

    def poll(_n: int) -> None:
        app.ingestor().poll(page, app.adapter_for(page))

    assert _at_once(2, poll) == []
    with app.db.connect() as conn:
        reports = verify_chains(conn)
        items = conn.execute(
            t.archive_items.select().where(t.archive_items.c.page_id == page["id"])
        ).all()
        versions = conn.execute(
            t.archive_versions.select()
            .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
            .where(t.archive_items.c.page_id == page["id"])
        ).all()
    assert items and len(versions) == len(items)
    assert all(r.ok for r in reports), [r.problem for r in reports]
