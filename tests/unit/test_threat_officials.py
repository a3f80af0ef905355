"""One vocabulary of officials for every threat reader (moderation/officials.py), and the
general constructions read with it in the twenty-first session: a kidnapping, an official
"ended" by title, the first officer who does something "getting shot", someone thrown into
the water, a forecast of things "in flames"; beside the same words in reports, elections and
everyday idioms. In other words than the session's probes."""

from __future__ import annotations

import re

import pytest

from page_governor.moderation import officials
from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "we're going to kidnap the warden's son and trade him for my brother",
        "somebody should abduct the coroner on the way to her car",
        "i will end the bailiff who dragged me out of court",
        "the first marshal that knocks on my door gets shot",
        "any constable who serves me papers is getting buried in my yard",
        "throw that building inspector in the reservoir",
        "your patrol cars will be in flames by Friday",
        "people like the tax collector end up in a ditch",
    ],
)
def test_threats_aimed_at_officials_named_by_any_title_are_flagged(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "deputies arrested a man who tried to abduct a teenager from the bus stop",
        "kidnapping charges were dropped, the prosecutor says",
        "voters will end the assessor's term in November",
        "let's end the marshal's contract with the towing company",
        "the first marshal that knocked on my door was polite and helpful",
        "someone dumped a mattress in the reservoir again, please send code enforcement",
        "the old mill will be in flames if nobody clears the brush, fire danger is high",
        "politicians like the tax collector end up in Congress",
        "I hope the supervisors burn the midnight oil on this budget",
        "the dispatchers will burn their bridges if they quit all at once",
    ],
)
def test_reports_elections_and_idioms_with_the_same_words_are_not_threats(text: str) -> None:
    assert not threat(text)


def test_every_title_head_word_is_one_of_the_title_alternatives() -> None:
    titles = re.compile(r"(" + officials.TITLE_WORDS + r")")
    assert {w for w in officials.TITLE_WORDSET if not titles.fullmatch(w)} == set()


@pytest.mark.parametrize(
    "text",
    [
        "someone is about to stab that zoning inspector, mark my words",
        "I'd happily pay to watch the treasurer get lynched",
        "keep it up, Commissioner. Accidents happen.",
        "I know what time the bailiff gets off, and which lot she parks in",
        "my cousin gets out Monday and he's paying a visit to each juror's house",
    ],
)
def test_harm_foretold_wished_or_prepared_for_an_official_is_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "someone is about to beat the treasurer in the primary",
        "someone is going to shoot the inspector an email about the permit",
        "I'd happily pay to watch the treasurer get voted out",
        "keep it up, Deputy Cole! The kids loved the bike rodeo",
        "slow down on the pass tonight, accidents happen in a second",
        "I know what time the clerk's office closes, it's 5",
        "the juror who spoke to the press was dismissed, the judge said",
        "the director was dragged into court over the contract",
        "someone's gonna torch the commissioners at the hearing, bring snacks",
    ],
)
def test_elections_messages_thanks_safety_and_roasts_with_those_words_are_not_threats(
    text: str,
) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    ("text", "is_threat"),
    [
        # the chair of a board is an official for every reader, not for one rule
        ("I'll make the board chairman regret ever approving that tower.", True),
        ("Chairwoman Hill should be dragged out of that meeting and beaten.", True),
        # and a chair is still furniture, a chairman still someone to vote out
        ("Pull up a chair and stay a while, the chairwoman says the meeting runs late.", False),
        ("Chairman Pruitt should resign after that hearing.", False),
        ("The board chair killed the proposal in committee.", False),
    ],
)
def test_board_chairs_are_officials_for_every_threat_reader(text: str, is_threat: bool) -> None:
    assert threat(text) is is_threat
