"""Officials named by two words (a county attorney, a town manager, code enforcement, a school
board member) are officials when insulted, so the reviewer sees "likely protected"; "a total
tool" is name-calling, a tool for the job is not. In other words than the twentieth session's
probes."""

from __future__ import annotations

import pytest

from page_governor.models import Target
from page_governor.moderation.classifier import Context
from tests.moderation_helpers import CLASSIFIER

ON_PAGE = Context(top_level_on_agency_page=True)


@pytest.mark.parametrize(
    "text",
    [
        "The district attorney is a gutless coward",
        "That school board member is a lying hypocrite",
        "the building inspector is a petty little tyrant",
        "Our county manager is a brainless buffoon",
        "parking enforcement are a bunch of vultures",
    ],
)
def test_an_insult_at_an_official_named_by_two_words_is_aimed_at_an_official(text: str) -> None:
    result = CLASSIFIER.classify(text, ON_PAGE)
    assert "personal_attack" in {c.value for c in result.categories}
    assert result.target is Target.OFFICIAL


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("the new fire inspector is such a tool", True),
        ("what a tool, blocking the whole driveway with his truck", True),
        ("Borrow a power tool from the library's tool shelf", False),
        ("The county treasurer said tax bills go out Monday", False),
    ],
)
def test_a_total_tool_is_name_calling_and_a_tool_is_not(text: str, attack: bool) -> None:
    result = CLASSIFIER.classify(text, ON_PAGE)
    assert ("personal_attack" in {c.value for c in result.categories}) is attack
