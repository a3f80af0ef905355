from __future__ import annotations

import warnings

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from page_governor.archive.integrity import check_search_index
from page_governor.archive.search import Filters, search
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.db.engine import _alembic_config, head_revision
from page_governor.db.schema import APPEND_ONLY_TABLES, metadata
from page_governor.models import Decision
from page_governor.moderation.review import decide, list_items
from tests.conftest import NOW
from tests.helpers import count, poll_all, register_sample


def test_upgrade_creates_every_table_at_head(database_url):
    db = open_database(database_url)
    before, after = db.upgrade()
    assert before is None
    assert after == head_revision() == db.current_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(metadata.tables) <= tables
    db.dispose()


def test_upgrade_twice_is_a_no_op(database_url):
    db = open_database(database_url)
    db.upgrade()
    before, after = db.upgrade()
    assert before == after == head_revision()
    db.dispose()


def _not_search_index(name, type_, parent_names) -> bool:
    """Full-text (FTS5 tables, a GIN index) and expression indexes, which Alembic cannot
    reflect, are checked by the search tests instead."""
    return not (name or "").startswith(
        (
            "archive_fts",
            "ix_archive_versions_fts",
            "ix_archive_items_author_name",
            "ix_archive_items_created",
        )
    )


def test_migrated_schema_matches_the_code(database_url):
    db = open_database(database_url)
    db.upgrade()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": _not_search_index,
                "include_object": lambda obj, name, type_, reflected, compare_to: _not_search_index(
                    name, type_, None
                ),
            },
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
            warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
            diff = compare_metadata(context, metadata)
    assert diff == []
    db.dispose()


@pytest.fixture
def populated(app):
    """An archive with rows in every append-only table."""
    register_sample(app)
    poll_all(app, NOW)
    with app.db.begin() as conn:
        item_id = list_items(conn)[0]["id"]
        decide(
            conn,
            item_id=item_id,
            decision=Decision.KEEP,
            reviewer="tester",
            reason="test",
            policy_clause=None,
            now=NOW,
            adapter_for=app.adapter_for,
        )
    return app


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize("verb", ["UPDATE", "DELETE"])
def test_archive_tables_refuse_update_and_delete(populated, table, verb):
    statement = f"UPDATE {table} SET id = id" if verb == "UPDATE" else f"DELETE FROM {table}"
    before = count(populated, populated_table(table))
    assert before > 0
    with pytest.raises(DBAPIError, match="append-only"), populated.db.engine.begin() as conn:
        conn.execute(text(statement))
    assert count(populated, populated_table(table)) == before


def populated_table(name):
    return metadata.tables[name]


def test_upgrading_to_batch_indexing_keeps_every_stored_version_searchable(tmp_path):
    """Versions stored at revision 0006 (indexed by a per-row trigger) are all found after the
    upgrade rebuilds the index; a downgrade restores the trigger over a complete index.

    The rows are written with revision 0006's columns and nothing else (an App would upgrade
    the embedded database to the newest revision before writing)."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = open_database(url)
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    with db.begin() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
        department = conn.execute(
            t.departments.insert().values(
                slug="spd", name="Springfield PD", official_domains=[], created_at=NOW
            )
        ).inserted_primary_key[0]
        page = conn.execute(
            t.pages.insert().values(
                key="spd-fb", department_id=department, platform="facebook", platform_id="1",
                source="sample", state="active", poll_interval_seconds=300, created_at=NOW,
                updated_at=NOW,
            )
        ).inserted_primary_key[0]  # fmt: skip
        for n in range(40):
            item = conn.execute(
                t.archive_items.insert().values(
                    page_id=page, kind="comment", platform_item_id=f"c{n}", first_captured_at=NOW
                )
            ).inserted_primary_key[0]
            conn.execute(
                t.archive_versions.insert().values(
                    item_id=item, version_no=1, state="live",
                    text=f"comment {n}: thank you officer" if n % 2 else f"comment {n}: detour",
                    raw="{}", provenance="{}", captured_at=NOW, content_hash=f"{n:064d}",
                    prev_hash="0" * 64, record_hash=f"{n + 1:064d}",
                )
            )  # fmt: skip

    db.upgrade()
    with db.connect() as conn:
        versions = conn.execute(select(func.count()).select_from(t.archive_versions)).scalar_one()
        assert versions == 40 and check_search_index(conn, versions).ok
        assert search(conn, Filters(text="officer"), limit=5).total == 20
        triggers = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars()
        )
    assert "archive_fts_insert" not in triggers and "archive_fts_update" in triggers

    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with db.connect() as conn:
        assert check_search_index(conn, versions).ok
    db.dispose()
