"""Poll one page: adapter → archive → moderation → outbox, with nothing lost.

One piece: a poll is one transaction, and every step of it (versions, tombstones, flags,
review items, alerts, cursor) reads what the step before wrote in the same transaction.

Everything is fetched first, then written in one transaction: the archive versions, the
tombstones of items that vanished, the flags and review items for new or edited comments, the
alerts, and finally the poll cursor. A failure anywhere rolls the whole poll back, so the cursor
never runs ahead of the archive and a re-poll repeats nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, insert, select

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit, media
from page_governor.archive.integrity import FLAG_ACTION, flag_digest
from page_governor.archive.store import (
    Archive,
    CaptureResult,
    Change,
    Known,
    Observation,
    observation_args,
)
from page_governor.clock import Clock, iso
from page_governor.compliance.posts import PostRule, check_post
from page_governor.db import Database
from page_governor.db import schema as t
from page_governor.governance.registry import page_ref
from page_governor.hashing import canonical_json, sha256_hex
from page_governor.models import (
    Capability,
    Category,
    Classification,
    Comment,
    Evidence,
    ItemKind,
    PageRef,
    Post,
    Profile,
    Provenance,
    ReviewStatus,
)
from page_governor.moderation.classifier import Classifier, priority_of
from page_governor.moderation.coordinated import Fingerprint, fingerprints
from page_governor.moderation.detectors import Context
from page_governor.platforms.base import PlatformAdapter

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PollStats:
    page: str
    posts: int = 0
    comments: int = 0
    new_items: int = 0
    edits: int = 0
    deletions: int = 0
    hidden_changes: int = 0
    flags: int = 0
    restored: int = 0
    unchanged: int = 0
    alerts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything one poll read from the platform."""

    profile: Profile | None
    posts: tuple[Post, ...]
    comments: tuple[Comment, ...]
    fetched_at: datetime


def fetch_snapshot(
    adapter: PlatformAdapter, ref: PageRef, *, now: datetime, since: datetime | None = None
) -> Snapshot:
    """Read the profile, the posts made since ``since`` and all their comments.

    Platform errors propagate unchanged.
    """
    caps = adapter.capabilities(ref)
    profile = adapter.fetch_profile(ref) if caps & Capability.READ_PROFILE else None
    posts = tuple(adapter.iter_posts(ref, since=since)) if caps & Capability.READ_POSTS else ()
    comments: list[Comment] = []
    if caps & Capability.READ_COMMENTS:
        for post in posts:
            comments.extend(adapter.iter_comments(post))
    return Snapshot(profile, posts, tuple(comments), now)


def profile_text(profile: Profile) -> str:
    """The archived text of a profile: its fields as canonical JSON (exact and re-readable)."""
    return canonical_json(profile.fields)


def comment_observation(comment: Comment, sees_hidden: bool = True) -> Observation:
    """A comment as the archive stores it; hidden state unknown where the platform is silent."""
    return Observation(
        comment.kind,
        comment.platform_id,
        comment.text,
        comment.raw,
        comment.provenance,
        is_hidden=comment.is_hidden if sees_hidden else None,
        post_platform_id=comment.post_id,
        parent_platform_id=comment.parent_id,
        author_id=comment.author_id,
        author_name=comment.author_name,
        permalink=comment.permalink,
        created_at=comment.created_at,
    )


def comment_context(
    comment: Comment,
    by_id: dict[str, Comment],
    page: dict[str, Any],
    post_texts: dict[str, str] | None = None,
    *,
    off_topic_rule: bool = False,
) -> Context:
    parent = by_id.get(comment.parent_id) if comment.parent_id else None
    phones = frozenset(
        "".join(ch for ch in p if ch.isdigit())[-10:]
        for p in (page.get("department_phone") or "").split(",")
        if p.strip()
    )
    emails = frozenset(
        e.strip().lower() for e in (page.get("department_email") or "").split(",") if e.strip()
    )
    return Context(
        is_reply_to_commenter=parent is not None and parent.author_id != page["platform_id"],
        top_level_on_agency_page=comment.parent_id is None,
        agency_phones=phones,
        agency_emails=emails,
        post_text=(post_texts or {}).get(comment.post_id, ""),
        parent_text=parent.text if parent is not None else "",
        off_topic_rule=off_topic_rule,
    )


# A published comment policy that lets off-topic comments be removed says so in words like these.
OFF_TOPIC_POLICY = re.compile(
    r"\boff[- ]?topic\b|\bunrelated\s+to\s+(the\s+)?(post|topic|subject|original)|"
    r"\bnot\s+(related|relevant)\s+to\s+(the\s+)?(post|topic|subject)|\birrelevant\b",
    re.IGNORECASE,
)


def policy_names_off_topic(conn: Connection, page_id: int) -> bool:
    """Whether the page's archived profile (its published comment policy) names off-topic
    comments: only then are comments judged off topic."""
    status = t.item_status
    text = conn.execute(
        select(t.archive_versions.c.text)
        .join(status, status.c.current_version_id == t.archive_versions.c.id)
        .where(status.c.page_id == page_id, status.c.kind == ItemKind.PROFILE.value)
        .limit(1)
    ).scalar_one_or_none()
    return bool(text and OFF_TOPIC_POLICY.search(text))


class FlagSubject(Protocol):
    """What an alert says about the flagged comment (a captured Comment, or one read back from
    the archive)."""

    @property
    def platform_id(self) -> str: ...
    @property
    def post_id(self) -> str | None: ...
    @property
    def author_name(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def permalink(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ArchivedComment:
    platform_id: str
    post_id: str | None
    author_name: str | None
    text: str
    permalink: str | None


COORDINATED_DETECTOR = "coordinated-spam-1"
NEW_POST_WINDOW = timedelta(days=2)
CLASSIFIER_ACTOR = "page_governor (classifier)"


def record_flag(
    conn: Connection,
    *,
    page: dict[str, Any],
    item_id: int,
    version_id: int,
    comment: FlagSubject,
    result: Classification,
    now: datetime,
) -> int | None:
    """Store a flag, open a review item and queue the alert. Idempotent per version."""
    exists = conn.execute(
        select(t.flags.c.id).where(
            t.flags.c.version_id == version_id,
            t.flags.c.detector_version == result.detector_version,
        )
    ).scalar_one_or_none()
    if exists is not None:
        return None
    js = result.as_json()
    priority = priority_of(result)
    flag = {
        "version_id": version_id,
        "item_id": item_id,
        "page_id": page["id"],
        "categories": js["categories"],
        "scores": js["scores"],
        "target": js["target"],
        "evidence": js["evidence"],
        "advisories": list(result.advisories),
        "priority": priority,
        "detector_version": result.detector_version,
        "created_at": now,
    }
    flag_id = int(conn.execute(insert(t.flags).values(**flag)).inserted_primary_key[0])
    # The flag's content goes into the audit chain, so `archive verify` sees a flag changed,
    # removed or added afterwards (the review rests on it).
    audit.record(
        conn,
        at=now,
        actor=CLASSIFIER_ACTOR,
        action=FLAG_ACTION,
        subject_type="flag",
        subject_id=flag_id,
        details={
            "version_id": version_id,
            "categories": js["categories"],
            "detector_version": result.detector_version,
            "flag_sha256": flag_digest(flag),
        },
    )
    review_id = conn.execute(
        insert(t.review_items).values(
            flag_id=flag_id,
            item_id=item_id,
            page_id=page["id"],
            status=ReviewStatus.OPEN.value,
            priority=priority,
            created_at=now,
            updated_at=now,
        )
    ).inserted_primary_key[0]
    enqueue(
        conn,
        kind="flag",
        dedupe_key=f"flag:{flag_id}",
        payload={
            "review_item_id": review_id,
            "page": page["key"],
            "platform": page["platform"],
            "comment_id": comment.platform_id,
            "post_id": comment.post_id,
            "author": comment.author_name,
            "text": comment.text,
            "permalink": comment.permalink,
            "categories": js["categories"],
            "evidence": js["evidence"],
            "target": js["target"],
            "advisories": list(result.advisories),
            "urgent": result.urgent,
        },
        now=now,
    )
    return int(flag_id)


class Ingestor:
    """Polls pages into the archive and feeds moderation."""

    def __init__(
        self,
        db: Database,
        classifier: Classifier,
        clock: Clock,
        *,
        lookback: timedelta = timedelta(days=30),
        capture_media: bool = True,
        post_rules: tuple[PostRule, ...] = (),
    ) -> None:
        self.db = db
        self.classifier = classifier
        self.clock = clock
        self.lookback = lookback
        self.capture_media = capture_media
        self.post_rules = post_rules  # the agency's own posts are checked against these
        self.archive = Archive()

    def poll(self, page: dict[str, Any], adapter: PlatformAdapter) -> PollStats:
        """Capture one page completely. Raises platform errors before anything is written."""
        ref = page_ref(page)
        now = self.clock.now()
        caps = adapter.capabilities(ref)
        snapshot = fetch_snapshot(adapter, ref, now=now, since=now - self.lookback)
        vanished: list[dict[str, Any]] = []
        if caps & Capability.SEE_DELETIONS:
            vanished = self._vanished(page, adapter, ref, snapshot)
        with self.db.begin() as conn:
            stats = self._store(conn, page, ref, caps, snapshot, vanished)
        log.info(
            "polled %s: %d posts, %d comments, %d new, %d edits, %d deletions, %d flags",
            page["key"],
            stats.posts,
            stats.comments,
            stats.new_items,
            stats.edits,
            stats.deletions,
            stats.flags,
        )
        return stats

    def capture_profile(self, page: dict[str, Any], adapter: PlatformAdapter) -> Change:
        """Fetch and archive only the profile (for a compliance check between polls)."""
        ref = page_ref(page)
        profile = adapter.fetch_profile(ref)
        now = self.clock.now()
        with self.db.begin() as conn:
            self.archive.lock_page(conn, page["id"])
            return self.archive.capture(
                conn,
                page_id=page["id"],
                kind=ItemKind.PROFILE,
                platform_item_id=ref.platform_id,
                text_value=profile_text(profile),
                raw=profile.raw,
                provenance=profile.provenance,
                captured_at=now,
            ).change

    def _store(
        self,
        conn: Connection,
        page: dict[str, Any],
        ref: PageRef,
        caps: Capability,
        snap: Snapshot,
        vanished: list[dict[str, Any]],
    ) -> PollStats:
        now = snap.fetched_at
        stats = PollStats(page["key"], posts=len(snap.posts), comments=len(snap.comments))
        pid = page["id"]
        self.archive.lock_page(conn, pid)
        known = self.archive.load_known(conn, pid)
        seen: list[int] = []
        if snap.profile is not None:
            res = self.archive.capture(
                conn,
                page_id=pid,
                kind=ItemKind.PROFILE,
                platform_item_id=ref.platform_id,
                text_value=profile_text(snap.profile),
                raw=snap.profile.raw,
                provenance=snap.profile.provenance,
                captured_at=now,
                known=known,
                seen=seen,
            )
            self._count(stats, res.change)
        sees_hidden = bool(caps & Capability.SEE_HIDDEN_STATE)
        observations = [
            Observation(
                ItemKind.POST,
                post.platform_id,
                post.text,
                post.raw,
                post.provenance,
                is_hidden=post.is_hidden,
                post_platform_id=post.platform_id,
                author_id=post.author_id,
                author_name=post.author_name,
                permalink=post.permalink,
                created_at=post.created_at,
            )
            for post in snap.posts
        ] + [comment_observation(c, sees_hidden) for c in snap.comments]
        results = self.archive.capture_many(
            conn, page_id=pid, observations=observations, captured_at=now, known=known, seen=seen
        )
        for post, res in zip(snap.posts, results[: len(snap.posts)], strict=True):
            self._count(stats, res.change)
            if res.content_changed:
                self._check_post(conn, page, post, now)
        self._queue_media(
            conn,
            page,
            zip(results[: len(snap.posts)], [p.raw for p in snap.posts], strict=True),
            now,
        )
        by_id = {c.platform_id: c for c in snap.comments}
        post_texts = {p.platform_id: p.text for p in snap.posts}
        off_topic_rule = policy_names_off_topic(conn, pid)
        for comment, res in zip(snap.comments, results[len(snap.posts) :], strict=True):
            self._after_comment(
                conn,
                page,
                ref,
                comment,
                res,
                now=now,
                stats=stats,
                by_id=by_id,
                post_texts=post_texts,
                off_topic_rule=off_topic_rule,
            )
        self.archive.mark_seen(conn, seen, now)
        if vanished:
            stats.deletions += self._tombstones(conn, ref, vanished, now)
        conn.execute(
            t.poll_cursors.delete().where(
                t.poll_cursors.c.page_id == pid, t.poll_cursors.c.stream == "page"
            )
        )
        conn.execute(
            insert(t.poll_cursors).values(
                page_id=pid, stream="page", value=iso(now), updated_at=now
            )
        )
        return stats

    def _check_post(
        self, conn: Connection, page: dict[str, Any], post: Post, now: datetime
    ) -> None:
        """A new or edited post of the page itself, against the policy's post rules: findings
        go to the PIO (Telegram and the console). Posts older than NEW_POST_WINDOW (a page's
        first capture reads weeks back) are archived without a check alert."""
        if not self.post_rules:
            return
        if post.created_at is not None and post.created_at < now - NEW_POST_WINDOW:
            return
        findings = check_post(post.text, self.post_rules)
        if not findings:
            return
        enqueue(
            conn,
            kind="post_findings",
            dedupe_key=f"post_findings:{page['id']}:{post.platform_id}:{sha256_hex(post.text)[:16]}",
            payload={
                "page": page["key"],
                "platform": page["platform"],
                "post_id": post.platform_id,
                "text": post.text,
                "permalink": post.permalink,
                "findings": [f.as_json() for f in findings],
            },
            now=now,
        )

    def _queue_media(
        self,
        conn: Connection,
        page: dict[str, Any],
        stored: Iterable[tuple[CaptureResult, dict[str, Any]]],
        now: datetime,
    ) -> None:
        """Queue the media of new or edited versions of a live page for download (the bundled
        sample pages point at no real files)."""
        if not self.capture_media or page["source"] != "live":
            return
        media.queue(
            conn,
            (
                (res.item_id, res.version_id, raw)
                for res, raw in stored
                if res.content_changed and res.version_id is not None
            ),
            now=now,
        )

    @staticmethod
    def _count(stats: PollStats, change: Change) -> None:
        if change is Change.NEW:
            stats.new_items += 1
        elif change is Change.EDITED:
            stats.edits += 1
        elif change in (Change.HIDDEN, Change.UNHIDDEN):
            stats.hidden_changes += 1
        elif change is Change.RESTORED:
            stats.restored += 1
        else:
            stats.unchanged += 1

    def capture_comment(
        self,
        conn: Connection,
        page: dict[str, Any],
        ref: PageRef,
        comment: Comment,
        *,
        now: datetime,
        stats: PollStats,
        by_id: dict[str, Comment] | None = None,
        sees_hidden: bool = True,
        known: Known | None = None,
        seen: list[int] | None = None,
    ) -> Change:
        """Archive one observation of a comment; report outside hides; classify what is new.

        Used by the poll and by webhook events. ``sees_hidden=False`` (X, Telegram) keeps the
        hidden state already on record instead of reading "not hidden" into the platform's
        silence.
        """
        res = self.archive.capture(
            conn,
            page_id=page["id"],
            captured_at=now,
            known=known,
            seen=seen,
            **observation_args(comment_observation(comment, sees_hidden)),
        )
        self._after_comment(conn, page, ref, comment, res, now=now, stats=stats, by_id=by_id)
        return res.change

    def _after_comment(
        self,
        conn: Connection,
        page: dict[str, Any],
        ref: PageRef,
        comment: Comment,
        res: CaptureResult,
        *,
        now: datetime,
        stats: PollStats,
        by_id: dict[str, Comment] | None,
        post_texts: dict[str, str] | None = None,
        off_topic_rule: bool | None = None,
    ) -> None:
        """Count, report an outside hide, queue its media, classify a new or edited comment
        (``off_topic_rule`` None: read from the page's archived policy)."""
        self._count(stats, res.change)
        self._queue_media(conn, page, [(res, comment.raw)], now)
        if res.change in (Change.HIDDEN, Change.UNHIDDEN):
            key = f"external:{res.version_id}"
            enqueue(
                conn,
                kind="external_moderation",
                dedupe_key=key,
                payload={
                    "page": page["key"],
                    "comment_id": comment.platform_id,
                    "change": res.change.value,
                    "text": comment.text,
                    "note": "moderated on the platform outside page_governor",
                },
                now=now,
            )
            stats.alerts.append(key)
        if (
            res.content_changed
            and res.version_id is not None
            and comment.author_id != ref.platform_id
            and comment.text.strip()
        ):
            if off_topic_rule is None:
                off_topic_rule = policy_names_off_topic(conn, int(page["id"]))
            context = comment_context(
                comment,
                by_id or {comment.platform_id: comment},
                page,
                post_texts,
                off_topic_rule=off_topic_rule,
            )
            result = self.classifier.classify(comment.text, context)
            if result.flagged and record_flag(
                conn,
                page=page,
                item_id=res.item_id,
                version_id=res.version_id,
                comment=comment,
                result=result,
                now=now,
            ):
                stats.flags += 1
            if comment.author_id:
                stats.flags += self._coordinated(conn, page, comment, res, now)

    def _coordinated(
        self,
        conn: Connection,
        page: dict[str, Any],
        comment: Comment,
        res: CaptureResult,
        now: datetime,
    ) -> int:
        """Store the comment's fingerprints; when one of them was posted by enough accounts in
        the window, flag every comment of that burst that is not flagged as spam already.
        Returns the number of new flags."""
        assert res.version_id is not None and comment.author_id is not None
        prints = fingerprints(
            comment.text, official_domains=tuple(page.get("official_domains") or ())
        )
        if not prints:
            return 0
        sf = t.spam_fingerprints
        conn.execute(
            insert(sf),
            [
                {
                    "fingerprint": fp.digest,
                    "kind": fp.kind,
                    "page_id": page["id"],
                    "item_id": res.item_id,
                    "version_id": res.version_id,
                    "author_id": comment.author_id,
                    "seen_at": now,
                }
                for fp in prints
            ],
        )
        lex = self.classifier.lexicon
        since = now - timedelta(minutes=lex.coordinated_window_minutes)
        for fp in prints:
            burst = conn.execute(
                select(sf.c.item_id, sf.c.version_id, sf.c.author_id, sf.c.page_id).where(
                    sf.c.fingerprint == fp.digest, sf.c.seen_at >= since
                )
            ).all()
            accounts = {row.author_id for row in burst}
            if len(accounts) < lex.coordinated_accounts:
                continue
            pages = {row.page_id for row in burst}
            return self._flag_burst(conn, burst, fp, len(accounts), len(pages), now)
        return 0

    def _flag_burst(
        self,
        conn: Connection,
        burst: list[Any],
        fp: Fingerprint,
        accounts: int,
        pages: int,
        now: datetime,
    ) -> int:
        minutes = self.classifier.lexicon.coordinated_window_minutes
        advisory = (
            f"coordinated: the same {'text' if fp.kind == 'text' else 'link'} from {accounts} "
            f"accounts on {pages} page{'s' if pages != 1 else ''} within {minutes} minutes"
        )
        flagged = 0
        burst_pages: dict[int, dict[str, Any]] = {}
        for row in {r.version_id: r for r in burst}.values():
            spam_flags = conn.execute(
                select(t.flags.c.categories).where(t.flags.c.version_id == row.version_id)
            ).scalars()
            if any(Category.SPAM.value in (cats or []) for cats in spam_flags):
                continue
            subject = conn.execute(
                select(
                    t.archive_items.c.platform_item_id,
                    t.archive_items.c.post_platform_id,
                    t.archive_items.c.author_name,
                    t.archive_items.c.permalink,
                    t.archive_versions.c.text,
                )
                .join(t.archive_versions, t.archive_versions.c.item_id == t.archive_items.c.id)
                .where(t.archive_versions.c.id == row.version_id)
            ).one()
            if row.page_id not in burst_pages:
                burst_pages[row.page_id] = dict(
                    conn.execute(select(t.pages).where(t.pages.c.id == row.page_id))
                    .mappings()
                    .one()
                )
            result = Classification(
                flagged=True,
                categories=(Category.SPAM,),
                scores={c: (0.9 if c is Category.SPAM else 0.0) for c in Category},
                target=None,
                evidence=(Evidence(Category.SPAM, fp.shown, "coordinated"),),
                detector_version=COORDINATED_DETECTOR,
                advisories=(advisory,),
            )
            if record_flag(
                conn,
                page=burst_pages[row.page_id],
                item_id=row.item_id,
                version_id=row.version_id,
                comment=ArchivedComment(
                    subject.platform_item_id,
                    subject.post_platform_id,
                    subject.author_name,
                    subject.text,
                    subject.permalink,
                ),
                result=result,
                now=now,
            ):
                flagged += 1
        return flagged

    def _vanished(
        self, page: dict[str, Any], adapter: PlatformAdapter, ref: PageRef, snap: Snapshot
    ) -> list[dict[str, Any]]:
        """Items live at the last poll and missing from this one: the deletion candidates.

        Only items inside the look-back window (and the adapter's own listing window, e.g. X's
        7-day search) are judged: older ones may simply have dropped out of what the platform
        lists. A comment is judged only when its post was read in this poll. Where the adapter
        can confirm a deletion by id (X), only confirmed ones are returned.
        """
        now = snap.fetched_at
        window = self.lookback
        own_window = getattr(adapter, "deletion_window", None)
        if isinstance(own_window, timedelta):
            window = min(window, own_window)
        horizon = now - window
        seen_posts = {p.platform_id for p in snap.posts}
        seen_comments = {c.platform_id for c in snap.comments}
        with self.db.connect() as conn:
            rows = (
                conn.execute(
                    select(
                        t.item_status.c.item_id,
                        t.item_status.c.last_seen_at,
                        t.archive_items.c.kind,
                        t.archive_items.c.platform_item_id,
                        t.archive_items.c.post_platform_id,
                        t.archive_items.c.created_at,
                    )
                    .join(t.archive_items, t.archive_items.c.id == t.item_status.c.item_id)
                    .where(
                        t.item_status.c.page_id == page["id"],
                        t.item_status.c.state != "deleted",
                        t.archive_items.c.kind != ItemKind.PROFILE.value,
                    )
                )
                .mappings()
                .all()
            )
        candidates = []
        for row in rows:
            created = row["created_at"]
            if created is not None and created < horizon:
                continue
            if row["kind"] == ItemKind.POST.value:
                gone = row["platform_item_id"] not in seen_posts
            else:
                gone = (
                    row["post_platform_id"] in seen_posts
                    and row["platform_item_id"] not in seen_comments
                )
            if gone:
                candidates.append(dict(row))
        confirm = getattr(adapter, "confirm_gone", None)
        if candidates and callable(confirm):
            confirmed = confirm(ref, [c["platform_item_id"] for c in candidates])
            candidates = [c for c in candidates if c["platform_item_id"] in confirmed]
        return candidates

    def _tombstones(
        self, conn: Connection, ref: PageRef, vanished: list[dict[str, Any]], now: datetime
    ) -> int:
        """Record a deletion tombstone, with the time it was last seen, for each vanished item."""
        prov = Provenance(ref.platform, "page_governor:deletion-check", now, "page_governor")
        count = 0
        for row in vanished:
            state = conn.execute(
                select(t.item_status.c.state).where(t.item_status.c.item_id == row["item_id"])
            ).scalar_one()
            if state == "deleted":  # another capture got there first
                continue
            self.archive.tombstone(
                conn,
                item_id=row["item_id"],
                captured_at=now,
                last_seen_at=row["last_seen_at"],
                provenance=prov,
                reason="not returned by the platform",
            )
            count += 1
        return count
