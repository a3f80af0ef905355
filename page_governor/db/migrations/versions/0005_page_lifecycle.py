"""page lifecycle: requests, approvals, re-certification, retirement

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

* ``page_requests``: what was asked for a new official page (purpose, audience, the named
  administrators, who holds the credentials), its compliance pre-check, and the decision;
* ``pages``: who approved it and when, when it is due for re-certification, when it retired.

Every transition is also written to the audit log (``page.<event>``).
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column('pages', sa.Column('approved_by', sa.String(length=200), nullable=True))
    op.add_column('pages', sa.Column('approved_at', TS, nullable=True))
    op.add_column('pages', sa.Column('recertify_due', TS, nullable=True))
    op.add_column('pages', sa.Column('retired_at', TS, nullable=True))
    op.create_table(
        'page_requests',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('page_id', Id, nullable=False),
        sa.Column('purpose', sa.Text(), nullable=False),
        sa.Column('audience', sa.Text(), nullable=False),
        sa.Column('administrators', sa.JSON(), nullable=False),
        sa.Column('credentials_holder', sa.String(length=200), nullable=False),
        sa.Column('proposed_profile', sa.JSON(), nullable=True),
        sa.Column('precheck', sa.JSON(), nullable=False),
        sa.Column('requested_by', sa.String(length=200), nullable=False),
        sa.Column('requested_at', TS, nullable=False),
        sa.Column('decided_by', sa.String(length=200), nullable=True),
        sa.Column('decided_at', TS, nullable=True),
        sa.Column('decision', sa.String(length=20), nullable=True),
        sa.Column('decision_reason', sa.Text(), nullable=True),
        sa.Column('acknowledged_failures', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name='fk_page_requests_page_id_pages'),
        sa.PrimaryKeyConstraint('id', name='pk_page_requests'),
        sa.UniqueConstraint('page_id', name='uq_page_requests_page_id'),
    )


def downgrade() -> None:
    op.drop_table('page_requests')
    with op.batch_alter_table('pages') as batch:
        batch.drop_column('retired_at')
        batch.drop_column('recertify_due')
        batch.drop_column('approved_at')
        batch.drop_column('approved_by')
