"""Threats: statements of intent or wish to harm, including veiled ones. Always urgent.

Each rule is a regular expression over the normalised words with anchor words: a rule runs
only when one of its anchors is in the comment, so most comments cost a set intersection.
Third-person talk about crimes ("the suspect shot two people", "was anyone killed") matches
no rule: the rules need intent, a wish, incitement or a veiled warning.
"""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Hit
from page_governor.moderation.normalize import SPACED, Normalized, words_of

_HARM = (
    r"(kill|killing|shoot|shooting|stab|stabbing|murder|hurt|beat|bash|strangle|choke|burn|bomb|"
    r"blow up|smash|slit|hang|lynch|gut|cut|rape|torture|execute|break (your|his|her|their) "
    r"(legs?|arms?|neck|face|jaw|bones?)|put (a|one) (bullet|cap|round) in|take (you|him|her|"
    r"them) out|end (you|him|her|them)|run (you|him|her|them) over|jump (you|him|her))"
)
# Whom the harm is aimed at: a person or people, never "it" ("I'm going to kill it at the 5k").
_VICTIM = (
    r"\s+(you|u|ya|him|her|them|y'all|yall|every|each|all|that|those|these|the|his|your|their|"
    r"some|a|an|any|cops?|pigs?|officers?|deputies|deputy|sheriff|chief|judge|mayor|everyone|"
    r"everybody|somebody|someone|ur|ye|up)\b"
)
# fmt: off
_HARM_WORDS = frozenset({
    "kill", "killing", "shoot", "shooting", "stab", "stabbing", "murder", "hurt", "beat", "bash",
    "strangle", "choke", "burn", "bomb", "blow", "smash", "slit", "hang", "lynch", "gut", "cut",
    "rape", "torture", "execute", "break", "put", "take", "end", "run", "jump",
})
_FIRST_PERSON = frozenset({"i", "we", "i'll", "ill", "we'll", "im", "i'm", "we're", "imma", "ima",
                           "gonna", "going", "gon", "finna"})
_WILL = frozenset({"i'll", "ill", "we'll", "will", "imma", "ima", "gonna", "going"})


def _g(*words: str) -> frozenset[str]:
    return frozenset(words)


# (anchor groups, pattern): a pattern runs only when every one of its groups has a word in the
# comment, so most comments cost a few set operations instead of thirty regular expressions.
THREAT_RULES: tuple[tuple[tuple[frozenset[str], ...], re.Pattern[str]], ...] = tuple(
    (groups, re.compile(pattern))
    for groups, pattern in (
        # first-person intent: "I'll find you and break your legs", "I'm going to kill you"
        ((_HARM_WORDS, _FIRST_PERSON),
         r"\b(i|we|i'll|ill|we'll|im|i'm|we're|imma|ima|gonna|going to|gon)\b[^.!?]{0,30}\b(will|gonna|going to|gon|about to|finna|'ll|ll|)\s*" + _HARM + _VICTIM),
        ((_g("find", "get", "hunt", "come", "track", "visit", "see"), _WILL),
         r"\b(i'll|ill|we'll|i will|we will|imma|ima|gonna)\s+(find|get|hunt|come for|come after|track down|visit|see)\s+(you|u|him|her|them|ya|your|that)\b"),
        ((_g("find", "get", "hunt", "come", "track"), _g("i", "we")),
         r"\b(i|we)\s+(will|'ll|are going to|am going to|'re going to|'m going to)\s+(find|get|hunt|come for|come after|track down)\b"),
        ((_HARM_WORDS, _WILL), r"\b(i'll|i will|we'll|we will)\s+" + _HARM + _VICTIM),
        # wishes and incitement: "hope you die", "somebody should put a bullet in…"
        ((_g("hope", "wish", "pray", "hoping", "praying"),),
         r"\b(hope|wish|pray|hoping|praying)\b[^.!?]{0,25}\b(die|dies|dead|killed|shot|murdered|raped|stabbed|hanged|hung|burn|burns|suffer|gets? hurt|gets? what'?s coming|get cancer|hit by a|run over|rot in hell)\b"),
        ((_HARM_WORDS, _g("should", "need", "needs", "ought", "gotta", "must", "oughta", "has", "have")),
         r"\b(someone|somebody|people|we|y'all|yall|you all|they|citizens|everyone|anyone)\s+(should|need to|needs to|ought to|gotta|must|oughta|has to|have to)\s+(just\s+)?(go\s+)?" + _HARM),
        ((_g("should"), _g("shot", "hanged", "hung", "killed", "executed", "lynched", "dead", "strung", "beaten", "burned", "tortured")),
         r"\bshould\s+(all\s+|just\s+|both\s+)?(be|get)\s+(shot|hanged|hung|killed|executed|lynched|dead|strung up|beaten|burned|tortured)\b"),
        ((_g("should", "should've", "shouldve"), _g("shot", "killed", "hanged", "hung", "executed", "lynched")),
         r"\bshould('?ve| have)\s+(shot|killed|hanged|hung|executed|lynched)\s+(him|her|them|you|that|those|the|every)\b"),
        ((_g("deserve", "deserves"),),
         r"\b(deserve|deserves)\s+to\s+(die|be shot|be killed|hang|be hanged|be executed|burn|suffer)\b"),
        ((_g("bullet"),),
         r"\b(a|one)\s+bullet\s+(for|in|to|between)\s+(you|him|her|them|every|each|the|that|his|her|your)\b"),
        ((_g("bullet", "round", "cap"), _g("put")), r"\bput\s+(a|one)\s+(bullet|round|cap)\s+in\b"),
        ((_g("burn", "blow", "bomb", "shoot", "torch", "firebomb"),),
         r"\b(burn|blow up|bomb|shoot up|torch|firebomb)\s+(down\s+)?(the|your|his|her|that|their)\s+[^.!?]{0,25}\b(station|office|precinct|house|home|building|department|school|hall|car|cars|cruisers?)\b"),
        ((_g("burn", "blow", "shoot"),),
         r"\b(burn|blow|shoot)\s+(it|the place|them|the station|the office)\s+(down|up)\b[^.!?]{0,30}\b(with|inside)\b"),
        ((_g("burn"), _g("inside")), r"\bburn\b[^.!?]{0,40}\bdown\b[^.!?]{0,20}\bwith\b[^.!?]{0,20}\binside\b"),
        # veiled threats
        ((_g("know"), _g("we")),
         r"\bwe\s+know\s+where\s+(you|your|he|she|they|his|her|their|u)\b[^.!?]{0,30}\b(live|lives|sleep|sleeps|work|works|park|kids|family|families|children|wife|husband|go to school)\b"),
        ((_g("know"), _g("we", "i")),
         r"\b(we|i)\s+know\s+(your|his|her|their|where)\s+[^.!?]{0,20}\b(address|house|home|car|shifts?|kids|children|school|family|families|route|schedule)\b"),
        ((_g("make", "live", "survive"), _g("won't", "wont", "not", "never", "ain't", "isn't"),
          _g("retirement", "christmas", "weekend", "week", "end", "pension", "trial", "court")),
         r"\b(won'?t|will not|wont|not gonna|isn'?t going to|ain'?t gonna|never)\s+(make it|live|survive)\s+(to|till|until|through|past)\s+(see\s+)?(retirement|christmas|the weekend|next week|the end|his pension|her pension|trial|court)\b"),
        ((_g("watch"), _g("back", "backs", "family", "kids", "step")),
         r"\bwatch\s+(your|his|her|their|ur|yo)\s+(back|backs|family|kids|step)\b"),
        ((_g("sleep"), _g("eye")), r"\bsleep\s+with\s+one\s+eye\s+open\b"),
        ((_g("coming"),),
         r"\b(you'?ll|you will|he'?ll|he will|she'?ll|they'?ll|u will|youll)\s+(get|be getting)\s+(what'?s|whats)\s+coming\b"),
        ((_g("coming"),), r"\b(gets?|getting)\s+(what'?s|whats)\s+coming\s+to\s+(him|her|them|you)\b"),
        ((_g("bag", "feet", "box", "tag", "ground"),),
         r"\b(body bag|six feet under|in a box|toe tag|in the ground|pine box)\b"),
        ((_g("numbered"),), r"\b(your|his|her|their)\s+days\s+are\s+numbered\b"),
        ((_g("count", "counting"), _g("days")), r"\bcount(ing)?\s+(your|the|his|her)\s+days\b"),
        ((_g("see", "meet", "catch"), _g("outside", "shift", "parking", "duty", "alone")),
         r"\b(see|meet|catch)\s+(you|u|him|her)\s+(outside|after (your|his|her) shift|in the parking lot|off duty|alone)\b"),
        ((_g("shame", "accidents"),), r"\b(it would be a shame|shame if something happened|accidents happen)\b"),
        ((_g("blood", "bloodshed", "violence", "consequences"),),
         r"\bthere (will|is going to|'s gonna) be (blood|bloodshed|violence|consequences)\b"),
        # Spanish
        ((_g("matar", "quemar", "golpear", "disparar", "encontrar"),),
         r"\b(te|lo|la|los|las)\s+(voy|vamos|van)\s+a\s+(matar|quemar|golpear|disparar|encontrar)\b"),
        ((_g("morir"),), r"\b(vas|van)\s+a\s+morir\b"),
        ((_g("sabemos"),), r"\bsabemos\s+donde\s+(vives|viven|duermen|duermes|trabajas)\b"),
        ((_g("mato"),), r"\bte\s+mato\b"),
        ((_g("muera", "mueran"),), r"\bojala\s+(te|se)\s+mueran?\b"),
    )
)
# fmt: on


_FIRST_GROUPS = frozenset().union(*(groups[0] for groups, _ in THREAT_RULES))
THREAT_WORDS = _HARM_WORDS | {
    "die",
    "dies",
    "dead",
    "killed",
    "shot",
    "murdered",
    "bullet",
    "hanged",
    "hung",
    "suffer",
}


def threat_candidates(words: set[str]) -> list[re.Pattern[str]]:
    """The rules whose anchor groups all have a word in the comment."""
    if _FIRST_GROUPS.isdisjoint(words):
        return []
    return [
        pattern
        for groups, pattern in THREAT_RULES
        if all(not group.isdisjoint(words) for group in groups)
    ]


def detect_threat(n: Normalized, rules: list[re.Pattern[str]] | None = None) -> Hit:
    hit = Hit()
    text = n.clean
    if not text:
        return hit
    if rules is None:
        rules = threat_candidates({t.text for t in n.tokens})
    for pattern in rules:
        for m in pattern.finditer(text):
            hit.add(0.9, n.span_of_clean(m.start(), m.end()))
            if hit.full:
                return hit
    joined = n.joined
    if not hit.evidence and joined and threat_candidates(set(n.words) | {t.text for t in joined}):
        # "i will k i l l you": read again with spaced-out words joined
        words = words_of(
            SPACED.sub(lambda m: "".join(c for c in m.group(0) if c.isalnum()), n.folded)
        )
        joined_text = " ".join(words)
        for pattern in threat_candidates(set(words)):
            if pattern.search(joined_text):
                for tok in joined:
                    hit.add(0.9, (tok.start, tok.end))
                break
    return hit
