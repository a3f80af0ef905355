"""Notice and appeal after a hide (issue 18, item 3): off by default; when on, a hide prepares
the notice with the clause, an appeal is recorded against the decision and decided by someone
else, a reversal shows the comment again through the platform; all of it audited and counted
in the digest."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.db import schema as t
from page_governor.errors import ConfigError, InvalidTransition, WorkflowError
from page_governor.models import Decision
from page_governor.moderation.appeals import decide_appeal, file_appeal
from page_governor.moderation.notices import NoticeConfig, load_notices
from page_governor.moderation.review import decide
from page_governor.worker.jobs import digest_figures
from tests.helpers import versions_of
from tests.integration.test_review import T1, _item_for

CLAUSE = "IV.A.2.d(1) personal information"


ON = NoticeConfig(True, 'Hidden on {page} on {date} under "{clause}". {appeal_how}', "Reply.")


def _hide(app, notices=ON, reviewer="J. Park (telegram:1)"):
    item = _item_for(app, "1002_6")
    with app.db.begin() as conn:
        decide(
            conn, item_id=item["id"], decision=Decision.HIDE, reviewer=reviewer,
            reason="doxxing", policy_clause=CLAUSE, now=T1, adapter_for=app.adapter_for,
            notices=notices,
        )  # fmt: skip
    return item


def _outbox(app, kind):
    with app.db.connect() as conn:
        return [
            dict(p)
            for (p,) in conn.execute(select(t.outbox.c.payload).where(t.outbox.c.kind == kind))
        ]


def test_notices_are_off_unless_an_agency_turns_them_on(app, queued):
    assert load_notices(DEFAULT_CONFIG_DIR).enabled is False
    _hide(app, notices=load_notices(DEFAULT_CONFIG_DIR))
    assert _outbox(app, "hide_notice") == []


def test_a_hide_prepares_the_notice_with_the_clause_for_the_pio(app, queued):
    item = _hide(app)
    (notice,) = _outbox(app, "hide_notice")
    assert notice["review_item_id"] == item["id"]
    assert f'"{CLAUSE}"' in notice["notice"] and "Reply." in notice["notice"]
    with app.db.connect() as conn:
        audited = conn.execute(
            select(t.audit_log.c.details).where(t.audit_log.c.action == "review.notice_prepared")
        ).scalar_one()
    assert json.loads(audited)["notice"] == notice["notice"]


def test_an_appeal_is_decided_by_someone_else_and_a_reversal_shows_the_comment_again(app, queued):
    item = _hide(app)
    with app.db.begin() as conn:
        appeal = file_appeal(
            conn, item["id"], text="I posted my own number", by="J. Park (telegram:1)", now=T1
        )
    with app.db.begin() as conn, pytest.raises(InvalidTransition, match="open appeal"):
        file_appeal(conn, item["id"], text="again", by="J. Park (telegram:1)", now=T1)
    with app.db.begin() as conn, pytest.raises(WorkflowError, match="another person"):
        decide_appeal(
            conn, appeal, reversed_=True, reason="mine", by="Jane P. (telegram:1)", now=T1,
            adapter_for=app.adapter_for,
        )  # fmt: skip
    with app.db.begin() as conn:
        outcome = decide_appeal(
            conn, appeal, reversed_=True, reason="the commenter's own number",
            by="Chief Alvarez (telegram:2)", now=T1, adapter_for=app.adapter_for,
        )  # fmt: skip
    assert outcome == "reversed"
    state = json.loads(app.sample_state_path.read_text())
    assert state["hidden"]["1002_6"] is False  # shown again through the platform
    versions = versions_of(app, queued["springfield-pd-facebook"]["id"], "1002_6")
    assert [v["state"] for v in versions][-2:] == ["hidden", "live"]
    with app.db.connect() as conn:
        actions = [
            a
            for (a,) in conn.execute(
                select(t.audit_log.c.action).where(t.audit_log.c.action.like("appeal.%"))
            )
        ]
        figures = digest_figures(conn, since=T1.replace(hour=0), until=T1.replace(hour=23))
    assert actions == ["appeal.filed", "appeal.reversed"]
    assert figures["appeals"] == {"received": 1, "decided": {"reversed": 1}, "open": 0}
    assert _outbox(app, "appeal")[0]["text"] == "I posted my own number"


def test_only_a_hide_can_be_appealed(app, queued):
    item = _item_for(app, "1002_6")
    with app.db.begin() as conn:
        decide(
            conn, item_id=item["id"], decision=Decision.KEEP, reviewer="J. Park (telegram:1)",
            reason="fine", policy_clause=None, now=T1, adapter_for=app.adapter_for,
        )  # fmt: skip
    with app.db.begin() as conn, pytest.raises(InvalidTransition, match="only a hide"):
        file_appeal(conn, item["id"], text="why", by="J. Park (telegram:1)", now=T1)


def test_a_notice_template_with_an_unknown_placeholder_is_a_config_error(tmp_path):
    (tmp_path / "notices.yaml").write_text(
        "enabled: true\nnotice: 'Dear {name}'\nappeal_how: 'Reply.'\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="unknown placeholder"):
        load_notices(tmp_path)
