"""Officers or officials called a pack of animals ("nothing but rabid dogs", "a pack of
jackals", "they're filthy rats"), and a quality measured against a thing with no article ("the
personality of wet cardboard"); beside them the K9s, rats in a park, praise of a lion's heart or
a saint's patience, and "the intelligence of ten men". In other words than the twenty-first
session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "these troopers are nothing but mangy mutts",
        "the jailers are a herd of swine",
        "they're just vermin in uniforms",
        "that detective has the charm of damp drywall",
    ],
)
def test_officers_called_animals_and_qualities_of_things_are_attacks(text: str) -> None:
    assert "personal_attack" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "the K9 dogs are such good boys",
        "the deputies are dog people, they adopted two strays",
        "rats are all over the park, can someone call the city",
        "the lieutenant has the patience of a saint",
        "she has the heart of a lion and the strength of ten men",
    ],
)
def test_k9s_pests_and_praise_are_not_attacks(text: str) -> None:
    assert "personal_attack" not in categories(text)
