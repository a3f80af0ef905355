"""Menace said by hint, ultimatum and slang (``moderation.threat_hints``), harm dealt after a
grievance repeated (``threats`` frames), and the session's mended false flags: the unnamed doer
of a crime denounced, a finder thanked, someone in a video named. In other words than the
twenty-fourth session's tuning set 12zu."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories, threat


@pytest.mark.parametrize(
    "text",
    [
        "mayor got till monday to fire that cop or we rolling up to her house",
        "if they dont drop my charges by the 1st im taking matters into my own hands",
        "keep testing us, judge, and watch what happens this weekend",
        "Inspector Vale might want to check her brake lines before the commute.",
        "The assessor should double-check his lug nuts tonight.",
        "Honestly this county is overdue for a Baton Rouge.",
        "Hope the commissioners enjoy their homes smelling of kerosene.",
        "Tell the bailiff my cousins already know his route home.",
        "Soon as I get released I'm headed straight for Prosecutor Amin.",
        "Somebody should post the home addresses of every SWAT guy on this page.",
        "Folks will drag the mayor out of her house one of these nights.",
        "Picture if somebody plowed a van into the substation at roll call.",
        "Remind Sergeant Cho that her son's walk from practice is awful dark.",
        "keep talking tough, let's see how you do with a glock to your head",
        "That warden who denied my parole won't ever see seventy.",
        "Chain the exits of city hall and let the flames do the rest.",
        "Every trooper is a target now and we're the ones behind the rifle.",
        "The chief won't be laughing once he sees what we've got planned for the rally.",
        "take my dog one more time and somebody at that shelter office catching a bullet",
        "race past my driveway again and you are going to end up dead",
    ],
)
def test_menace_by_hint_ultimatum_and_slang_is_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "mayor got till monday to answer our letter or we're going to the state auditor",
        "if the council won't act by the 1st, we'll take the matter to the voters",
        "keep cutting the library budget and watch what happens at the ballot box",
        "Everyone should check their brake lines before the mountain pass, it's steep.",
        "Honestly this city is overdue for a Dallas Cowboys watch party downtown.",
        "The bailiff's route home goes right past my bakery, he stops in for coffee.",
        "Soon as I get out of work I'm headed straight for Officer Amin's bike rodeo.",
        "A hacker leaked the addresses of 200 officers, police said.",
        "Drag the mayor's spending records out of the archive and read them.",
        "Picture a new playground where the old substation used to be.",
        "The warden says the new wing won't ever see seventy inmates at once.",
        "Walk that trail again after dark and you might get jumped, be careful.",
        "The chief won't be laughing at our plans for the rally: a bake sale and a raffle.",
        "Whoever shot that deputy on Route 9 is a coward, prayers for his family.",
        "Whoever returned my son's bike, I'm going to find you and thank you in person!",
        # the reader warned of their own risk
        "keep texting behind the wheel and you are gonna end up dead",
        "If you drive drunk one more time you're going to end up in the hospital",
    ],
)
def test_the_same_words_in_politics_errands_reports_and_warnings_are_not_threats(
    text: str,
) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunman who opened fire at the mall is a coward.",
        "Whoever robbed the church food pantry is a scumbag.",
    ],
)
def test_denouncing_the_unnamed_doer_of_a_crime_is_not_a_personal_attack(text: str) -> None:
    assert "personal_attack" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The suspect is a coward and so are you, Dave.",
        "Marla Quinn is a scumbag who robbed the church food pantry.",
    ],
)
def test_an_insult_at_the_reader_or_a_named_person_is_still_an_attack(text: str) -> None:
    assert "personal_attack" in categories(text)


def test_a_person_in_a_video_named_with_their_workplace_is_personal_information() -> None:
    text = "Who's the woman in this clip? Dana Pruitt, she works at the Kroger on Vine."
    assert "personal_info" in categories(text)
