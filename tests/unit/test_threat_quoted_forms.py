"""Forms found in threats written by others and quoted word for word in news reports and court
records (benchmarks/real_sets/comments, dev part): a bomb on an official's way home, a call
that "it's time to" harm officers, retribution promised "and I'm not talking about the legal
system", an officer's family dug up and announced, the f-word dashed out. Beside them, the same
words in elections, reports of threats, thanks and grades. In other words than the quoted
texts."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories, threat


@pytest.mark.parametrize(
    "text",
    [
        "a pipe bomb in the judge's driveway would fix this",
        "sniper on his way to work, that's what the chief has coming",
        "high time to gun down every deputy in this county",
        "it's time to stab the commissioners who voted for this",
        "the warden will answer for this and I'm not talking about the courts",
        "they'll pay dearly for what they did to my son, and I don't mean in court",
        "we tracked down the wife and kids of that trooper who ticketed me",
        "I dug up the home addresses of the officers who raided us",
    ],
)
def test_quoted_threat_forms_are_threats(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "a car bomb on his way to work killed the prosecutor in 1992",
        "It's time to shoot the chief a message about the potholes",
        "I have some time to kill before the sheriff's town hall",
        "the board will answer for this and I'm not talking about the courts, I mean at the polls",
        "There will be consequences at the next election, council",
        "there will be consequences for the levy if this passes",
        "we tracked down the family of the trooper who pulled us from the river to thank them",
        "Anyone who threatens to kill a deputy will be prosecuted",
        "threats to shoot judges are a felony",
    ],
)
def test_the_same_words_in_politics_reports_and_thanks_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize("text", ["F— you, Karen", "f-- off with that", "these f—ing parking fees"])
def test_the_f_word_dashed_out_is_obscenity(text):
    assert "obscenity" in categories(text)


@pytest.mark.parametrize("text", ["The F— word is banned here", "I got an F-- on my essay"])
def test_a_grade_or_a_named_word_is_not_obscenity(text):
    assert "obscenity" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it about time to start shooting the crooked commissioners?",
        "is it time yet to stop lynching the crooked judges yet?",
    ],
)
def test_killing_officials_asked_for_as_a_question_is_a_threat(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it time to stop hanging the judges' portraits in the lobby yet?",
        "is it time to stop killing the coyotes in the county park yet?",
        "is it time to kill the council's parking plan?",
    ],
)
def test_questions_about_things_and_animals_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        'Is "I hope your cruiser gets torched" a threat or just venting?',
        'Imagine a stranger told your wife "I know where you live". Would you not call it in?',
        'Pass a law making telling a judge "I\'ll end you" a felony.',
        'Is "hope you get hit by a bus" a threat, or only rude?',
    ],
)
def test_a_threat_quoted_in_order_to_talk_about_it_is_not_one(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        'Tell the treasurer "his days are numbered"',
        'I told you "one more tow and you are dead", officer.',
        'my last word to the judge: "sleep with one eye open"',
        '"Count your days, Treasurer." That is not a threat, it is a promise.',
    ],
)
def test_a_threat_the_writer_makes_in_quotation_marks_is_still_one(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "once I lay eyes on you, Commissioner, that'll be the end of the road for you",
        "the clerk better run and hide after what she did",
        "we got men lined up to shoot the deputies at the roadblock",
        "every councilman and their kids should be exterminated",
    ],
)
def test_the_end_promised_people_made_ready_and_families_wished_destroyed_are_threats(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Elm Street will be the end of the line for you, the 14 bus turns around there",
        "the ballots must be destroyed after 22 months, the clerk said",
        "those hornet nests by the courthouse should be destroyed",
        "kids better run and hide, the storm is almost here",
        "we are lined up to shoot the chief's retirement video on Friday",
    ],
)
def test_routes_records_nests_and_videos_are_not_threats(text):
    assert not threat(text)


def test_the_dead_counted_in_a_protest_is_not_a_threat():
    assert not threat("How many more inmates have to die in the county jail before anyone acts?")
    assert threat("that warden has to die for what happened in B block")


@pytest.mark.parametrize(
    "text",
    [
        "the bomb squad was on their way home from a call when the alarm came in",
        "someone left a bag of bullets in her mailbox as a prank, deputies are looking into it",
        "we found an old grenade in his car from grandpa's war days, who do we call?",
    ],
)
def test_weapons_in_reports_and_safety_questions_are_not_threats(text):
    assert not threat(text)
