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


# What verify trusts beyond the two chains' own columns (issue 23, item 2): an item's identity,
# the reviewers' decisions and the flags they rest on.
BOUND = {
    "archive_items": ("author_name", "author_id", "platform_item_id", "permalink"),
    "review_decisions": ("decision", "reviewer", "reason"),
}


def _report(path: Path) -> list:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.connect() as conn:
            return [r for r in verify_chains(conn) if not r.ok]
    finally:
        db.dispose()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_changed_author_thread_link_or_decision_is_caught(base_db, tmp_path, data):
    base, _ = base_db
    target = _fresh(tmp_path)
    table = data.draw(st.sampled_from(sorted(BOUND)))
    column = data.draw(st.sampled_from(BOUND[table]))
    con = _tampered_copy(base, target)
    rows = [r for (r,) in con.execute(f"SELECT id FROM {table} WHERE {column} <> ''")]
    row = data.draw(st.sampled_from(rows))
    (value,) = con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row,)).fetchone()
    at = data.draw(st.integers(0, len(value) - 1))
    changed = value[:at] + chr(ord(value[at]) ^ 1) + value[at + 1 :]
    try:
        con.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (changed, row))
    except sqlite3.IntegrityError:  # the change names another item already archived
        con.close()
        return
    con.commit()
    con.close()
    assert _report(target), (table, row, column, at)


def test_an_item_moved_to_another_page_is_caught(base_db, tmp_path):
    target = _fresh(tmp_path)
    con = _tampered_copy(base_db[0], target)
    item, page = con.execute("SELECT id, page_id FROM archive_items LIMIT 1").fetchone()
    (other,) = con.execute("SELECT id FROM pages WHERE id <> ? LIMIT 1", (page,)).fetchone()
    con.execute("UPDATE archive_items SET page_id = ? WHERE id = ?", (other, item))
    con.commit()
    con.close()
    assert "page, author, thread or link" in _report(target)[0].problem


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE flags SET categories = '[\"spam\"]' WHERE id = {flag}",
        "UPDATE flags SET evidence = '[]' WHERE id = {flag}",
        "UPDATE flags SET target = 'private' WHERE id = {flag}",
        "DELETE FROM review_decisions WHERE id = (SELECT min(id) FROM review_decisions)",
        "INSERT INTO review_decisions (review_item_id, decision, reviewer, reason, "
        "policy_clause, platform_result, decided_at) SELECT review_item_id, 'hide', reviewer, "
        "reason, policy_clause, platform_result, decided_at FROM review_decisions LIMIT 1",
    ],
    ids=["flag-categories", "flag-evidence", "flag-target", "decision-removed", "decision-added"],
)
def test_a_changed_flag_or_a_removed_or_added_decision_is_caught(base_db, tmp_path, change):
    target = _fresh(tmp_path)
    con = _tampered_copy(base_db[0], target)
    (flag,) = con.execute("SELECT min(id) FROM flags").fetchone()
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(change.format(flag=flag))
    con.commit()
    con.close()
    assert _report(target)


def test_a_removed_flag_is_caught(base_db, tmp_path):
    target = _fresh(tmp_path)
    con = _tampered_copy(base_db[0], target)
    con.execute("PRAGMA foreign_keys = OFF")
    (flag,) = con.execute("SELECT max(id) FROM flags").fetchone()
    con.execute("DELETE FROM review_items WHERE flag_id = ?", (flag,))
    con.execute("DELETE FROM flags WHERE id = ?", (flag,))
    con.commit()
    con.close()
    assert "no flag row" in _report(target)[0].problem


def test_a_forged_approved_disposition_does_not_let_a_version_change(base_db, tmp_path):
    """The red team's attack: an 'approved' list naming a version's hash, the version's text
    rewritten and marked disposed under it."""
    target = _fresh(tmp_path)
    con = _tampered_copy(base_db[0], target)
    version, record_hash, item = con.execute(
        "SELECT id, record_hash, item_id FROM archive_versions WHERE state = 'live' LIMIT 1"
    ).fetchone()
    con.execute(
        "INSERT INTO dispositions (id, record_class, authority, period_days, cutoff, status, "
        "item_ids, record_hashes, proposed_by, proposed_at, decided_by, decided_at) VALUES "
        "(900, 'comments', 'GS-1', 1, '2026-01-01 00:00:00.000000', 'approved', ?, ?, 'a', "
        "'2026-01-01 00:00:00.000000', 'b', '2026-01-01 00:00:00.000000')",
        (f"[{item}]", f'["{record_hash}"]'),
    )
    con.execute(
        "UPDATE archive_versions SET text = 'rewritten', disposition_id = 900, "
        "disposed_at = '2026-01-02 00:00:00.000000' WHERE id = ?",
        (version,),
    )
    con.commit()
    con.close()
    assert "no disposition list approved in the audit log" in _report(target)[0].problem


def test_flags_from_before_they_were_audited_are_counted_apart(tmp_path, monkeypatch):
    """A database upgraded to 0011 holds flags without audit entries: the migration's boundary
    entry names them, verify passes and says how many; a flag added later without an entry
    still fails."""
    from page_governor.archive import audit as audit_module
    from page_governor.archive.integrity import FLAG_ACTION, record_bindings_start

    real = audit_module.record

    def record_without_flags(conn, **kwargs):
        return None if kwargs["action"] == FLAG_ACTION else real(conn, **kwargs)

    app = App(
        Settings(config_dir=DEFAULT_CONFIG_DIR, data_dir=tmp_path, database_url=None),
        clock=FrozenClock(T1),
    )
    register_sample(app)
    monkeypatch.setattr(audit_module, "record", record_without_flags)
    poll_all(app, T1)  # as code before 0011 did: flags without audit entries
    monkeypatch.setattr(audit_module, "record", real)
    with app.db.connect() as conn:
        flags = next(r for r in verify_chains(conn) if r.chain == "flags")
    assert not flags.ok and "has no audit entry" in flags.problem
    with app.db.begin() as conn:
        assert record_bindings_start(conn, now=T1)
    with app.db.connect() as conn:
        reports = verify_chains(conn)
    assert all(r.ok for r in reports), [r.problem for r in reports]
    flags = next(r for r in reports if r.chain == "flags")
    assert flags.records > 0 and f"{flags.records} flags from before" in flags.note
    app.close()
