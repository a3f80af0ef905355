"""The notice to a commenter after a comment is hidden (``config/notices.yaml``, off by
default).

When on, every hide prepares a notice for the commenter with the clause of the published policy
relied on and how to appeal (``moderation.appeals``). With ``deliver: by_hand`` (the default)
the PIO receives it as text to send or post; with ``deliver: platform`` it is sent at once as
one private message where the platform allows it (Meta's private reply within seven days of
the comment, an X direct message) and otherwise falls back to the PIO. A send is tried once and
never repeated: Meta allows one private reply per comment, and a call that got no answer may
have been delivered. Every outcome is audited and told to the PIO.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit
from page_governor.config import load_yaml_file
from page_governor.db import schema as t
from page_governor.errors import (
    ConfigError,
    PageGovernorError,
    PlatformUnavailable,
    UnsupportedOperation,
)
from page_governor.governance.registry import page_ref, page_row
from page_governor.models import Capability, CommentRef
from page_governor.platforms.base import PlatformAdapter

log = logging.getLogger(__name__)

DELIVERIES = ("by_hand", "platform")
# How each platform carries the notice when ``deliver: platform``.
CHANNELS = {
    "facebook": "a private reply in Messenger",
    "instagram": "a private reply in Instagram Direct",
    "x": "a direct message on X",
}


@dataclass(frozen=True, slots=True)
class NoticeConfig:
    enabled: bool
    notice: str
    appeal_how: str
    deliver: str = "by_hand"

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
    enabled, notice, appeal_how, deliver = (
        data.get("enabled", False),
        data.get("notice"),
        data.get("appeal_how"),
        data.get("deliver", "by_hand"),
    )
    problems = []
    unknown = sorted(set(data) - {"enabled", "notice", "appeal_how", "deliver"})
    if unknown:
        problems.append(f"{path}: unknown setting {', '.join(map(str, unknown))}")
    if deliver not in DELIVERIES:
        problems.append(f"{path}: deliver must be one of {', '.join(DELIVERIES)}")
    if not isinstance(enabled, bool):
        problems.append(f"{path}: enabled must be true or false")
    if not isinstance(notice, str) or not notice.strip():
        problems.append(f"{path}: notice must be a text")
    if not isinstance(appeal_how, str):
        problems.append(f"{path}: appeal_how must be a text")
    if problems:
        raise ConfigError(problems)
    config = NoticeConfig(bool(enabled), str(notice), str(appeal_how), str(deliver))
    try:
        config.text(page="p", clause="c", date=datetime(2026, 1, 1))
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{path}: notice has an unknown placeholder ({exc})") from None
    return config


@dataclass(frozen=True, slots=True)
class Delivery:
    """What became of the notice: ``by_hand`` (the PIO sends it), ``sent``, ``not_sent`` (the
    PIO sends it) or ``unknown`` (no answer: it may have arrived; the PIO looks first)."""

    status: str
    detail: str


def prepare_notice(
    conn: Connection,
    config: NoticeConfig,
    *,
    item: dict[str, Any],
    clause: str,
    by: str,
    now: datetime,
    adapter: PlatformAdapter | None = None,
) -> str | None:
    """After a hide: the notice for the commenter, audited, sent through the platform when
    configured and possible, and told to the PIO (as text to send unless it was sent). None
    when notices are off."""
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
        details={"notice": text, "to": item.get("author_name"), "deliver": config.deliver},
    )
    delivery = Delivery("by_hand", "send it yourself, or post it as a reply")
    if config.deliver == "platform" and adapter is not None:
        delivery = send_notice(conn, adapter, page, item, text, by=by, now=now)
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
            "delivery": {"status": delivery.status, "detail": delivery.detail},
        },
        now=now,
    )
    return text


def send_notice(
    conn: Connection,
    adapter: PlatformAdapter,
    page: dict[str, Any],
    item: dict[str, Any],
    text: str,
    *,
    by: str,
    now: datetime,
) -> Delivery:
    """One attempt to send ``text`` to the commenter through the platform, its outcome audited
    either way; never retried."""
    channel = CHANNELS.get(page["platform"], "a private message")
    ref = CommentRef(page_ref(page), item["platform_item_id"])
    answer: dict[str, object] = {}
    if not adapter.capabilities(ref.page) & Capability.MESSAGE_COMMENTER:
        delivery = Delivery(
            "not_sent", f"{page['platform']} offers no private message to a commenter"
        )
    else:
        try:
            answer = adapter.message_commenter(
                ref, author_id=item.get("author_id"), created_at=item.get("written_at"), text=text
            )
            delivery = Delivery("sent", f"sent to the commenter as {channel}")
        except PlatformUnavailable as exc:
            delivery = Delivery(
                "unknown",
                f"no answer from {page['platform']} ({exc.message}): it may have been "
                f"delivered; look in the page's messages before sending it by hand",
            )
        except UnsupportedOperation as exc:
            delivery = Delivery("not_sent", exc.message)
        except PageGovernorError as exc:
            delivery = Delivery("not_sent", f"{page['platform']} refused: {exc.message}")
        except Exception as exc:  # the hide is done: a courtesy message never undoes its record
            log.exception("sending the notice for review item %s failed", item["id"])
            delivery = Delivery(
                "unknown",
                f"sending failed unexpectedly ({exc.__class__.__name__}): it may have been "
                "delivered; look in the page's messages before sending it by hand",
            )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="review.notice_sent" if delivery.status == "sent" else "review.notice_not_sent",
        subject_type="review_item",
        subject_id=item["id"],
        details={
            "channel": channel,
            "status": delivery.status,
            "detail": delivery.detail,
            "platform_answer": answer,
        },
    )
    return delivery


def notices_of(conn: Connection, item_id: int) -> list[dict[str, Any]]:
    """The notices prepared after hides of this review item, oldest first, each with what
    became of it: ``{"at", "by", "text", "to", "status", "detail"}`` (status ``by_hand`` when
    the PIO was to send it)."""
    rows = conn.execute(
        select(t.audit_log.c.at, t.audit_log.c.actor, t.audit_log.c.action, t.audit_log.c.details)
        .where(
            t.audit_log.c.subject_type == "review_item",
            t.audit_log.c.subject_id == str(item_id),
            t.audit_log.c.action.in_(
                ["review.notice_prepared", "review.notice_sent", "review.notice_not_sent"]
            ),
        )
        .order_by(t.audit_log.c.id)
    ).all()
    found: list[dict[str, Any]] = []
    for at, actor, action, raw in rows:
        details = json.loads(raw)
        if action == "review.notice_prepared":
            found.append(
                {
                    "at": at,
                    "by": actor,
                    "text": details.get("notice", ""),
                    "to": details.get("to"),
                    "status": "by_hand",
                    "detail": "to be sent by the PIO",
                }
            )
        elif found:
            found[-1].update(status=details.get("status", ""), detail=details.get("detail", ""))
    return found
