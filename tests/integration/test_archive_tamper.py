"""`archive verify` catches any single changed byte, deleted row or swapped pair (property test).

Tampering is done the way an insider with file access would: straight into the SQLite file with
the append-only triggers dropped. The chains (and the current-version projection for the very
last archive row) must give it away every time.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from page_governor.app import App
from page_governor.archive import retention
from page_governor.archive.integrity import verify_chains
from page_governor.archive.search import Filters
from page_governor.clock import FrozenClock
from page_governor.config import DEFAULT_CONFIG_DIR, Settings
from page_governor.db import open_database
from page_governor.models import Decision
from page_governor.moderation.review import decide, list_items
from page_governor.platforms.sample import load_bundled
from tests.helpers import poll_all, register_sample

T1, T2 = load_bundled().timeline
HASHED = {
    "archive_versions": (
        "text",
        "raw",
        "provenance",
        "state",
        "content_hash",
        "prev_hash",
        "record_hash",
    ),
    "audit_log": ("actor", "action", "subject_id", "details", "prev_hash", "record_hash"),
}


@pytest.fixture(scope="module")
def base_db(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("tamper")
    app = App(
        Settings(config_dir=DEFAULT_CONFIG_DIR, data_dir=folder, database_url=None),
        clock=FrozenClock(T1),
    )
    register_sample(app)
    poll_all(app, T1)
    with app.db.begin() as conn:
        for n, item in enumerate(list_items(conn, limit=6)):
            decide(
                conn,
                item_id=item["id"],
                decision=Decision.ESCALATE if n % 2 else Decision.KEEP,
                reviewer=f"reviewer {n}",
                reason="test",
                policy_clause=None,
                now=T1,
                adapter_for=app.adapter_for,
            )
        retention.add_hold(
            conn, name="hold", reason="r", filters=Filters(platform="x"), by="counsel", now=T1
        )
    poll_all(app, T2)
    path = Path(app.settings.effective_database_url.removeprefix("sqlite:///"))
    app.close()
    con = sqlite3.connect(path)
    sizes = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in HASHED}
    con.close()
    return path, sizes


def _verify(path: Path) -> bool:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.connect() as conn:
            return all(report.ok for report in verify_chains(conn))
    finally:
        db.dispose()


def _fresh(tmp_path: Path) -> Path:
    return tmp_path / f"t-{uuid.uuid4().hex}.sqlite3"  # a new name: no stale -wal/-shm files


def _tampered_copy(base: Path, target: Path) -> sqlite3.Connection:
    shutil.copy(base, target)
    con = sqlite3.connect(target)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        if not name.startswith("archive_fts"):
            con.execute(f'DROP TRIGGER "{name}"')
    return con


def test_the_untouched_archive_verifies(base_db):
    assert _verify(base_db[0])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_single_changed_byte_is_caught(base_db, tmp_path, data):
    base, sizes = base_db
    target = _fresh(tmp_path)
    table = data.draw(st.sampled_from(sorted(HASHED)))
    row = data.draw(st.integers(1, sizes[table]))
    column = data.draw(st.sampled_from(HASHED[table]))
    con = _tampered_copy(base, target)
    (value,) = con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row,)).fetchone()
    if not value:
        con.close()
        return
    at = data.draw(st.integers(0, len(value) - 1))
    changed = value[:at] + chr(ord(value[at]) ^ 1) + value[at + 1 :]
    con.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (changed, row))
    con.commit()
    con.close()
    assert not _verify(target), (table, row, column, at)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_deleted_row_is_caught(base_db, tmp_path, data):
    base, sizes = base_db
    target = _fresh(tmp_path)
    table = data.draw(st.sampled_from(sorted(HASHED)))
    # The last audit entry has nothing after it to break; exports and digests carry the chain
    # heads for that. Every archive row, the last included, is caught.
    last = sizes[table] - (1 if table == "audit_log" else 0)
    row = data.draw(st.integers(1, last))
    con = _tampered_copy(base, target)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(f"DELETE FROM {table} WHERE id = ?", (row,))
    con.commit()
    con.close()
    assert not _verify(target), (table, row)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_swapped_pair_is_caught(base_db, tmp_path, data):
    base, sizes = base_db
    target = _fresh(tmp_path)
    table = data.draw(st.sampled_from(sorted(HASHED)))
    a = data.draw(st.integers(1, sizes[table] - 1))
    b = data.draw(st.integers(a + 1, sizes[table]))
    con = _tampered_copy(base, target)
    # reorder: the two records trade places in the chain (their ids)
    con.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (-a, a))
    con.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (a, b))
    con.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (b, -a))
    con.commit()
    con.close()
    assert not _verify(target), (table, a, b)
