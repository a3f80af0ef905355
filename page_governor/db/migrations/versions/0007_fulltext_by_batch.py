"""full-text index written by batch (SQLite)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

The FTS5 index was kept by a trigger that fired for every version inserted. FTS5 flushes its
pending terms at every statement boundary, so a trigger row made a tiny index segment of its
own and the merges that followed were a third of the ingest time (30 s of 93 s for a million
comments). The archive now indexes each batch of versions it stores with one
``INSERT … SELECT`` in the same transaction (``page_governor.archive.store``), which costs
3.5 s per million and leaves search exactly as current as before.

The table is rebuilt with ``columnsize=0``: the per-document size table serves only ranking
functions (bm25), and search orders by capture time. The disposition trigger (a stub replacing
a version's text) is kept.

PostgreSQL keeps its GIN index; nothing changes there.
"""

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

FTS_OPTIONS = (
    "text, content='archive_versions', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2'"
)
UPDATE_TRIGGER = (
    "CREATE TRIGGER archive_fts_update AFTER UPDATE OF text ON archive_versions BEGIN "
    "INSERT INTO archive_fts(archive_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO archive_fts(rowid, text) VALUES (new.id, new.text); END"
)
INSERT_TRIGGER = (
    "CREATE TRIGGER archive_fts_insert AFTER INSERT ON archive_versions BEGIN "
    "INSERT INTO archive_fts(rowid, text) VALUES (new.id, new.text); END"
)


def _rebuild(options: str) -> None:
    op.execute("DROP TRIGGER IF EXISTS archive_fts_insert")
    op.execute("DROP TRIGGER IF EXISTS archive_fts_update")
    op.execute("DROP TABLE IF EXISTS archive_fts")
    op.execute(f"CREATE VIRTUAL TABLE archive_fts USING fts5({options})")
    # every version, disposed stubs included (their text is the stub)
    op.execute("INSERT INTO archive_fts(rowid, text) SELECT id, text FROM archive_versions")
    op.execute(UPDATE_TRIGGER)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _rebuild(FTS_OPTIONS + ", columnsize=0")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _rebuild(FTS_OPTIONS)
    op.execute(INSERT_TRIGGER)
