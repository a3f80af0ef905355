"""The notice to a commenter after a comment is hidden (``config/notices.yaml``, off by
default).

When on, every hide prepares a notice for the commenter with the clause of the published policy
relied on and how to appeal (``moderation.appeals``); the PIO receives it (Telegram, ``review
show``, the console) as text to send or post, since page_governor posts nothing in the
agency's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from page_governor.alerts.outbox import enqueue
from page_governor.archive import audit
from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.governance.registry import page_row


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
