"""Insults recognised by their shape rather than by their word.

The insult lexicon names the words people use most ("moron", "weasel"), but name-calling is an
open class: "you utter muppet", "a nosy old busybody", "has the charisma of a wet paper bag",
"a useless sack of potatoes" insult a person with nouns no list will hold. What marks them is
the frame around the noun:

- a vocative with an intensifier: "you utter <noun>", "you sad little <noun>", ending its
  clause (so "you complete the form" is not one);
- a character adjective before "little" or "old", said of someone: "is a smug little <noun>",
  "what a bitter old <noun>";
- a person's quality measured against a thing: "has the charisma / IQ / spine of a <noun>";
- "a <…> sack of <noun>" said of someone;
- a person measured against a thing for dullness or looks: "dumber than a box of rocks", "as
  dense as a brick"; and "a walking embarrassment", said of someone;
- officers or officials called a pack of animals: "these cops are nothing but rabid dogs".

Praise wears the same frames ("you absolute legend", "a sweet little old lady"), so words of
praise and of sympathy end a frame. :func:`insult_shapes` returns the word ranges found.
"""

from __future__ import annotations

from page_governor.moderation.insult_aim import (
    DETERMINERS,
    RULED_THINGS,
    THING_NOUNS,
    without_possessive,
)
from page_governor.moderation.normalize import Normalized
from page_governor.moderation.threat_rules import wordset

_VOCATIVE_INTENSIFIERS = wordset(
    "utter absolute complete total massive colossal giant sad silly daft smug nosy petty "
    "bitter hateful nasty sorry lazy miserable spineless gutless brainless clueless"
)
# Adjectives of character, which before "little" or "old" make the noun after them an insult.
_CHARACTER = wordset(
    "smug nosy senile petty bitter hateful nasty spiteful crusty cranky creepy slimy sleazy "
    "greasy oily arrogant pompous entitled twisted miserable pathetic pitiful vile wretched "
    "useless worthless lazy sniveling snivelling whiny whiney power-tripping power-hungry "
    "jumped-up two-faced mean-spirited dim shriveled shrivelled decrepit grubby smarmy snotty "
    "bratty spoiled insufferable obnoxious conceited clueless gutless spineless brainless stupid "
    "dumb ignorant moronic idiotic rude dim-witted"
)
_LITTLE_OLD = wordset("little old")
# Qualities a person is said to have as much of as a thing does.
_QUALITIES = wordset(
    "charisma personality brains brain iq intelligence intellect spine backbone charm wit "
    "judgment judgement compassion empathy warmth manners maturity self-awareness"
)
_QUALITY_PAIRS = {"common": "sense", "emotional": "range", "attention": "span", "people": "skills"}
_HAS = wordset("has have had got")
# What a quality is also measured against in praise ("the charisma of a movie star")
_PRAISED = wordset(
    "star saint lion leader hero champion statesman retriever angel diplomat professional pro "
    "gentleman scholar king queen president legend genius eagle general poet rockstar"
)
# Words that end a frame: praise, sympathy, and what is not a noun.
_NOT_INSULTS = wordset(
    "legend legends star stars hero heroes gem gems angel angels saint saints champ champs "
    "champion sweetheart sweetie darling beauty queen king genius babe rockstar unit madman "
    "madlad lad boss beast icon treasure diamond cutie love dear doll peach sweetpea trooper "
    "stranger pro professional lifesaver delight joy blessing sport buddy pal friend friends "
    "me him her them us it this that these those everything anything something nothing "
    "and or but if so the to for of in on at by from with about as than then too also "
    "not no yes is are was were be been being do does did have has had will would can could "
    "should must may might shall lady ladies man men guy guys boy boys girl girls kid kids "
    "baby babies puppy puppies dog dogs cat cats pup pups kitten kittens"
)
_CLAUSE_END = frozenset(",.;:!?)\n")
_AIM = wordset("is are was were you you're youre ur u ya what such")


def _ends_clause(n: Normalized, i: int) -> bool:
    """Word ``i`` is the last of its clause: punctuation or the end of the comment follows."""
    if i + 1 >= len(n.words):
        return True
    end = n.span(i)[1]
    rest = n.original[end : end + 3].lstrip(" ")
    return not rest or rest[0] in _CLAUSE_END or rest[0] in "'\"”’"


def _noun_like(word: str) -> bool:
    return (
        len(word) > 2
        and word.replace("-", "").isalpha()
        and word not in _NOT_INSULTS
        and word not in DETERMINERS
        and word not in THING_NOUNS
    )


def _aimed(words: list[str], i: int) -> bool:
    """One of the two words before ``i`` says someone is, or is called, what follows."""
    before = words[max(0, i - 2) : i]
    return any(w in _AIM or w.endswith("'s") for w in before)


def _vocative(n: Normalized, i: int) -> tuple[int, int] | None:
    """ "you utter muppet", "you sad little gossip", "you absolute clown shoe" """
    words = n.words
    j = i + 1
    while (
        j < len(words)
        and j - i <= 3
        and (words[j] in _VOCATIVE_INTENSIFIERS or words[j] in _LITTLE_OLD)
    ):
        j += 1
    if j == i + 1 or j >= len(words) or n.capitalised(i + 1):
        return None  # "We pray for you Little Psy": a name
    for last in (j, j + 1):
        if last >= len(words) or not _noun_like(words[last]):
            return None
        if _ends_clause(n, last):
            return i, last + 1
    return None


def _character_little_old(words: list[str], i: int) -> tuple[int, int] | None:
    """ "is a smug little toad", "what a bitter old crank" (``i`` at "little" or "old")"""
    if i < 2 or i + 1 >= len(words) or words[i - 1] not in _CHARACTER:
        return None
    k = i - 1
    while k > 0 and words[k - 1] in _CHARACTER:
        k -= 1
    if k == 0 or words[k - 1] not in ("a", "an", "you", "ya") or not _noun_like(words[i + 1]):
        return None
    if words[k - 1] in ("you", "ya"):
        return k - 1, i + 2
    if k >= 3 and words[k - 2] in ("is", "was") and words[k - 3] in RULED_THINGS:
        return None  # "the mayor's plan is a smug little pat on the back": said of a plan
    if _aimed(words, k - 1):
        return k - 1, i + 2
    return None


_ENDS_A_NOUN_PHRASE = wordset(
    "and or but who that with to in at on for of from about because since when if so"
)


def _person_is_a(words: list[str], i: int, people: frozenset[str]) -> tuple[int, int] | None:
    """ "the bailiff is a lazy oaf", "Sergeant Cole is an arrogant prat": a person, a copula,
    an article, the character adjective at ``i`` and one noun ending the phrase (not "was a
    lazy river guide in college", "is a proud father of three")."""
    if i < 3 or words[i - 1] not in ("a", "an") or words[i - 2] not in ("is", "was"):
        return None
    if i + 1 >= len(words) or not _noun_like(words[i + 1]):
        return None
    if i + 2 < len(words) and words[i + 2] not in _ENDS_A_NOUN_PHRASE:
        return None
    subject = words[max(0, i - 8) : i - 2]  # "the lady who runs the HOA is a miserable …"
    if any(without_possessive(w) in people for w in subject):
        return i - 2, i + 2
    return None


_NOT_A_THING = wordset(
    "the his her their my our your its this that these those ten two three four five six seven "
    "eight nine hundred thousand men women people everyone everybody"
)


def _quality_of_a(words: list[str], i: int) -> tuple[int, int] | None:
    """ "has the charisma of a wet paper bag" (``i`` at the quality)"""
    if i < 2 or words[i - 1] != "the" or words[i - 2] not in _HAS:
        return None
    j = i + 1
    if words[i] in _QUALITY_PAIRS:  # "common sense", "people skills"
        if words[j : j + 1] != [_QUALITY_PAIRS[words[i]]]:
            return None
        j += 1
    # "of a wet paper bag", and with no article, "of wet cardboard" (not "of his father", "of
    # the whole team", "of ten men")
    if words[j : j + 1] != ["of"] or j + 2 > len(words) or words[j + 1] in _NOT_A_THING:
        return None
    end = min(len(words), j + 5)
    if any(w in _PRAISED for w in words[j + 2 : end]):
        return None
    return i - 2, end


# A group of officers or one person called a pack of animals: "these cops are nothing but rabid
# dogs in uniform", "the deputies are a pack of hyenas" (not the K9s: "the dogs are good boys")
_ANIMALS = wordset(
    "dogs animals rats vermin cockroaches roaches snakes hyenas jackals parasites leeches swine "
    "apes maggots mongrels mutts beasts savages"
)
_PACK = wordset("nothing but just a bunch pack herd of more than")
_VILE = wordset("rabid filthy dirty mangy disgusting vile wild feral diseased")
_GROUP_SUBJECTS = wordset(
    "cops officers deputies police troopers they you y'all yall guards jailers detectives "
    "agents feds politicians officials commissioners"
)


def _animals(words: list[str], i: int) -> tuple[int, int] | None:
    """ "these cops are nothing but rabid dogs" (``i`` at the animal)"""
    j = i - 1
    while j >= 0 and words[j] in _VILE:
        j -= 1
    vile = j < i - 1
    k = j
    while j >= 0 and words[j] in _PACK:
        j -= 1
    if not (vile or j < k) or j < 0:
        return None
    if words[j] in ("they're", "you're", "y'all're"):  # "they're nothing but dogs"
        return j, i + 1
    if j < 1 or words[j] not in ("are", "were") or words[j - 1] not in _GROUP_SUBJECTS:
        return None
    return j - 1, i + 1


def _sack_of(words: list[str], i: int) -> tuple[int, int] | None:
    """ "you useless sack of potatoes", "he is a lazy sack of bones" (``i`` at "sack")"""
    if i + 2 >= len(words) or words[i + 1] != "of":
        return None
    for k in range(i - 1, max(-1, i - 4), -1):
        if words[k] in ("a", "an", "you", "ya"):
            if words[k] in ("you", "ya") or _aimed(words, k):
                return k, i + 3
            return None
    return None


# A person measured against a thing for dullness or looks: "dumber than a box of rocks", "as
# thick as two short planks" (said of a person, not of a policy).
_COMPARATIVES = wordset("dumber stupider thicker dimmer denser uglier lazier slower")
_AS_ADJECTIVES = wordset("dumb stupid thick dense dim ugly lazy")
_SUBJECTS = wordset("you you're youre ur u he she he's she's they they're")
_COPULAS = wordset("is are was were you're youre he's she's they're ur")


def _compared(words: list[str], i: int, people: frozenset[str]) -> tuple[int, int] | None:
    """ "that deputy is dumber than a box of rocks", "you're as dense as a brick" (``i`` at
    the adjective)"""
    if words[i] in _COMPARATIVES:
        if words[i + 1 : i + 2] != ["than"]:
            return None
        start, after = i, i + 2
    elif i >= 1 and words[i - 1] == "as" and words[i + 1 : i + 2] == ["as"]:
        start, after = i - 1, i + 2
    else:
        return None
    if after >= len(words) or start < 1 or words[start - 1] not in _COPULAS:
        return None
    subject = words[max(0, start - 5) : start]
    if not any(w in _SUBJECTS or without_possessive(w) in people for w in subject):
        return None
    return max(0, start - 3), min(len(words), after + 4)


# "a walking embarrassment", "a living punchline", said of someone
_WALKING = wordset("walking living breathing")
_WALKING_NOUNS = wordset(
    "embarrassment disaster joke punchline disgrace cliche stereotype lawsuit trainwreck "
    "dumpster catastrophe"
)


def _walking(words: list[str], i: int, people: frozenset[str]) -> tuple[int, int] | None:
    """ "Commissioner Vega is a walking embarrassment" (``i`` at "walking")"""
    if i < 2 or i + 1 >= len(words) or words[i + 1] not in _WALKING_NOUNS:
        return None
    if words[i - 1] not in ("a", "an") or words[i - 2] not in _COPULAS:
        return None
    subject = words[max(0, i - 6) : i - 1]
    if not any(w in _SUBJECTS or without_possessive(w) in people for w in subject):
        return None
    return i - 2, i + 2


_VOCATIVE_WORDS = _VOCATIVE_INTENSIFIERS | _LITTLE_OLD
_OF_WORDS = _QUALITIES | frozenset(_QUALITY_PAIRS) | {"sack"}


def may_shape(words: set[str]) -> bool:
    """Whether :func:`insult_shapes` can find anything in a comment of these words (cheap)."""
    if ("you" in words or "ya" in words) and not words.isdisjoint(_VOCATIVE_WORDS):
        return True
    if not words.isdisjoint(_CHARACTER) and ("a" in words or "an" in words):
        return True  # "is a smug little toad", "is an arrogant prat"
    if not words.isdisjoint(_COMPARATIVES) and "than" in words:
        return True
    if not words.isdisjoint(_AS_ADJECTIVES) and "as" in words:
        return True
    if not words.isdisjoint(_WALKING) and not words.isdisjoint(_WALKING_NOUNS):
        return True
    if not words.isdisjoint(_ANIMALS) and not words.isdisjoint(_GROUP_SUBJECTS):
        return True
    return "of" in words and not words.isdisjoint(_OF_WORDS)


def insult_shapes(n: Normalized, people: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Word ranges [first, end) of the comment's insults that are recognised by their frame;
    ``people`` are the words that name a person (officers' titles, "guy", "he")."""
    words = n.words
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word in ("you", "ya"):
            shape = _vocative(n, i)
        elif word in _LITTLE_OLD:
            shape = _character_little_old(words, i)
        elif word in _CHARACTER:
            shape = _person_is_a(words, i, people)
        elif word in _QUALITIES or word in _QUALITY_PAIRS:
            shape = _quality_of_a(words, i)
        elif word == "sack":
            shape = _sack_of(words, i)
        elif word in _COMPARATIVES or word in _AS_ADJECTIVES:
            shape = _compared(words, i, people)
        elif word in _WALKING:
            shape = _walking(words, i, people)
        elif word in _ANIMALS:
            shape = _animals(words, i)
        else:
            continue
        if shape is not None:
            found.append(shape)
            if len(found) >= 3:
                break
    return found
