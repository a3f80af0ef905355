"""Menace said sideways: a pity wished on an official's things, retaliation as a lesson, a car
bomb as advice (menace_idioms), a crowd coming back without its signs, guns kept back with a dare, a routine
recited, and the same frames said kindly. In other words than the nineteenth session's
probes."""

from __future__ import annotations

import pytest

from page_governor.models import Category
from tests.moderation_helpers import CLASSIFIER


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("I'd hate for the assessor's garage to go up in flames one night", True),
        ("Sure would be a pity if something happened to the sergeant's truck", True),
        ("the guard who beat my cousin is gonna learn what it feels like", True),
        ("Councilman Roe might want to start his car with a remote from now on", True),
        ("we tried petitions for two years. next time it won't be with petitions", True),
        ("they took my rifles. I kept plenty you never knew about. come take them", True),
        ("Deputy Ames, 5:40 every evening at the gym on Pike St. Creature of habit", True),
        ("somebody is gonna bleed over this, and it won't be my family", True),
        ("I'd hate for your kids to miss the parade, it starts at 10", False),
        ("Be a shame if something happened to the old courthouse mural", False),
        ("You'll learn how it feels to serve this town, congratulations Chief", False),
        ("Check under your car every morning for oil leaks before winter", False),
        ("next time it won't be with signs, it'll be with votes", False),
        ("The recycling truck shows up every Friday morning like clockwork", False),
        ("I'd hate for the deputy's horse to get hurt in the parade, stay safe", False),
    ],
)
def test_menace_said_sideways_is_a_threat_and_the_same_frames_said_kindly_are_not(
    text: str, threat: bool
) -> None:
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat
