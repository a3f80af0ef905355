"""captured media files

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

``media_blobs`` (each file once, by SHA-256) and ``archive_media`` (every media URL a stored
version refers to, with its download state). See ``page_governor.archive.media``.

Like archived versions, both refuse every change but one: an approved retention disposition.
A reference is marked disposed under its list (nothing else about it may change, and a captured
reference may not change otherwise); a file's bytes may be emptied, its hash, size and type
kept as the stub, only once no undisposed reference to it remains. Neither is ever deleted.
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

PG_MEDIA_GUARD = """
CREATE OR REPLACE FUNCTION page_governor_media_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.disposed_at IS NULL AND NEW.id = OLD.id
       AND NEW.item_id = OLD.item_id AND NEW.version_id = OLD.version_id
       AND NEW.url = OLD.url AND NEW.found_at = OLD.found_at
       AND (
           (OLD.status <> 'captured' AND NEW.disposed_at IS NULL)
           OR (NEW.disposed_at IS NOT NULL AND NEW.status = OLD.status
               AND NEW.sha256 IS NOT DISTINCT FROM OLD.sha256
               AND NEW.fetched_at IS NOT DISTINCT FROM OLD.fetched_at
               AND NEW.attempts = OLD.attempts
               AND EXISTS (SELECT 1 FROM dispositions d
                           WHERE d.id = NEW.disposition_id AND d.status = 'approved'))
       )
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only once captured: % refused', TG_TABLE_NAME, TG_OP;
END
$$ LANGUAGE plpgsql
"""

PG_BLOB_GUARD = """
CREATE OR REPLACE FUNCTION page_governor_blob_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.disposed_at IS NULL AND NEW.disposed_at IS NOT NULL
       AND NEW.sha256 = OLD.sha256 AND NEW.size = OLD.size
       AND NEW.content_type = OLD.content_type AND NEW.captured_at = OLD.captured_at
       AND length(NEW.data) = 0
       AND NOT EXISTS (SELECT 1 FROM archive_media m
                       WHERE m.sha256 = OLD.sha256 AND m.disposed_at IS NULL)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$ LANGUAGE plpgsql
"""

SQLITE_MEDIA_GUARD = """
CREATE TRIGGER archive_media_no_update BEFORE UPDATE ON archive_media
WHEN NOT (
    OLD.disposed_at IS NULL AND NEW.id = OLD.id AND NEW.item_id = OLD.item_id
    AND NEW.version_id = OLD.version_id AND NEW.url = OLD.url AND NEW.found_at = OLD.found_at
    AND (
        (OLD.status <> 'captured' AND NEW.disposed_at IS NULL)
        OR (NEW.disposed_at IS NOT NULL AND NEW.status = OLD.status
            AND NEW.sha256 IS OLD.sha256 AND NEW.fetched_at IS OLD.fetched_at
            AND NEW.attempts = OLD.attempts
            AND EXISTS (SELECT 1 FROM dispositions d
                        WHERE d.id = NEW.disposition_id AND d.status = 'approved'))
    )
)
BEGIN SELECT RAISE(ABORT, 'archive_media is append-only once captured: UPDATE refused'); END
"""

SQLITE_BLOB_GUARD = """
CREATE TRIGGER media_blobs_no_update BEFORE UPDATE ON media_blobs
WHEN NOT (
    OLD.disposed_at IS NULL AND NEW.disposed_at IS NOT NULL
    AND NEW.sha256 = OLD.sha256 AND NEW.size = OLD.size
    AND NEW.content_type = OLD.content_type AND NEW.captured_at = OLD.captured_at
    AND length(NEW.data) = 0
    AND NOT EXISTS (SELECT 1 FROM archive_media m
                    WHERE m.sha256 = OLD.sha256 AND m.disposed_at IS NULL)
)
BEGIN SELECT RAISE(ABORT, 'media_blobs is append-only: UPDATE refused'); END
"""


def upgrade() -> None:
    op.create_table(
        'media_blobs',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('captured_at', TS, nullable=False),
        sa.Column('disposed_at', TS, nullable=True),
        sa.PrimaryKeyConstraint('sha256', name='pk_media_blobs'),
    )
    op.create_table(
        'archive_media',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('item_id', Id, nullable=False),
        sa.Column('version_id', Id, nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('found_at', TS, nullable=False),
        sa.Column('next_attempt_at', TS, nullable=False),
        sa.Column('fetched_at', TS, nullable=True),
        sa.Column('disposition_id', Id, nullable=True),
        sa.Column('disposed_at', TS, nullable=True),
        sa.ForeignKeyConstraint(
            ['item_id'], ['archive_items.id'], name='fk_archive_media_item_id_archive_items'
        ),
        sa.ForeignKeyConstraint(
            ['version_id'],
            ['archive_versions.id'],
            name='fk_archive_media_version_id_archive_versions',
        ),
        sa.ForeignKeyConstraint(
            ['sha256'], ['media_blobs.sha256'], name='fk_archive_media_sha256_media_blobs'
        ),
        sa.PrimaryKeyConstraint('id', name='pk_archive_media'),
    )
    op.create_index('ix_archive_media_due', 'archive_media', ['status', 'next_attempt_at'])
    op.create_index('ix_archive_media_item', 'archive_media', ['item_id'])
    op.create_index('ix_archive_media_version', 'archive_media', ['version_id'])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_BLOB_GUARD)
        op.execute(
            "CREATE TRIGGER media_blobs_append_only BEFORE UPDATE OR DELETE ON media_blobs "
            "FOR EACH ROW EXECUTE FUNCTION page_governor_blob_guard()"
        )
        op.execute(
            "CREATE TRIGGER media_blobs_no_truncate BEFORE TRUNCATE ON media_blobs "
            "FOR EACH STATEMENT EXECUTE FUNCTION page_governor_refuse_change()"
        )
        op.execute(PG_MEDIA_GUARD)
        op.execute(
            "CREATE TRIGGER archive_media_guard BEFORE UPDATE OR DELETE ON archive_media "
            "FOR EACH ROW EXECUTE FUNCTION page_governor_media_guard()"
        )
        op.execute(
            "CREATE TRIGGER archive_media_no_truncate BEFORE TRUNCATE ON archive_media "
            "FOR EACH STATEMENT EXECUTE FUNCTION page_governor_refuse_change()"
        )
    else:
        op.execute(SQLITE_BLOB_GUARD)
        op.execute(
            "CREATE TRIGGER media_blobs_no_delete BEFORE DELETE ON media_blobs "
            "BEGIN SELECT RAISE(ABORT, 'media_blobs is append-only: DELETE refused'); END"
        )
        op.execute(SQLITE_MEDIA_GUARD)
        op.execute(
            "CREATE TRIGGER archive_media_no_delete BEFORE DELETE ON archive_media BEGIN "
            "SELECT RAISE(ABORT, 'archive_media is append-only once captured: DELETE refused'); "
            "END"
        )


def downgrade() -> None:
    op.drop_index('ix_archive_media_version', table_name='archive_media')
    op.drop_index('ix_archive_media_item', table_name='archive_media')
    op.drop_index('ix_archive_media_due', table_name='archive_media')
    op.drop_table('archive_media')
    op.drop_table('media_blobs')
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS page_governor_media_guard()")
        op.execute("DROP FUNCTION IF EXISTS page_governor_blob_guard()")
