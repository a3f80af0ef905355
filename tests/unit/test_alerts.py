"""Alert messages (escaping, buttons, size), Telegram's flood limits, and role configuration."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from page_governor.alerts.render import (
    MAX_MESSAGE,
    _fit,
    actions_for,
    digest_message,
    link,
    notice_message,
    review_message,
    summary_message,
)
from page_governor.alerts.sender import FloodGate
from page_governor.errors import ConfigError
from page_governor.governance.roles import Permission, RoleBook
from page_governor.models import ReviewStatus, Role

OUR_TAGS = {"b", "i", "a", "code", "blockquote"}
TAG = re.compile(r"<(/?)([a-z]+)(?: [^<>]*)?>")


def _item(**changes):
    item = {
        "id": 7,
        "kind": "reply",
        "page_key": "spd-fb",
        "platform": "facebook",
        "post_text": "Road works on Main St",
        "author_name": "Al",
        "text": "you are a pathetic idiot",
        "categories": ["personal_attack"],
        "evidence": [{"category": "personal_attack", "text": "pathetic idiot"}],
        "advisories": [
            "aimed at a private person: a published comment policy may justify hiding it."
        ],
        "permalink": "https://www.facebook.com/1_2?comment_id=3",
        "status": "open",
        "decisions": [],
    }
    item.update(changes)
    return item


def _markup_is_ours(text: str) -> bool:
    """Every tag is one we emit, tags balance, and no other '<' or '>' is left unescaped."""
    stack = []
    for match in TAG.finditer(text):
        closing, name = match.groups()
        if name not in OUR_TAGS:
            return False
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack and "<" not in TAG.sub("", text) and ">" not in TAG.sub("", text)


hostile = st.lists(
    st.sampled_from([*"<>&\"'/abi =:", "<b>", "</a>", '<a href="', "</blockquote>", "&lt;"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=hostile, author=hostile, post=hostile, evidence=hostile)
def test_nothing_a_commenter_writes_becomes_markup_in_the_alert(text, author, post, evidence):
    rendered = review_message(
        _item(
            text=text,
            author_name=author,
            post_text=post,
            evidence=[{"category": "personal_attack", "text": evidence}],
        ),
        hide_possible=True,
    )
    assert _markup_is_ours(rendered.text)


def test_a_script_link_in_a_comment_is_shown_as_text_not_a_link():
    rendered = review_message(
        _item(text='<a href="javascript:alert(1)">click</a>', permalink="javascript:alert(1)"),
        hide_possible=True,
    )
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in rendered.text
    assert 'href="javascript' not in rendered.text
    assert "Open on Facebook" not in rendered.text  # only http(s) permalinks become links


def test_links_are_made_only_for_http_urls():
    assert link("https://x.example/a?b=1&c=2", "open") == (
        '<a href="https://x.example/a?b=1&amp;c=2">open</a>'
    )
    assert link("tg://resolve?domain=x", "open") == ""
    assert link(None, "open") == ""


def test_the_alert_shows_the_triggering_words_the_post_and_the_target_advisory():
    text = review_message(_item(), hide_possible=True).text
    assert "<b>personal attack</b> (“pathetic idiot”)" in text
    assert "On the post: “Road works on Main St”" in text
    assert "aimed at a private person" in text
    assert "review #7" in text


def test_the_alert_says_how_often_such_a_flag_was_right_in_labelled_data():
    text = review_message(_item(confidence={"personal_attack": 0.684}), hide_possible=True).text
    assert "Likely right (labelled data): personal attack 68%" in text
    assert "Likely right" not in review_message(_item(), hide_possible=True).text


def test_threats_are_marked_urgent():
    text = review_message(_item(categories=["threat"]), hide_possible=True).text
    assert text.startswith("🚨 <b>URGENT")


@pytest.mark.parametrize(
    ("status", "hide", "expected"),
    [
        (ReviewStatus.OPEN, True, ("keep", "hide", "escalate", "not_a_violation")),
        (ReviewStatus.OPEN, False, ("keep", "escalate", "not_a_violation")),
        (ReviewStatus.ESCALATED, True, ("keep", "hide", "not_a_violation")),
        (ReviewStatus.DECIDED, True, ()),
    ],
    ids=["open", "open-no-hide", "escalated", "decided"],
)
def test_buttons_offer_only_what_is_still_possible(status, hide, expected):
    assert actions_for(status, hide_possible=hide) == expected


def test_a_decided_item_shows_who_decided_and_has_no_buttons():
    decision = {
        "decision": "hide",
        "reviewer": "Jane <Park>",
        "decided_at": datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        "reason": "doxxing",
        "policy_clause": "personal attacks",
    }
    rendered = review_message(_item(status="decided", decisions=[decision]), hide_possible=True)
    assert rendered.actions == ()
    assert "🙈 Hidden by Jane &lt;Park&gt; at 2026-12-01 09:30 UTC" in rendered.text


def test_a_page_without_a_comment_policy_says_why_there_is_no_hide_button():
    note = "Hide is not offered: the page shows no published comment policy."
    rendered = review_message(_item(), hide_possible=False, hide_note=note)
    assert "hide" not in rendered.actions
    assert note in rendered.text


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=12000))
def test_every_message_fits_telegrams_limit_with_balanced_markup(text):
    rendered = review_message(_item(text=text, post_text=text * 2), hide_possible=True)
    assert len(rendered.text) <= MAX_MESSAGE + 40
    assert _markup_is_ours(rendered.text)


def test_cutting_a_long_message_closes_the_tags_it_cut_through():
    cut = _fit("<b>" + "x" * 5000 + "</b>")
    assert cut.endswith("…</b>") and len(cut) <= MAX_MESSAGE + 10


def test_compliance_drift_alert_carries_the_old_evidence_and_the_fix():
    text = notice_message(
        "compliance_drift",
        {
            "page": "spd-x",
            "platform": "x",
            "element": "emergency_contact",
            "title": "Emergency contact (911)",
            "was_evidence": "In an emergency call 911.",
            "was_source": "description",
            "now": "no sentence says to call 911",
            "suggested_fix": "Do not report crimes here. In an emergency, call 911.",
        },
    ).text
    assert "Emergency contact (911)" in text and "It was: “In an emergency call 911.”" in text
    assert "<code>Do not report crimes here." in text


def test_a_burst_of_flags_is_one_summary_by_page_and_category():
    rows = [{"page": "spd-fb", "categories": ["spam"]}] * 12 + [
        {"page": "spd-x", "categories": ["obscenity", "personal_attack"]}
    ]
    text = summary_message(rows).text
    assert "13 comments flagged" in text
    assert "spd-fb: spam 12" in text and "spd-x: obscenity 1, personal attack 1" in text


def test_the_digest_lists_flags_decisions_compliance_and_gaps():
    text = digest_message(
        {
            "since": "2026-11-30T07:00:00Z",
            "until": "2026-12-01T07:00:00Z",
            "flags_by_category": {"spam": 3, "threat": 1},
            "decisions": {"hide": 2},
            "open_items": 2,
            "oldest_open": "2026-11-30T08:00:00Z",
            "compliance": [{"page": "spd-x", "passed": 7, "total": 9, "missing": ["a", "b"]}],
            "open_gaps": ["spd-ig"],
            "paused": [],
        }
    ).text
    assert "Flagged: 4 (spam 3, threat 1)" in text
    assert "Decided: 2 (hide 2)" in text
    assert "spd-x: 7/9 elements, missing a, b" in text
    assert "Capture gaps open: spd-ig" in text


def test_flood_gate_spaces_messages_to_one_chat_a_second_apart():
    gate = FloodGate()
    gate.record(42, 100.0)
    assert gate.delay(42, 100.2) == pytest.approx(0.8)
    assert gate.delay(43, 100.2) == 0.0  # another chat is not held up


def test_flood_gate_allows_twenty_messages_a_minute_to_a_group():
    gate = FloodGate(per_chat=0.0)
    for n in range(20):
        gate.record(-100, 100.0 + n)
    assert gate.delay(-100, 120.0) == pytest.approx(40.0)  # the first one leaves the window


def test_flood_gate_holds_a_chat_that_answered_retry_after():
    gate = FloodGate()
    gate.hold(42, 30, 100.0)
    assert gate.delay(42, 110.0) == pytest.approx(20.0)


def test_roles_file_maps_telegram_ids_to_roles():
    book = RoleBook.from_data(
        {"telegram_users": [{"telegram_id": 5, "name": "Chief", "roles": ["chief"]}]}
    )
    chief = book.person(5)
    assert chief is not None and chief.roles == {Role.CHIEF}
    assert chief.can(Permission.APPROVE_PAGE)
    assert not chief.can(Permission.EXPORT_ARCHIVE)
    assert book.person(6) is None
    assert chief.actor == "Chief (telegram:5)"


def test_only_the_chief_approves_pages_and_only_records_clerks_export():
    from page_governor.governance.roles import GRANTS

    assert GRANTS[Permission.APPROVE_PAGE] == {Role.CHIEF}
    assert GRANTS[Permission.EXPORT_ARCHIVE] == {Role.RECORDS_CLERK}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"telegram_users": [{"telegram_id": 5, "name": "X", "roles": ["sheriff"]}]}, "roles.0"),
        ({"telegram_users": [{"telegram_id": "me", "name": "X", "roles": ["pio"]}]}, "telegram_id"),
        ({"telegram_users": [{"telegram_id": 5, "name": "X", "roles": []}]}, "roles"),
        ({"users": []}, "users"),
        (
            {
                "telegram_users": [
                    {"telegram_id": 5, "name": "X", "roles": ["pio"]},
                    {"telegram_id": 5, "name": "Y", "roles": ["chief"]},
                ]
            },
            "listed twice",
        ),
    ],
    ids=["unknown-role", "id-not-a-number", "no-roles", "unknown-key", "duplicate-id"],
)
def test_a_bad_roles_file_is_refused_with_what_is_wrong(data, problem):
    with pytest.raises(ConfigError) as caught:
        RoleBook.from_data(data)
    assert problem in caught.value.message


def test_the_shipped_roles_file_is_valid_and_grants_nothing():
    from page_governor.config import DEFAULT_CONFIG_DIR

    assert RoleBook.from_config_dir(DEFAULT_CONFIG_DIR).people == {}
