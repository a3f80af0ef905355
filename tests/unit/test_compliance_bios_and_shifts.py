"""A bio's list that ends in what it posts ("patrol life, mugshots & weekend events"), an emoji
as a bio's separator, stories from the people of a department; a page staffed on one shift,
"don't expect a reply after hours"; comments turned off said in the active voice ("we have
disabled comments") or as "comments are off". Beside them the near misses: rosters, bans,
mottos, a booth staffed at the fair, comments that are off-topic. In other words than the
twenty-first session's probes."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.compliance.text import sentences
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def passed(element: str, text: str, field: str = "description") -> bool:
    report = check_fields({field: text}, POLICY, official_domains=["x.example"])
    return report.elements[element].passed


@pytest.mark.parametrize(
    "text",
    [
        "Elk Ridge Fire 🚒 official ⛑️ station life, burn permits & open house events",
        "Harbor Patrol | boat checks, K9 Juno & safety tips",
        "Photos from the men and women of the Ferris County Sheriff's Office",
        "Keeping Ferris riders in the loop on detours and delays",
    ],
)
def test_a_bio_that_lists_what_it_posts_states_a_purpose(text: str) -> None:
    assert passed("purpose_statement", text, field="bio")


@pytest.mark.parametrize(
    "text",
    [
        "Two patrol squads, a marine unit & a K9 team",
        "No spam, no profanity & no campaign ads",
        "Sheriff Ann Lowe, Undersheriff Tom Bay and Captain Rita Sol",
        "Keeping Ferris County safe since 1868",
    ],
)
def test_rosters_bans_and_mottos_are_no_purpose(text: str) -> None:
    assert not passed("purpose_statement", text, field="bio")


def test_an_emoji_between_words_separates_a_bios_parts() -> None:
    assert sentences("official 📸 harbor news & events") == ["official", "harbor news & events"]


@pytest.mark.parametrize(
    "text",
    [
        "This inbox is checked on the day shift only.",
        "Comments are reviewed during the weekday shift.",
        "Don't expect a reply after hours or on holidays.",
        "Messages sent after 5 pm are answered the following morning.",
        "Staff read messages here when someone is available.",
    ],
)
def test_a_page_read_on_one_shift_is_not_monitored_at_all_times(text: str) -> None:
    assert passed("not_monitored_247", text)


@pytest.mark.parametrize(
    "text",
    [
        "Deputies staffed the first-aid tent during the day shift at the rodeo.",
        "Don't expect a fireworks show this year, the budget is tight.",
        "The winners' names will be read the next morning on the radio.",
    ],
)
def test_shifts_and_expectations_about_other_things_are_not_a_monitoring_notice(
    text: str,
) -> None:
    assert not passed("not_monitored_247", text)


@pytest.mark.parametrize(
    "text",
    [
        "We have turned off comments. Questions: https://x.example/contact",
        "The department has disabled commenting on this page; call 555-201-3000.",
        "Comments are off. Reach the front desk at 555-201-3000.",
    ],
)
def test_comments_turned_off_in_any_voice_is_a_moderation_statement(text: str) -> None:
    assert passed("moderation_policy", text)


def test_comments_that_are_off_topic_are_not_comments_turned_off() -> None:
    assert not passed("moderation_policy", "Some comments are off-topic, as always.")
