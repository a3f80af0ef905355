"""Witness intimidation and threats to the page's admin (``moderation.threat_witnesses``), in
other words than the eighteenth session's probe list, beside everyday sentences that share
their words."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "Whoever gave my plate to the cops: snitches end up in ditches.",
        "The neighbor who testified is gonna get what snitches get.",
        "Anyone who tells the DA what happened at the bar will pay.",
        "Enjoy the witness stand Tuesday, it'll be your last.",
        "Hey page admin, we looked up your Instagram. See you around.",
        "Your name is Carla, you park behind the library. Keep that in mind.",
        "Imagine if somebody shot that detective outside the diner lol jk",
        "Hide my post one more time and I'm gonna erase you.",
        "Those jurors had better not step outside after the verdict.",
        "The horse won't be the only one getting shot at the next protest.",
        "We'll turn the sheriff's cruiser into a bonfire.",
        "Agents who enter my land will be treated as hostile invaders.",
        "Officers, take notice: we're strapped and we know the law better than you.",
        "We the people will execute your sentence, Judge Moore.",
        "If that trooper tailgates me again I'm finishing what I started.",
        "Your meter maid scooter wouldn't survive an encounter with my truck.",
        "Officer Pike clocks out at 11pm. Me too.",
        "New mayor's first town hall: bring kevlar.",
        "We'll settle this outside, deputy, the old way.",
        "The inspector is going to find out.",
    ],
)
def test_witness_intimidation_and_threats_to_the_admin_are_threats(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Somebody spray painted 'snitches get stitches' on the bus stop again.",
        "Anyone who saw the crash, please tell the detectives, it helps the family.",
        "It'll be her last shift before retirement, stop by with a card!",
        "We looked up your Facebook post about the lost dog, see you at the shelter at 3.",
        "I'll delete you from the volunteer list if you can't make it, no worries.",
        "Kids should not go outside during the air quality warning today.",
        "The county turned the old jail into a museum.",
        "Imagine if somebody shot the detective a thank-you note for solving it.",
        "We have your address in our records for the rebate check.",
        "I'm armed with a camera and I will record every stop, deputy.",
        "When an officer pulls me over I tell him I'm strapped because I'm licensed.",
        "Officer, I'm finishing the report for the insurance today.",
        "Bring kevlar vests to the donation drive for the K9 unit.",
        "Let's settle this outside the courtroom with a mediator.",
        "The inspector is going to find out the permit was approved, relax.",
    ],
)
def test_everyday_sentences_in_the_same_words_are_not_threats(text: str) -> None:
    assert not threat(text)
