"""Notice and appeal after a comment is hidden (``config/notices.yaml``, off by default).

When on, every hide prepares a notice for the commenter with the clause of the published
policy relied on and how to appeal; the PIO receives it (Telegram, ``review show``, the
console) as text to send or post, since page_governor posts nothing in the agency's name. An
appeal the commenter makes is recorded against the decision (``file_appeal``) and decided by
someone other than the person who hid the comment (``decide_appeal``): upheld, or reversed and
the comment shown again through the platform. Every step is in the audit log, appeals are in
the records export's audit entries, and the daily digest counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from page_governor import audit
from page_governor.config import load_yaml_file
from page_governor.db import schema as t
from page_governor.errors import ConfigError, InvalidTransition, UnknownObject, WorkflowError
from page_governor.models import Decision, same_person
from page_governor.outbox import enqueue
from page_governor.platforms.base import PlatformAdapter
from page_governor.registry import page_row

OPEN, UPHELD, REVERSED = "open", "upheld", "reversed"


@dataclass(frozen=True, slots=True)
class NoticeConfig:
    enabled: bool
    notice: str
    appeal_how: str

    def text(self, *, page: str, clause: str, date: datetime) -> str:
        return " ".join(
            self.notice.format(
                page=page,
                clause=clause,
                date=f"{date:%B} {date.day}, {date.year}",
                appeal_how=self.appeal_how.strip(),
            ).split()
        )


def load_notices(config_dir: Path) -> NoticeConfig:
    """``notices.yaml``; off when the file is absent (an older configuration folder).

    Raises:
        ConfigError: the file is malformed or a template names an unknown placeholder.
    """
    path = config_dir / "notices.yaml"
    if not path.is_file():
        return NoticeConfig(False, "", "")
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping")
    enabled, notice, appeal_how = (
        data.get("enabled", False),
        data.get("notice"),
        data.get("appeal_how"),
    )
    problems = []
    if not isinstance(enabled, bool):
        problems.append(f"{path}: enabled must be true or false")
    if not isinstance(notice, str) or not notice.strip():
        problems.append(f"{path}: notice must be a text")
    if not isinstance(appeal_how, str):
        problems.append(f"{path}: appeal_how must be a text")
    if problems:
        raise ConfigError(problems)
    config = NoticeConfig(bool(enabled), str(notice), str(appeal_how))
    try:
        config.text(page="p", clause="c", date=datetime(2026, 1, 1))
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{path}: notice has an unknown placeholder ({exc})") from None
    return config


def prepare_notice(
    conn: Connection,
    config: NoticeConfig,
    *,
    item: dict[str, Any],
    clause: str,
    by: str,
    now: datetime,
) -> str | None:
    """After a hide: the notice for the commenter, audited and sent to the PIO as text to
    send. None when notices are off."""
    if not config.enabled:
        return None
    page = page_row(conn, int(item["page_id"]))
    text = config.text(page=page.get("display_name") or page["key"], clause=clause, date=now)
    audit.record(
        conn,
        at=now,
        actor=by,
        action="review.notice_prepared",
        subject_type="review_item",
        subject_id=item["id"],
        details={"notice": text, "to": item.get("author_name")},
    )
    enqueue(
        conn,
        kind="hide_notice",
        dedupe_key=f"hide_notice:{item['id']}:{now.isoformat()}",
        payload={
            "page": page["key"],
            "platform": page["platform"],
            "review_item_id": item["id"],
            "author": item.get("author_name"),
            "permalink": item.get("permalink"),
            "notice": text,
        },
        now=now,
    )
    return text


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
    from page_governor.moderation.review import get_item, set_hidden

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
