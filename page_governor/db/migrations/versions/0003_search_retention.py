"""archive search index, legal holds, retention dispositions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

* full-text search: an FTS5 table kept by triggers (SQLite), a GIN index (PostgreSQL);
* ``legal_holds`` and ``dispositions``;
* ``archive_versions.disposition_id/disposed_at`` and a narrower append-only trigger that allows
  exactly one change: an approved disposition replacing text and raw by a stub while every hash
  stays as it was.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Words are runs of letters and digits on both backends (as FTS5's unicode61 tokenizer sees
# them), so "@carla.m" is found by "carla". page_governor.archive.search uses the same expression.
PG_TSVECTOR = "to_tsvector('simple', regexp_replace(text, '[^[:alnum:]]+', ' ', 'g'))"

SQLITE_GUARD = """
CREATE TRIGGER archive_versions_no_update BEFORE UPDATE ON archive_versions
WHEN NOT (
    OLD.disposed_at IS NULL AND NEW.disposed_at IS NOT NULL
    AND NEW.id = OLD.id AND NEW.item_id = OLD.item_id AND NEW.version_no = OLD.version_no
    AND NEW.state = OLD.state AND NEW.captured_at IS OLD.captured_at
    AND NEW.last_seen_at IS OLD.last_seen_at AND NEW.content_hash = OLD.content_hash
    AND NEW.prev_hash = OLD.prev_hash AND NEW.record_hash = OLD.record_hash
    AND NEW.provenance = OLD.provenance
    AND EXISTS (SELECT 1 FROM dispositions d
                WHERE d.id = NEW.disposition_id AND d.status = 'approved')
)
BEGIN SELECT RAISE(ABORT, 'archive_versions is append-only: UPDATE refused'); END
"""

PG_GUARD = """
CREATE OR REPLACE FUNCTION page_governor_version_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.disposed_at IS NULL AND NEW.disposed_at IS NOT NULL
       AND NEW.id = OLD.id AND NEW.item_id = OLD.item_id AND NEW.version_no = OLD.version_no
       AND NEW.state = OLD.state
       AND NEW.captured_at IS NOT DISTINCT FROM OLD.captured_at
       AND NEW.last_seen_at IS NOT DISTINCT FROM OLD.last_seen_at
       AND NEW.content_hash = OLD.content_hash AND NEW.prev_hash = OLD.prev_hash
       AND NEW.record_hash = OLD.record_hash AND NEW.provenance = OLD.provenance
       AND EXISTS (SELECT 1 FROM dispositions d
                   WHERE d.id = NEW.disposition_id AND d.status = 'approved')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        'legal_holds',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('criteria', sa.JSON(), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('created_at', TS, nullable=False),
        sa.Column('released_by', sa.String(length=200), nullable=True),
        sa.Column('released_at', TS, nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_legal_holds'),
    )
    op.create_table(
        'dispositions',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('record_class', sa.String(length=50), nullable=False),
        sa.Column('authority', sa.Text(), nullable=False),
        sa.Column('period_days', sa.Integer(), nullable=False),
        sa.Column('cutoff', TS, nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('item_ids', sa.JSON(), nullable=False),
        sa.Column('record_hashes', sa.JSON(), nullable=False),
        sa.Column('proposed_by', sa.String(length=200), nullable=False),
        sa.Column('proposed_at', TS, nullable=False),
        sa.Column('decided_by', sa.String(length=200), nullable=True),
        sa.Column('decided_at', TS, nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_dispositions'),
    )
    # redundant with the unique (item_id, version_no) index; one B-tree less per version
    op.drop_index('ix_archive_versions_item', table_name='archive_versions')
    op.create_index('ix_archive_items_author_id', 'archive_items', ['author_id'])
    op.create_index(
        'ix_archive_items_author_name', 'archive_items', [sa.text('lower(author_name)')]
    )
    op.create_index(
        'ix_archive_items_created',
        'archive_items',
        [sa.text('coalesce(created_at, first_captured_at)')],
    )
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    if pg:
        op.add_column('archive_versions', sa.Column('disposition_id', Id, nullable=True))
        op.add_column('archive_versions', sa.Column('disposed_at', TS, nullable=True))
        op.execute(PG_GUARD)
        op.execute("DROP TRIGGER IF EXISTS archive_versions_append_only ON archive_versions")
        op.execute(
            "CREATE TRIGGER archive_versions_append_only BEFORE UPDATE OR DELETE ON "
            "archive_versions FOR EACH ROW EXECUTE FUNCTION page_governor_version_guard()"
        )
        op.execute(
            "CREATE INDEX ix_archive_versions_fts ON archive_versions USING gin "
            f"({PG_TSVECTOR})"
        )
    else:
        # ALTER TABLE ADD COLUMN leaves the triggers in place on SQLite
        op.execute("ALTER TABLE archive_versions ADD COLUMN disposition_id INTEGER")
        op.execute("ALTER TABLE archive_versions ADD COLUMN disposed_at DATETIME")
        op.execute("DROP TRIGGER IF EXISTS archive_versions_no_update")
        op.execute(SQLITE_GUARD)
        op.execute(
            "CREATE VIRTUAL TABLE archive_fts USING fts5(text, content='archive_versions', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO archive_fts(rowid, text) SELECT id, text FROM archive_versions")
        op.execute(
            "CREATE TRIGGER archive_fts_insert AFTER INSERT ON archive_versions BEGIN "
            "INSERT INTO archive_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER archive_fts_update AFTER UPDATE OF text ON archive_versions BEGIN "
            "INSERT INTO archive_fts(archive_fts, rowid, text) VALUES ('delete', old.id, old.text); "
            "INSERT INTO archive_fts(rowid, text) VALUES (new.id, new.text); END"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_archive_versions_fts")
        op.execute("DROP TRIGGER IF EXISTS archive_versions_append_only ON archive_versions")
        op.execute(
            "CREATE TRIGGER archive_versions_append_only BEFORE UPDATE OR DELETE ON "
            "archive_versions FOR EACH ROW EXECUTE FUNCTION page_governor_refuse_change()"
        )
        op.execute("DROP FUNCTION IF EXISTS page_governor_version_guard()")
    else:
        op.execute("DROP TRIGGER IF EXISTS archive_fts_insert")
        op.execute("DROP TRIGGER IF EXISTS archive_fts_update")
        op.execute("DROP TABLE IF EXISTS archive_fts")
        op.execute("DROP TRIGGER IF EXISTS archive_versions_no_update")
        op.execute(
            "CREATE TRIGGER archive_versions_no_update BEFORE UPDATE ON archive_versions "
            "BEGIN SELECT RAISE(ABORT, 'archive_versions is append-only: UPDATE refused'); END"
        )
    op.drop_index('ix_archive_items_created', table_name='archive_items')
    op.create_index('ix_archive_versions_item', 'archive_versions', ['item_id'], unique=False)
    op.drop_index('ix_archive_items_author_name', table_name='archive_items')
    op.drop_index('ix_archive_items_author_id', table_name='archive_items')
    op.drop_column('archive_versions', 'disposed_at')
    op.drop_column('archive_versions', 'disposition_id')
    op.drop_table('dispositions')
    op.drop_table('legal_holds')
