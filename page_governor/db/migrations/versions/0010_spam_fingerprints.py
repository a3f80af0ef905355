"""coordinated spam fingerprints

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

``spam_fingerprints``: a hash of each new comment's normalised text and of each link it carries,
with its page, item, version, author and time, so the same text or link posted by several
accounts within an hour is flagged once as coordinated spam. Derived data: hashes only.
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "spam_fingerprints",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("page_id", Id, sa.ForeignKey("pages.id"), nullable=False),
        sa.Column("item_id", Id, sa.ForeignKey("archive_items.id"), nullable=False),
        sa.Column("version_id", Id, sa.ForeignKey("archive_versions.id"), nullable=False),
        sa.Column("author_id", sa.String(200), nullable=False),
        sa.Column("seen_at", TS, nullable=False),
    )
    op.create_index(
        "ix_spam_fingerprints_recent", "spam_fingerprints", ["fingerprint", "seen_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_spam_fingerprints_recent", table_name="spam_fingerprints")
    op.drop_table("spam_fingerprints")
