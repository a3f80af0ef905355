"""Where an official lives, argued as a residency question, is criticism; where an official
lives, told with a street, a house or a warning, stays a veiled threat (``moderation.menace``)."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories, threat


@pytest.mark.parametrize(
    "text",
    [
        "We know the chief lives in Hillcrest; he should live in the city he polices.",
        "The chief lives in Hillcrest, not in the city he polices.",
        "Chief Ross lives out in Maple Grove and commutes in. He doesn't even live here.",
        "The sheriff lives in Brookfield County, outside the county he was elected to serve.",
        "Deputy Hale lives in Pine Bluff, two towns over. How is he supposed to know this area?",
        "Commissioner Ortiz lives in Oakdale, he doesn't even live in the district he represents.",
    ],
)
def test_an_officials_home_town_argued_as_a_residency_question_is_not_a_threat(
    text: str,
) -> None:
    assert "threat" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # a house on a street is a whereabouts whatever else the comment argues
        "Deputy Hale lives on Birch Lane in the blue house with the red door, in the city he polices.",
        "The chief lives in Hillcrest, 412 Ridge, not the city he polices.",
        # a menace after the argument
        "The chief lives in Hillcrest, not the city he polices. We'll be paying him a visit.",
        "Chief Ross lives in Maple Grove, outside the city. Would be a shame if something happened.",
        # the town told with no argument around it
        "The chief lives in Hillcrest, on Elm, third house on the left. Just saying.",
    ],
)
def test_an_officials_home_told_with_a_street_a_number_or_a_warning_stays_a_threat(
    text: str,
) -> None:
    assert threat(text)
