"""Database tables (SQLAlchemy Core). Migrations in ``migrations/`` must match this file.

Archive tables (``archive_items``, ``archive_versions``, ``review_decisions``, ``audit_log``)
are append-only: the code has no UPDATE or DELETE path for them and database triggers refuse
both. Mutable state that is derived from the archive (an item's current state, when it was last
seen) lives in ``item_status``, a projection that can always be rebuilt from the versions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets BIGINT identity.
Id = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _ts(name: str, *, nullable: bool = False) -> Column:
    return Column(name, UtcDateTime(), nullable=nullable)


departments = Table(
    "departments",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("slug", String(100), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("official_domains", JSON, nullable=False),
    Column("phone", String(100)),
    Column("email", String(300)),
    Column("address", String(500)),
    _ts("created_at"),
)

pages = Table(
    "pages",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("key", String(150), nullable=False, unique=True),
    Column("department_id", Id, ForeignKey("departments.id"), nullable=False),
    Column("platform", String(20), nullable=False),
    Column("platform_id", String(200), nullable=False),
    Column("handle", String(200)),
    Column("display_name", String(300)),
    Column("url", String(500)),
    Column("source", String(20), nullable=False),  # "live" (real platform) or "sample"
    Column("token_env", String(200)),  # the NAME of the env variable holding the token
    Column("state", String(20), nullable=False),
    Column("poll_interval_seconds", Integer, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    # The lifecycle (migration 0005): who approved the page, when it must be re-certified.
    Column("approved_by", String(200)),
    _ts("approved_at", nullable=True),
    _ts("recertify_due", nullable=True),
    _ts("retired_at", nullable=True),
    UniqueConstraint("platform", "platform_id", name="uq_pages_platform_platform_id"),
)

# What was asked when a new official page was requested, and what the chief decided.
page_requests = Table(
    "page_requests",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False, unique=True),
    Column("purpose", Text, nullable=False),
    Column("audience", Text, nullable=False),
    Column("administrators", JSON, nullable=False),
    Column("credentials_holder", String(200), nullable=False),
    Column("proposed_profile", JSON),  # profile text for a page not yet created
    Column("precheck", JSON, nullable=False),  # the compliance check attached to the request
    Column("requested_by", String(200), nullable=False),
    _ts("requested_at"),
    Column("decided_by", String(200)),
    _ts("decided_at", nullable=True),
    Column("decision", String(20)),  # approve, reject
    Column("decision_reason", Text),
    Column("acknowledged_failures", JSON),  # failing elements the approver acknowledged
)

archive_items = Table(
    "archive_items",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("platform_item_id", String(200), nullable=False),
    Column("post_platform_id", String(200)),
    Column("parent_platform_id", String(200)),
    Column("author_id", String(200)),
    Column("author_name", String(300)),
    Column("permalink", String(1000)),
    _ts("created_at", nullable=True),  # on the platform
    _ts("first_captured_at"),
    UniqueConstraint("page_id", "kind", "platform_item_id", name="uq_archive_items_identity"),
)

# Filters of archive search: author (id or name, case-insensitive) and platform date.
Index("ix_archive_items_author_id", archive_items.c.author_id)
Index("ix_archive_items_author_name", func.lower(archive_items.c.author_name))
Index(
    "ix_archive_items_created",
    func.coalesce(archive_items.c.created_at, archive_items.c.first_captured_at),
)

archive_versions = Table(
    "archive_versions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("item_id", Id, ForeignKey("archive_items.id"), nullable=False),
    Column("version_no", Integer, nullable=False),
    Column("state", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("raw", Text, nullable=False),  # canonical JSON of the untouched payload
    Column("provenance", Text, nullable=False),  # canonical JSON, never a token
    _ts("captured_at"),
    _ts("last_seen_at", nullable=True),  # for tombstones: when the item was last seen
    Column("content_hash", String(64), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("record_hash", String(64), nullable=False),
    # The item's identity hash (migration 0011), covered by the record hash: author, page and
    # thread of a version cannot be changed without breaking the chain. None on older rows.
    Column("item_hash", String(64)),
    # Set once, by an approved disposition: text and raw are then replaced by a stub and the
    # hashes stay, so the chain still verifies (the only update the triggers allow).
    Column("disposition_id", Id),
    _ts("disposed_at", nullable=True),
    UniqueConstraint("item_id", "version_no", name="uq_archive_versions_item_no"),
)
# (item_id, version_no) is unique, and that index serves lookups by item_id too.

item_status = Table(
    "item_status",
    metadata,
    Column("item_id", Id, ForeignKey("archive_items.id"), primary_key=True),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("current_version_id", Id, ForeignKey("archive_versions.id"), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("state", String(20), nullable=False),
    Column("is_hidden", Boolean, nullable=False),
    _ts("last_seen_at"),
)
Index("ix_item_status_page_state", item_status.c.page_id, item_status.c.state)

flags = Table(
    "flags",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("version_id", Id, ForeignKey("archive_versions.id"), nullable=False),
    Column("item_id", Id, ForeignKey("archive_items.id"), nullable=False),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("categories", JSON, nullable=False),
    Column("scores", JSON, nullable=False),
    Column("target", String(20)),
    Column("evidence", JSON, nullable=False),
    Column("advisories", JSON, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("detector_version", String(50), nullable=False),
    _ts("created_at"),
    UniqueConstraint("version_id", "detector_version", name="uq_flags_version_detector"),
)

review_items = Table(
    "review_items",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("flag_id", Id, ForeignKey("flags.id"), nullable=False, unique=True),
    Column("item_id", Id, ForeignKey("archive_items.id"), nullable=False),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("status", String(20), nullable=False),
    Column("priority", Integer, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
)
Index("ix_review_items_status", review_items.c.status, review_items.c.priority)

review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("review_item_id", Id, ForeignKey("review_items.id"), nullable=False),
    Column("decision", String(30), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("policy_clause", String(300)),
    Column("platform_result", JSON, nullable=False),
    _ts("decided_at"),
)

compliance_results = Table(
    "compliance_results",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("profile_version_id", Id, ForeignKey("archive_versions.id")),
    Column("policy_version", String(64), nullable=False),
    Column("passed", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("elements", JSON, nullable=False),
    Column("warnings", JSON, nullable=False),
    _ts("checked_at"),
)
Index("ix_compliance_results_page", compliance_results.c.page_id, compliance_results.c.id)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    _ts("at"),
    Column("actor", String(200), nullable=False),
    Column("action", String(100), nullable=False),
    Column("subject_type", String(50), nullable=False),
    Column("subject_id", String(200), nullable=False),
    Column("details", Text, nullable=False),  # canonical JSON
    Column("prev_hash", String(64), nullable=False),
    Column("record_hash", String(64), nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("kind", String(50), nullable=False),
    Column("dedupe_key", String(300), nullable=False, unique=True),
    Column("payload", JSON, nullable=False),
    Column("status", String(20), nullable=False),  # pending, sent, failed
    Column("attempts", Integer, nullable=False),
    _ts("created_at"),
    _ts("next_attempt_at"),
    _ts("sent_at", nullable=True),
    Column("last_error", Text),
    # Where the message went, so that a decision can edit it (migration 0004).
    Column("chat_id", BigInteger),
    Column("message_id", BigInteger),
    # The worker sending it, until when: two workers never send one alert.
    Column("claimed_by", String(200)),
    _ts("claimed_until", nullable=True),
)
Index("ix_outbox_status_next", outbox.c.status, outbox.c.next_attempt_at)

# The short opaque key each inline button carries (Telegram allows 64 bytes of callback data,
# and whatever a client sends back is only ever looked up here, never parsed).
telegram_buttons = Table(
    "telegram_buttons",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("outbox_id", Id, ForeignKey("outbox.id"), nullable=False),
    Column("subject_type", String(30), nullable=False),  # review_item, page
    Column("subject_id", String(100), nullable=False),
    Column("action", String(30), nullable=False),  # keep, hide, escalate, approve, ...
    _ts("created_at"),
)
Index("ix_telegram_buttons_subject", telegram_buttons.c.subject_type, telegram_buttons.c.subject_id)
Index("ix_telegram_buttons_outbox", telegram_buttons.c.outbox_id)

# Named, expiring claims shared by every worker on the database: the poll of a page, a daily
# job, the bot token's single consumer.
leases = Table(
    "leases",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("owner", String(200), nullable=False),
    _ts("until"),
    _ts("updated_at"),
)

poll_cursors = Table(
    "poll_cursors",
    metadata,
    Column("page_id", Id, ForeignKey("pages.id"), primary_key=True),
    Column("stream", String(200), primary_key=True),
    Column("value", String(500), nullable=False),
    _ts("updated_at"),
)

capture_gaps = Table(
    "capture_gaps",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    _ts("started_at"),  # the last moment the page was known to be read completely
    _ts("ended_at", nullable=True),  # the next complete read; NULL while the gap is open
    Column("reason", String(30), nullable=False),  # rate_limited, auth, permission, ...
    Column("detail", Text, nullable=False),
    Column("failures", Integer, nullable=False),
    _ts("updated_at"),
)
Index("ix_capture_gaps_page", capture_gaps.c.page_id, capture_gaps.c.ended_at)

page_health = Table(
    "page_health",
    metadata,
    Column("page_id", Id, ForeignKey("pages.id"), primary_key=True),
    Column("status", String(20), nullable=False),  # ok, backing_off, paused
    Column("consecutive_failures", Integer, nullable=False),
    _ts("next_attempt_at", nullable=True),
    _ts("last_success_at", nullable=True),
    Column("last_error", Text),
    _ts("updated_at"),
)

telegram_updates = Table(
    "telegram_updates",
    metadata,
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(40), nullable=False),  # channel_post, edited_message, ...
    Column("chat_id", BigInteger, nullable=False),
    Column("message_id", BigInteger, nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON of the update as received
    _ts("received_at"),
)
Index("ix_telegram_updates_chat", telegram_updates.c.chat_id, telegram_updates.c.update_id)

webhook_events = Table(
    "webhook_events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    _ts("received_at"),
    Column("source", String(30), nullable=False),  # page, instagram
    Column("body", Text, nullable=False),  # the raw body, exactly as signed
    Column("status", String(20), nullable=False),  # pending, processed, failed
    Column("outcome", Text),
    _ts("processed_at", nullable=True),
    # migration 0011: a replayed body is recognised (None on events stored before it)
    Column("body_sha256", String(64)),
    Index("ix_webhook_events_body_sha256", "body_sha256", unique=True),
)

legal_holds = Table(
    "legal_holds",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False),
    Column("reason", Text, nullable=False),
    Column("criteria", JSON, nullable=False),  # the archive-search filters it freezes
    Column("created_by", String(200), nullable=False),
    _ts("created_at"),
    Column("released_by", String(200)),
    _ts("released_at", nullable=True),
)

dispositions = Table(
    "dispositions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("record_class", String(50), nullable=False),
    Column("authority", Text, nullable=False),
    Column("period_days", Integer, nullable=False),
    _ts("cutoff"),  # records created before this are past retention
    Column("status", String(20), nullable=False),  # proposed, approved, rejected
    Column("item_ids", JSON, nullable=False),
    Column("record_hashes", JSON, nullable=False),  # of every version disposed
    Column("proposed_by", String(200), nullable=False),
    _ts("proposed_at"),
    Column("decided_by", String(200)),
    _ts("decided_at", nullable=True),
    Column("note", Text),
)

# Web console accounts (migration 0006): never deleted, disabled instead.
web_users = Table(
    "web_users",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(150), nullable=False),
    Column("password_hash", String(200), nullable=False),  # argon2id
    Column("roles", JSON, nullable=False),
    Column("telegram_id", BigInteger),
    _ts("created_at"),
    _ts("last_login_at", nullable=True),
    _ts("disabled_at", nullable=True),
)

# Console sign-in attempts (migration 0011): running (outcome None) or failed, per username;
# shared by every web process, counted under a lock. Deleted on a successful sign-in.
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    _ts("started_at"),
    Column("outcome", String(10)),
    Index("ix_login_attempts_username", "username", "started_at"),
)

# Console sessions (migration 0011): the cookie carries a random token, the server its hash;
# a session ends at sign-out or at expires_at (fixed at sign-in), whichever comes first.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Id, ForeignKey("web_users.id"), nullable=False),
    _ts("created_at"),
    _ts("expires_at"),
    _ts("ended_at", nullable=True),
)

# X OAuth 2.0 user tokens (migration 0012): encrypted at rest (Fernet), rotated by the worker.
oauth_tokens = Table(
    "oauth_tokens",
    metadata,
    Column("page_id", Id, ForeignKey("pages.id"), primary_key=True),
    Column("access_token", Text, nullable=False),  # encrypted
    Column("refresh_token", Text, nullable=False),  # encrypted
    Column("scope", Text, nullable=False),
    _ts("expires_at"),
    _ts("refreshed_at"),
    Column("last_error", Text),
)

# Appeals of hidden comments (migration 0013): recorded by the PIO for the commenter, decided
# by someone other than the person who hid the comment.
appeals = Table(
    "appeals",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("review_item_id", Id, ForeignKey("review_items.id"), nullable=False),
    Column("decision_id", Id, ForeignKey("review_decisions.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("recorded_by", String(200), nullable=False),
    _ts("recorded_at"),
    Column("status", String(20), nullable=False),  # open, upheld, reversed
    Column("decided_by", String(200)),
    _ts("decided_at", nullable=True),
    Column("reason", Text),
)

# Signed chain heads (migration 0008): append-only, like the chains they vouch for.
chain_signatures = Table(
    "chain_signatures",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    _ts("signed_at"),
    Column("key_id", String(16), nullable=False),
    Column("public_key", String(100), nullable=False),  # base64 of the 32 raw bytes
    Column("payload", Text, nullable=False),  # canonical JSON: the heads, as signed
    Column("signature", String(100), nullable=False),  # base64 Ed25519 signature of payload
)

# Media files the archived items show (migration 0009). ``media_blobs`` holds each file once,
# by SHA-256; ``archive_media`` is every reference a stored version made, with its download
# state (page_governor.archive.media). Once captured, only an approved disposition changes
# either (database triggers).
media_blobs = Table(
    "media_blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("data", LargeBinary, nullable=False),  # emptied by an approved disposition only
    _ts("captured_at"),
    _ts("disposed_at", nullable=True),
)

archive_media = Table(
    "archive_media",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("item_id", Id, ForeignKey("archive_items.id"), nullable=False),
    Column("version_id", Id, ForeignKey("archive_versions.id"), nullable=False),
    Column("url", Text, nullable=False),
    Column("status", String(20), nullable=False),  # pending | captured | failed
    Column("sha256", String(64), ForeignKey("media_blobs.sha256"), nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=True),
    _ts("found_at"),
    _ts("next_attempt_at"),
    _ts("fetched_at", nullable=True),
    Column("disposition_id", Id, nullable=True),
    _ts("disposed_at", nullable=True),
)
Index("ix_archive_media_due", archive_media.c.status, archive_media.c.next_attempt_at)
Index("ix_archive_media_item", archive_media.c.item_id)
Index("ix_archive_media_version", archive_media.c.version_id)  # disposition

# Fingerprints of comment texts and links, for coordinated spam: the same text or link from
# several accounts within an hour (page_governor.moderation.coordinated). Hashes only.
spam_fingerprints = Table(
    "spam_fingerprints",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), nullable=False),
    Column("kind", String(10), nullable=False),  # text | link
    Column("page_id", Id, ForeignKey("pages.id"), nullable=False),
    Column("item_id", Id, ForeignKey("archive_items.id"), nullable=False),
    Column("version_id", Id, ForeignKey("archive_versions.id"), nullable=False),
    Column("author_id", String(200), nullable=False),
    _ts("seen_at"),
)
Index("ix_spam_fingerprints_recent", spam_fingerprints.c.fingerprint, spam_fingerprints.c.seen_at)

# Tables the append-only triggers protect.
APPEND_ONLY_TABLES = ("archive_items", "archive_versions", "review_decisions", "audit_log")
# Also append-only (migration 0002): the Telegram updates exactly as the bot received them.
INBOX_TABLES = ("telegram_updates",)
# Also append-only (migration 0008): signatures over the chain heads.
SIGNATURE_TABLES = ("chain_signatures",)
# Also append-only (migration 0009): captured media files.
MEDIA_TABLES = ("media_blobs",)

__all__ = [
    "APPEND_ONLY_TABLES",
    "archive_items",
    "archive_media",
    "archive_versions",
    "audit_log",
    "capture_gaps",
    "chain_signatures",
    "compliance_results",
    "departments",
    "dispositions",
    "flags",
    "item_status",
    "leases",
    "legal_holds",
    "media_blobs",
    "metadata",
    "outbox",
    "page_health",
    "page_requests",
    "pages",
    "poll_cursors",
    "review_decisions",
    "review_items",
    "telegram_buttons",
    "telegram_updates",
    "web_users",
    "webhook_events",
]
