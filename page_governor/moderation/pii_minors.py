"""A child named where others can find them: "Kayla Brennan, 14, goes to Westfield Middle",
"Sophie, 15, she lives above the laundromat", "her daughter Mia is 9 and goes to Sunnyside
Elementary". Never in a notice about a missing child, which names the child so that the public
can help. Read by :func:`page_governor.moderation.pii.find`. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

_MINOR_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")


_MINOR_AGE = re.compile(
    r"(?:,\s*|\bage\s+|\baged\s+|\bis\s+|\bhe's\s+|\bshe's\s+)(1[0-7]|[5-9])\b(?!\s*(?:am|pm|min|%))"
    r"|\b(1[0-7]|[5-9])\s*(?:years?\s+old|yo|y/o)\b",
    re.IGNORECASE,
)


_SCHOOL = re.compile(
    r"\b(elementary|middle|high|junior high|academy|school|prep|grade|sophomore|freshman|"
    r"junior|senior at)\b",
    re.IGNORECASE,
)


_SCHOOL_CUES = (
    "elementary",
    "middle",
    "high",
    "academy",
    "school",
    "prep",
    "grade",
    "sophomore",
    "freshman",
    "junior",
    "senior",
)


# "Sophie, 15, she lives above the laundromat": a first name, the age, where the child is
_FIRST_NAME_AGE = re.compile(r"\b([A-Z][a-z]+),\s*(1[0-7]|[5-9])\s*,")
# its tail, which starts with a literal (scanned fast): the screen for a long comment
_AGE_BETWEEN_COMMAS = re.compile(r",\s*(?:1[0-7]|[5-9])\s*,")


_WHERE_CHILD = re.compile(
    r"\b(lives?|goes to|attends|walks|rides|plays|hangs out|stays|house|apartment|street|st|"
    r"ave|road|rd|park)\b",
    re.IGNORECASE,
)


# A missing or endangered child's notice names the child so the public can help.
_MISSING = re.compile(
    r"\b(missing|last seen|amber alert|have you seen|if you see|runaway|found safe|located)\b",
    re.IGNORECASE,
)


# "her daughter Mia", "Rick's boy Tanner": someone else's child, by first name
_RELATIVE_CHILD = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+'s)\s+(?:little\s+|youngest\s+|oldest\s+)?(?:daughter|son|kid|"
    r"child|boy|girl|stepdaughter|stepson|grandson|granddaughter|niece|nephew)\s+([A-Z][a-z]+)\b"
)


_CHILD_CUES = (
    "daughter",
    "son ",
    "kid ",
    "child ",
    "boy ",
    "girl ",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
)


def minors(text: str) -> Iterator[tuple[int, int]]:
    """A named child with an age and a school: "Kayla Brennan, 14, goes to Westfield Middle",
    or a first name and age with where the child lives or goes. Never in a notice about a
    missing child, which names the child so that the public can help."""
    if _MISSING.search(text):
        return
    for m in _FIRST_NAME_AGE.finditer(text):
        sentence_end = re.search(r"[.!?]", text[m.end() :])
        rest = text[m.end() : m.end() + sentence_end.start() if sentence_end else len(text)]
        if m.group(1).lower() not in NOT_NAMES and _WHERE_CHILD.search(rest):
            yield m.start(), m.end()
            return
    for m in _RELATIVE_CHILD.finditer(text):
        if m.group(1).lower() in NOT_NAMES:
            continue
        sentence_end = re.search(r"[.!?]", text[m.end() :])
        rest = text[m.end() : m.end() + sentence_end.start() if sentence_end else len(text)]
        age = _MINOR_AGE.search(rest)
        if age is not None and (_SCHOOL.search(rest) or _WHERE_CHILD.search(rest)):
            yield m.start(), m.end() + age.end()
            return
    if not _SCHOOL.search(text):
        return
    for sentence in re.finditer(r"[^.!?]+[.!?]?", text):
        s = sentence.group(0)
        if not _SCHOOL.search(s):
            continue
        age = _MINOR_AGE.search(s)
        if age is None:
            continue
        for name in _MINOR_NAME.finditer(s):
            if name.group(1).lower() in NOT_NAMES or name.group(2).lower() in NOT_NAMES:
                continue
            start = sentence.start() + name.start()
            yield start, sentence.start() + max(name.end(), age.end())
            break


NOT_NAMES = frozenset(
    {
        "the",
        "high",
        "middle",
        "elementary",
        "school",
        "academy",
        "officer",
        "deputy",
        "chief",
        "sheriff",
        "police",
        "city",
        "county",
        "central",
        "north",
        "south",
        "east",
        "west",
        "it",
        "she",
        "he",
        "they",
        "his",
        "her",
    }
)


def may_name_a_child(text: str, lower: str) -> bool:
    """Could :func:`minors` find a child here? (Substring tests first.)"""
    return (
        any(cue in lower for cue in _SCHOOL_CUES)
        or any(cue in lower for cue in _CHILD_CUES)
        or (
            _AGE_BETWEEN_COMMAS.search(text) is not None
            and _FIRST_NAME_AGE.search(text) is not None
        )
    )
