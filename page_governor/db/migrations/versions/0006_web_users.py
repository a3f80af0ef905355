"""web console accounts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Per-user accounts of the web console: argon2id password hashes, the same roles as the bot,
optionally linked to the person's Telegram id. Never deleted (disabled instead), so the
audit log's names always resolve.
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'web_users',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('display_name', sa.String(length=150), nullable=False),
        sa.Column('password_hash', sa.String(length=200), nullable=False),
        sa.Column('roles', sa.JSON(), nullable=False),
        sa.Column('telegram_id', sa.BigInteger(), nullable=True),
        sa.Column('created_at', TS, nullable=False),
        sa.Column('last_login_at', TS, nullable=True),
        sa.Column('disabled_at', TS, nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_web_users'),
        sa.UniqueConstraint('username', name='uq_web_users_username'),
    )


def downgrade() -> None:
    op.drop_table('web_users')
