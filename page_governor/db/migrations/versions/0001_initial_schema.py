"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Also installs the append-only triggers on the archive tables (SQLite and PostgreSQL).
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


APPEND_ONLY = ("archive_items", "archive_versions", "review_decisions", "audit_log")


def _create_append_only_triggers() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(
            """
            CREATE OR REPLACE FUNCTION page_governor_refuse_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
            END
            $$ LANGUAGE plpgsql
            """
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION page_governor_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION page_governor_refuse_change()"
            )
    else:
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {verb} refused'); END"
                )


def _drop_append_only_triggers() -> None:
    bind = op.get_bind()
    for table in APPEND_ONLY:
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        else:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS page_governor_refuse_change()")


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('subject_type', sa.String(length=50), nullable=False),
    sa.Column('subject_id', sa.String(length=200), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('record_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_table('departments',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('official_domains', sa.JSON(), nullable=False),
    sa.Column('phone', sa.String(length=100), nullable=True),
    sa.Column('email', sa.String(length=300), nullable=True),
    sa.Column('address', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('slug', name=op.f('uq_departments_slug'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('dedupe_key', sa.String(length=300), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_outbox_dedupe_key'))
    )
    op.create_index('ix_outbox_status_next', 'outbox', ['status', 'next_attempt_at'], unique=False)
    op.create_table('pages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=150), nullable=False),
    sa.Column('department_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('platform_id', sa.String(length=200), nullable=False),
    sa.Column('handle', sa.String(length=200), nullable=True),
    sa.Column('display_name', sa.String(length=300), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('token_env', sa.String(length=200), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('poll_interval_seconds', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_pages_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pages')),
    sa.UniqueConstraint('key', name=op.f('uq_pages_key')),
    sa.UniqueConstraint('platform', 'platform_id', name='uq_pages_platform_platform_id')
    )
    op.create_table('archive_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('platform_item_id', sa.String(length=200), nullable=False),
    sa.Column('post_platform_id', sa.String(length=200), nullable=True),
    sa.Column('parent_platform_id', sa.String(length=200), nullable=True),
    sa.Column('author_id', sa.String(length=200), nullable=True),
    sa.Column('author_name', sa.String(length=300), nullable=True),
    sa.Column('permalink', sa.String(length=1000), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_captured_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_archive_items_page_id_pages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archive_items')),
    sa.UniqueConstraint('page_id', 'kind', 'platform_item_id', name='uq_archive_items_identity')
    )
    op.create_table('poll_cursors',
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('stream', sa.String(length=200), nullable=False),
    sa.Column('value', sa.String(length=500), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_poll_cursors_page_id_pages')),
    sa.PrimaryKeyConstraint('page_id', 'stream', name=op.f('pk_poll_cursors'))
    )
    op.create_table('archive_versions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('provenance', sa.Text(), nullable=False),
    sa.Column('captured_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('record_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['archive_items.id'], name=op.f('fk_archive_versions_item_id_archive_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archive_versions')),
    sa.UniqueConstraint('item_id', 'version_no', name='uq_archive_versions_item_no')
    )
    op.create_index('ix_archive_versions_item', 'archive_versions', ['item_id'], unique=False)
    op.create_table('compliance_results',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('profile_version_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('policy_version', sa.String(length=64), nullable=False),
    sa.Column('passed', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('elements', sa.JSON(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_compliance_results_page_id_pages')),
    sa.ForeignKeyConstraint(['profile_version_id'], ['archive_versions.id'], name=op.f('fk_compliance_results_profile_version_id_archive_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compliance_results'))
    )
    op.create_index('ix_compliance_results_page', 'compliance_results', ['page_id', 'id'], unique=False)
    op.create_table('flags',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('version_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('target', sa.String(length=20), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('advisories', sa.JSON(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('detector_version', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['archive_items.id'], name=op.f('fk_flags_item_id_archive_items')),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_flags_page_id_pages')),
    sa.ForeignKeyConstraint(['version_id'], ['archive_versions.id'], name=op.f('fk_flags_version_id_archive_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flags')),
    sa.UniqueConstraint('version_id', 'detector_version', name='uq_flags_version_detector')
    )
    op.create_table('item_status',
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('current_version_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('is_hidden', sa.Boolean(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['current_version_id'], ['archive_versions.id'], name=op.f('fk_item_status_current_version_id_archive_versions')),
    sa.ForeignKeyConstraint(['item_id'], ['archive_items.id'], name=op.f('fk_item_status_item_id_archive_items')),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_item_status_page_id_pages')),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_item_status'))
    )
    op.create_index('ix_item_status_page_state', 'item_status', ['page_id', 'state'], unique=False)
    op.create_table('review_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('flag_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('page_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['flag_id'], ['flags.id'], name=op.f('fk_review_items_flag_id_flags')),
    sa.ForeignKeyConstraint(['item_id'], ['archive_items.id'], name=op.f('fk_review_items_item_id_archive_items')),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_review_items_page_id_pages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_items')),
    sa.UniqueConstraint('flag_id', name=op.f('uq_review_items_flag_id'))
    )
    op.create_index('ix_review_items_status', 'review_items', ['status', 'priority'], unique=False)
    op.create_table('review_decisions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('review_item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('policy_clause', sa.String(length=300), nullable=True),
    sa.Column('platform_result', sa.JSON(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_item_id'], ['review_items.id'], name=op.f('fk_review_decisions_review_item_id_review_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_decisions'))
    )

    _create_append_only_triggers()

def downgrade() -> None:
    _drop_append_only_triggers()
    op.drop_table('review_decisions')
    op.drop_index('ix_review_items_status', table_name='review_items')
    op.drop_table('review_items')
    op.drop_index('ix_item_status_page_state', table_name='item_status')
    op.drop_table('item_status')
    op.drop_table('flags')
    op.drop_index('ix_compliance_results_page', table_name='compliance_results')
    op.drop_table('compliance_results')
    op.drop_index('ix_archive_versions_item', table_name='archive_versions')
    op.drop_table('archive_versions')
    op.drop_table('poll_cursors')
    op.drop_table('archive_items')
    op.drop_table('pages')
    op.drop_index('ix_outbox_status_next', table_name='outbox')
    op.drop_table('outbox')
    op.drop_table('departments')
    op.drop_table('audit_log')
