"""Appeals after a comment is hidden (the notice that tells the commenter how to appeal is
prepared by ``moderation.notices``, off by default).

An appeal the commenter makes is recorded against the decision (``file_appeal``) and decided by
someone other than the person who hid the comment (``decide_appeal``): upheld, or reversed and
the comment shown again through the platform. Every step is in the audit log, appeals are in
the records export's audit entries, and the daily digest counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit
from page_governor.db import schema as t
from page_governor.errors import InvalidTransition, UnknownObject, WorkflowError
from page_governor.governance.registry import page_row
from page_governor.models import Decision, same_person
from page_governor.moderation.review import get_item, set_hidden
from page_governor.platforms.base import PlatformAdapter

OPEN, UPHELD, REVERSED = "open", "upheld", "reversed"


def _hide_decision(conn: Connection, item_id: int) -> dict[str, Any]:
    row = (
        conn.execute(
            select(t.review_decisions)
            .where(t.review_decisions.c.review_item_id == item_id)
            .order_by(t.review_decisions.c.id.desc())
            .limit(1)
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise UnknownObject(f"review item {item_id} has no decision to appeal")
    if row["decision"] != Decision.HIDE.value:
        raise InvalidTransition(
            f"review item {item_id} was decided {row['decision']}: only a hide can be appealed"
        )
    return dict(row)


def file_appeal(conn: Connection, item_id: int, *, text: str, by: str, now: datetime) -> int:
    """Record a commenter's appeal against the hide of review item ``item_id``.

    Raises:
        UnknownObject, InvalidTransition: no hide to appeal, or an appeal is already open.
        WorkflowError: no text.
    """
    if not text.strip():
        raise WorkflowError("an appeal needs the commenter's words (what they wrote to you)")
    decision = _hide_decision(conn, item_id)
    open_count = conn.execute(
        select(func.count())
        .select_from(t.appeals)
        .where(t.appeals.c.review_item_id == item_id, t.appeals.c.status == OPEN)
    ).scalar_one()
    if open_count:
        raise InvalidTransition(f"review item {item_id} already has an open appeal")
    appeal_id = int(
        conn.execute(
            insert(t.appeals).values(
                review_item_id=item_id,
                decision_id=decision["id"],
                text=text.strip(),
                recorded_by=by,
                recorded_at=now,
                status=OPEN,
            )
        ).inserted_primary_key[0]
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="appeal.filed",
        subject_type="appeal",
        subject_id=appeal_id,
        details={"review_item": item_id, "decision": decision["id"], "text": text.strip()},
    )
    enqueue(
        conn,
        kind="appeal",
        dedupe_key=f"appeal:{appeal_id}",
        payload={"appeal_id": appeal_id, "review_item_id": item_id, "text": text.strip()},
        now=now,
    )
    return appeal_id


def decide_appeal(
    conn: Connection,
    appeal_id: int,
    *,
    reversed_: bool,
    reason: str,
    by: str,
    now: datetime,
    adapter_for: Callable[[dict[str, Any]], PlatformAdapter],
) -> str:
    """Uphold an appeal's hide, or reverse it and show the comment again (through the platform,
    archived as a new version). Returns the outcome.

    Raises:
        UnknownObject, InvalidTransition: no such open appeal.
        WorkflowError: no reason, or the person deciding hid the comment.
        PlatformError: the platform refused to show the comment again (nothing is recorded).
    """
    if not reason.strip():
        raise WorkflowError("deciding an appeal needs a reason")
    appeal = (
        conn.execute(select(t.appeals).where(t.appeals.c.id == appeal_id)).mappings().one_or_none()
    )
    if appeal is None:
        raise UnknownObject(f"no appeal {appeal_id}", hint="see `page-governor review show ID`")
    if appeal["status"] != OPEN:
        raise InvalidTransition(f"appeal {appeal_id} was already decided: {appeal['status']}")
    decision = (
        conn.execute(
            select(t.review_decisions).where(t.review_decisions.c.id == appeal["decision_id"])
        )
        .mappings()
        .one()
    )
    if same_person(decision["reviewer"], by):
        raise WorkflowError(
            f"{by} hid this comment; another person must decide the appeal",
            hint="ask a colleague with the PIO or chief role",
        )
    outcome = REVERSED if reversed_ else UPHELD
    platform_result: dict[str, Any] = {"action": "none"}
    if reversed_:
        platform_result = _show_again(conn, int(appeal["review_item_id"]), now, adapter_for)
    conn.execute(
        update(t.appeals)
        .where(t.appeals.c.id == appeal_id)
        .values(status=outcome, decided_by=by, decided_at=now, reason=reason.strip())
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action=f"appeal.{outcome}",
        subject_type="appeal",
        subject_id=appeal_id,
        details={
            "review_item": appeal["review_item_id"],
            "reason": reason.strip(),
            "platform_result": platform_result,
        },
    )
    return outcome


def _show_again(
    conn: Connection,
    item_id: int,
    now: datetime,
    adapter_for: Callable[[dict[str, Any]], PlatformAdapter],
) -> dict[str, Any]:
    item = get_item(conn, item_id)
    page = page_row(conn, int(item["page_id"]))
    answer = set_hidden(
        conn, adapter_for(page), page, item, hidden=False, why="shown_again_on_appeal", now=now
    )
    return {"action": "unhide", "answer": answer}


def appeals_of(conn: Connection, item_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            select(t.appeals).where(t.appeals.c.review_item_id == item_id).order_by(t.appeals.c.id)
        ).mappings()
    ]
