"""Human decisions: recorded, audited, carried out through the platform; never automatic."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from page_governor.db import schema as t
from page_governor.errors import InvalidTransition, UnsupportedOperation, WorkflowError
from page_governor.governance.registry import page_row
from page_governor.models import Decision
from page_governor.moderation.review import decide, feedback_terms, get_item, list_items
from page_governor.platforms.sample import load_bundled
from tests.helpers import count, poll_all, versions_of

T1, T2 = load_bundled().timeline


def _item_for(app, comment_id):
    with app.db.connect() as conn:
        for item in list_items(conn, limit=1000):
            if item["platform_item_id"] == comment_id:
                return item
    raise AssertionError(f"{comment_id} is not in the queue")


def _decide(app, item_id, decision, clause=None, reviewer="J. Park (PIO)"):
    with app.db.begin() as conn:
        return decide(
            conn,
            item_id=item_id,
            decision=decision,
            reviewer=reviewer,
            reason="test decision",
            policy_clause=clause,
            now=T1,
            adapter_for=app.adapter_for,
        )


def test_nothing_is_hidden_without_a_decision(app, queued):
    assert count(app, t.review_items) > 0
    with app.db.connect() as conn:
        hidden = conn.execute(
            select(t.archive_versions.c.id).where(t.archive_versions.c.state == "hidden")
        ).all()
    assert hidden == []
    assert not app.sample_state_path.exists()


def test_queue_puts_threats_first(app, queued):
    with app.db.connect() as conn:
        items = list_items(conn, limit=1000)
    assert "threat" in items[0]["categories"]
    assert [i["priority"] for i in items] == sorted((i["priority"] for i in items), reverse=True)


def test_hide_goes_through_the_platform_and_is_archived_and_audited(app, queued):
    item = _item_for(app, "1002_6")  # doxxing on the fully compliant page
    outcome = _decide(app, item["id"], Decision.HIDE, clause="IV.A.2.d(1) personal information")
    assert outcome.platform_result["answer"] == {"success": True}
    state = json.loads(app.sample_state_path.read_text())
    assert state["hidden"]["1002_6"] is True
    versions = versions_of(app, queued["springfield-pd-facebook"]["id"], "1002_6")
    assert [v["state"] for v in versions] == ["live", "hidden"]
    with app.db.connect() as conn:
        entry = (
            conn.execute(select(t.audit_log).where(t.audit_log.c.id == outcome.audit_id))
            .mappings()
            .one()
        )
    assert entry["actor"] == "J. Park (PIO)" and entry["action"] == "review.hide"
    assert json.loads(entry["details"])["policy_clause"].startswith("IV.A.2.d(1)")


def test_next_poll_does_not_report_our_own_hide_as_outside_moderation(app, queued):
    item = _item_for(app, "1002_6")
    _decide(app, item["id"], Decision.HIDE, clause="personal information")
    external_before = count(app, t.outbox, t.outbox.c.kind == "external_moderation")
    poll_all(app, T1)
    assert count(app, t.outbox, t.outbox.c.kind == "external_moderation") == external_before


def test_hide_is_refused_on_a_page_without_a_published_moderation_policy(app, queued):
    item = _item_for(app, "17910000000000006")  # Riverton Instagram: no comment policy
    with pytest.raises(WorkflowError, match="no published moderation policy"):
        _decide(app, item["id"], Decision.HIDE, clause="anything")
    assert count(app, t.review_decisions) == 0


def test_hide_is_refused_on_telegram_which_cannot_hide(app, queued):
    item = _item_for(app, "9016")
    with pytest.raises(UnsupportedOperation, match="cannot hide"):
        _decide(app, item["id"], Decision.HIDE, clause="threats")


def test_hide_needs_a_policy_clause(app, queued):
    item = _item_for(app, "1002_6")
    with pytest.raises(WorkflowError, match="clause"):
        _decide(app, item["id"], Decision.HIDE)


def test_a_second_decision_on_a_decided_item_says_who_decided(app, queued):
    item = _item_for(app, "1003_6")
    _decide(app, item["id"], Decision.KEEP, reviewer="Chief Harlan")
    with pytest.raises(InvalidTransition, match="already decided: keep by Chief Harlan"):
        _decide(app, item["id"], Decision.HIDE, clause="x")


def test_escalation_keeps_the_item_open_for_a_final_decision(app, queued):
    item = _item_for(app, "1003_16")
    outcome = _decide(app, item["id"], Decision.ESCALATE)
    assert outcome.status.value == "escalated"
    assert count(app, t.outbox, t.outbox.c.kind == "escalation") == 1
    final = _decide(app, item["id"], Decision.KEEP)
    assert final.status.value == "decided"
    with pytest.raises(InvalidTransition):
        _decide(app, item["id"], Decision.ESCALATE)


def test_not_a_violation_is_kept_as_feedback(app, queued):
    item = _item_for(app, "1850000000000000104")
    _decide(app, item["id"], Decision.NOT_A_VIOLATION)
    with app.db.connect() as conn:
        terms = feedback_terms(conn)
        shown = get_item(conn, item["id"])
    assert "clowns" in terms
    assert shown["decisions"][0]["decision"] == "not_a_violation"


def test_a_decision_needs_a_reviewer_and_a_reason(app, queued):
    item = _item_for(app, "1003_6")
    with app.db.begin() as conn, pytest.raises(WorkflowError, match="reason"):
        decide(
            conn,
            item_id=item["id"],
            decision=Decision.KEEP,
            reviewer="x",
            reason="  ",
            policy_clause=None,
            now=T1,
            adapter_for=app.adapter_for,
        )


def test_a_comment_deleted_on_the_platform_cannot_be_hidden_but_can_be_closed_for_the_record(
    app, queued
):
    poll_all(app, T2)  # 1002_6 (an address) was deleted on the platform between the polls
    item = _item_for(app, "1002_6")
    with app.db.connect() as conn:
        shown = get_item(conn, item["id"])
    assert shown["deleted_at"] is not None
    with pytest.raises(InvalidTransition, match="deleted on the platform"):
        _decide(app, item["id"], Decision.HIDE, clause="personal information")
    _decide(app, item["id"], Decision.KEEP)
    states = [
        v["state"] for v in versions_of(app, queued["springfield-pd-facebook"]["id"], "1002_6")
    ]
    assert states == ["live", "deleted"]  # the refused hide wrote nothing, the record is intact
    poll_all(app, T2)
    assert [
        v["state"] for v in versions_of(app, queued["springfield-pd-facebook"]["id"], "1002_6")
    ] == ["live", "deleted"]


def test_telegram_and_the_console_offer_no_hide_for_a_deleted_comment_and_say_why(app, queued):
    from page_governor.alerts.sender import hide_availability

    poll_all(app, T2)
    item = _item_for(app, "1002_6")
    with app.db.connect() as conn:
        shown = get_item(conn, item["id"])
        page = page_row(conn, int(shown["page_id"]))
    possible, note = hide_availability(app, page, shown)
    assert not possible and note.startswith("Deleted on the platform at")
