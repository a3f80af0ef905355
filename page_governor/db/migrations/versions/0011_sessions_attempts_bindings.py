"""sign-in attempts, server-side sessions, versions bound to their item

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

- ``login_attempts``: each console sign-in attempt while it runs and after it failed, shared by
  every web process, so the lockout holds across processes and against parallel tries.
  Operational state, not a record (the audit log keeps every sign-in).
- ``web_sessions``: a session lives on the server from sign-in to sign-out or its fixed end,
  so signing out ends it everywhere and eight hours never slide. Only a hash of the cookie's
  token is stored.
- ``archive_versions.item_hash``: the hash of the item's identity (page, kind, platform id,
  thread, author, link, time) that a version's record hash covers from now on; empty on
  versions stored before this migration.
- From now on every flag is recorded in the audit chain (``moderation.flagged``); on a database
  that already holds flags, one ``archive.bindings_started`` audit entry names the newest flag
  before this migration, so ``archive verify`` counts older flags apart instead of failing.
- ``webhook_events.body_sha256``: a replayed (identical, already stored) signed body is
  acknowledged and not stored twice.
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("outcome", sa.String(10), nullable=True),  # None while running, "failed"
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    op.create_index(
        "ix_login_attempts_username", "login_attempts", ["username", "started_at"]
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["web_users.id"], name="fk_web_sessions_user_id_web_users"
        ),
    )
    with op.batch_alter_table("archive_versions", recreate="never") as batch:
        batch.add_column(sa.Column("item_hash", sa.String(64), nullable=True))
    with op.batch_alter_table("webhook_events", recreate="never") as batch:
        batch.add_column(sa.Column("body_sha256", sa.String(64), nullable=True))
    op.create_index(
        "ix_webhook_events_body_sha256", "webhook_events", ["body_sha256"], unique=True
    )


    _record_boundary()


def _record_boundary() -> None:
    from datetime import UTC, datetime

    from page_governor.archive.integrity import record_bindings_start

    record_bindings_start(op.get_bind(), now=datetime.now(UTC))


def downgrade() -> None:
    op.drop_index("ix_webhook_events_body_sha256", table_name="webhook_events")
    with op.batch_alter_table("webhook_events", recreate="never") as batch:
        batch.drop_column("body_sha256")
    with op.batch_alter_table("archive_versions", recreate="never") as batch:
        batch.drop_column("item_hash")
    op.drop_table("web_sessions")
    op.drop_index("ix_login_attempts_username", table_name="login_attempts")
    op.drop_table("login_attempts")
