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
