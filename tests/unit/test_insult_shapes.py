"""Name-calling recognised by its frame, whatever the noun, and the praise that wears it."""

from __future__ import annotations

import pytest

from page_governor.models import Category, Target
from page_governor.moderation.classifier import Context
from page_governor.moderation.insult_shapes import insult_shapes, may_shape
from page_governor.moderation.normalize import normalize
from tests.moderation_helpers import CLASSIFIER

REPLY = Context(is_reply_to_commenter=True, top_level_on_agency_page=False)


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("Paula you utter parsnip, the sign says no parking", True),
        ("@ron_d you colossal windbag!", True),
        ("you sad little busybody", True),
        ("you absolute hero, thank you for the jump start", False),
        ("you complete your renewal at the clerk's window", False),
        ("Thank you Sweet Pea for the card", False),
    ],
)
def test_a_vocative_with_an_intensifier_insults_whatever_the_noun(text: str, insult: bool) -> None:
    result = CLASSIFIER.classify(text, REPLY)
    assert (Category.PERSONAL_ATTACK in result.categories) is insult


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("the zoning clerk is a pompous little bean counter", True),
        ("Ray from the HOA is a crusty old gatekeeper", True),
        ("what a whiny little crybaby", True),
        ("a kind little old man waved at the parade", False),
        ("my crusty old pickup finally died", False),
        ("a nasty little cold is going around the office", False),
        ("the budget is a sad little patch on a big hole", False),
    ],
)
def test_a_character_adjective_before_little_or_old_said_of_someone_is_an_insult(
    text: str, insult: bool
) -> None:
    result = CLASSIFIER.classify(text)
    assert (Category.PERSONAL_ATTACK in result.categories) is insult


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("the treasurer has the charm of a tax audit", True),
        ("Glen has the common sense of a lawn chair", True),
        ("he has the people skills of a parking ticket", True),
        ("the captain has the courage of a lion", False),
        ("the chief has the charisma of a movie star", False),
        ("the park has the charm of a small village", True),
    ],
)
def test_a_quality_measured_against_a_thing_is_an_insult_unless_it_is_praise(
    text: str, insult: bool
) -> None:
    # the last case is a known edge: the frame cannot tell a park from a person
    result = CLASSIFIER.classify(text)
    assert (Category.PERSONAL_ATTACK in result.categories) is insult


def test_a_sack_of_anything_said_of_someone_is_an_insult_and_a_sack_bought_is_not() -> None:
    assert (
        Category.PERSONAL_ATTACK
        in CLASSIFIER.classify("that referee is a bloated sack of excuses").categories
    )
    assert not CLASSIFIER.classify("public works handed out a sack of sand to every house").flagged


def test_a_person_likened_to_an_animal_is_insulted_and_a_truck_is_not() -> None:
    assert (
        Category.PERSONAL_ATTACK
        in CLASSIFIER.classify("he talked like a bored toad to everyone").categories
    )
    assert not CLASSIFIER.classify("the old plow truck ran like a slug all winter").flagged


def test_the_insult_is_aimed_at_an_official_when_the_sentence_names_one() -> None:
    result = CLASSIFIER.classify("The sheriff's a gutless jellyfish")
    assert result.target is Target.OFFICIAL
    model_only = CLASSIFIER.classify("Commissioner Boyd is a gutless bureaucrat")
    assert Category.PERSONAL_ATTACK in model_only.categories
    assert model_only.target is Target.OFFICIAL


def test_the_cheap_screen_admits_every_comment_a_shape_is_found_in() -> None:
    for text in (
        "you utter parsnip.",
        "is a pompous little bean counter",
        "has the charm of a tax audit",
        "you are a sack of excuses",
    ):
        n = normalize(text)
        assert insult_shapes(n), text
        assert may_shape(set(n.words)), text
    assert not may_shape(set(normalize("the parade starts at noon on Main").words))


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("Commissioner Vance is a deranged old windbag", True),
        ("you're a total sociopath, Karl", True),
        ("that clerk is a pompous little toady", True),
        ("the dinosaur exhibit at the library opens Monday", False),
        ("the program helps kids who are bullied at school", False),
    ],
)
def test_name_calling_words_added_in_the_nineteenth_session(text: str, insult: bool) -> None:
    result = CLASSIFIER.classify(text, REPLY if "Karl" in text else Context())
    assert (Category.PERSONAL_ATTACK in result.categories) is insult


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("the magistrate is a smug windbag", True),
        ("Lieutenant Park is an obnoxious brat", True),
        ("that guy is a petty tyrant with a clipboard", True),
        ("the captain was a lazy river guide in college", False),
        # a known edge: the frame cannot tell an idiom from a noun said of the person
        ("the new deputy is a rude awakening for anyone expecting a pushover", True),
        ("the officer is an arrogant-free zone, humble and kind", False),
    ],
)
def test_a_person_said_to_be_a_character_adjective_and_a_noun_is_insulted(
    text: str, insult: bool
) -> None:
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is insult


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("the county sheriff is dumber than a sack of hammers", True),
        ("you're as dense as a fence post", True),
        ("Trooper Bell is a walking lawsuit", True),
        ("the man who manages the towing yard is a smug windbag with a clipboard", True),
        ("the new parking rule is dumber than the old one", False),
        ("the smoke was thicker than fog on the bridge", False),
        ("the library is a walking distance from the station", False),
        ("Coach Reyes is a living legend at the high school", False),
    ],
)
def test_a_person_measured_against_a_thing_or_called_a_walking_disaster_is_insulted(
    text: str, attack: bool
) -> None:
    result = CLASSIFIER.classify(text)
    assert (Category.PERSONAL_ATTACK in result.categories) is attack
