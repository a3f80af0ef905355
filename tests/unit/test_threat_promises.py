"""Harm promised without a weapon or a violent verb is a threat; the sentences that share its
words (voters' regret, a visit remembered fondly, "armed with facts", a training burn, police
violence reported or condemned, a friend of an official's family) are not."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat as is_threat


@pytest.mark.parametrize(
    "comment",
    [
        "Keep denying my permit and I'll make you regret the day you were born, inspector.",
        "The treasurer is getting a visit at home that she won't walk out of.",
        "Somebody is going to pay the warden a visit he won't come back from.",
        "That sheriff will not survive his next election alive, count on it.",
        "Tell the council we won't be unarmed next time.",
        "Come to my door again and we'll be waiting with a little surprise for you.",
        "Any time a patrol car parks on our block it's gonna get firebombed.",
        "We found out the judge's daughter goes to Westfield Prep.",
        "I know the commissioner's husband parks at the gym on Oak. Just saying.",
        "The planning chair jogs the river path every evening, all alone, and it's dark.",
        "Someone should put that detective's face through a windshield.",
    ],
)
def test_harm_promised_without_a_weapon_or_violent_verb_is_a_threat(comment: str) -> None:
    assert is_threat(comment)


@pytest.mark.parametrize(
    "comment",
    [
        "Voters will make every one of them regret that vote in November.",
        "The second graders paid Officer Ruiz a visit she won't forget!",
        "The kids paid the warden a visit and came back with stickers.",
        "I'll be armed with facts and receipts at the next council meeting.",
        "The old substation gets burned Saturday as a fire training exercise.",
        "Heads up, a car is on fire on the interstate near exit 12.",
        "I know the chief's wife works at the hospital, she helped my mom. Tell her I said hi!",
        "We know the mayor's son plays on the Tigers, congrats on the championship!",
        "Officer Diaz walks the trail every evening, it gets dark early, thank you for being there.",
        "Officers should never slam a man's head into the pavement like that.",
        "The deputy slammed his face into the curb and the bodycam shows it.",
        "He won't finish his term politically alive after that scandal.",
    ],
)
def test_the_sentences_that_share_those_words_are_not_threats(comment: str) -> None:
    assert not is_threat(comment)


def test_a_kindness_done_by_an_officials_family_is_not_a_veiled_threat() -> None:
    assert not is_threat("I know the chief's wife works at the hospital, she delivered my son.")
    assert not is_threat("The sergeant's husband works at the lumber yard; he coached my boy.")
    assert is_threat("The judge's son goes to Westfield High. Saved you the trouble of looking.")
