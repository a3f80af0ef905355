"""Someone marked for harm without a harm verb (``moderation.threat_marked``), and harm told by
what it leaves (``moderation.harm_outcomes``: broken hands, a faceful of spray, leaving upright
put in doubt), beside the everyday sentences that share their words: the twenty-fourth
session's readings, in other words than its tuning set."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import CLASSIFIER, threat


@pytest.mark.parametrize(
    "text",
    [
        "Let the DA know her car is on my list.",
        "Sergeant Vega, you're at the top of my hit list.",
        "There's a round in my safe with the warden's name on it.",
        "I keep one with your name on it, chambered, detective.",
        "The deputies in this town should start wearing their kevlar to church.",
        "Ten minutes alone with that bailiff without his badge is all I'm asking for.",
        "Pipe bombs aren't hard to make and the precinct lot has no cameras.",
        "The assessor won't be typing up any more bills with busted fingers.",
        "If that deputy tries to tow my truck again he gets a mouthful of pepper spray.",
        "Knock on my door one more time, officer, and see if you walk out in one piece.",
        "You'd better hope you make it home in one piece tonight, trooper.",
        "Every treasonous commissioner deserves a noose.",
        "Nooses for all the traitors on the county board.",
    ],
)
def test_a_target_marked_for_harm_or_told_what_harm_will_leave_is_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "The broken streetlight on Oak is on my list to call in Monday.",
        "Captain Hale is on my list of people to nominate for the award.",
        "They gave Sheriff Moss a plaque with his name on it at the banquet.",
        "Deputies should wear their vests on every call, that's the policy.",
        "I asked for ten minutes with the bailiff at the open house, he was great.",
        "A pipe bomb was found near the precinct lot yesterday and the bomb squad removed it.",
        "The assessor has been out since the fall, broken wrist, wishing her well.",
        "Officers used pepper spray on the crowd and a teen got a mouthful of it, that's wrong.",
        "Come to the station open house and see if you walk out without a junior badge!",
        "I hope all of our deputies get home safe tonight, the roads are glare ice.",
        "Praying every trooper on the interstate makes it home in one piece this weekend.",
        "I hope every cop goes home in one piece tonight.",
        "The traitors on the county board deserve to lose in November.",
        "Rope course at the park reopens Saturday, no traitors allowed, haha.",
    ],
)
def test_lists_plaques_vests_meetings_reports_and_wishes_for_safety_are_not_threats(
    text: str,
) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("whoever runs this page is a gutless coward", "official"),
        ("The social media team here is a bunch of clowns.", "official"),
        ("Brenda up in the comments is a total idiot.", "private"),
        ("Marcus in this thread is a clueless moron.", "private"),
    ],
)
def test_an_insult_at_the_pages_keeper_is_at_an_official_and_one_at_a_commenter_is_private(
    text: str, target: str
) -> None:
    result = CLASSIFIER.classify(text)
    assert result.target is not None and result.target.value == target
