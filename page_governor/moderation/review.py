"""The review queue: flags wait for a person, who keeps, hides, escalates or clears them.

Rules that hold whatever the interface (CLI, Telegram, web):
- nothing is hidden without a named person's decision, and nothing is ever deleted;
- ``hide`` is refused when the page has no published moderation policy, and on platforms that
  cannot hide (the alert is all there is);
- the comment was archived when it was captured; hiding adds a new archived version;
- every decision, and the platform's answer, is in the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, cast, func, insert, select, update

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit
from page_governor.archive.store import Archive
from page_governor.compliance.service import previous_result
from page_governor.db import Database
from page_governor.db import schema as t
from page_governor.errors import (
    InputError,
    InvalidTransition,
    PageGovernorError,
    PlatformError,
    UnknownObject,
    UnsupportedOperation,
    WorkflowError,
)
from page_governor.governance.registry import page_ref, page_row
from page_governor.models import (
    Capability,
    CommentRef,
    Decision,
    ItemKind,
    ItemState,
    Provenance,
    ReviewStatus,
)
from page_governor.moderation.notices import NoticeConfig, prepare_notice
from page_governor.platforms.base import PlatformAdapter

# Which decisions are allowed from which status.
TRANSITIONS: dict[ReviewStatus, dict[Decision, ReviewStatus]] = {
    ReviewStatus.OPEN: {
        Decision.KEEP: ReviewStatus.DECIDED,
        Decision.HIDE: ReviewStatus.DECIDED,
        Decision.NOT_A_VIOLATION: ReviewStatus.DECIDED,
        Decision.ESCALATE: ReviewStatus.ESCALATED,
    },
    ReviewStatus.ESCALATED: {
        Decision.KEEP: ReviewStatus.DECIDED,
        Decision.HIDE: ReviewStatus.DECIDED,
        Decision.NOT_A_VIOLATION: ReviewStatus.DECIDED,
    },
    ReviewStatus.DECIDED: {},
}


def next_status(current: ReviewStatus, decision: Decision) -> ReviewStatus:
    """The status after ``decision``.

    Raises:
        InvalidTransition: the decision is not allowed from ``current``.
    """
    allowed = TRANSITIONS[current]
    if decision not in allowed:
        if current is ReviewStatus.DECIDED:
            raise InvalidTransition("this item has already been decided")
        raise InvalidTransition(f"cannot {decision.value} an item that is {current.value}")
    return allowed[decision]


@dataclass(frozen=True, slots=True)
class DecisionOutcome:
    review_item_id: int
    decision: Decision
    status: ReviewStatus
    platform_result: dict[str, Any]
    audit_id: int


def _item_query() -> Any:
    return (
        select(
            t.review_items,
            t.flags.c.categories,
            t.flags.c.scores,
            t.flags.c.target,
            t.flags.c.evidence,
            t.flags.c.advisories,
            t.flags.c.detector_version,
            t.flags.c.version_id,
            t.archive_items.c.platform_item_id,
            t.archive_items.c.kind,
            t.archive_items.c.author_name,
            t.archive_items.c.author_id,
            t.archive_items.c.created_at.label("written_at"),
            t.archive_items.c.permalink,
            t.archive_items.c.post_platform_id,
            t.archive_items.c.parent_platform_id,
            t.archive_versions.c.text,
            t.archive_versions.c.captured_at,
            t.pages.c.key.label("page_key"),
            t.pages.c.platform,
        )
        .join(t.flags, t.flags.c.id == t.review_items.c.flag_id)
        .join(t.archive_items, t.archive_items.c.id == t.review_items.c.item_id)
        .join(t.archive_versions, t.archive_versions.c.id == t.flags.c.version_id)
        .join(t.pages, t.pages.c.id == t.review_items.c.page_id)
    )


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which review items to list: by page, platform, category, the target of an attack, and
    how long they have waited (each None: no limit)."""

    page_id: int | None = None
    platform: str | None = None
    category: str | None = None
    target: str | None = None
    created_before: datetime | None = None  # waiting since before this moment


NO_FILTER = QueueFilter()


def list_items(
    conn: Connection,
    *,
    status: ReviewStatus | tuple[ReviewStatus, ...] | None = ReviewStatus.OPEN,
    page_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
    queue: QueueFilter = NO_FILTER,
) -> list[dict[str, Any]]:
    """Review items in ``status`` (one, several, or None for all), most urgent first, oldest
    first within a priority; ``queue`` narrows them further, ``offset`` pages through."""
    query = _where(_item_query(), status, page_id, queue)
    query = query.order_by(t.review_items.c.priority.desc(), t.review_items.c.id)
    return [dict(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]


def _where(
    query: Any,
    status: ReviewStatus | tuple[ReviewStatus, ...] | None,
    page_id: int | None,
    queue: QueueFilter = NO_FILTER,
) -> Any:
    """The review queue's filters: one status, several, or all; one page or all; and those of
    ``queue`` (the query must join flags and pages when ``queue`` filters by them)."""
    if isinstance(status, ReviewStatus):
        query = query.where(t.review_items.c.status == status.value)
    elif status is not None:
        query = query.where(t.review_items.c.status.in_([s.value for s in status]))
    page_id = page_id if page_id is not None else queue.page_id
    if page_id is not None:
        query = query.where(t.review_items.c.page_id == page_id)
    if queue.platform:
        query = query.where(t.pages.c.platform == queue.platform)
    if queue.category:
        # the flag's categories are a JSON list: match the quoted name in its text
        query = query.where(cast(t.flags.c.categories, String).like(f'%"{queue.category}"%'))
    if queue.target:
        query = query.where(t.flags.c.target == queue.target)
    if queue.created_before is not None:
        query = query.where(t.review_items.c.created_at < queue.created_before)
    return query


def count_items(
    conn: Connection,
    *,
    status: ReviewStatus | tuple[ReviewStatus, ...] | None = None,
    page_id: int | None = None,
    queue: QueueFilter = NO_FILTER,
) -> int:
    """How many review items :func:`list_items` would list without a limit."""
    joined = (
        select(func.count())
        .select_from(t.review_items)
        .join(t.flags, t.flags.c.id == t.review_items.c.flag_id)
        .join(t.pages, t.pages.c.id == t.review_items.c.page_id)
    )
    return int(conn.execute(_where(joined, status, page_id, queue)).scalar_one())


# What still needs a person: the review queue of the bot and the web console.
WAITING = (ReviewStatus.OPEN, ReviewStatus.ESCALATED)


def get_item(conn: Connection, item_id: int) -> dict[str, Any]:
    """One review item with its flag, comment and decisions.

    Raises:
        UnknownObject: no such review item.
    """
    row = conn.execute(_item_query().where(t.review_items.c.id == item_id)).mappings().one_or_none()
    if row is None:
        raise UnknownObject(f"no review item {item_id}", hint="see `page-governor review list`")
    item = dict(row)
    item["decisions"] = [
        dict(d)
        for d in conn.execute(
            select(t.review_decisions)
            .where(t.review_decisions.c.review_item_id == item_id)
            .order_by(t.review_decisions.c.id)
        ).mappings()
    ]
    item["deleted_at"] = deleted_at(conn, int(item["item_id"]))
    if item["post_platform_id"]:
        item["post_text"] = conn.execute(
            select(t.archive_versions.c.text)
            .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
            .where(
                t.archive_items.c.page_id == item["page_id"],
                t.archive_items.c.kind == ItemKind.POST.value,
                t.archive_items.c.platform_item_id == item["post_platform_id"],
            )
            .order_by(t.archive_versions.c.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    item["confidence"] = confidence_of(item["categories"], item["scores"])
    return item


def confidence_of(categories: list[str], scores: dict[str, float]) -> dict[str, float]:
    """For each flagged category, the calibrated share of comments with this score that carry
    the label (see moderation/models/calibration.json)."""
    from page_governor.moderation.model import Calibration

    calibration = Calibration.load()
    found = {}
    for category in categories:
        p = calibration.probability(category, float(scores.get(category) or 0.0))
        if p is not None:
            found[category] = p
    return found


def deleted_at(conn: Connection, archive_item_id: int) -> datetime | None:
    """When the platform stopped showing the comment, if the archive's latest record of it is
    a deletion (a tombstone); None while it is on the platform."""
    row = conn.execute(
        select(t.item_status.c.state, t.archive_versions.c.captured_at)
        .join(t.archive_versions, t.archive_versions.c.id == t.item_status.c.current_version_id)
        .where(t.item_status.c.item_id == archive_item_id)
    ).one_or_none()
    if row is None or row.state != ItemState.DELETED.value:
        return None
    return row.captured_at


def moderation_policy_clause(conn: Connection, page_id: int) -> str | None:
    """The page's published comment policy as its latest compliance check found it (the
    clause a hide relies on), or None when the page shows none."""
    result = previous_result(conn, page_id)
    element = (result or {}).get("elements", {}).get("moderation_policy") or {}
    if not element.get("passed"):
        return None
    evidence = str(element.get("evidence") or "published comment policy")
    source = f" ({element['source']})" if element.get("source") else ""
    clause = evidence + source
    return clause if len(clause) <= 300 else clause[:299] + "…"


def has_published_moderation_policy(conn: Connection, page_id: int) -> bool:
    return moderation_policy_clause(conn, page_id) is not None


def decide(
    conn: Connection,
    *,
    item_id: int,
    decision: Decision,
    reviewer: str,
    reason: str,
    policy_clause: str | None,
    now: datetime,
    adapter_for: Callable[[dict[str, Any]], PlatformAdapter],
    notices: NoticeConfig | None = None,
) -> DecisionOutcome:
    """Record a human decision and carry it out (hide goes through the platform; with
    ``notices`` on, a hide also prepares the notice to the commenter).

    Runs in the caller's transaction: use :func:`record_decision`, which also audits a hide
    the platform refused (this function's writes roll back with the failure).

    Raises:
        UnknownObject, InvalidTransition, WorkflowError: the decision is not allowed.
        PlatformError: the platform refused the hide.
    """
    reviewer, reason = reviewer.strip(), reason.strip()
    if not reviewer:
        raise WorkflowError("a decision needs the reviewer's name")
    if not reason:
        raise WorkflowError("a decision needs a reason")
    lock = select(t.review_items).where(t.review_items.c.id == item_id)
    if conn.dialect.name == "postgresql":
        lock = lock.with_for_update()
    current = conn.execute(lock).mappings().one_or_none()
    if current is None:
        raise UnknownObject(f"no review item {item_id}", hint="see `page-governor review list`")
    status = ReviewStatus(current["status"])
    if status is ReviewStatus.DECIDED:
        last = (
            conn.execute(
                select(t.review_decisions)
                .where(t.review_decisions.c.review_item_id == item_id)
                .order_by(t.review_decisions.c.id.desc())
                .limit(1)
            )
            .mappings()
            .one()
        )
        raise InvalidTransition(
            f"review item {item_id} was already decided: {last['decision']} by "
            f"{last['reviewer']} at {last['decided_at']:%Y-%m-%d %H:%M} UTC"
        )
    new_status = next_status(status, decision)
    item = get_item(conn, item_id)
    page = page_row(conn, int(current["page_id"]))
    platform_result: dict[str, Any] = {"action": "none"}
    adapter: PlatformAdapter | None = None  # set by a hide; the notice goes through the same
    if decision is Decision.HIDE and item["deleted_at"] is not None:
        raise InvalidTransition(
            f"the comment was deleted on the platform at {item['deleted_at']:%Y-%m-%d %H:%M} "
            "UTC: there is nothing left to hide",
            hint="decide keep, not_a_violation or escalate to close the review for the record",
        )
    if decision is Decision.HIDE:
        if not policy_clause:
            raise WorkflowError("hiding needs the clause of the page's comment policy it relies on")
        if not has_published_moderation_policy(conn, page["id"]):
            raise WorkflowError(
                f"refused: {page['key']} has no published moderation policy, so nothing may be "
                "hidden there",
                hint="publish a comment policy on the page (see `page-governor check`), or "
                "decide keep / escalate",
            )
        adapter = adapter_for(page)
        ref = page_ref(page)
        if not adapter.capabilities(ref) & Capability.HIDE_COMMENT:
            raise UnsupportedOperation(
                f"{page['platform']} cannot hide comments through its API: the alert is all "
                "page_governor can do; decide keep or escalate and act on the platform",
                platform=page["platform"],
                page=page["key"],
            )
        answer = set_hidden(
            conn, adapter, page, item, hidden=True, why="hidden_by_decision", now=now
        )
        platform_result = {"action": "hide", "answer": answer}
    conn.execute(
        insert(t.review_decisions).values(
            review_item_id=item_id,
            decision=decision.value,
            reviewer=reviewer,
            reason=reason,
            policy_clause=policy_clause,
            platform_result=platform_result,
            decided_at=now,
        )
    )
    conn.execute(
        update(t.review_items)
        .where(t.review_items.c.id == item_id)
        .values(status=new_status.value, updated_at=now)
    )
    details: dict[str, Any] = {
        "decision": decision.value,
        "reason": reason,
        "policy_clause": policy_clause,
        "page": page["key"],
        "comment_id": item["platform_item_id"],
        "categories": item["categories"],
        "target": item["target"],
        "platform_result": platform_result,
    }
    if decision is Decision.NOT_A_VIOLATION:
        # Feedback for tuning: the words that triggered the flag are allow-list candidates.
        details["suggested_allow_terms"] = sorted({e["text"].lower() for e in item["evidence"]})
    audit_id = audit.record(
        conn,
        at=now,
        actor=reviewer,
        action=f"review.{decision.value}",
        subject_type="review_item",
        subject_id=item_id,
        details=details,
    )
    if decision is Decision.HIDE and notices is not None:
        prepare_notice(
            conn,
            notices,
            item=item,
            clause=policy_clause or "",
            by=reviewer,
            now=now,
            adapter=adapter,
        )
    # Every alert about this item (in any chat) is brought up to date with the outcome.
    enqueue(
        conn,
        kind="decision",
        dedupe_key=f"decision:{item_id}:{audit_id}",
        payload={"review_item_id": item_id, "decision": decision.value, "by": reviewer},
        now=now,
    )
    if decision is Decision.ESCALATE:
        enqueue(
            conn,
            kind="escalation",
            dedupe_key=f"escalation:{item_id}:{audit_id}",
            payload={
                "review_item_id": item_id,
                "page": page["key"],
                "by": reviewer,
                "reason": reason,
                "text": item["text"],
            },
            now=now,
        )
    return DecisionOutcome(item_id, decision, new_status, platform_result, audit_id)


def set_hidden(
    conn: Connection,
    adapter: PlatformAdapter,
    page: dict[str, Any],
    item: dict[str, Any],
    *,
    hidden: bool,
    why: str,
    now: datetime,
) -> dict[str, object]:
    """Hide or show a comment through the platform and archive its new state (``why`` is
    kept in the version's payload). Returns the platform's answer.

    Raises:
        PlatformError: the platform refused (nothing is archived).
    """
    ref = page_ref(page)
    answer = adapter.hide_comment(CommentRef(ref, item["platform_item_id"]), hidden=hidden)
    verb = "hide" if hidden else "unhide"
    Archive().capture(
        conn,
        page_id=page["id"],
        kind=ItemKind(item["kind"]),
        platform_item_id=item["platform_item_id"],
        text_value=item["text"],
        raw={why: True, "platform_answer": answer},
        provenance=Provenance(ref.platform, f"page_governor:{verb}", now, "page_governor"),
        captured_at=now,
        is_hidden=hidden,
    )
    return answer


def record_decision(
    db: Database,
    *,
    item_id: int,
    decision: Decision,
    reviewer: str,
    reason: str,
    policy_clause: str | None,
    now: datetime,
    adapter_for: Callable[[dict[str, Any]], PlatformAdapter],
    notices: NoticeConfig | None = None,
) -> DecisionOutcome:
    """:func:`decide` in a transaction of its own; the way every interface decides.

    Raises:
        UnknownObject, InvalidTransition, WorkflowError: the decision is not allowed.
        PlatformError: the platform refused the hide; the attempt is in the audit log.
    """
    try:
        with db.begin() as conn:
            return decide(
                conn,
                item_id=item_id,
                decision=decision,
                reviewer=reviewer,
                reason=reason,
                policy_clause=policy_clause,
                now=now,
                adapter_for=adapter_for,
                notices=notices,
            )
    except PlatformError as exc:
        with db.begin() as conn:
            audit.record(
                conn,
                at=now,
                actor=reviewer,
                action="review.hide_failed",
                subject_type="review_item",
                subject_id=item_id,
                details={"error": exc.message, "vendor_code": exc.vendor_code},
            )
        raise


def feedback_terms(conn: Connection) -> dict[str, int]:
    """Words behind flags that reviewers cleared as not a violation, with counts."""
    counts: dict[str, int] = {}
    rows = conn.execute(
        select(t.audit_log.c.details).where(t.audit_log.c.action == "review.not_a_violation")
    ).scalars()
    for details in rows:
        for term in json.loads(details).get("suggested_allow_terms", []):
            counts[term] = counts.get(term, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


# A reviewer may clear a selection of items at once only with decisions that leave the comment
# where it is; hiding always needs a look at each comment.
BULK_DECISIONS = (Decision.KEEP, Decision.NOT_A_VIOLATION)


def decide_many(
    db: Database,
    *,
    item_ids: list[int],
    decision: Decision,
    reviewer: str,
    reason: str,
    now: datetime,
    adapter_for: Callable[[dict[str, Any]], PlatformAdapter],
) -> tuple[list[int], dict[int, str]]:
    """The same ``keep`` or ``not a violation`` for several items, each recorded and audited
    on its own (one transaction per item, as :func:`record_decision`). Returns the items
    decided and, for the others, why not.

    Raises:
        InputError: a hide or an escalation, no item, or no reason.
    """
    if decision not in BULK_DECISIONS:
        raise InputError(
            f"only {' or '.join(d.value for d in BULK_DECISIONS)} can be recorded for a "
            "selection: a hide or an escalation needs each comment read on its own"
        )
    if not item_ids:
        raise InputError("select at least one item")
    if not reason.strip():
        raise InputError("give the reason (recorded in the audit log for every item)")
    done: list[int] = []
    refused: dict[int, str] = {}
    for item_id in dict.fromkeys(item_ids):
        try:
            record_decision(
                db,
                item_id=item_id,
                decision=decision,
                reviewer=reviewer,
                reason=reason,
                policy_clause=None,
                now=now,
                adapter_for=adapter_for,
            )
        except PageGovernorError as exc:
            refused[item_id] = exc.message
        else:
            done.append(item_id)
    return done, refused
