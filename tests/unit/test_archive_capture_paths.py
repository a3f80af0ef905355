"""The fast capture path (preloaded index, batched "seen") stores exactly what the plain one does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from page_governor.archive.store import Archive
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.models import ItemKind, Platform, Provenance

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
observation = st.tuples(
    st.sampled_from(["a", "b", "c"]),  # item
    st.sampled_from(["hello", "hello!", "bye"]),  # text
    st.sampled_from([True, False, None]),  # hidden (None: platform does not say)
)


def _archive_rows(observations_by_poll, *, fast: bool, path) -> list[tuple]:
    db = open_database(f"sqlite:///{path}")
    db.upgrade()
    archive = Archive()
    with db.begin() as conn:
        conn.execute(
            insert(t.departments).values(
                slug="d", name="D", official_domains=["d.example"], created_at=T0
            )
        )
        conn.execute(
            insert(t.pages).values(
                key="p",
                department_id=1,
                platform="facebook",
                platform_id="1",
                source="sample",
                state="active",
                poll_interval_seconds=300,
                created_at=T0,
                updated_at=T0,
            )
        )
    for n, poll in enumerate(observations_by_poll):
        at = T0 + timedelta(minutes=n)
        with db.begin() as conn:
            known = archive.load_known(conn, 1) if fast else None
            seen: list[int] | None = [] if fast else None
            for item, text, hidden in poll:
                archive.capture(
                    conn,
                    page_id=1,
                    kind=ItemKind.COMMENT,
                    platform_item_id=item,
                    text_value=text,
                    raw={"t": text},
                    provenance=Provenance(Platform.FACEBOOK, "x", at, "test"),
                    captured_at=at,
                    is_hidden=hidden,
                    known=known,
                    seen=seen,
                )
            if fast:
                archive.mark_seen(conn, seen or [], at)
    with db.connect() as conn:
        versions = conn.execute(
            select(
                t.archive_versions.c.item_id,
                t.archive_versions.c.version_no,
                t.archive_versions.c.state,
                t.archive_versions.c.content_hash,
                t.archive_versions.c.record_hash,
            ).order_by(t.archive_versions.c.id)
        ).all()
        status = conn.execute(select(t.item_status).order_by(t.item_status.c.item_id)).all()
    db.dispose()
    return [tuple(v) for v in versions] + [tuple(s) for s in status]


@settings(max_examples=40, deadline=None)
@given(polls=st.lists(st.lists(observation, max_size=6), min_size=1, max_size=4))
def test_fast_and_plain_capture_paths_store_identical_archives(tmp_path_factory, polls):
    base = tmp_path_factory.mktemp("paths")
    plain = _archive_rows(polls, fast=False, path=base / "plain.sqlite3")
    fast = _archive_rows(polls, fast=True, path=base / "fast.sqlite3")
    assert fast == plain
