"""The fast capture paths (preloaded index, batched "seen", multi-row inserts of new items)
store exactly what capturing one item at a time does."""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from page_governor.archive.integrity import check_search_index
from page_governor.archive.store import Archive, Observation, observation_args
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.models import ItemKind, Platform, Provenance

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
observation = st.tuples(
    st.sampled_from(["a", "b", "c"]),  # item
    st.sampled_from(["hello", "hello!", "bye"]),  # text
    st.sampled_from([True, False, None]),  # hidden (None: platform does not say)
)


@functools.cache
def _template() -> Path:
    """One migrated empty database, copied for every example (migrating is the slow part)."""
    path = Path(tempfile.mkdtemp(prefix="pg-capture-paths-")) / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.upgrade()
    db.dispose()
    return path


def _archive_rows(observations_by_poll, *, mode: str, path) -> list[tuple]:
    fast = mode != "plain"
    shutil.copy(_template(), path)
    db = open_database(f"sqlite:///{path}")
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
            observations = [
                Observation(
                    ItemKind.COMMENT,
                    item,
                    text,
                    {"t": text},
                    Provenance(Platform.FACEBOOK, "x", at, "test"),
                    is_hidden=hidden,
                )
                for item, text, hidden in poll
            ]
            if mode == "batch":
                archive.capture_many(
                    conn,
                    page_id=1,
                    observations=observations,
                    captured_at=at,
                    known=known or {},
                    seen=seen if seen is not None else [],
                )
            else:
                for obs in observations:
                    archive.capture(
                        conn,
                        page_id=1,
                        captured_at=at,
                        known=known,
                        seen=seen,
                        **observation_args(obs),
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
        index = check_search_index(conn, len(versions))
    db.dispose()
    assert index is not None and index.ok, f"{mode} capture left the search index incomplete"
    return [tuple(v) for v in versions] + [tuple(s) for s in status]


@settings(max_examples=100, deadline=None)
@given(polls=st.lists(st.lists(observation, max_size=6), min_size=1, max_size=4))
def test_fast_batch_and_plain_capture_paths_store_identical_archives_all_searchable(
    tmp_path_factory, polls
):
    base = tmp_path_factory.mktemp("paths")
    plain = _archive_rows(polls, mode="plain", path=base / "plain.sqlite3")
    assert _archive_rows(polls, mode="fast", path=base / "fast.sqlite3") == plain
    assert _archive_rows(polls, mode="batch", path=base / "batch.sqlite3") == plain


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(),
    raw=st.text(),
    hidden=st.booleans(),
    micro=st.integers(0, 999_999),
)
def test_hand_built_canonical_json_equals_the_general_encoder(text, raw, hidden, micro):
    from page_governor.archive.store import (
        _content_hash_plain,
        _first_version_hash,
        canonical_time,
        content_hash,
        version_record,
    )
    from page_governor.hashing import chain_hash

    at = T0.replace(microsecond=micro)
    assert _content_hash_plain(json.dumps(text, ensure_ascii=False), hidden) == content_hash(
        text, hidden=hidden
    )
    row = {
        "item_id": 7,
        "version_no": 1,
        "state": "live",
        "text": text,
        "raw": raw,
        "provenance": '{"a":"b"}',
        "captured_at": at,
        "last_seen_at": at,
        "content_hash": "0" * 64,
        "item_hash": "1" * 64,
    }
    when = json.dumps(canonical_time(at), ensure_ascii=False)

    def encoded(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    built = _first_version_hash(
        "f" * 64,
        row,
        when,
        text_json=encoded(text),
        raw_json=encoded(raw),
        provenance_json=encoded(row["provenance"]),
    )
    assert built == chain_hash("f" * 64, version_record(row))


@settings(max_examples=300, deadline=None)
@given(seconds=st.integers(0, 4_000_000_000), micro=st.integers(0, 999_999))
def test_export_time_text_matches_the_datetime_formats(seconds, micro):
    from page_governor.archive.records import iso_z, time_text
    from page_governor.archive.store import _sqlite_value, canonical_time
    from page_governor.clock import iso

    at = datetime.fromtimestamp(seconds, UTC).replace(microsecond=micro)
    stored = _sqlite_value(at)  # the text SQLite holds
    assert time_text(stored) == canonical_time(at) == time_text(at)
    assert iso_z(stored) == iso(at) == iso_z(at)


@settings(max_examples=300, deadline=None)
@given(
    platform=st.sampled_from(list(Platform)),
    endpoint=st.text(),
    client=st.text(),
    seconds=st.integers(0, 4_000_000_000),
    micro=st.integers(0, 999_999),
)
def test_hand_built_provenance_json_equals_the_general_encoder(
    platform, endpoint, client, seconds, micro
):
    from page_governor.archive.store import _ProvenanceJson
    from page_governor.hashing import canonical_json

    at = datetime.fromtimestamp(seconds, UTC).replace(microsecond=micro)
    provenance = Provenance(platform, endpoint, at, client)
    built = _ProvenanceJson()
    assert built(provenance) == canonical_json(provenance.as_dict())
    assert built(provenance) == canonical_json(provenance.as_dict())  # from its caches
