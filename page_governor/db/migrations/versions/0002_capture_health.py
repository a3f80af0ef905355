"""capture health: gap ledger, page back-off state, Telegram update inbox, webhook events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The Telegram inbox holds updates exactly as received (the bot sees each update once), so it
is append-only like the archive.
"""

from alembic import op
import sqlalchemy as sa



revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'capture_gaps',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('page_id', Id, nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reason', sa.String(length=30), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name='fk_capture_gaps_page_id_pages'),
        sa.PrimaryKeyConstraint('id', name='pk_capture_gaps'),
    )
    op.create_index('ix_capture_gaps_page', 'capture_gaps', ['page_id', 'ended_at'])
    op.create_table(
        'page_health',
        sa.Column('page_id', Id, nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('consecutive_failures', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name='fk_page_health_page_id_pages'),
        sa.PrimaryKeyConstraint('page_id', name='pk_page_health'),
    )
    op.create_table(
        'telegram_updates',
        sa.Column('update_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('message_id', sa.BigInteger(), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('update_id', name='pk_telegram_updates'),
    )
    op.create_index('ix_telegram_updates_chat', 'telegram_updates', ['chat_id', 'update_id'])
    op.create_table(
        'webhook_events',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('source', sa.String(length=30), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('outcome', sa.Text(), nullable=True),
        sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_webhook_events'),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER telegram_updates_append_only BEFORE UPDATE OR DELETE ON "
            "telegram_updates FOR EACH ROW EXECUTE FUNCTION page_governor_refuse_change()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER telegram_updates_no_{verb.lower()} BEFORE {verb} ON "
                "telegram_updates BEGIN SELECT RAISE(ABORT, "
                f"'telegram_updates is append-only: {verb} refused'); END"
            )


def downgrade() -> None:
    op.drop_table('webhook_events')
    op.drop_index('ix_telegram_updates_chat', table_name='telegram_updates')
    op.drop_table('telegram_updates')
    op.drop_table('page_health')
    op.drop_index('ix_capture_gaps_page', table_name='capture_gaps')
    op.drop_table('capture_gaps')
