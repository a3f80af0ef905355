"""X OAuth 2.0 user tokens, refreshed by the worker

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

``oauth_tokens``: per page, the current access token and the rotating refresh token, both
encrypted with the key from PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY (never in clear), when the
access token expires, its scopes, and the last refresh error.
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "oauth_tokens",
        sa.Column("page_id", Id, nullable=False),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("refreshed_at", TS, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("page_id", name="pk_oauth_tokens"),
        sa.ForeignKeyConstraint(["page_id"], ["pages.id"], name="fk_oauth_tokens_page_id_pages"),
    )


def downgrade() -> None:
    op.drop_table("oauth_tokens")
