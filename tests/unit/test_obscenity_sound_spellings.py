"""Obscenity spelled by sound or with a letter dropped ("schitt", "bullsht", "bullshiz"), "f-ing"
written as a word, and "a$$hats"; beside the rock, the schism and a minced "fudge". In other
words than the twentieth session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "the new meter rates are pure bullsht",
        "total bullshiz from the zoning office",
        "schitty response time again",
        "what an f-ing waste of tax money",
        "a bunch of a$$hats on the board",
    ],
)
def test_obscenity_spelled_by_sound_or_with_a_letter_dropped_is_read(text: str) -> None:
    assert "obscenity" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "the trail crosses a ridge of mica schist",
        "the schism on the council is about the budget",
        "oh fudge, I missed the permit window",
        "the fire engine's bull horn was loud",
    ],
)
def test_rocks_rifts_and_minced_oaths_are_not_obscene(text: str) -> None:
    assert "obscenity" not in categories(text)
