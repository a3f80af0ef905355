"""Incitement: a call to kill or harm people, or urging the reader to harm themselves.

A call to kill or harm a group of people, or whoever the sentence points at, said as a command
("Kill all the …", "Let's go lynch them") or a demand that they be killed ("… must be hanged",
"should all be put to death"). What is talked about is people: a group word follows the verb
("kill every mosquito", "execute all the warrants", "shoot all the photos" are not people).
A sentence that denies, asks or reports is no call to violence. Read by
:func:`page_governor.moderation.threats.detect_threat` when no threat rule or frame matched.
"""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Hit
from page_governor.moderation.normalize import Normalized


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GROUP_NOUNS = _words(
    "people persons folks humans men women girls boys kids children babies whites blacks browns "
    "asians hispanics latinos latinas mexicans arabs africans europeans americans indians "
    "pakistanis chinese jews muslims moslems christians catholics protestants mormons hindus "
    "sikhs buddhists atheists pagans gays lesbians queers homosexuals trans transgenders "
    "bisexuals immigrants migrants refugees illegals aliens foreigners natives liberals "
    "conservatives democrats republicans leftists communists socialists protesters protestors "
    "rioters cops pigs officers deputies police judges politicians journalists reporters "
    "teachers doctors nurses priests pastors preachers imams rabbis infidels heretics "
    "unbelievers nonbelievers disabled retards retarded homeless addicts junkies prostitutes"
)
_INCITE_VERBS = _words(
    "kill murder shoot stab hang lynch exterminate slaughter gas behead execute massacre "
    "butcher burn stone torture nuke eradicate annihilate"
)
_INCITE_FILLERS = _words("so just now go and then lets let's let us time to its it's all")
_INCITE = re.compile(
    r"\b(?P<verb>kill|murder|shoot|stab|hang|lynch|exterminate|slaughter|gas|behead|execute|"
    r"massacre|butcher|burn|stone|torture|eradicate|annihilate) "
    r"(?P<object>(them|'em|em)(?! (with|a|an|me|us|at|off|down|out|up|on|in|into|over|under|"
    r"back|around|everywhere|anywhere|here|there)\b)|(all|every|each|these|those|the|any)"
    r"( (last|single))?( (one|ones))?( of)?( (the|them|those|these))?( [a-z]+)? "
    r"(?P<group>" + "|".join(sorted(_GROUP_NOUNS)) + r"))\b"
)
_INCITE_PASSIVE_WORDS = _words(
    "hanged hung lynched executed exterminated gassed killed shot slaughtered death wiped "
    "removed erased eradicated"
)
_INCITE_PASSIVE = re.compile(
    r"\b(must|should|shall|will|need to|needs to|ought to|deserve to|deserves to|have to|has to)"
    r"( all| just| both)?( be| get)? (hanged|hung|lynched|executed|exterminated|gassed|killed|"
    r"shot|slaughtered|put to death|wiped out|(removed|wiped|erased) (from|off) the face of "
    r"the (earth|planet))\b"
)
_PASSIVE_SUBJECTS = _GROUP_NOUNS | _words("they them all every everyone anyone everybody anybody")
# urging the reader to harm themselves: "do the world a favor and die", "drink bleach"
_SELF_HARM = re.compile(
    r"\bdo (the world|us all|us|everyone|everybody|society|humanity) a favou?r and "
    r"(die|kill|hang|shoot|off|end|drink|jump|pour|get dead|stop breathing)\b"
    r"|(?<!to )(?<!wanna )(?<!rather )(?<!i )(?<!i'll )(?<!i'd )(?<!gonna )(?<!we )"
    r"\b(drink|chug|pour|swallow) (some |a cup of |a glass of )?bleach\b"
    r"|\bcut (your|ur|ya) (own )?(veins|wrists|throat)\b"
    r"|\bget dead\b"
    r"|\b(faster|quicker) than my (bullets?|gun|rounds?)\b"
)
_SELF_HARM_WORDS = _words("favor favour bleach veins wrists throat dead faster quicker")
# what keeps a sentence from being a call to violence: it denies, asks, or reports
_INCITE_BLOCK = _words(
    "don't dont never not no nobody doesn't didn't won't wont shouldn't wouldn't cannot can't "
    "cant allowed suspect suspects accused allegedly charged convicted arrested police said "
    "movie game games zombie zombies"
)


def may_incite(words: set[str] | list[str]) -> bool:
    """Whether an incitement could match a comment with these words."""
    return not (
        _INCITE_VERBS.isdisjoint(words)
        and _INCITE_PASSIVE_WORDS.isdisjoint(words)
        and _SELF_HARM_WORDS.isdisjoint(words)
    )


def detect_incitement(n: Normalized) -> Hit:
    """A command or demand to kill or harm people, or urging the reader to harm themselves."""
    hit = Hit()
    words = set(n.words)
    text = n.clean
    if not _INCITE_VERBS.isdisjoint(words):
        for m in _INCITE.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            before = n.words[first:i]
            if any(w not in _INCITE_FILLERS for w in before) or _blocked(n, first, end):
                continue
            hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if not _INCITE_PASSIVE_WORDS.isdisjoint(words):
        for m in _INCITE_PASSIVE.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            if _PASSIVE_SUBJECTS.isdisjoint(n.words[first:i]) or _blocked(n, first, end):
                continue
            hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if not _SELF_HARM_WORDS.isdisjoint(words):
        for m in _SELF_HARM.finditer(text):
            i = n.word_at_clean(m.start())
            if not _blocked(n, *n.sentence_bounds(i, limit=30)):
                hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    return hit


def _blocked(n: Normalized, first: int, end: int) -> bool:
    """A sentence that denies, asks or reports is no call to violence."""
    if not _INCITE_BLOCK.isdisjoint(n.words[first:end]):
        return True
    start, stop = n.span(first)[0], n.span(end - 1)[1]
    return "?" in n.original[start : stop + 4]
