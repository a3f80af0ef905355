"""Backups and restores (issue 20, item 3): a round trip keeps every count, `archive verify`
passes on the copy, captures continue after it, and a damaged backup or a database that is not
empty is refused with one line."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from page_governor.app import App
from page_governor.archive.integrity import verify_chains
from page_governor.clock import FrozenClock
from page_governor.config import DEFAULT_CONFIG_DIR, Settings
from page_governor.db import open_database
from page_governor.db.backup import backup, restore, row_counts
from page_governor.errors import ArchiveError, InputError
from page_governor.models import Decision
from page_governor.moderation.review import decide, list_items
from page_governor.platforms.sample import load_bundled
from tests.conftest import POSTGRES_URL, postgres_base_url, postgres_schema
from tests.helpers import poll_all, register_sample

T1, T2 = load_bundled().timeline
ON_POSTGRES = POSTGRES_URL is not None


@pytest.fixture
def other_url(tmp_path: Path) -> Iterator[str]:
    """A second empty database of the kind the suite runs on."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    with postgres_schema("r") as url:
        yield url


@pytest.fixture
def archived(app: App) -> App:
    """Two polls, a decision: versions, flags, decisions, audit entries."""
    register_sample(app)
    poll_all(app, T1)
    with app.db.begin() as conn:
        item = list_items(conn, limit=1)[0]
        decide(
            conn,
            item_id=item["id"],
            decision=Decision.ESCALATE,
            reviewer="Jane Park (telegram:1)",
            reason="threat",
            policy_clause=None,
            now=T1,
            adapter_for=app.adapter_for,
        )
    poll_all(app, T2)
    return app


def _restored_app(url: str, data_dir: Path) -> App:
    return App(
        Settings(config_dir=DEFAULT_CONFIG_DIR, data_dir=data_dir, database_url=url),
        clock=FrozenClock(T2),
    )


def _counts(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.connect() as conn:
            return row_counts(conn)
    finally:
        db.dispose()


@pytest.mark.parametrize("logical", [False, True], ids=["native", "logical"])
def test_a_round_trip_keeps_every_count_verifies_and_captures_continue(
    archived, other_url, tmp_path, logical
):
    if not logical and ON_POSTGRES and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    if not logical and ON_POSTGRES:
        pytest.skip("pg_dump dumps whole databases; tested with its own database below")
    result = backup(archived.db, tmp_path / "backup", logical=logical)
    with archived.db.connect() as conn:
        before = row_counts(conn)
    assert result.counts == before and before["archive_versions"] > 0
    target = open_database(other_url)
    try:
        restore(target, tmp_path / "backup")
    finally:
        target.dispose()
    assert _counts(other_url) == before
    copy = _restored_app(other_url, tmp_path / "restored-data")
    try:
        with copy.db.connect() as conn:
            assert all(r.ok for r in verify_chains(conn))
        copy.clock.set(T2.replace(year=T2.year + 1))  # type: ignore[attr-defined]
        register_sample(copy)
        poll_all(copy, T2)  # new captures get new ids after the restored ones
        with copy.db.connect() as conn:
            reports = verify_chains(conn)
        assert all(r.ok for r in reports), [r.problem for r in reports]
    finally:
        copy.close()


def test_an_sqlite_backup_moves_into_an_empty_postgresql_database(other_url, tmp_path):
    if not ON_POSTGRES:
        pytest.skip("needs PAGE_GOVERNOR_TEST_POSTGRES_URL")
    trial = _restored_app(f"sqlite:///{tmp_path / 'trial.sqlite3'}", tmp_path / "trial")
    register_sample(trial)
    poll_all(trial, T1)
    assert backup(trial.db, tmp_path / "b").kind == "sqlite-file"
    with trial.db.connect() as conn:
        before = row_counts(conn)
    trial.close()
    target = open_database(other_url)
    try:
        restore(target, tmp_path / "b")
        with target.connect() as conn:
            assert row_counts(conn) == before
            assert all(r.ok for r in verify_chains(conn))
    finally:
        target.dispose()


def test_restore_refuses_a_database_that_is_not_empty(archived, tmp_path):
    backup(archived.db, tmp_path / "b", logical=True)
    with pytest.raises(ArchiveError, match="not empty"):
        restore(archived.db, tmp_path / "b")


def test_restore_refuses_a_damaged_or_foreign_folder(archived, other_url, tmp_path):
    backup(archived.db, tmp_path / "b", logical=True)
    damaged = tmp_path / "b" / "audit_log.jsonl.gz"
    damaged.write_bytes(damaged.read_bytes()[:-3] + b"xyz")
    target = open_database(other_url)
    try:
        with pytest.raises(InputError, match=r"audit_log\.jsonl\.gz does not match its SHA-256"):
            restore(target, tmp_path / "b")
        (tmp_path / "empty").mkdir()
        with pytest.raises(InputError, match="not a page_governor backup"):
            restore(target, tmp_path / "empty")
        assert target.current_revision() is None  # refused before anything was written
    finally:
        target.dispose()


def test_a_backup_goes_only_into_a_new_or_empty_folder(archived, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("x")
    with pytest.raises(InputError, match="not empty"):
        backup(archived.db, tmp_path / "used")


def test_the_manifest_lists_counts_chain_heads_and_file_digests(archived, tmp_path):
    result = backup(archived.db, tmp_path / "b", logical=True)
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == result.counts
    assert manifest["chain_heads"]["archive"] and manifest["chain_heads"]["audit"]
    assert set(manifest["files"]) == {p.name for p in (tmp_path / "b").glob("*.jsonl.gz")}
    assert "web_sessions" in manifest["skipped_tables"]


@pytest.mark.skipif(not ON_POSTGRES or not shutil.which("pg_dump"), reason="needs pg_dump")
def test_a_pg_dump_backup_restores_into_a_new_database(tmp_path):
    names = [f"pgb_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    admin = create_engine(postgres_base_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = postgres_base_url().rsplit("/", 1)[0]
    source_url, target_url = (f"{base}/{name}" for name in names)
    try:
        db = open_database(source_url)
        db.upgrade()
        db.dispose()
        app = _restored_app(source_url, tmp_path / "src")
        register_sample(app)
        poll_all(app, T1)
        result = backup(app.db, tmp_path / "b")
        assert result.kind == "pg_dump"
        app.close()
        target = open_database(target_url)
        try:
            restore(target, tmp_path / "b")
            with target.connect() as conn:
                assert row_counts(conn) == result.counts
                assert all(r.ok for r in verify_chains(conn))
        finally:
            target.dispose()
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
