"""The thirteenth session's additions, in other words than their tuning sets: veiled threats in
the idioms of tuning set 12s, where readers will find a private person, the agency's reminder
about gift cards; each beside the everyday sentences that share their words."""

from __future__ import annotations

import pytest

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category
from page_governor.moderation.classifier import Classifier

CLASSIFIER = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # what an officer or official will need, have or become
        ("that courthouse better have plenty of fire insurance, judge", True),
        ("Sheriff Dunn better hire more bodyguards after what he did", True),
        ("you cops better start wearing helmets on your lunch breaks", True),
        ("Detective Rowe is on borrowed time", True),
        ("keep raiding our homes and your kids end up orphans, Lieutenant", True),
        ("the trooper who wrote that ticket will be looking over his shoulder every night", True),
        ("one of those deputies won't get home some night soon", True),
        ("that's the last ticket you'll ever write, officer", True),
        ("If Commissioner Vance sets foot on our street again she'll regret it", True),
        ("the mayor will be picking nails out of his porch by Sunday", True),
        ("the next officer on my lawn gets a faceful of birdshot", True),
        ("the city attorney should get a food taster", True),
        ("the chief will be shopping for caskets soon", True),
        ("keep writing tickets and a brick goes through your cruiser's windshield", True),
        ("we've got the addresses of the whole narcotics unit. be ready", True),
        # and their everyday neighbours
        ("Make sure you have good insurance before the storm season starts", False),
        ("Officers should wear vests on every call, it's department policy", False),
        ("My uncle is living on borrowed time after his heart surgery, please pray", False),
        (
            "Too many kids end up fatherless because of addiction, support the mentoring program",
            False,
        ),
        ("I'm always looking over my shoulder in the parking garage, add more lights", False),
        ("Praying every one of our deputies gets home safe tonight", False),
        ("That was the last ticket I ever got, I drive slow now", False),
        ("Still picking glass out of my car after the window got smashed at the park", False),
        ("Shopping for a wheelchair for my dad, any donation programs in the county?", False),
        ("Someone threw a brick through the bakery's front window, any suspects?", False),
        ("Deputy Ruiz won't make it to retirement at this pace, he works triple shifts", False),
    ],
)
def test_veiled_threat_idioms_in_other_words(text: str, threat: bool) -> None:
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


def test_a_thing_that_is_going_to_harm_someone_is_not_the_writers_own_threat_rule() -> None:
    verdict = CLASSIFIER.classify("That intersection is going to kill someone, fix the light")
    rule_evidence = [e.text for e in verdict.evidence if e.category is Category.THREAT]
    assert "going to kill someone" not in rule_evidence
    assert Category.THREAT in CLASSIFIER.classify("gonna kill that deputy").categories


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("u can find Dana Price working at the Citgo on Elm every night shift", True),
        ("You'll find Ray Ochoa behind the counter at Ace Hardware most afternoons", True),
        ("You'll find Deputy Lane at the school crossing every morning, wave hi!", False),
        ("You will find Memorial Park on the north side, open every day", False),
    ],
)
def test_where_readers_will_find_a_private_person_and_when_is_personal_information(
    text: str, flagged: bool
) -> None:
    assert (Category.PERSONAL_INFO in CLASSIFIER.classify(text).categories) is flagged


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        ("Reminder: the county will never take payment in gift cards or crypto.", False),
        ("Our deputies don't ever request money over the phone to cancel a warrant.", False),
        ("No officer will call you for payment of a fine with gift cards.", False),
        ("Clear your warrant today, pay the deputy fee in Apple gift cards: 555-301-4477", True),
    ],
)
def test_the_agencys_reminder_about_gift_cards_is_not_spam(text: str, spam: bool) -> None:
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Seriously Brenda, you are the dumbest person on this page", "private"),
        ("Get lost Marco, you pathetic troll", "private"),
        ("Come on Lieutenant, you are a coward", "official"),
    ],
)
def test_a_name_called_out_before_you_is_whom_the_insult_is_aimed_at(
    text: str, target: str
) -> None:
    verdict = CLASSIFIER.classify(text)
    assert Category.PERSONAL_ATTACK in verdict.categories
    assert verdict.target is not None and verdict.target.value == target


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        ("Shawna down the street is a methhead and everybody knows it.", "personal_attack", True),
        ("Your cousin is a sad little incel, Marcus.", "personal_attack", True),
        (
            "The raid found a meth lab and two tweakers' pipes, suspects charged.",
            "personal_attack",
            False,
        ),
        ("That's a clown of a budget, commissioner, vote it down.", "personal_attack", False),
        ("Got the digits of the guy who keyed my car: 773-555-0182.", "personal_info", True),
        ("The number of the dispatch desk is 555-201-4400 if you need it.", "personal_info", False),
    ],
)
def test_addicts_named_as_insults_things_of_a_kind_and_a_strangers_number(text, category, flagged):
    cats = {c.value for c in CLASSIFIER.classify(text).categories}
    assert (category in cats) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Move it, you lumpy blob.", True),
        ("Deputy Ames is a worthless excuse for a cop.", True),
        ("The chief gave a brainless excuse for the overtime.", False),
        ("The sheriff's plan is spineless and caves to the union.", False),
        ("Your proposal is brainless, commissioner, vote it down.", False),
        ("That was a pathetic excuse for a town hall meeting.", False),
        ("A sorry excuse for a fire code, if you ask me.", False),
        ("Sergeant Lowe, you spineless excuse for an officer.", True),
        ("A sorry excuse for a human being, that landlord.", True),
    ],
)
def test_insults_said_of_a_body_and_insult_words_said_of_a_plan_or_an_excuse(text, flagged):
    cats = {c.value for c in CLASSIFIER.classify(text).categories}
    assert ("personal_attack" in cats) is flagged
