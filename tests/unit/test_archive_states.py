"""The archive's state machine over random sequences of platform events: a tombstone never
turns into an "edit" of the same text; a version is written only when something the platform
shows has changed; every version's state follows from the event that produced it."""

from __future__ import annotations

import itertools
import shutil
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from page_governor.archive.store import Archive, Change
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.models import ItemKind, Platform, Provenance
from tests.unit.test_archive_capture_paths import T0, _template

# An event: the platform shows the comment (text, hidden?), or the comment vanished.
event = st.one_of(
    st.tuples(st.just("show"), st.sampled_from(["hello", "hello!", "bye"]), st.booleans()),
    st.just(("vanish", None, None)),
)


def _setup(path):
    shutil.copy(_template(), path)
    db = open_database(f"sqlite:///{path}")
    with db.begin() as conn:
        conn.execute(
            t.departments.insert().values(
                slug="d", name="D", official_domains=["d.example"], created_at=T0
            )
        )
        conn.execute(
            t.pages.insert().values(
                key="p", department_id=1, platform="facebook", platform_id="1", source="sample",
                state="active", poll_interval_seconds=300, created_at=T0, updated_at=T0,
            )
        )  # fmt: skip
    return db


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(event, min_size=1, max_size=12))
def test_every_transition_follows_from_what_the_platform_showed(tmp_path_factory, events):
    db = _setup(tmp_path_factory.mktemp("states") / "db.sqlite3")
    archive = Archive()
    expected: list[str] = []  # the state each new version must have
    shown: tuple[str, bool] | None = None  # what the platform last showed (text, hidden)
    deleted = False
    item_id = None
    try:
        for n, (kind, text, hidden) in enumerate(events):
            at = T0 + timedelta(minutes=n)
            prov = Provenance(Platform.FACEBOOK, "x", at, "test")
            with db.begin() as conn:
                if kind == "vanish":
                    if item_id is None or deleted:
                        continue  # nothing to delete, or deleted already
                    archive.tombstone(
                        conn, item_id=item_id, captured_at=at, last_seen_at=at,
                        provenance=prov, reason="gone",
                    )  # fmt: skip
                    expected.append("deleted")
                    deleted = True
                    continue
                res = archive.capture(
                    conn, page_id=1, kind=ItemKind.COMMENT, platform_item_id="c",
                    text_value=text, raw={"t": text}, provenance=prov, captured_at=at,
                    is_hidden=hidden,
                )  # fmt: skip
                item_id = res.item_id
                if shown is None:
                    want = "hidden" if hidden else "live"
                elif deleted:
                    want = "edited" if text != shown[0] else ("hidden" if hidden else "restored")
                elif text != shown[0]:
                    want = "edited"
                elif hidden != shown[1]:
                    want = "hidden" if hidden else "live"
                else:
                    want = None  # nothing changed: no version
                assert (res.change is Change.UNCHANGED) == (want is None)
                if want is not None:
                    expected.append(want)
                if want == "restored":
                    assert res.change is Change.RESTORED
                shown, deleted = (text, hidden), False
        with db.connect() as conn:
            rows = conn.execute(
                select(t.archive_versions.c.state, t.archive_versions.c.text).order_by(
                    t.archive_versions.c.version_no
                )
            ).all()
        states = [r.state for r in rows]
        assert states == expected
        for before, after in itertools.pairwise(rows):
            # never "edited" with the text it had before
            assert not (after.state == "edited" and after.text == before.text)
    finally:
        db.dispose()
