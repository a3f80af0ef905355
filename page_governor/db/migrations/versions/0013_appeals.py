"""appeals of hidden comments

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

``appeals``: a commenter's appeal against a decision to hide their comment, as the PIO recorded
it, and its outcome (upheld, or reversed and the comment shown again), decided by someone other
than the person who hid it. Every step is in the audit log too.
"""

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "appeals",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("review_item_id", Id, nullable=False),
        sa.Column("decision_id", Id, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),  # open, upheld, reversed
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("decided_at", TS, nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_appeals"),
        sa.ForeignKeyConstraint(
            ["review_item_id"], ["review_items.id"], name="fk_appeals_review_item_id_review_items"
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["review_decisions.id"], name="fk_appeals_decision_id_review_decisions"
        ),
    )


def downgrade() -> None:
    op.drop_table("appeals")
