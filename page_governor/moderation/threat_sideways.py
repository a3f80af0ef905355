"""Threat rules for harm wished on an official's things or people as a pity ("be a shame if
something happened to his truck", "I'd hate for the mayor's lake house to catch fire"),
retaliation promised as a lesson ("the officer who tased him is gonna learn what it feels
like"), a crowd that will come back without its signs, defiance with weapons kept back ("I
still have plenty you don't know about, come get them"), an official's routine recited ("6:15
every morning at the Shell on Route 2, regular as clockwork"), and "somebody's gonna get hurt,
and it won't be me". (Bombs under cars are in :mod:`menace_idioms`.) Each is (anchor groups,
pattern), read as the other rule modules are: the pattern runs only when every group has a word
in the comment, and a match passes the same guards."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import TITLE_WORDS
from page_governor.moderation.threat_idioms import anchor_group as _g

# an official or the reader, named by title, pronoun or possessive
_WHO = (
    r"(you|your|ur|his|her|their|he|she|they|(the |that |this )?(" + TITLE_WORDS + r")('s)?"
    r"( [a-z]+('s)?)?)"
)
# what a pity is wished on: a person's things, home or people
_THINGS = (
    r"(car|truck|tahoe|suv|cruiser|house|home|lake house|cabin|place|garage|boat|shop|office|"
    r"windows?|tires|family|wife|husband|kids?|children|daughter|son|boy|girl|dog|mom|mother)"
)
# an accident that is no accident
_MISHAPS = (
    r"(catch(es)? fire|burn(s|ed)? down|go(es)? up in (flames|smoke)|get(s)? hurt|"
    r"(have|has) an accident|get(s)? (smashed|broken|torched|damaged)|disappear(s|ed)?|"
    r"(got|get|gets) (lost|hit))"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # a pity wished on someone's things or people: "be a shame if something happened to his
    # truck", "I'd hate for the mayor's lake house to catch fire" (not "be a shame if the
    # farmers market moved", "I'd hate for the library to lose its funding")
    ((_g("shame", "hate", "pity"),),
     r"\b(be a (real )?(shame|pity)|(i'd|i would|we'd|would) hate)\b[^.!?]{0,20}\b(if|for|to see)\b"
     r"[^.!?]{0,20}\b(something|anything)\b[^.!?]{0,12}\b(happen(ed|s)?|to happen)\b[^.!?]{0,6}\bto\b"
     r"[^.!?]{0,12}\b(him|her|them|you|" + _WHO + r"[^.!?]{0,12}\b" + _THINGS + r")\b|"
     r"\b(i'd|i would|we'd|would) hate for\b[^.!?]{0,30}\b" + _WHO + r"\b[^.!?]{0,20}\b" + _THINGS +
     r"\b[^.!?]{0,15}\bto\s+" + _MISHAPS),
    # retaliation as a lesson: "the officer that did it is gonna learn what it feels like",
    # "he'll find out how it feels" (of the one who did it to the writer's people)
    ((_g("feels", "feel"), _g("learn", "find", "see", "taste")),
     r"\b(is|are|'s|'re|gonna|going to|will|'ll)\b((?!\bnot\b|n't|\bnever\b)[^.!?]){0,15}\b(learn|find out|"
     r"see|get a taste of)\s+"
     r"(what|how) (it|that) feels( like)?\b(?=$| like\b| soon\b| when\b| to (be|get) ([a-z]+ed|[a-z]+en|"
     r"hurt|shot|cut|hit|beat|burnt|tased|locked up|thrown)\b)"),
    # the crowd that comes back without its signs: "next time we show up at the precinct it
    # won't be with signs" (not "it'll be with 500 signatures")
    ((_g("signs", "words", "talking", "petitions", "protest", "marching"), _g("next", "won't", "wont", "not", "done")),
     r"\bnext time\b[^.!?]{0,60}\b(it won'?t be|it will not be|we won'?t (be bringing|bring)|"
     r"we will not bring|not with|won'?t be carrying)\b[^.!?]{0,10}\b(signs|words|petitions|"
     r"chants|candles|balloons)\b(?![^.!?]{0,40}\b(ballots?|votes?|voting|lawyers?|lawsuits?|"
     r"november|election|cameras|the press)\b)|\b(we're|we are|were) done (talking|marching|protesting|"
     r"asking nicely|with signs)\b[^.!?]{0,40}\bnext time\b"),
    # weapons kept back and a dare: "you took my guns, I still have plenty you don't know
    # about. come get them"
    ((_g("plenty", "more", "others", "another", "stash", "rest"), _g("come", "try"),
      _g("guns", "gun", "rifles", "rifle", "ammo", "weapons", "firearms", "pistols", "ar15")),
     r"\b(i|we) (still )?(have|got|own|kept)\b[^.!?]{0,15}\b(plenty|more|others|another|a stash|"
     r"the rest)\b[^.!?]{0,30}\b(you )?(don'?t|do not|never|didn'?t) (know|knew) about\b[^!?]{0,15}\b(come|try "
     r"to|try and) (get|take) (them|it|em)\b"),
    # an official's routine recited: "Officer Lyle, 6:15 every morning at the Shell on Route 2.
    # Regular as clockwork" (not "the parade starts at 10 every year at Main and 3rd")
    ((_g("clockwork", "routine", "predictable", "habit", "habits", "schedule"),),
     r"\b(" + TITLE_WORDS + r"|inspector|clerk|ranger|warden|he|she)\b[^.!?]{0,60}\b(every|each) "
     r"(morning|night|evening|day|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
     r"[^!?]{0,60}\b(regular as clockwork|like clockwork|creature of habit|predictable|same "
     r"(time|routine) every)\b"),
    # "somebody's gonna get hurt, and it won't be me"
    ((_g("hurt", "bleed", "die", "killed"), _g("won't", "wont", "not", "aint", "ain't")),
     r"\b(somebody|someone|people|one of you|a cop|an officer)('s| is| are|s)? (gonna|going to|"
     r"will|about to) (get )?(hurt|bleed|die|killed)\b[^.!?]{0,20}\b(and|but) it (won'?t|will not|"
     r"ain'?t gonna|isn'?t going to) be (me|us|mine|my (family|people|kids))\b"),
)
# fmt: on
