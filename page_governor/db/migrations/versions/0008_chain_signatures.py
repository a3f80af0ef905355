"""signed chain heads

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

``chain_signatures``: once a day the worker signs the newest record of the archive and audit
chains with the department's Ed25519 key (``page_governor.archive.signing``). Append-only, on
both databases, like the chains themselves.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'chain_signatures',
        sa.Column('id', Id, autoincrement=True, nullable=False),
        sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('key_id', sa.String(length=16), nullable=False),
        sa.Column('public_key', sa.String(length=100), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('signature', sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_chain_signatures'),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER chain_signatures_append_only BEFORE UPDATE OR DELETE ON "
            "chain_signatures FOR EACH ROW EXECUTE FUNCTION page_governor_refuse_change()"
        )
        op.execute(
            "CREATE TRIGGER chain_signatures_no_truncate BEFORE TRUNCATE ON chain_signatures "
            "FOR EACH STATEMENT EXECUTE FUNCTION page_governor_refuse_change()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER chain_signatures_no_{verb.lower()} BEFORE {verb} ON "
                "chain_signatures BEGIN SELECT RAISE(ABORT, "
                f"'chain_signatures is append-only: {verb} refused'); END"
            )


def downgrade() -> None:
    op.drop_table('chain_signatures')
