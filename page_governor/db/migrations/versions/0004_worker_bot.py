"""worker and Telegram bot: outbox delivery state, button keys, leases

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

* ``outbox``: where a message went (``chat_id``, ``message_id``, so a decision can edit it) and
  who is sending it (``claimed_by``/``claimed_until``, a lease so two workers never send one);
* ``telegram_buttons``: the short opaque key each inline button carries, and what it means;
* ``leases``: named, expiring claims (poll of a page, daily jobs, the bot token's one consumer)
  shared by every worker process on the database.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('chat_id', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('message_id', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('claimed_by', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('claimed_until', TS, nullable=True))
    op.create_table(
        'telegram_buttons',
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('outbox_id', Id, nullable=False),
        sa.Column('subject_type', sa.String(length=30), nullable=False),
        sa.Column('subject_id', sa.String(length=100), nullable=False),
        sa.Column('action', sa.String(length=30), nullable=False),
        sa.Column('created_at', TS, nullable=False),
        sa.ForeignKeyConstraint(
            ['outbox_id'], ['outbox.id'], name='fk_telegram_buttons_outbox_id_outbox'
        ),
        sa.PrimaryKeyConstraint('key', name='pk_telegram_buttons'),
    )
    op.create_index(
        'ix_telegram_buttons_subject', 'telegram_buttons', ['subject_type', 'subject_id']
    )
    op.create_index('ix_telegram_buttons_outbox', 'telegram_buttons', ['outbox_id'])
    op.create_table(
        'leases',
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('owner', sa.String(length=200), nullable=False),
        sa.Column('until', TS, nullable=False),
        sa.Column('updated_at', TS, nullable=False),
        sa.PrimaryKeyConstraint('name', name='pk_leases'),
    )


def downgrade() -> None:
    op.drop_table('leases')
    op.drop_index('ix_telegram_buttons_outbox', table_name='telegram_buttons')
    op.drop_index('ix_telegram_buttons_subject', table_name='telegram_buttons')
    op.drop_table('telegram_buttons')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('claimed_until')
        batch.drop_column('claimed_by')
        batch.drop_column('message_id')
        batch.drop_column('chat_id')
