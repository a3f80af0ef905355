"""Shared detector types and the obscenity and personal-attack detectors. Each detector
reads a :class:`Normalized` comment and returns a score in [0, 1] with the exact words that
triggered it (threats, personal information and spam have modules of their own). They
describe form, never opinion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from page_governor.models import Target
from page_governor.moderation.insult_aim import (
    PERSON_NOUNS,
    PERSON_REFS,
    SECOND_PERSON,
    THING_AFTER_ADJECTIVE,
    THING_PLURALS,
    crime_doer_subject,
    excuse_for_a_thing,
    names_a_thing,
    predicated_of_a_thing,
    private_subject,
    said_of_a_person,
    without_possessive,
)
from page_governor.moderation.insult_shapes import insult_shapes
from page_governor.moderation.lexicon import Lexicon, phrase_possible, word_runs
from page_governor.moderation.normalize import (
    STRETCHED,
    Normalized,
    collapse_repeats,
    mask_matches,
    normalize,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What is known about where a comment was posted."""

    is_reply_to_commenter: bool = False  # a reply to another visitor, not to the page
    top_level_on_agency_page: bool = False  # a comment directly on the agency's post
    agency_phones: frozenset[str] = frozenset()  # digits only
    agency_emails: frozenset[str] = frozenset()  # lower case
    post_text: str = ""  # the post the comment answers (the thread's subject)
    parent_text: str = ""  # the comment it replies to, if any
    off_topic_rule: bool = False  # the page's published policy names off-topic comments


NO_CONTEXT = Context()


MAX_EVIDENCE = 12  # spans kept per category: enough to explain, bounded for huge comments


@dataclass(slots=True)
class Hit:
    score: float = 0.0
    evidence: list[tuple[int, int]] = field(default_factory=list)  # original spans
    target: Target | None = None
    by_model: bool = False  # the flag rests on a learned model's verdict, not on a rule
    by_encoder: bool = False  # ... and that model is the contextual threat reader
    # spam only: the score is plain links and nothing else (no term, shortener, odd domain,
    # repetition, money or lure): residents citing the news or the city's site
    links_only: bool = False

    def add(self, score: float, span: tuple[int, int]) -> None:
        self.score = max(self.score, score)
        if len(self.evidence) < MAX_EVIDENCE and span[1] > span[0] and span not in self.evidence:
            self.evidence.append(span)

    @property
    def full(self) -> bool:
        """Nothing more to learn: the score is at its maximum and evidence is complete."""
        return len(self.evidence) >= MAX_EVIDENCE


# -- obscenity ------------------------------------------------------------------------------

_SUFFIXES = ("ing", "in", "ers", "er", "ed", "s", "es", "y")


def _obscene_form(word: str, lex: Lexicon, *, stretched: bool = True) -> str | None:
    """The lexicon form a word spells, trying its de-stretched, de-hyphenated and masked
    forms; None when it is not obscene. ``stretched=False`` says the comment has no letter
    three times in a row (so no word needs de-stretching)."""
    if word in lex.obscene_words:
        return word
    if len(word) < 3:
        return None
    roots = lex.obscene_roots
    if (
        word.isalpha()
        and not (roots and (word.startswith(roots) or word.endswith(roots)))
        and (not stretched or len(word) < 4 or not STRETCHED.search(word))
    ):
        return None  # the common case: an ordinary word
    forms = [word]
    if len(word) > 3 and STRETCHED.search(word):
        forms += collapse_repeats(word)
    if "-" in word:
        forms.append(word.replace("-", ""))
    for form in forms:
        if form in lex.obscene_words or (
            roots and (form.startswith(roots) or form.endswith(roots))
        ):
            return form
    if not _MASK.search(word):
        return None
    masked = mask_matches(word, lex.obscene_by_len)
    if masked:
        return masked
    for suffix in ("", *_SUFFIXES):  # "f***ing", "b*tches"
        stem = word[: -len(suffix)] if suffix else word
        if suffix and (not word.endswith(suffix) or len(word) <= len(suffix) + 2):
            continue
        if suffix:
            masked = mask_matches(stem, lex.obscene_by_len)
            if masked:
                return masked
        for root in roots or ():  # "clusterf**k", "sh*tshow": a strong root, masked, in a word
            if len(stem) > len(root) + 2:
                for part in (stem[-len(root) :], stem[: len(root)]):
                    if (
                        part[0].isalpha()
                        and part[-1].isalpha()  # "graphic***": decoration, not a masked root
                        and mask_matches(part, {len(root): (root,)}) == root
                    ):
                        return root
    return None


# Obscenity spelled by sound rather than by letters ("phuck", "fuk", "sheeit", "schitt",
# "bullsht", "biatch", "mutha fukka"; "f-ing" as a word): patterns over one word, written so that real words with the same letters
# stay out ("fox", "sheet", "shied", "beach", "beech", "fake").
SOUND_OBSCENE = re.compile(
    r"(?:f|ph)(?:u+|uh|oo)(?:c?k+|q+|kk|cc|x)(?:ing|in|n|er|ers|ed|a|ah|ka|kka|kah|king|kin|s|en|z)?"
    r"|(?:f|ph)c?k(?:ing|in|n|ed|er|ers)?"
    r"|(?:f|ph)(?:u+|uh)c(?:ing|in|ed|er)"
    r"|s(?:h|ch)(?:i+e+|e+i+|ee+i+|y+|ii+)t+(?:e|y|ty|ting|ter|s|z)?"
    r"|bull-?s(?:h|k)(?:ee|ie|ei|ii|y)+t|bull-?sht|bull-?shi(?:z|zz|tz)"
    r"|sch+i+t+(?:e|y|ty|s|z)?"
    r"|b(?:ia|io|eo|ya|yo|eya|eeya|iy?a)t?ch(?:es|ez|in|ing|y)?"
    r"|m(?:u|o)th(?:a|er|ah|uh)(?:f|ph)(?:u|o)?(?:c|k|ck|kk|q)+(?:a|ah|er|ka|kka|in|ing|as|ers)?"
    r"|azz(?:h(?:o|0)l(?:e|es|z))?"
)
SOUND_SCREEN = re.compile(
    # each branch is r"\b" and a letter, written as the letter and a look behind it, so that
    # the engine skips to one of the letters instead of trying every position
    r"p(?<!\wp)h(?:u|c?k\b|ck)|f(?<!\wf)(?:u|c?k\b|ck)|s(?<!\ws)c?h(?:ee?i|ie|y|ii)|s(?<!\ws)chi"
    r"|f(?<!\wf)['-](?:ing|in|en|ed)\b"
    r"|b(?<!\wb)(?:ull|ia|io|eo|ey?a|ya|yo|iya)|m(?<!\wm)[uo]th|e(?<!\we)ff\b|a(?<!\wa)zz(?:\b|h)"
)
_SOUND_INITIALS = frozenset("fpsbmea")
_EFF_OBJECTS = frozenset(
    {"you", "u", "ya", "off", "this", "that", "them", "him", "her", "it", "the"}
)


def sound_obscene(words: list[str], i: int) -> bool:
    """Is ``words[i]`` an obscenity spelled by its sound?"""
    word = words[i]
    if word[:1] not in _SOUND_INITIALS:
        return False
    if word in ("f-ing", "f-in", "f'ing", "f'in", "f-en", "f-ed"):
        return True
    if word in ("eff", "effing", "effin"):
        return word != "eff" or (i + 1 < len(words) and words[i + 1] in _EFF_OBJECTS)
    return len(word) > 2 and SOUND_OBSCENE.fullmatch(word) is not None


_TITLES = frozenset(
    {
        "officer",
        "ofc",
        "deputy",
        "sgt",
        "sergeant",
        "lt",
        "lieutenant",
        "captain",
        "capt",
        "chief",
        "sheriff",
        "detective",
        "det",
        "trooper",
        "mr",
        "mrs",
        "ms",
        "dr",
        "mayor",
        "councilman",
        "councilwoman",
        "commissioner",
        "judge",
    }
)
_MASK = re.compile(r"[*#%_]")


# the f-word with its letters dashed out: "F— you", "f--- off", "f—ing" (the dashes are word
# breaks to every other reading, so the mask is read on the words as written)
_AFTER_F = r"(?=\s*(?:you|u|off|yourself|ing|in'?|ed|er|ers|ery)\b)"
_DASHED_F = re.compile(r"(?<![\w-])[fF](?:-{2,}|[—–]+-*)" + _AFTER_F)
# the same on folded text (dashes folded to "-"), for the classifier's screen: a superset
DASHED_F_SCREEN = re.compile(r"(?<![\w-])f-+" + _AFTER_F)


def detect_obscenity(n: Normalized, lex: Lexicon) -> Hit:
    hit = Hit()
    if ("--" in n.original or "—" in n.original or "–" in n.original) and (
        m := _DASHED_F.search(n.original)
    ):
        hit.add(0.9, (m.start(), m.end()))
    stretched = STRETCHED.search(n.folded) is not None
    by_sound = SOUND_SCREEN.search(n.clean) is not None
    for i, word in enumerate(n.words):
        form = _obscene_form(word, lex, stretched=stretched)
        if form is None:
            if by_sound and sound_obscene(n.words, i) and not n.capitalised(i):
                hit.add(0.85, n.span(i))
            continue
        if (form in lex.name_like or form != word) and n.capitalised(i):
            continue  # "Officer Dick Smith", "Dick Sussex", "Officer Shitaki": a name
        if i > 0 and n.words[i - 1] in _TITLES and n.capitalised(i):
            continue  # a capitalised word after a title is a name
        hit.add(0.9, n.span(i))
        if hit.full:
            return hit
    for tok in n.joined:
        if _obscene_form(tok.text, lex):
            hit.add(0.9, (tok.start, tok.end))
    if lex.obscene_phrases is not None:
        for m in lex.obscene_phrases.finditer(n.clean):
            hit.add(0.9, n.span_of_clean(m.start(), m.end()))
            if hit.full:
                break
    return hit


# -- personal attacks --------------------------------------------------------------------

SUPPORTER_INSULTS = frozenset({"bootlicker", "bootlickers", "bootlicking", "boot licker"})
# Political groups and movements: name-calling aimed at them is political speech, not an
# attack on a private person ("liberals are such jackasses", "antifa scum").
POLITICAL_GROUPS = frozenset(
    {
        "liberals", "liberal", "libs", "lib", "conservatives", "conservative", "democrats",
        "democrat", "dems", "republicans", "republican", "gop", "leftists", "leftist", "lefties",
        "right-wingers", "rightwingers", "left-wingers", "leftwingers", "antifa", "maga", "trumpers",
        "protesters", "protestors", "activists", "socialists", "socialist", "communists",
        "commies", "progressives", "progressive", "blm", "libertarians", "patriots",
    }
)  # fmt: skip
_TITLED_NAME = re.compile(
    r"\b(officer|ofc|chief|sheriff|deputy|sgt|sergeant|lt|lieutenant|captain|capt|detective|det|"
    r"trooper|mayor|commissioner|councilman|councilwoman|councilmember|judge)\.?\s+[A-Z][a-z]+"
)
_MENTION = re.compile(r"(?<!\w)@\w")


class _Sentences:
    """Per-sentence facts the attack detector asks for again and again, computed once."""

    def __init__(self, n: Normalized, lex: Lexicon) -> None:
        self.n = n
        self.lex = lex
        self._bounds: dict[int, tuple[int, int]] = {}
        self._official: dict[tuple[int, int], bool] = {}
        self._private: dict[tuple[int, int], bool] = {}
        self._subject: dict[tuple[int, int], bool] = {}
        self._mentions = "@" in n.original and _MENTION.search(n.original) is not None

    def bounds(self, i: int) -> tuple[int, int]:
        s = self.n.sentence(i)
        cached = self._bounds.get(s)
        if cached is not None and cached[0] <= i < cached[1]:
            return cached
        self._bounds[s] = self.n.sentence_bounds(i)
        return self._bounds[s]

    def official(self, b: tuple[int, int]) -> bool:
        if b not in self._official:
            self._official[b] = self._has_official(b)
        return self._official[b]

    def _has_official(self, bounds: tuple[int, int]) -> bool:
        lex, n = self.lex, self.n
        a, b = bounds
        words = n.words[a:b]
        wordset = {without_possessive(w) for w in words}  # "the mayor's a …"
        if not wordset.isdisjoint(lex.official_terms) or not wordset.isdisjoint(lex.official_slurs):
            return True
        text = n.original[n.span(a)[0] : n.span(b - 1)[1]]
        if _TITLED_NAME.search(text):
            return True
        return bool(
            lex.official_phrases is not None and lex.official_phrases.search(" ".join(words))
        )

    def private_subject(self, b: tuple[int, int]) -> bool:
        """The sentence opens on a private person ("My ex is …", "The neighbor who …")."""
        if b not in self._subject:
            a, end = b
            self._subject[b] = private_subject(
                self.n.words[a : min(end, a + 12)], self.n.capitalised(a)
            )
        return self._subject[b]

    def addresses_private(self, b: tuple[int, int]) -> bool:
        """A named or @-mentioned visitor is addressed ("Derek you're…", "@Sal go away")."""
        if b not in self._private:
            self._private[b] = self._addresses_private(b)
        return self._private[b]

    def _addresses_private(self, bounds: tuple[int, int]) -> bool:
        n, lex = self.n, self.lex
        if self._mentions:
            return True
        a, b = bounds
        if b - a < 2:
            return False
        first, second = n.words[a], n.words[a + 1]
        if n.capitalised(a) and first not in lex.official_terms:
            if second in SECOND_PERSON or second in {"is", "nobody", "go", "get", "shut"}:
                return True
            if n.original[n.span(a)[1] : n.span(a + 1)[0]].strip() == ",":
                return True
        # a name called out a few words in, then "you": "Shut up Dana, you …", "Honestly Mike,
        # you …" (a capitalised word that is no title, a comma, then the second person)
        for i in range(a + 1, min(b - 1, a + 4)):
            if (
                n.capitalised(i)
                and n.words[i] not in lex.official_terms
                and n.words[i + 1] in SECOND_PERSON
                and n.original[n.span(i)[1] : n.span(i + 1)[0]].strip() == ","
            ):
                return True
        return False


def names_official(text: str, lex: Lexicon) -> bool:
    """Does a text name an officer or official ("Officer Dale Reyes", "the sheriff")?"""
    if not text:
        return False
    if _TITLED_NAME.search(text):
        return True
    return not lex.official_terms.isdisjoint(normalize(text[:2000]).words)


def _names_political_group(words: list[str]) -> bool:
    """Does a sentence name a political group or movement ("liberals", "the left", "the far
    right"; not "turn left")?"""
    if not POLITICAL_GROUPS.isdisjoint(words):
        return True
    return any(
        side in ("left", "right") and before in ("the", "far", "alt", "radical")
        for before, side in pairwise(words)
    )


# obscene nouns that are also body parts: after a possessive they name the part
_BODY_NOUNS = frozenset({"dick", "dicks"})
_POSSESSIVES = frozenset({"my", "your", "ur", "his", "her", "their", "our", "yo"})


_EXCUSE_FOR = re.compile(r"excuse for an?$")


@lru_cache(maxsize=8)
def _people(official_terms: frozenset[str]) -> frozenset[str]:
    """Words that name a person: officers' and officials' titles, "guy", "he", "you"."""
    return official_terms | PERSON_NOUNS | PERSON_REFS


def detect_attack(n: Normalized, lex: Lexicon, ctx: Context) -> Hit:
    hit = Hit()
    targets: list[Target] = []
    words = n.words
    attack_words = lex.insult_nouns | lex.contextual_nouns | lex.insult_adjectives
    stretched = STRETCHED.search(n.folded) is not None
    candidates = []
    for i, word in enumerate(words):
        if word in attack_words:
            if word in lex.name_like and n.capitalised(i):
                continue  # "Officer Dick Smith": a name
            if word in _BODY_NOUNS and i and (words[i - 1] in _POSSESSIVES or "'" in words[i - 1]):
                continue  # "your dick", "Dan Brown's dick": the body part, not a person called it
            candidates.append((i, word))
        elif _MASK.search(word):
            form = mask_matches(word, lex.obscene_by_len)  # "Officer Kim is a b*tch"
            if form in attack_words:
                candidates.append((i, form))
        elif stretched and len(word) > 3 and STRETCHED.search(word):
            for form in collapse_repeats(word):
                if form in attack_words:
                    candidates.append((i, form))
                    break
        if len(candidates) >= 4 * MAX_EVIDENCE:
            break  # enough to score and explain; a huge comment need not be read to the end
    phrases = (
        [
            m
            for pattern in (lex.insult_phrases, lex.adjective_phrases)
            if pattern is not None
            for m in pattern.finditer(n.clean)
        ]
        if phrase_possible(word_runs(words), lex.insult_term_runs)
        else []
    )
    shapes = insult_shapes(n, _people(lex.official_terms))
    if not candidates and not phrases and not shapes:
        return hit
    sent = _Sentences(n, lex)

    def record(bounds: tuple[int, int], span: tuple[int, int], word: str, score: float) -> None:
        if crime_doer_subject(words[bounds[0] : bounds[1]]):
            return  # "The shooter who killed two officers was a coward": talk about a crime
        hit.add(score, span)
        if word in SUPPORTER_INSULTS or sent.private_subject(bounds):
            targets.append(Target.PRIVATE)
        elif word in lex.official_slurs or sent.official(bounds):
            targets.append(Target.OFFICIAL)
        elif ctx.is_reply_to_commenter or sent.addresses_private(bounds):
            targets.append(Target.PRIVATE)
        elif _names_political_group(words[bounds[0] : bounds[1]]):
            targets.append(Target.GROUP)
        elif ctx.top_level_on_agency_page and not SECOND_PERSON.isdisjoint(
            words[bounds[0] : bounds[1]]
        ):
            targets.append(Target.OFFICIAL)
        else:
            targets.append(Target.UNKNOWN)

    for i, word in candidates:
        bounds = sent.bounds(i)
        a, b = bounds
        local = words[a:b]
        j = i - a
        if word in lex.insult_nouns:
            if names_a_thing(local, j) or (
                word in lex.insult_adjectives and predicated_of_a_thing(local, j)
            ):
                # "what kind of idiot policy", "a clown show", and an insult that is also an
                # adjective said of a thing, "the plan is spineless" (not "it is, bitch"): a
                # thing, not a person
                continue
            record(bounds, n.span(i), word, 0.85)
        elif word in lex.contextual_nouns:
            if j + 1 < len(local) and local[j + 1] in THING_PLURALS:
                continue  # "the troll comments": said of things
            if said_of_a_person(local, j, lex):
                record(bounds, n.span(i), word, 0.75)
        else:  # an insulting adjective: aimed at a person?
            prev = set(local[max(0, j - 3) : j])
            nxt = local[j + 1] if j + 1 < len(local) else ""
            if nxt in THING_AFTER_ADJECTIVE or predicated_of_a_thing(local, j):
                continue  # "a stupid way to do it", "your curfew is dumb": said of a thing
            if (
                nxt in ("excuse", "excuses")
                and prev.isdisjoint(PERSON_REFS)
                and names_a_thing(local, j)
            ):
                continue  # "a pathetic excuse for a press release" (not "… for a cop")
            if (
                not prev.isdisjoint(PERSON_REFS)
                or nxt in PERSON_NOUNS
                or nxt in lex.official_terms
                or nxt in lex.insult_nouns
                or nxt in lex.contextual_nouns
            ):
                record(bounds, n.span(i), word, 0.7)
        if hit.full:
            break
    for m in phrases[:MAX_EVIDENCE]:
        first = n.word_at_clean(m.start())
        after = n.word_at_clean(m.end() - 1) + 1
        named = words[after] if after < len(words) else ""
        if _EXCUSE_FOR.search(m.group(0)) and excuse_for_a_thing(named):
            continue  # "a sorry excuse for a police department": criticism of the thing
        record(sent.bounds(first), n.span_of_clean(m.start(), m.end()), m.group(0), 0.85)
    for first, end in shapes:
        if hit.full:
            break
        span = (n.span(first)[0], n.span(end - 1)[1])
        record(sent.bounds(first), span, " ".join(words[first:end]), 0.8)
    if hit.evidence:
        if Target.PRIVATE in targets:
            hit.target = Target.PRIVATE
        elif Target.OFFICIAL in targets:
            hit.target = Target.OFFICIAL
        elif Target.GROUP in targets:
            hit.target = Target.GROUP
        else:
            hit.target = Target.UNKNOWN
    return hit
