"""Platform-neutral domain values: frozen, slotted dataclasses and enums."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class Platform(enum.StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    TELEGRAM = "telegram"


class Capability(enum.Flag):
    """What an adapter can do on its platform."""

    NONE = 0
    READ_PROFILE = enum.auto()
    READ_POSTS = enum.auto()
    READ_COMMENTS = enum.auto()
    HIDE_COMMENT = enum.auto()
    SEE_DELETIONS = enum.auto()
    SEE_HIDDEN_STATE = enum.auto()
    MESSAGE_COMMENTER = enum.auto()  # one private message to a comment's author


class ItemKind(enum.StrEnum):
    PROFILE = "profile"
    POST = "post"
    COMMENT = "comment"
    REPLY = "reply"


class ItemState(enum.StrEnum):
    LIVE = "live"
    EDITED = "edited"
    HIDDEN = "hidden"
    DELETED = "deleted"
    RESTORED = "restored"  # shown by the platform again, unchanged, after a deletion


class PageState(enum.StrEnum):
    """Lifecycle of an official page (see the page-lifecycle issue)."""

    REQUESTED = "requested"
    APPROVED = "approved"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    RETIRED = "retired"
    REJECTED = "rejected"


class Category(enum.StrEnum):
    """Moderation categories. They describe form, never opinion."""

    OBSCENITY = "obscenity"
    PERSONAL_ATTACK = "personal_attack"
    THREAT = "threat"
    PERSONAL_INFO = "personal_info"
    SPAM = "spam"
    # judged only against the post, and only where the page's published policy names
    # off-topic comments (moderation/offtopic.py)
    OFF_TOPIC = "off_topic"


class Target(enum.StrEnum):
    """Who a personal attack is aimed at."""

    OFFICIAL = "official"
    PRIVATE = "private"
    GROUP = "group"  # a political group or movement ("liberals", "antifa"): political speech
    UNKNOWN = "unknown"


class Decision(enum.StrEnum):
    KEEP = "keep"
    HIDE = "hide"
    ESCALATE = "escalate"
    NOT_A_VIOLATION = "not_a_violation"


class ReviewStatus(enum.StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"
    DECIDED = "decided"


class Role(enum.StrEnum):
    PIO = "pio"
    CHIEF = "chief"
    RECORDS_CLERK = "records_clerk"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a captured value came from. Never holds a token."""

    platform: Platform
    endpoint: str
    fetched_at: datetime
    client: str

    def as_dict(self) -> dict[str, str]:
        from page_governor.clock import iso

        return {
            "platform": self.platform.value,
            "endpoint": self.endpoint,
            "fetched_at": iso(self.fetched_at) or "",
            "client": self.client,
        }


@dataclass(frozen=True, slots=True)
class PageRef:
    """A registered page as the adapters need it."""

    key: str
    platform: Platform
    platform_id: str
    handle: str | None = None
    department: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A page's public profile: the text the compliance check reads.

    ``fields`` maps a source name (``about``, ``description``, ``website`` …) to its text.
    """

    page: PageRef
    name: str
    fields: dict[str, str]
    raw: dict[str, Any]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Post:
    page: PageRef
    platform_id: str
    text: str
    created_at: datetime | None
    author_id: str | None
    author_name: str | None
    permalink: str | None
    raw: dict[str, Any]
    provenance: Provenance
    is_hidden: bool = False


@dataclass(frozen=True, slots=True)
class Comment:
    page: PageRef
    platform_id: str
    post_id: str
    parent_id: str | None
    text: str
    created_at: datetime | None
    author_id: str | None
    author_name: str | None
    permalink: str | None
    raw: dict[str, Any]
    provenance: Provenance
    is_hidden: bool = False
    can_hide: bool = True

    @property
    def kind(self) -> ItemKind:
        return ItemKind.REPLY if self.parent_id else ItemKind.COMMENT


@dataclass(frozen=True, slots=True)
class CommentRef:
    page: PageRef
    platform_id: str


@dataclass(frozen=True, slots=True)
class Evidence:
    category: Category
    text: str
    detector: str


@dataclass(frozen=True, slots=True)
class Classification:
    """The classifier's verdict on one text. It flags; it never decides."""

    flagged: bool
    categories: tuple[Category, ...]
    scores: dict[Category, float]
    target: Target | None
    evidence: tuple[Evidence, ...]
    detector_version: str
    advisories: tuple[str, ...] = field(default=())
    # per flagged category: how often a comment with this score carries the label in labelled
    # data (calibrated; see moderation/models/calibration.json)
    confidence: dict[Category, float] = field(default_factory=dict)

    @property
    def urgent(self) -> bool:
        return Category.THREAT in self.categories

    def as_json(self, item_id: Any = None) -> dict[str, Any]:
        return {
            "id": item_id,
            "flagged": self.flagged,
            "categories": [c.value for c in self.categories],
            "scores": {c.value: round(self.scores.get(c, 0.0), 4) for c in Category},
            "target": self.target.value if self.target else None,
            "evidence": [{"category": e.category.value, "text": e.text} for e in self.evidence],
            "confidence": {c.value: round(p, 3) for c, p in self.confidence.items()},
        }


# How the audit log names a person: "Display Name (telegram:ID)", "Display Name (web:username)"
# or "cli:login". The part in brackets is who they are; the display name is only a label.
_IDENTITY = re.compile(r"\((telegram:-?\d+|web:[a-z0-9._-]+)\)\s*$")


def identity(actor: str) -> str:
    """Who ``actor`` is, for "not one's own request": the Telegram id or web account when the
    name carries one (display names differ between roles.yaml, Telegram and the console), else
    the name itself with case and spacing folded."""
    found = _IDENTITY.search(actor)
    if found:
        return found.group(1)
    return " ".join(actor.split()).casefold()


def same_person(a: str, b: str) -> bool:
    return identity(a) == identity(b)
