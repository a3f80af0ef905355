"""Threats against schools (``moderation.threat_schools``), in other words than the eighteenth
session's probe list, beside everyday school-page sentences that share their words."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "Keep your kids home from Jefferson Elementary on Thursday. I'm serious.",
        "avoid the cafeteria tomorrow if you value your life",
        "taking my brothers glock to homeroom, watch",
        "Gonna pull a Columbine at Northside and they'll all know my name",
        "This Friday's fire alarm at Oak Ridge High is not gonna be a drill.",
        "Coming to the board meeting with a duffel full of surprises.",
        "That new gym would make a perfect target.",
        "Mr. Haskins will regret it when I see him in the hallway.",
        "Teacher yell at my daughter one more time and you'll be the one in the news.",
        "the hit list is done. top name on it = Coach Barnes",
        "You might want to wear a bulletproof vest to class Monday.",
    ],
)
def test_a_threat_against_a_school_is_read_as_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Keep your kids home Thursday if they have a cough, I'm serious, it's going around.",
        "Avoid Jefferson Elementary tomorrow morning, construction on the entrance.",
        "A student was caught taking a knife to class, the SRO handled it.",
        "Can kids bring a toy gun to school for the Halloween parade? Is it allowed?",
        "Columbine happened 25 years ago this week. Remember the victims.",
        "Next Friday's fire alarm test at Oak Ridge will be loud, it is a drill.",
        "Teachers got a bag full of presents from the PTA for appreciation week!",
        "The new gym would make a perfect target for our fundraising goal.",
        "My list is done, top name on it is Coach Barnes for the volunteer award.",
        "Kids should wear a reflective vest to school on dark mornings.",
    ],
)
def test_school_page_sentences_in_the_same_words_are_not_threats(text: str) -> None:
    assert not threat(text)
