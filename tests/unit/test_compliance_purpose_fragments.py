"""A page's purpose said as fragments ("Road closures. Boil-water notices."), as being kept
posted or in the loop, as the place for a topic, and as updates from a station or a district,
in other words than the eighteenth session's probes; mottos and headings beside them."""

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
