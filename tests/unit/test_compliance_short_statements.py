"""A page's purpose said as fragments ("Road closures. Boil-water notices."), as being kept
posted or in the loop, as the place for a topic, and as updates from a station or a district;
visitors' opinions and moderation said shortly; in other words than the eighteenth session's
probes, with mottos, headings and near misses beside them."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def purpose(description: str) -> bool:
    report = check_fields({"description": description}, POLICY, official_domains=["x.example"])
    return report.elements["purpose_statement"].passed


@pytest.mark.parametrize(
    "text",
    [
        "Hydrant flushing. Leaf collection. Holiday trash schedules.",
        "Adoptions. Lost pets. Vaccine clinics.",
        "Keeping Dunmore drivers posted on plowing and parking bans.",
        "Stay in the loop about detours near the new interchange.",
        "Your source for burn bans in Cole County.",
        "Updates from the Fire District's four stations.",
        "News from the troopers of Post 7.",
        "Go behind the scenes at Station 9 🚒",
        "Latest out of the Sheriff's Office, every weekday.",
        "We're the district's voice on wildfire season.",
        "Telling Ames County's story, one deputy at a time.",
        "Stay in touch with us for detour updates on the bridge job.",
    ],
)
def test_purpose_said_as_fragments_or_as_keeping_readers_posted_counts(text: str) -> None:
    assert purpose(text)


@pytest.mark.parametrize(
    "text",
    [
        "Duty. Service. Safety.",
        "Contact information\nMain line: 555-201-3300",
        "Comment rules\nProfanity and threats are removed.\nPublic records\nComments are records.",
        "Lobby hours. Closed weekends.",
        "Courage. Honor. Community.",
        "Road closures",
    ],
)
def test_mottos_headings_and_a_single_fragment_are_not_a_purpose(text: str) -> None:
    assert not purpose(text)


def element(name: str, description: str) -> bool:
    report = check_fields({"description": description}, POLICY, official_domains=["x.example"])
    return report.elements[name].passed


@pytest.mark.parametrize(
    ("name", "text", "passes"),
    [
        ("opinions_disclaimer", "Keeping a post online isn't the Sheriff backing it.", True),
        ("opinions_disclaimer", "Nothing people write in the replies represents the County.", True),
        ("opinions_disclaimer", "Visitor views ≠ district policy.", True),
        (
            "opinions_disclaimer",
            "Following an account is not an endorsement; nor is a reply we leave alone.",
            True,
        ),
        ("opinions_disclaimer", "Follows ≠ endorsements.", False),
        ("opinions_disclaimer", "Nothing you send us here is confidential.", False),
        ("moderation_policy", "Posts are screened.\nNo slurs, no harassment, no ads.", True),
        ("moderation_policy", "The clerk deletes replies that contain threats or spam.", True),
        ("moderation_policy", "Questions are reviewed daily.\nNo question is off limits.", False),
        ("moderation_policy", "Comments reviewed under our guidelines: x.example/rules", True),
        ("moderation_policy", "Slurs, spam and threats deleted. Rules at x.example/rules", True),
        ("moderation_policy", "Comments reviewed by our staff daily.", False),
        ("opinions_disclaimer", "Replies aren't the district's views.", True),
        ("opinions_disclaimer", "Opinions of visitors are their own.", True),
        ("opinions_disclaimer", "What people write below isn't necessarily our view.", True),
        ("opinions_disclaimer", "Visitor comments ≠ official statements of the Town.", True),
        ("opinions_disclaimer", "Commenting won't make your views the district's.", True),
        ("opinions_disclaimer", "Each reply belongs to its author.", True),
        ("opinions_disclaimer", "Official statements come from the Chief's office only.", False),
        ("purpose_statement", "Be the voice of your block at Tuesday's hearing.", False),
    ],
)
def test_disclaimers_and_moderation_said_shortly_are_read(
    name: str, text: str, passes: bool
) -> None:
    assert element(name, text) is passes


def warnings(description: str) -> set[str]:
    report = check_fields({"description": description}, POLICY, official_domains=["x.example"])
    return {w.id for w in report.warnings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Replies that are disparaging toward the sheriff will be deleted.",
            {"negative_or_derogatory"},
        ),
        (
            "We take down comments which are negative about our deputies.",
            {"negative_or_derogatory"},
        ),
        ("Only polite, positive replies will be kept.", {"positive_only"}),
        ("Critical posts are always welcome here.", set()),
        ("Report rude conduct by an officer to the Professional Standards Unit.", set()),
        ("Comments that are off-topic or spam may be hidden.", set()),
    ],
)
def test_viewpoint_wording_is_warned_in_new_words_and_its_neighbours_are_not(
    text: str, expected: set[str]
) -> None:
    assert warnings(text) == expected


@pytest.mark.parametrize(
    ("name", "text", "passes"),
    [
        ("maintained_by_agency", "Page admin: Town of Eldon Police Department.", True),
        ("maintained_by_agency", "Page admin: Dave, a proud Eldon resident.", False),
        ("not_monitored_247", "Replies may not be instant; we answer on weekdays.", True),
        ("not_monitored_247", "We respond to every message.", False),
        ("emergency_contact", "Thank you dispatchers! Happy 911 Week!", False),
        ("emergency_contact", "Call 911 day or night if you see smoke.", True),
        ("contact_info", "Text a tip to 274637 anytime.", True),
        ("contact_info", "Text 911 if you cannot speak.", False),
    ],
)
def test_owner_reply_times_911_days_and_tip_short_codes_are_read(
    name: str, text: str, passes: bool
) -> None:
    assert element(name, text) is passes


@pytest.mark.parametrize(
    "rule", [r for r in POLICY.elements if r.matcher == "patterns"], ids=lambda r: r.id
)
def test_the_fixes_this_policy_suggests_pass_the_element_they_fix(rule) -> None:
    """A PIO who pastes a suggested fix, in full or in its short form for a bio, sees the
    element pass: the policy's own words are read by its own patterns."""
    fills = {
        "{agency}": "Anytown Police Department",
        "{policy_link}": "https://anytown.example/social",
    }
    for text in (rule.suggested_text, rule.short_text):
        if not text:
            continue
        for key, value in fills.items():
            text = text.replace(key, value)
        report = check_fields({"bio": text}, POLICY, official_domains=["anytown.example"])
        assert report.elements[rule.id].passed, (rule.id, text)
