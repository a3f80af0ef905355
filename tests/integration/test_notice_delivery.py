"""The notice after a hide, sent through the platform when notices.yaml says ``deliver:
platform`` (issue 18, item 3): a Facebook private reply and an X direct message through the
real client libraries against the fake servers; where the platform cannot or will not carry
it, or gives no answer, the PIO is told and gets the text; never sent twice; every outcome
audited."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from page_governor.alerts.render import notice_message
from page_governor.capture.polling import poll_job
from page_governor.compliance.service import check_page
from page_governor.db import schema as t
from page_governor.governance.registry import page_row
from page_governor.models import Decision
from page_governor.moderation.notices import NoticeConfig, load_notices, notices_of
from page_governor.moderation.review import decide, list_items
from tests.fakes.world import FB_PAGE, NOW

SEND = NoticeConfig(True, 'Hidden on {page} under "{clause}". {appeal_how}', "Reply.", "platform")
BY_HAND = NoticeConfig(True, 'Hidden on {page} under "{clause}". {appeal_how}', "Reply.")
POLICY = (
    "Comments are monitored. Comments containing obscenity, personal attacks, threats or "
    "personal information may be removed."
)
DOXXING = "Dana Roe lives at 42 Elm Street, Springfield. Go pay her a visit tonight."


@pytest.fixture
def flagged(live_app, fake_graph):
    """A comment exposing a private person's home, flagged on a page whose published policy
    names personal information; returns its review item."""
    fake_graph.profiles[FB_PAGE]["general_info"] = POLICY
    fake_graph.scopes.append("pages_messaging")
    fake_graph.add_comment(
        f"{FB_PAGE}_111", "111_9100", DOXXING, NOW - timedelta(minutes=5),
        author=("5550100", "Pat Commenter"),
    )  # fmt: skip
    assert poll_job(live_app, "spd-fb").ok
    with live_app.db.begin() as conn:
        check_page(conn, page_row(conn, "spd-fb"), live_app.policy, now=NOW)
        items = [i for i in list_items(conn, limit=100) if i["platform_item_id"] == "111_9100"]
    assert items, "the doxxing comment should wait in the queue"
    return items[0]


def _hide(app, item, notices=SEND):
    with app.db.begin() as conn:
        decide(
            conn, item_id=item["id"], decision=Decision.HIDE, reviewer="J. Park (telegram:1)",
            reason="doxxing", policy_clause="personal information", now=app.clock.now(),
            adapter_for=app.adapter_for, notices=notices,
        )  # fmt: skip


def _alert(app) -> dict:
    with app.db.connect() as conn:
        (payload,) = conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.kind == "hide_notice")
        ).one()
    return dict(payload)


def _audited(app, action: str) -> list[dict]:
    with app.db.connect() as conn:
        return [
            json.loads(d)
            for (d,) in conn.execute(
                select(t.audit_log.c.details).where(t.audit_log.c.action == action)
            )
        ]


def test_a_hide_sends_the_notice_as_a_facebook_private_reply_when_configured(
    live_app, fake_graph, flagged
):
    _hide(live_app, flagged)
    sent = fake_graph.private_replies["111_9100"]
    assert sent["to"] == "5550100" and '"personal information"' in sent["text"]
    (audit,) = _audited(live_app, "review.notice_sent")
    assert audit["status"] == "sent" and audit["platform_answer"]["message_id"] == "m_1"
    alert = _alert(live_app)
    assert alert["delivery"]["status"] == "sent"
    assert "nothing to do" in notice_message("hide_notice", alert).text
    with live_app.db.connect() as conn:
        (notice,) = notices_of(conn, flagged["id"])
    assert notice["status"] == "sent" and notice["text"] == sent["text"]


def test_by_hand_delivery_sends_nothing_and_gives_the_pio_the_text(live_app, fake_graph, flagged):
    _hide(live_app, flagged, notices=BY_HAND)
    assert fake_graph.private_replies == {}
    alert = _alert(live_app)
    assert alert["delivery"]["status"] == "by_hand"
    assert "as text to send or post" in notice_message("hide_notice", alert).text
    assert _audited(live_app, "review.notice_sent") == []


def test_without_the_messaging_permission_the_pio_gets_the_text_and_the_reason(
    live_app, fake_graph, flagged
):
    fake_graph.scopes.remove("pages_messaging")
    _hide(live_app, flagged)
    assert fake_graph.private_replies == {}
    (audit,) = _audited(live_app, "review.notice_not_sent")
    assert audit["status"] == "not_sent" and "pages_messaging" in audit["detail"]
    text = notice_message("hide_notice", _alert(live_app)).text
    assert "Not sent through the platform" in text and "as text to send or post" in text
    # the hide itself stands
    with live_app.db.connect() as conn:
        (status,) = conn.execute(
            select(t.review_items.c.status).where(t.review_items.c.id == flagged["id"])
        ).one()
    assert status == "decided" and fake_graph.find_comment("111_9100")["is_hidden"]


def test_a_comment_older_than_seven_days_is_not_messaged_and_the_pio_is_told(
    live_app, fake_graph, flagged
):
    live_app.clock.advance(timedelta(days=8))
    _hide(live_app, flagged)
    assert fake_graph.private_replies == {}
    (audit,) = _audited(live_app, "review.notice_not_sent")
    assert "within seven days" in audit["detail"]


def test_no_answer_from_the_platform_is_reported_as_maybe_delivered_and_not_retried(
    live_app, fake_graph, flagged
):
    messages = f"{FB_PAGE}/messages"
    fake_graph.fail(messages, 500, {"error": {"message": "Service down", "code": 2}}, times=5)
    _hide(live_app, flagged)
    (audit,) = _audited(live_app, "review.notice_not_sent")
    assert audit["status"] == "unknown" and "may have been delivered" in audit["detail"]
    assert len(fake_graph.calls(messages)) == 1


def test_meta_refuses_a_second_private_reply_to_one_comment_and_the_pio_gets_the_text(
    live_app, fake_graph, flagged
):
    """A comment flagged and hidden again after an edit would be a second notice: Meta allows
    one private reply per comment, so the second goes to the PIO."""
    from page_governor.moderation.notices import send_notice

    _hide(live_app, flagged)
    with live_app.db.begin() as conn:
        page = page_row(conn, "spd-fb")
        item = {**flagged, "author_id": "5550100", "written_at": NOW - timedelta(minutes=5)}
        again = send_notice(
            conn, live_app.adapter_for(page), page, item, "Hidden again.", by="pio", now=NOW
        )
    assert again.status == "not_sent" and "already replied" in again.detail
    assert len(fake_graph.private_replies) == 1


def test_x_direct_message_to_someone_who_accepts_none_falls_back_to_the_pio(live_app, fake_x):
    from page_governor.moderation.notices import send_notice

    with live_app.db.connect() as conn:
        page = page_row(conn, "spd-x")
    item = {
        "id": 1, "page_id": page["id"], "platform_item_id": "1850000000000000101",
        "author_id": "9001", "written_at": NOW,
    }  # fmt: skip
    adapter = live_app.adapter_for(page)
    with live_app.db.begin() as conn:
        sent = send_notice(conn, adapter, page, item, "Your reply was hidden.", by="pio", now=NOW)
        fake_x.closed_dms.add("9001")
        refused = send_notice(
            conn, adapter, page, item, "Your reply was hidden.", by="pio", now=NOW
        )
    assert sent.status == "sent" and fake_x.dms == [
        {"to": "9001", "text": "Your reply was hidden."}
    ]
    assert refused.status == "not_sent" and "cannot send messages" in refused.detail


def test_the_shipped_notices_config_sends_nothing_through_a_platform(tmp_path):
    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.errors import ConfigError

    assert load_notices(DEFAULT_CONFIG_DIR).deliver == "by_hand"
    (tmp_path / "notices.yaml").write_text(
        "enabled: true\nnotice: 'x'\nappeal_how: 'y'\ndeliver: email\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="deliver must be one of by_hand, platform"):
        load_notices(tmp_path)


def test_review_show_prints_the_notice_and_what_became_of_it(cli_env, tmp_path):
    from tests.helpers import add_person, config_sending_notices, run_cli

    config = config_sending_notices(Path(cli_env["PAGE_GOVERNOR_CONFIG_DIR"]), tmp_path / "config")
    env = {**cli_env, "PAGE_GOVERNOR_CONFIG_DIR": str(config)}
    assert run_cli("demo", env=env).returncode == 0
    listed = run_cli("review", "list", "--json", env=env).stdout.splitlines()
    item = next(  # a home address on the page with a published comment policy
        i for i in map(json.loads, listed)
        if i["page_key"] == "springfield-pd-facebook" and i["categories"] == ["personal_info"]
    )  # fmt: skip
    add_person(env, "tester", "pio", "Terry Tester")
    decided = run_cli(
        "review", "decide", str(item["id"]), "--decision", "hide", "--reviewer", "tester",
        "--reason", "doxxing", "--clause", "personal information", env=env,
    )  # fmt: skip
    assert decided.returncode == 0, decided.stderr
    shown = " ".join(run_cli("review", "show", str(item["id"]), env=env).stdout.split())
    assert "notice to" in shown and '"personal information"' in shown
    # the sample comment is weeks older than the hide: Meta's seven days are over
    assert "(not sent: facebook allows a private reply only within seven days" in shown


def test_an_unexpected_failure_while_sending_never_undoes_the_hide(live_app, fake_graph, flagged):
    class Broken:
        def __init__(self, real):
            self.real = real

        def __getattr__(self, name):
            return getattr(self.real, name)

        def message_commenter(self, *args, **kwargs):
            raise RuntimeError("socket exploded")

    real_adapter_for = live_app.adapter_for
    with live_app.db.begin() as conn:
        decide(
            conn, item_id=flagged["id"], decision=Decision.HIDE, reviewer="J. Park (telegram:1)",
            reason="doxxing", policy_clause="personal information", now=live_app.clock.now(),
            adapter_for=lambda page: Broken(real_adapter_for(page)), notices=SEND,
        )  # fmt: skip
    assert fake_graph.find_comment("111_9100")["is_hidden"]
    (audit,) = _audited(live_app, "review.notice_not_sent")
    assert audit["status"] == "unknown" and "RuntimeError" in audit["detail"]
    assert _alert(live_app)["delivery"]["status"] == "unknown"
