"""Threats told by what they leave behind (``moderation.harm_outcomes``) and in the words said
against officers (``moderation.threat_idioms``), in other words than the fifteenth session's
probe lists, beside everyday sentences that share their words."""

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


@pytest.mark.parametrize(
    "text",
    [
        "whoever shows up with a warrant is gonna get lit up",
        "first pig through my door and I'm emptying the whole mag",
        "we could pick those troopers off from the tree line easy",
        "feels like open season on the police lately and I'm here for it",
        "let's see how many of these deputies I could take with me",
        "I'll settle it with my glock if the judge rules against me",
        "I'll be on the water tower with my rifle Saturday, sheriff",
        "every one of you deserves what happened in Dallas",
        "time to take up arms against law enforcement",
        "this means war, cops",
        "I have a list and your name is at the top, Lieutenant",
        "gonna make an example of one of your deputies",
        "I'm saving a little something for the next trooper who stops me",
        "Detective Lane better have his life insurance paid up",
        "they won't see us coming",
        "those cops will be carried out in bags",
    ],
)
def test_threats_in_the_words_said_against_officers_are_threats(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "The courthouse tree is getting lit up Friday at 6, bring the kids!",
        "Emptying my mag at the range this weekend, first time qualifying.",
        "Please pick those signs off the median after the election.",
        "It's open season on deer starting Saturday, hunters be safe.",
        "Dallas got new cruisers last year, when is our turn?",
        "Get ready for a war of words at the budget hearing.",
        "I have a list of questions and the overtime budget is at the top.",
        "Make an example of the drunk drivers, judge.",
        "Officers should have better life insurance through the county.",
        "You won't see it coming: the new parking rules start Monday.",
        "Bags of donations are leaving in a van tonight for the shelter.",
    ],
)
def test_the_same_words_in_everyday_use_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "we finna air that trooper out",
        "gonna slide on the deputy's house tonight",
        "that detective bout to get his wig pushed back",
        "officer reed you a dead man walking",
        "someone should send the judge a message with a molotov",
        "the next cop that pulls up is gettin popped",
        "keep messin wit us and watch wat happens to ur squad cars",
    ],
)
def test_street_slang_for_shooting_and_beating_officers_is_a_threat(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "we aired out the community center before the open house",
        "kids can slide on the new playground slide at Elm Park",
        "my brother got his head knocked in a car wreck last year",
        "my grandpa got his face bashed in by a horse once, true story",
        "the dead man walking exhibit at the library is worth a visit",
        "send the council a message with your vote",
    ],
)
def test_the_same_slang_in_everyday_use_is_not_a_threat(text):
    assert not threat(text)
