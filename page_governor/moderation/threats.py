"""Threats: statements of intent or wish to harm, including veiled ones. Always urgent.

Four readings, in turn: the rules (:mod:`page_governor.moderation.threat_rules`, each a
regular expression with anchor words, so most comments cost a set intersection), the frames
below (a harm, a target and an intent in one sentence), calls to violence
(:mod:`page_governor.moderation.incitement`), and veiled threats with no threat verb at all
(:mod:`page_governor.moderation.menace`, at a lower score). A match is no threat when the harm is done to a
thing, retold, reported, denied, consoled, quoted in order to reject it, asked back ("Go die?
No, …") or said of no one ("No officer deserves to die"). Third-person talk about crimes ("the
suspect shot two people", "was anyone killed") matches no rule: the rules need intent, a wish,
incitement or a veiled warning.
"""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Hit
from page_governor.moderation.harm_outcomes import detect_harm_outcome
from page_governor.moderation.incitement import PEOPLE, QUOTES, detect_incitement, quoted
from page_governor.moderation.masked_verbs import unmasked
from page_governor.moderation.menace import WEAPON_EMOJI, detect_emoji_menace, detect_menace
from page_governor.moderation.normalize import SPACED, Normalized, words_of
from page_governor.moderation.officials import TITLE_WORDS
from page_governor.moderation.threat_guards import CONSOLING as _CONSOLING
from page_governor.moderation.threat_guards import DEALT as _DEALT
from page_governor.moderation.threat_guards import HEDGED as _HEDGED
from page_governor.moderation.threat_guards import REPEATED as _REPEATED
from page_governor.moderation.threat_guards import REPORTED as _REPORTED
from page_governor.moderation.threat_guards import RETELLING as _RETELLING
from page_governor.moderation.threat_guards import RETOLD_SUBJECT as _RETOLD_SUBJECT
from page_governor.moderation.threat_guards import RISK_WARNING
from page_governor.moderation.threat_rules import (
    HARM,
    THREAT_RULES,
    THREAT_WORDS,
    threat_candidates,
    wordset,
)

__all__ = ["THREAT_RULES", "THREAT_WORDS", "detect_threat", "may_frame", "threat_candidates"]


# --- Threat frames -------------------------------------------------------------------------
# The rules name ways of saying a threat; a frame reads what a threat is made of, so a
# new wording of a known shape is caught too: in one sentence, (1) a harm done to a person or
# their property ("bury you", "catch a bullet", "get jumped", "set on fire", "a slow painful
# death"), (2) aimed at the reader, an officer or official, or a named person, and (3) said as
# intent, wish, demand or forecast ("I'll", "gonna", "hope", "should", "deserves", "if … and").
# Sentences that report (suspect, charged, threatened), ask (a question mark), deny ("nobody
# should get hurt") or console (recover, prayers) are not read as frames.

_OFFICIALS = "(" + TITLE_WORDS + ")"
# the person a violent verb is done to
_OBJECT = (
    r"(you|u|ya|y'all|yall|him|her|them|'em|em|ur|your|yours|"
    r"(the|that|this|those|these|a|an|some|any|our|your|ur|his|her|their|every|each|all|next)"
    r"( (last|single|damn|crooked|dirty|fat|lying|corrupt|next|local|county|city|[a-z]+'s))*"
    r" " + _OFFICIALS + r"|"
    r"(one|some|all|each|every|any|a few|two|three|both)( (last|single))? of (you|them|y'all|"
    r"yall|those|these|the)|" + _OFFICIALS + r"|every(one|body)|all of you|each of you)"
)
# what the object of a violent verb must not be followed by: "kill them with kindness", "shoot
# them an e-mail", "bury them in paperwork", "kill the deputies' morale"
_NOT_PERSON_HARM = (
    # ("shoot the commissioner down in the debate": an argument rejected)
    r"(?!'|s\b| with kindness| down (in|at|on|during) (the |this |that |tonight's |every )?(debate|"
    r"meeting|hearing|forum|polls|primary|election|vote|comments)\b|"
    r" (a|an|me|us) (message|e-?mail|text|dm|note|line|pm|call|question|"
    r"request)| (in|with|under) ([a-z]+ ){0,2}(paperwork|requests|complaints|e-?mails|calls|lawsuits|letters|"
    r"votes|mail|foia)| (morale|careers?|chances|reputation|budget|credibility|plans?|proposals?|"
    r"campaigns?|contracts?|pensions?|unions?|ratings?|votes?|numbers|case|cases|arguments?|"
    r"polic(y|ies)|bill|ordinance|program|election|race|primary))"
)
_FRAME_HARM = re.compile(
    r"\b(?P<active>"
    r"(kill|murder|shoot|stab|bury|strangle|choke|lynch|hang|ambush|snipe|execute|"
    # ("torch the council at the meeting": a roast)
    r"torch(?![^.!?]{0,40}\b(meeting|hearing|debate|town hall|forum|podium|comments)\b)|"
    r"firebomb|curb stomp|stomp|jump|merk|whack|gut|shank|behead|run over|mow down|"
    r"pistol whip|beat up|gun down)(s|ed|ing)? "
    + _OBJECT
    + _NOT_PERSON_HARM
    + r"|beat(s|ing)? "
    + _OBJECT
    + r" (up|senseless|to death|bloody|half to death)"
    r"|set (him|her|them|you|[a-z]+'s [a-z]+|(the|that|this|your|his|her|their) [a-z]+|"
    r"(every|each|all the|all of the|those|these)( [a-z0-9']+){1,5}) "
    r"(on fire|ablaze|alight)"
    r")\b"
    r"|\b(?P<passive>"
    r"(get|gets|getting|be|being|end up|ends up|wind up|winds up) (jumped|shot|stabbed|killed|"
    r"murdered|ambushed|popped|capped|smoked|merked|whacked|bodied|beat up|beaten( up)?|lynched|"
    r"hanged|hung|executed|torched|run over|burned|burnt|set on fire|gunned down|strung up|"
    r"shanked|sniped|lit up(?! (with|in|for|like)\b)|"
    r"dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right))|"
    r"dead in a ditch|snuffed|bashed in)"
    r"|(were|was)( all)? (eradicated|exterminated|wiped out|gassed|lynched|executed|slaughtered)"
    # a wish that a unit or its people be destroyed ("the whole gang unit needs to be wiped
    # out"; not "eliminated", which budgets do to units)
    r"|(needs?|ought|deserves?) to be (all )?(wiped out|exterminated|eradicated|put down|"
    r"wiped off the (map|earth|face of the earth))"
    r"|(had|have|get|got|getting) (their|his|her|your) throats? (cut|slit)"
    r"|catch(es|ing)? (a|one|some|the|a few|two|three) (bullet|bullets|round|rounds|slug|"
    r"hot one|stray|blade|hollow points?)"
    r"|(a|the) ((slow|painful|violent|horrible|brutal|agonizing|gruesome|bloody) ?(and )?)+death"
    r"|(in|into) the ground|six feet under|"
    r"in (a|the) (coffin|casket|body bag|ditch|grave|morgue|pine box)|in body bags"
    r"|off (the|a) (road|bridge|cliff|overpass)"
    r"|set (on fire|ablaze|alight)"
    r"|up in flames|burn(s|ed|t)? (down|to the ground)"
    r"|with (them|him|her|you|y'all|yall|the [a-z]+) (still )?(in|inside) (it|there)"
    r")\b"
)
# The screen: a frame can only match when one of these words is in the comment, or one word of
# each set of a pair ("set … on fire", "off the road"). Everyday words a harm phrase may also
# use ("take", "put", "end", "run", "gun") are left out so that most comments skip the frames.
_FRAME_STEMS = wordset(
    "kill murder shoot stab strangle choke lynch ambush snipe execute torch firebomb stomp beat "
    "jump merk whack shank behead bash snuff"
)
_FRAME_WORDS = frozenset(
    {w + suffix for w in _FRAME_STEMS for suffix in ("", "s", "es", "ed", "d", "ing")}
    | wordset(
        "shot bury buried hang hangs hung hanged beaten popped capped smoked whacked gunned strung "
        "bodied sniped blasted burn burns burned burnt dead death ground feet coffin casket "
        "ditch grave morgue flames bullet bullets slug blade hollow gut eradicated exterminated "
        "wiped gassed slaughtered throat throats"
    )
)
_FRAME_PAIRS = (
    (wordset("set lit light"), wordset("fire ablaze alight")),
    (wordset("catch catches catching"), wordset("round rounds stray")),
    (wordset("put"), wordset("down")),
    (wordset("off"), wordset("road bridge cliff overpass")),
    (wordset("run runs"), wordset("over down")),
    (wordset("gun guns"), wordset("down")),
    (wordset("lit"), wordset("up")),
)


def may_frame(words: set[str] | list[str]) -> bool:
    """Whether a threat frame could match a comment with these words."""
    if not _FRAME_WORDS.isdisjoint(words):
        return True
    return any(not a.isdisjoint(words) and not b.isdisjoint(words) for a, b in _FRAME_PAIRS)


_FRAME_TARGETS = re.compile(
    r"\b(you|u|ya|y'all|yall|your|ur|yours|him|her|them|his|their|'em|" + _OFFICIALS[1:-1] + r"|"
    r"[a-z]+'s (house|home|car|truck|family|kids|wife|husband|daughter|son)|"
    r"station|precinct|substation|courthouse|city hall|headquarters|hq|cruisers?|patrol cars?|"
    r"(the|that|this|your|their|whole)( [a-z]+)? (unit|squad|task force|swat team|department)|"
    r"squad cars?|" + PEOPLE + r"|"
    # someone at an agency's place ("somebody at that impound lot")
    r"(somebody|someone|anybody|anyone|everybody|everyone) (at|from|in|down at) (that|the|this) "
    r"([a-z]+ )?(lot|office|station|department|precinct|hall|courthouse|jail|dmv|desk|shop))\b"
)
# a wish, demand or menace: enough for harm that merely befalls someone ("get shot")
_FRAME_WISH = wordset(
    "hope hoping wish wishing pray praying may should shoulda oughta ought deserve deserves "
    "deserved better let's lets someday"
)
_FRAME_WISH_PHRASES = re.compile(
    r"\b(needs? to|one of these (days|nights)|one day|matter of time|sooner or later|if only|"
    r"better off if|at my hands|"
    r"can't wait (till|until|for)|cant wait (till|until|for))\b"
)
# intent or forecast: enough for harm someone does ("I'll bury you", "gonna kill every cop")
_FRAME_MODAL = _FRAME_WISH | wordset(
    "will i'll we'll you'll he'll she'll they'll it'll ill youll gonna finna gon imma ima soon "
    "need unless else gotta"
)
_FRAME_MODAL_PHRASES = re.compile(
    # (not "as if they'd pulled a trigger": a comparison)
    r"\b(going to|about to|one of these (days|nights)|one day|matter of time|(?<!as )(?<!even )if (you|u|he|she|"
    r"they|y'all|yall|that|this|i|we|the)|(and|then) (watch|see)|keep (it|this|that) up|"
    r"one more time|next time|i'm|im|we're|"
    # a call ("it's time to … shoot the police"), people made ready ("waiting to ambush them")
    r"(high |about )?time to|(waiting|ready|lined up|standing by) to)\b"
)
_FRAME_BLOCK = wordset(
    "suspect suspects accused allegedly alleged threatened threatening threatens charged arrested "
    "convicted sentenced defendant reportedly according victim victims recover recovers "
    "recovery recovering prayers condolences rip heal healing nobody noone not don't dont "
    "doesn't didn't never wasn't isn't aren't won't wont can't cant shouldn't wouldn't "
    "none game games movie movies show season episode character characters zombie zombies "
    "penalty prison jail"
)
_WHO = wordset("who whoever that which")
_NO_ONE = re.compile(r"\bno one\b|\bno (officer|deputy|cop|child|kid|person)\b")
_QUESTION_START = wordset("is was did does do are were will how what why who when where can")


def _frame_sentence(
    n: Normalized, first: int, end: int, *, passive: bool, dealt: bool = False
) -> bool:
    """Whether the sentence of words ``first..end`` may be read as a threat frame (harm that
    merely befalls someone, ``passive``, needs a wish or menace; harm done, intent will do)."""
    words = n.words[first:end]
    if _QUESTION_START.intersection(words[:1]) or not _FRAME_BLOCK.isdisjoint(words):
        return False
    text = " ".join(words)
    if _NO_ONE.search(text):
        return False
    start, stop = n.span(first)[0], n.span(end - 1)[1]
    tail = n.original[stop : stop + 4]
    if "?" in tail or "?" in n.original[start:stop]:
        return False
    if not _FRAME_TARGETS.search(text):
        return False
    if passive:  # (or harm someone deals, after a grievance repeated: "tow my car one more
        # time and you catching a bullet"; not "drive drunk again and you'll end up dead")
        return (
            not _FRAME_WISH.isdisjoint(words)
            or bool(_FRAME_WISH_PHRASES.search(text))
            or (dealt and bool(_REPEATED.search(text)) and not _HEDGED.search(text))
        )
    return not _FRAME_MODAL.isdisjoint(words) or bool(_FRAME_MODAL_PHRASES.search(text))


def detect_threat_frames(n: Normalized) -> Hit:
    """Harm, aimed at a person, said as intent, wish or demand, within one sentence."""
    hit = Hit()
    if not may_frame(n.words):
        return hit
    text = n.clean
    seen: set[tuple[int, int]] = set()
    for m in _FRAME_HARM.finditer(text):
        i = n.word_at_clean(m.start())
        if n.sentence(i) != n.sentence(n.word_at_clean(m.end() - 1)):
            continue  # "… homelessness would end. You are …" is no harm done to anyone
        bounds = n.sentence_bounds(i, limit=30)
        passive = m.group("passive") is not None
        if not passive and i == bounds[0] and n.words[i].endswith("ing"):
            continue  # "Shooting a deputy should be a capital crime": the harm is the topic
        if not passive and i > bounds[0] and n.words[i].endswith("ed") and n.words[i - 1] in _WHO:
            continue  # "I hope they find who killed him": a past act, not a wish
        if (bounds, passive) in seen:
            continue
        seen.add((bounds, passive))
        span = n.span_of_clean(m.start(), m.end())
        dealt = passive and _DEALT.search(m.group(0)) is not None
        if _frame_sentence(n, *bounds, passive=passive, dealt=dealt) and not (
            _retold(n, m) or _threat_named(n, m) or quoted(n, span[0])
        ):
            hit.add(0.85, span)
            if hit.full:
                break
    return hit


# What follows a "harm" that is done to a thing: "going to kill the deputies' morale", "kill
# the budget", "shoot the breeze"
_NOT_A_PERSON = re.compile(
    # (the words between are the harmed thing's modifiers, never a new clause's subject: "clap
    # every fed I see downtown" harms the feds, not downtown)
    r"( (?!(i|we|you|he|she|they|i'm|we're)\b)[a-z']+){0,2}'?s? "
    r"(morale|careers?|attention(?! (hoes?|whores?|seekers?))|chances|reputation|budget|economy|business(es)?|"
    r"plans?|proposals?|bills?|ordinance|vibe|mood|buzz|game|competition|election|race|votes?|"
    r"joke|deal|idea|project|program|polic(y|ies)|breeze|lights|engine|motion|messenger|"
    r"momentum|deadline|traffic|downtown|tourism|property values|fireworks?|hoops|pool|photos?|"
    r"pictures?|pics|footage|video|film|scene|ball|puck|rapids|breeze|beliefs?|feelings?|pride|"
    r"ribbon|cake|grass|lawn|hair|hedges?|checks?|cheques?|losses|spending|costs?|taxes|funding|"
    r"slack|corners|tape|cords?|"
    r"ego|articles?|edits?|threads?|posts?|mustard|conversation|discussion|debate|argument|weeds|"
    r"bugs|pests|mosquito(e)?s|germs|flies|beat|beats|track|song|solo|verse|exam|test|interview|"
    r"workout|presentation|karaoke|dance floor|burgers?|cheeseburgers?|pizzas?|beers?|coffees?|"
    r"sandwich(es)?|tacos?|steaks?|drinks?|naps?|snacks?|meals?|donuts?|wings|nachos|fries|"
    r"shots? of|flags?|banners?|signs?|posters?|wreaths?|decorations|ornaments|plaques?|artwork|"
    r"curtains|suspension|alignment|transmission|battery|batteries|brakes|rims|axle|"
    # drugs ("kids shoot up heroin behind the library")
    r"heroin|meth|dope|drugs|fentanyl|fent|smack|needles?)\b"
)


# The learned threat model reads a comment of at least MODEL_MIN_WORDS words whole, within its
# first MODEL_WORDS words, and each sentence of at least MODEL_SENTENCE_WORDS words alone: a
# shorter sentence is too little for a bag of words ("See ya soon", "Better I hope" weigh as
# much as a threat once the rest of the message is gone).
MODEL_WORDS = 400
MODEL_MIN_WORDS = 3
MODEL_SENTENCE_WORDS = 5
MODEL_RUN_WORDS = 30  # a longer run of words without a sentence break is read this many at a time
# Sentences are read alone only when the whole comment reaches this probability: finding
# sentence breaks means locating every word, and below it the sentences of 8 of 476 comments
# flagged on the tune side and the 20,000-comment mix would have reached the threshold, while
# it spares two thirds of the comments the model reads.
MODEL_SENTENCES_FROM = 0.2


def model_sentences(n: Normalized, gate: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """The word bounds [first, end) of the sentences the threat model reads on their own: those
    of at least ``MODEL_SENTENCE_WORDS`` words within the first ``MODEL_WORDS`` (a longer run
    without a sentence break is read ``MODEL_RUN_WORDS`` words at a time), holding a ``gate``
    word when one is given. A threat said in one sentence of a long comment is not diluted by
    the rest of it."""
    words = n.words[:MODEL_WORDS]
    found: list[tuple[int, int]] = []
    if len(words) <= MODEL_RUN_WORDS and n.one_sentence():  # most comments: no word located
        if len(words) >= MODEL_SENTENCE_WORDS and (gate is None or not gate.isdisjoint(words)):
            found.append((0, len(words)))
        return found
    numbers = n.sentence_numbers(len(words))
    first = 0
    while first < len(words):
        sentence = numbers[first]
        end = first + 1
        while end < len(words) and end - first < MODEL_RUN_WORDS and numbers[end] == sentence:
            end += 1
        if end - first >= MODEL_SENTENCE_WORDS and (
            gate is None or not gate.isdisjoint(words[first:end])
        ):
            found.append((first, end))
        first = end
    return found


# "dead" that harms no one: "dead wrong", "dead serious"
_DEAD_ADVERB = wordset(
    "wrong serious tired set last center centre silent asleep ringer giveaway on"
)
# a consequence at law: "you won't be going home tonight, you'll be going to jail"
_AT_LAW = wordset(
    "jail prison arrested arrest ticket tickets citation fined court sued lawsuit fired "
    "impeached recalled warrant warrants lawyer attorney subpoena rights"
)


# a harm whose object the writer names at the end as a thing: "burn them in the fire pit, the
# leaves I mean"
_MEANT_THING = re.compile(r"\b(the|those|these|that|this|my|our) ([a-z']+ )?[a-z']+ i mean$")
_MEANT_PERSON = re.compile(r"\b(" + PEOPLE + r") i mean$")
# "fire" as dismissal: "fire the chief and every one of his cronies" (not "open fire on")
_DISMISSAL = re.compile(
    r"(?<!open )(?<!opened )\b(fire|fired|firing) (him|her|them|the|that|this|those|these|every|"
    r"all|his|their)\b|"
    # removed by voters or by law: "every judge who signs those orders should be voted out"
    r"\b(be|get|got|gets|being) (voted out|recalled|impeached|disbarred|removed from (office|the "
    r"bench)|unseated|defeated|primaried)\b"
)

# a worry for passers-by: "someone's gonna end up in the hospital at that corner", "kids are
# going to get hurt crossing there" (a complaint about a road, not a threat)
_WORRY = re.compile(
    r"\b(someone|somebody|someone's|somebody's|a kid|kids|people|a child|children|pedestrians|"
    r"a pedestrian|drivers|a driver)( is| are)? (gonna|going to|will|'ll|is gonna|is going to|"
    r"are gonna|are going to) (get|end up|be|wind up) (hurt|killed|hit|run over|in the hospital|"
    r"in a wheelchair|seriously hurt|badly hurt)\b"
)
# the power going out, the weather or thieves, which the model's "dark", "sleep" or "break"
# would read as menace: "one of these nights that substation is going to fail again and the
# whole block will be dark", "you'd better sleep light tonight, the storm sirens will go off",
# "your car windows are easy to break if you leave a laptop in sight"
_OUTAGE_OR_WEATHER = re.compile(
    r"\b(substation|transformer|outage|outages|power|grid|streetlights?|electricity|blackout|"
    r"generator|utility|utilities|storms?|sirens?|tornado|thunder|hurricane)\b"
)
# advice against thieves, read even beside a harm word: "your car windows are easy to break if
# you leave a laptop in sight, lock it up"
_PRECAUTION = re.compile(
    r"\b(laptops?|valuables|in (plain )?(sight|view)|break-ins?|burglar(y|ies)|lock (it|them) up|"
    r"lock (your|the) (car|cars|truck|vehicle)|out of sight)\b"
)


def model_may_read(n: Normalized, first: int, end: int) -> bool:
    """Whether the learned model may read the sentence of words ``first``..``end`` as a threat:
    the guards the rules keep, said once for a sentence. It reports no one else's words or
    deeds, consoles no one and is not quoted; no harm in it is denied ("I'm not going to kill
    you"), done to a thing ("hang all these pictures", "burn them in the fire pit, the leaves"),
    already done by someone sought ("find whoever killed him") or an adverb ("dead wrong"); no
    one is fired from a job ("fire the chief and his cronies"); and a sentence without a harm
    word that ends at law ("… you'll be going to jail") is no threat of violence."""
    sentence = " ".join(n.words[first:end])
    if (
        _REPORTED.search(sentence)
        or _RETELLING.search(sentence)
        or _CONSOLING.search(sentence)
        or quoted(n, n.span(first)[0])
        or _quotes_discussed(n, first, end)
        or (_MEANT_THING.search(sentence) and not _MEANT_PERSON.search(sentence))
        or _DISMISSAL.search(sentence)
        or _WORRY.search(sentence)
        or _PRECAUTION.search(sentence)
        or RISK_WARNING.search(sentence)
    ):
        return False
    words, text = n.words, n.clean
    harmed = False
    for i in range(first, end):
        word = words[i]
        if word not in THREAT_WORDS:
            continue
        harmed = True
        before = words[max(first, i - 3) : i]
        after = words[i + 1] if i + 1 < end else ""
        if (
            _negated(before)
            or (before and before[-1] in _WHO and word.endswith("ed"))
            or (word == "dead" and after in _DEAD_ADVERB)
            or _NOT_A_PERSON.match(text, n.clean_start(i) + len(word))
        ):
            return False
    if not harmed and _OUTAGE_OR_WEATHER.search(sentence):
        return False  # (a harm word beside the power, "cut the power and burn it", still counts)
    return harmed or _AT_LAW.isdisjoint(words[first:end])


def _quotes_discussed(n: Normalized, first: int, end: int) -> bool:
    """Whether the sentence of words ``first``..``end`` holds a quotation it talks about
    ('Would "your house would look nice on fire" count as a threat?')."""
    start, stop = n.span(first)[0], n.span(end - 1)[1]
    opened = [i for i in (n.original.find(q, start, stop) for q in QUOTES) if i >= 0]
    return bool(opened) and quoted(n, min(opened) + 1)


def _sentence_of(n: Normalized, position: int) -> str:
    """The clean words of the sentence that holds ``clean[position]``."""
    first, end = n.sentence_bounds(n.word_at_clean(position), limit=30)
    return " ".join(n.words[first:end])


def _retold(n: Normalized, m: re.Match[str]) -> bool:
    """Whether a match is someone else's threat retold ("he said he was gonna shoot them")."""
    first, _ = n.sentence_bounds(n.word_at_clean(m.start()), limit=30)
    before = " ".join(n.words[first : n.word_at_clean(m.start())])
    harm = re.search(HARM, m.group(0))
    lead = before + " " + m.group(0)[: harm.start()] if harm else before
    return bool(_RETELLING.search(before)) and bool(_RETOLD_SUBJECT.search(lead.strip() + " "))


_THREAT_NAMED = re.compile(
    r"(?<!\bi )(?<!\bwe )\b(threaten|threatens|threatened|threatening|threats?)( (again|ever))? to$"
)


def _threat_named(n: Normalized, m: re.Match[str]) -> bool:
    """Whether the harm is named as a threat someone else makes ("You threaten to kill a police
    officer, there will be a response", "threats to shoot deputies are a felony"): talk about
    threats, not one (a writer's own "I threaten to …" is still read)."""
    at = n.word_at_clean(m.start())
    first, _ = n.sentence_bounds(at, limit=30)
    return bool(_THREAT_NAMED.search(" ".join(n.words[max(first, at - 4) : at])))


# a sentence whose subject is no one: "No officer deserves to die", "nobody should get hurt"
_NO_SUBJECT = wordset("no nobody noone none neither")
_CLAUSE_JOINS = wordset("and but so or then because")


def _no_subject(n: Normalized, position: int) -> bool:
    """Whether the sentence that holds ``clean[position]`` begins with no one as its subject
    ("No officer deserves to die"; "No, you deserve to die" answers no)."""
    at = n.word_at_clean(position)
    first, _ = n.sentence_bounds(at, limit=30)
    if first >= len(n.words) or n.words[first] not in _NO_SUBJECT:
        return False
    after = n.original[n.span(first)[1] : n.span(at)[0]]
    # "No half-breed has any right to speak, and should be killed": a second clause has its
    # own subject
    return not after.lstrip(" ").startswith((",", "!", ".", "-", ";", ":")) and not (
        "," in after or _CLAUSE_JOINS.intersection(n.words[first:at])
    )


def _echoed(n: Normalized, m: re.Match[str]) -> bool:
    """Whether a match is a sentence of its own asked back ("Go die? No, I said go outside")."""
    start, end = n.span_of_clean(m.start(), m.end())
    first, _ = n.sentence_bounds(n.word_at_clean(m.start()), limit=30)
    return n.original[end : end + 1] == "?" and n.span(first)[0] == start


def _opens_sentence(n: Normalized, position: int) -> bool:
    """Whether the word at ``clean[position]`` is the first of its sentence."""
    at = n.word_at_clean(position)
    return n.sentence_bounds(at, limit=30)[0] == at


# a question about what happened: "Did someone torch their cars last night?"
_PAST_QUESTION = wordset("did was were has have had")


def _asked_about(n: Normalized, m: re.Match[str]) -> bool:
    """Whether a match sits in a question about what happened ("Did someone torch their cars
    last night?", "Was the station burned down?")."""
    if "?" not in n.original:
        return False
    first, end = n.sentence_bounds(n.word_at_clean(m.start()), limit=30)
    if n.words[first] not in _PAST_QUESTION:
        return False
    return "?" in n.original[n.span(end - 1)[1] : n.span(end - 1)[1] + 3]


_NEGATIONS = wordset(
    "not never dont don't wont won't cannot can't cant wouldn't wouldnt shouldn't shouldnt no"
)
_UNAFRAID = wordset("afraid scared hesitate twice")
# "hurt" said of the writer's feelings: "I am deeply hurt that…", "I'm really hurt!"
_FEELING = wordset("am i'm im was were feel felt feeling be been being so really deeply very truly")


def _denied(m: re.Match[str]) -> bool:
    """Whether the harm in a match is denied ("I will never hurt you", "I'm not going to kill
    you", "we don't have to kill him") or is a feeling ("I am deeply hurt that you …")."""
    harm = re.search(HARM, m.group(0))
    if harm is None:
        return False
    before = m.group(0)[: harm.start()].split()
    if not _NEGATIONS.isdisjoint(before[-3:]):
        return _negated(before)
    return harm.group(0).startswith("hurt") and bool(before) and before[-1] in _FEELING


def _negated(before: list[str]) -> bool:
    """Whether a negation in the three words before a harm denies it ("I will never hurt you";
    "I'm not afraid to slit your throat", "I won't hesitate to shoot" deny nothing)."""
    last = before[-3:]
    return not _NEGATIONS.isdisjoint(last) and _UNAFRAID.isdisjoint(last)


def _read_again(words: list[str], spans: list[tuple[int, int]], hit: Hit) -> None:
    """Run the rules on words rewritten from the comment (spaced-out letters joined, masked
    verbs spelled out); where one matches, the rewritten words' ``spans`` are the evidence."""
    text = " ".join(words)
    if any(pattern.search(text) for pattern in threat_candidates(set(words))):
        for span in spans:
            hit.add(0.9, span)


def _not_made_here(text: str) -> bool:
    """A window the menace and outcome readers skip: a consolation, a report, or a warning of the
    reader's own risk (see ``threat_guards``)."""
    return bool(_CONSOLING.search(text) or _REPORTED.search(text) or RISK_WARNING.search(text))


def detect_threat(n: Normalized, rules: list[re.Pattern[str]] | None = None) -> Hit:
    hit = Hit()
    text = n.clean
    if not text:
        return hit
    if rules is None:
        rules = threat_candidates({t.text for t in n.tokens})
    for pattern in rules:
        for m in pattern.finditer(text):
            sentence = _sentence_of(n, m.start())
            if (
                _NOT_A_PERSON.match(text, m.end())
                or _CONSOLING.search(sentence)
                or _REPORTED.search(sentence)
                or RISK_WARNING.search(sentence)
                or _retold(n, m)
                or _threat_named(n, m)
                or _denied(m)
                or _no_subject(n, m.start())
                or quoted(n, n.span_of_clean(m.start(), m.end())[0])
                or (m.groupdict().get("asks") is None and _echoed(n, m))
                or _asked_about(n, m)
                or (m.groupdict().get("opens") is not None and not _opens_sentence(n, m.start()))
            ):
                continue
            hit.add(0.9, n.span_of_clean(m.start(), m.end()))
            if hit.full:
                return hit
    if not hit.evidence and may_frame(n.words):
        frames = detect_threat_frames(n)
        if frames.evidence:
            return frames
    if not hit.evidence:
        incitement = detect_incitement(n)
        if incitement.evidence:
            return incitement
    if not hit.evidence:
        menace = detect_menace(n, skip=_not_made_here)
        if menace.evidence:
            return menace
        outcome = detect_harm_outcome(n, skip=_not_made_here)
        if outcome.evidence:
            return outcome
        if WEAPON_EMOJI.search(n.original) and not _CONSOLING.search(n.clean):
            pictured = detect_emoji_menace(n)
            if pictured.evidence:
                return pictured
    joined = n.joined
    if not hit.evidence and joined and threat_candidates(set(n.words) | {t.text for t in joined}):
        # "i will k i l l you": read again with spaced-out words joined
        words = words_of(
            SPACED.sub(lambda m: "".join(c for c in m.group(0) if c.isalnum()), n.folded)
        )
        _read_again(words, [(tok.start, tok.end) for tok in joined], hit)
    spelled = unmasked(n.words) if not hit.evidence and ("*" in text or "#" in text) else None
    if spelled:
        # "gonna m*rder the next meter maid": read again with the masked verbs spelled out
        masked = [(t.start, t.end) for t in n.tokens if "*" in t.text or "#" in t.text]
        _read_again(spelled, masked, hit)
    return hit
