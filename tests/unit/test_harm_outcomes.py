"""Threats told by what they leave behind (``moderation.harm_outcomes``), in other words than
the fifteenth session's probe lists, beside everyday sentences that share their words."""

from __future__ import annotations

import pytest

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.moderation.classifier import Classifier

CLASSIFIER = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)


def threat(text: str) -> bool:
    return "threat" in {c.value for c in CLASSIFIER.classify(text).categories}


@pytest.mark.parametrize(
    "text",
    [
        "Ticket me again and you'll be bleeding all over your own dashboard, officer.",
        "Lieutenant Park is gonna end up in a wheelchair, mark my words.",
        "Those guards should all be face down in the dirt.",
        "One day soon the chief's gonna be spitting blood.",
        "Raid my place again and we'll be scraping deputies off the driveway.",
        "Enjoy your kneecaps while you still got them, sarge.",
        "I'd gladly throw that judge off the overpass.",
        "Every one of those troopers deserves a good beatdown.",
    ],
)
def test_harm_told_by_what_it_leaves_aimed_at_officials_is_a_threat(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd gladly watch Commissioner Ruiz choke on his own words at the debate.",
        "The deputy was bleeding when EMS arrived, according to the sheriff.",
        "Officer Kim donated blood at the drive today, thank you!",
        "The chief will be limping for a while after knee surgery.",
        "This tax hike will bleed the county dry, commissioners.",
        "Our officers deserve a break after this week.",
        "You'll break your teeth on the stale donuts at the station lol",
        "If you don't fix that curb someone's gonna end up in the hospital, mayor.",
        "The sheriff's boat sank with him on it last spring; he swam to shore.",
    ],
)
def test_words_of_injury_in_reports_worries_and_everyday_use_are_not_threats(text):
    assert not threat(text)
