"""The five detectors. Each reads a :class:`Normalized` comment and returns a score in [0, 1]
with the exact words that triggered it. They describe form, never opinion."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from page_governor.models import Target
from page_governor.moderation.lexicon import Lexicon
from page_governor.moderation.normalize import Normalized, Token, collapse_repeats, mask_matches


@dataclass(frozen=True, slots=True)
class Context:
    """What is known about where a comment was posted."""

    is_reply_to_commenter: bool = False  # a reply to another visitor, not to the page
    top_level_on_agency_page: bool = False  # a comment directly on the agency's post
    agency_phones: frozenset[str] = frozenset()  # digits only
    agency_emails: frozenset[str] = frozenset()  # lower case


NO_CONTEXT = Context()


@dataclass(slots=True)
class Hit:
    score: float = 0.0
    evidence: list[tuple[int, int]] = field(default_factory=list)  # original spans
    target: Target | None = None

    def add(self, score: float, span: tuple[int, int]) -> None:
        self.score = max(self.score, score)
        if span not in self.evidence and span[1] > span[0]:
            self.evidence.append(span)


# -- obscenity ------------------------------------------------------------------------------

_SUFFIXES = ("ing", "in", "ers", "er", "ed", "s", "es", "y")


def _obscene_form(word: str, lex: Lexicon) -> str | None:
    forms = [word, *collapse_repeats(word)]
    if "-" in word:
        forms.append(word.replace("-", ""))
    for form in forms:
        if form in lex.obscene_words:
            return form
        for root in lex.obscene_roots:
            if len(form) > len(root) and (form.startswith(root) or form.endswith(root)):
                return form
            if form == root:
                return form
    masked = mask_matches(word, lex.obscene_by_len)
    if masked:
        return masked
    for suffix in _SUFFIXES:  # "f***ing", "b*tches"
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            masked = mask_matches(word[: -len(suffix)], lex.obscene_by_len)
            if masked:
                return masked
    return None


def detect_obscenity(n: Normalized, lex: Lexicon) -> Hit:
    hit = Hit()
    for tok in n.tokens:
        form = _obscene_form(tok.text, lex)
        if form is None:
            continue
        if form in lex.name_like and tok.capitalised:
            continue  # "Officer Dick Smith", "Dick Sussex": a name
        hit.add(0.9, (tok.start, tok.end))
    for tok in n.joined:
        if _obscene_form(tok.text, lex):
            hit.add(0.9, (tok.start, tok.end))
    if lex.obscene_phrases is not None:
        for m in lex.obscene_phrases.finditer(n.clean):
            hit.add(0.9, n.span_of_clean(m.start(), m.end()))
    return hit


# -- personal attacks --------------------------------------------------------------------

SECOND_PERSON = frozenset(
    {
        "you",
        "u",
        "ya",
        "ur",
        "your",
        "youre",
        "you're",
        "yall",
        "y'all",
        "ye",
        "yourself",
        "yourselves",
        "tu",
        "usted",
        "ustedes",
    }
)
PERSON_REFS = SECOND_PERSON | frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "he's",
        "she's",
        "they're",
        "hes",
        "shes",
        "theyre",
        "this guy",
        "that guy",
        "whoever",
        "anyone",
        "everyone",
        "people",
        "guys",
        "man",
        "woman",
        "lady",
        "dude",
        "bro",
        "folks",
        "person",
        "bunch",
        "buncha",
        "everybody",
        "somebody",
        "someone",
        "eres",
        "son",
        "es",
    }
)
PREDICATES = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "being",
        "a",
        "an",
        "such",
        "what",
        "like",
        "of",
        "bunch",
        "total",
        "complete",
        "absolute",
        "real",
        "freaking",
        "fucking",
        "damn",
        "eres",
        "es",
        "son",
        "un",
        "una",
    }
)
PERSON_NOUNS = frozenset(
    {
        "people",
        "guy",
        "guys",
        "man",
        "men",
        "woman",
        "women",
        "lady",
        "ladies",
        "person",
        "folks",
        "bunch",
        "crowd",
        "boy",
        "boys",
        "girl",
        "kid",
        "excuse",
        "fans",
        "fan",
        "supporters",
        "commenters",
        "losers",
        "loser",
        "clown",
        "clowns",
        "idiot",
        "idiots",
        "pig",
        "pigs",
        "cow",
        "hag",
        "jerk",
        "animals",
        "animal",
        "trash",
        "scum",
        "thugs",
        "thug",
        "gente",
        "tipo",
        "tipos",
    }
)
_COPULAS = frozenset({"is", "are", "was", "were", "you're", "youre", "ur", "eres", "es", "son"})
SUPPORTER_INSULTS = frozenset({"bootlicker", "bootlickers", "bootlicking", "boot licker"})
_TITLED_NAME = re.compile(
    r"\b(officer|ofc|chief|sheriff|deputy|sgt|sergeant|lt|lieutenant|captain|capt|detective|det|"
    r"trooper|mayor|commissioner|councilman|councilwoman|councilmember|judge)\.?\s+[A-Z][a-z]+"
)
_MENTION = re.compile(r"(?<!\w)@\w")


def _sentence_tokens(n: Normalized, sentence: int) -> list[Token]:
    return [t for t in n.tokens if t.sentence == sentence]


def _has_official(n: Normalized, toks: list[Token], lex: Lexicon) -> bool:
    words = {t.text for t in toks}
    if words & lex.official_terms or words & lex.official_slurs:
        return True
    if toks:
        text = n.original[toks[0].start : toks[-1].end]
        if _TITLED_NAME.search(text):
            return True
        if lex.official_phrases is not None and lex.official_phrases.search(
            " ".join(t.text for t in toks)
        ):
            return True
    return False


def _addresses_private(n: Normalized, toks: list[Token], lex: Lexicon) -> bool:
    """A named or @-mentioned visitor is addressed ("Derek you're…", "@Sal go away")."""
    if _MENTION.search(n.original):
        return True
    if not toks:
        return False
    first = toks[0]
    if first.capitalised and first.text not in lex.official_terms and len(toks) > 1:
        second = toks[1].text
        if second in SECOND_PERSON or second in {"is", "nobody", "go", "get", "shut"}:
            return True
        if n.original[first.end : toks[1].start].strip() == ",":
            return True
    return False


def _person_context(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Is the word at ``toks[i]`` said of a person?"""
    before = [t.text for t in toks[max(0, i - 4) : i]]
    after = [t.text for t in toks[i + 1 : i + 4]]
    window = set(before) | set(after)
    if window & PERSON_REFS:
        return True
    if window & lex.official_terms:
        return True
    if len(toks) <= 3:
        return True  # a one-word sentence: "Clowns." "pigs."
    # "X is a worthless fat pig", "they are such trash": a predicate and an article or
    # intensifier before the noun, adjectives allowed in between.
    return bool(set(before) & _COPULAS and set(before) & PREDICATES - _COPULAS)


def detect_attack(n: Normalized, lex: Lexicon, ctx: Context) -> Hit:
    hit = Hit()
    targets: list[Target] = []
    toks_by_sentence: dict[int, list[Token]] = {}
    for tok in n.tokens:
        toks_by_sentence.setdefault(tok.sentence, []).append(tok)

    def record(sentence: int, span: tuple[int, int], word: str, score: float) -> None:
        hit.add(score, span)
        toks = toks_by_sentence.get(sentence, [])
        if word in SUPPORTER_INSULTS:
            targets.append(Target.PRIVATE)
        elif _has_official(n, toks, lex) or word in lex.official_slurs:
            targets.append(Target.OFFICIAL)
        elif ctx.is_reply_to_commenter or _addresses_private(n, toks, lex):
            targets.append(Target.PRIVATE)
        elif ctx.top_level_on_agency_page and {t.text for t in toks} & SECOND_PERSON:
            targets.append(Target.OFFICIAL)
        else:
            targets.append(Target.UNKNOWN)

    for sentence, toks in toks_by_sentence.items():
        for i, tok in enumerate(toks):
            word = tok.text
            forms = (word, *collapse_repeats(word))
            if any(f in lex.insult_nouns for f in forms):
                if tok.capitalised and i > 0 and word not in {"idiot", "moron"}:
                    # "Officer Coward" is unlikely; a capitalised insult mid-sentence is
                    # usually still an insult, but names such as "Fool" exist: keep scoring.
                    pass
                record(sentence, (tok.start, tok.end), word, 0.85)
            elif any(f in lex.contextual_nouns for f in forms):
                if _person_context(toks, i, lex):
                    record(sentence, (tok.start, tok.end), word, 0.75)
            elif word in lex.insult_adjectives:
                prev = {t.text for t in toks[max(0, i - 3) : i]}
                nxt = toks[i + 1].text if i + 1 < len(toks) else ""
                if (
                    prev & PERSON_REFS
                    or nxt in PERSON_NOUNS
                    or nxt in lex.official_terms
                    or nxt in lex.insult_nouns
                    or nxt in lex.contextual_nouns
                ):
                    record(sentence, (tok.start, tok.end), word, 0.7)
    for pattern in (lex.insult_phrases, lex.adjective_phrases):
        if pattern is None:
            continue
        for m in pattern.finditer(n.clean):
            span = n.span_of_clean(m.start(), m.end())
            sentence = next((t.sentence for t in n.tokens if t.start == span[0]), 0)
            record(sentence, span, m.group(0), 0.85)
    if hit.evidence:
        if Target.PRIVATE in targets:
            hit.target = Target.PRIVATE
        elif Target.OFFICIAL in targets:
            hit.target = Target.OFFICIAL
        else:
            hit.target = Target.UNKNOWN
    return hit


# -- threats --------------------------------------------------------------------------------

_HARM = (
    r"(kill|killing|shoot|shooting|stab|stabbing|murder|hurt|beat|bash|strangle|choke|burn|bomb|"
    r"blow up|smash|slit|hang|lynch|gut|cut|rape|torture|execute|break (your|his|her|their) "
    r"(legs?|arms?|neck|face|jaw|bones?)|put (a|one) (bullet|cap|round) in|take (you|him|her|"
    r"them) out|end (you|him|her|them)|run (you|him|her|them) over|jump (you|him|her))"
)
THREAT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # first-person intent: "I'll find you and break your legs", "we're gonna burn it down"
        r"\b(i|we|i'll|ill|we'll|im|i'm|we're|imma|ima|gonna|going to|gon)\b[^.!?]{0,30}\b(will|gonna|going to|gon|about to|finna|'ll|ll|)\s*"
        + _HARM
        + r"\b",
        r"\b(i'll|ill|we'll|i will|we will|imma|ima|gonna)\s+(find|get|hunt|come for|come after|track down|visit|see)\s+(you|u|him|her|them|ya|your|that)\b",
        r"\b(i|we)\s+(will|'ll|are going to|am going to|'re going to|'m going to)\s+(find|get|hunt|come for|come after|track down)\b",
        r"\b(i'll|i will|we'll|we will)\s+" + _HARM,
        # wishes and incitement: "hope you die", "somebody should put a bullet in…"
        r"\b(hope|wish|pray)\b[^.!?]{0,25}\b(die|dies|dead|killed|shot|murdered|raped|stabbed|hanged|hung|burn|burns|suffer|gets? hurt|gets? what'?s coming|get cancer|hit by a|run over|rot in hell)\b",
        r"\b(someone|somebody|people|we|y'all|yall|you all|they|citizens|everyone|anyone)\s+(should|need to|needs to|ought to|gotta|must|oughta|has to|have to)\s+(just\s+)?(go\s+)?"
        + _HARM,
        r"\bshould\s+(be|get)\s+(shot|hanged|hung|killed|executed|lynched|dead|strung up|beaten|burned|tortured)\b",
        r"\bshould('?ve| have)\s+(shot|killed|hanged|hung|executed|lynched)\s+(him|her|them|you|that|those|the|every)\b",
        r"\b(deserve|deserves)\s+to\s+(die|be shot|be killed|hang|be hanged|be executed|burn|suffer)\b",
        r"\b(a|one)\s+bullet\s+(for|in|to|between)\s+(you|him|her|them|every|each|the|that|his|her|your)\b",
        r"\bput\s+(a|one)\s+(bullet|round|cap)\s+in\b",
        r"\b(burn|blow up|bomb|shoot up|torch|firebomb)\s+(down\s+)?(the|your|his|her|that|their)\s+[^.!?]{0,25}\b(station|office|precinct|house|home|building|department|school|hall|car|cars|cruisers?)\b",
        r"\b(burn|blow|shoot)\s+(it|the place|them|the station|the office)\s+(down|up)\b[^.!?]{0,30}\b(with|inside)\b",
        r"\bburn\b[^.!?]{0,40}\bdown\b[^.!?]{0,20}\bwith\b[^.!?]{0,20}\binside\b",
        # veiled threats
        r"\bwe\s+know\s+where\s+(you|your|he|she|they|his|her|their|u)\b[^.!?]{0,30}\b(live|lives|sleep|sleeps|work|works|park|kids|family|families|children|wife|husband|go to school)\b",
        r"\b(we|i)\s+know\s+(your|his|her|their|where)\s+[^.!?]{0,20}\b(address|house|home|car|shifts?|kids|children|school|family|families|route|schedule)\b",
        r"\b(won'?t|will not|wont|not gonna|isn'?t going to|ain'?t gonna|never)\s+(make it|live|survive)\s+(to|till|until|through|past)\s+(retirement|christmas|the weekend|next week|the end|his pension|her pension|trial|court)\b",
        r"\bwatch\s+(your|his|her|their|ur|yo)\s+(back|backs|family|kids|step)\b",
        r"\bsleep\s+with\s+one\s+eye\s+open\b",
        r"\b(you'?ll|you will|he'?ll|he will|she'?ll|they'?ll|u will|youll)\s+(get|be getting)\s+(what'?s|whats)\s+coming\b",
        r"\b(gets?|getting)\s+(what'?s|whats)\s+coming\s+to\s+(him|her|them|you)\b",
        r"\b(body bag|six feet under|in a box|toe tag|in the ground|pine box)\b",
        r"\b(your|his|her|their)\s+days\s+are\s+numbered\b",
        r"\bcount(ing)?\s+(your|the|his|her)\s+days\b",
        r"\b(see|meet|catch)\s+(you|u|him|her)\s+(outside|after (your|his|her) shift|in the parking lot|off duty|alone)\b",
        r"\b(it would be a shame|shame if something happened|accidents happen)\b",
        r"\bthere (will|is going to|'s gonna) be (blood|bloodshed|violence|consequences)\b",
        # Spanish
        r"\b(te|lo|la|los|las)\s+(voy|vamos|van)\s+a\s+(matar|quemar|golpear|disparar|encontrar)\b",
        r"\b(vas|van)\s+a\s+morir\b",
        r"\bsabemos\s+donde\s+(vives|viven|duermen|duermes|trabajas)\b",
        r"\bte\s+mato\b",
        r"\bojala\s+(te|se)\s+mueran?\b",
    )
)


def detect_threat(n: Normalized) -> Hit:
    hit = Hit()
    text = n.clean
    if not text:
        return hit
    for pattern in THREAT_PATTERNS:
        for m in pattern.finditer(text):
            hit.add(0.9, n.span_of_clean(m.start(), m.end()))
    return hit


# -- personal information ------------------------------------------------------------------

_SSN = re.compile(
    r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)|\b(ssn|social security)\b\D{0,20}\d{3}\D?\d{2}\D?\d{4}"
)
_PHONE = re.compile(
    r"(?<![\d-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\d-])"
)
_TOLL_FREE = {"800", "888", "877", "866", "855", "844", "833", "900"}
_PHONE_CONTEXT = re.compile(
    r"\b(his|her|their|your|my|'s|cell|mobile|personal|home|private|number is|text him|text her|"
    r"call him|call her|call them|celular|su numero)\b"
)
_STREET = (
    r"\d{1,6}\s+(?:[a-z0-9'.-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|court|"
    r"ct|boulevard|blvd|way|place|pl|circle|cir|terrace|ter|trail|trl|parkway|pkwy|highway|hwy|"
    r"calle|avenida)\b\.?(?:\s*(?:apt|apartment|unit|suite|#|no\.?)\s*[a-z0-9-]+)?"
)
_ADDRESS_CONTEXT = re.compile(
    r"\b(lives?|living|stays?|staying|resides?|reside|residing|vive)\s+(at|on|in|en)\s+"
    + _STREET
    + r"|\b(home|house|personal|residential|his|her|their|your)\s+(home\s+)?(address|house|home|place|residence|domicilio)\s+(is|at|on|:)?\s*"
    + _STREET
    + r"|\baddress\s+(is|:)\s*"
    + _STREET
    + r"|\bdireccion\s+(es|:)\s*"
    + _STREET
)
_DOB = re.compile(
    r"\b(dob|d\.o\.b\.?|date of birth|born on|birthday is|fecha de nacimiento)\b\W{0,5}\w{0,12}[\s/.-]?\d{1,4}"
)
_PLATE = re.compile(
    r"\b(plate|plates|tag|tags|license|licence|registration|placa)\b(\s+(number|no|#|is|:))*\s*[:#]?\s*"
    r"((?=[a-z0-9-]{5,8}\b)(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9-]{5,8})\b"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+")


def _folded_span(n: Normalized, m: re.Match[str]) -> tuple[int, int]:
    if not n.index or m.end() == 0:
        return (0, 0)
    return n.index[m.start()], n.index[m.end() - 1] + 1


def detect_personal_info(n: Normalized, ctx: Context) -> Hit:
    hit = Hit()
    text = n.folded
    for m in _SSN.finditer(text):
        hit.add(0.95, _folded_span(n, m))
    for m in _ADDRESS_CONTEXT.finditer(text):
        hit.add(0.9, _folded_span(n, m))
    for m in _DOB.finditer(text):
        hit.add(0.8, _folded_span(n, m))
    for m in _PLATE.finditer(text):
        hit.add(0.8, _folded_span(n, m))
    for m in _PHONE.finditer(text):
        digits = "".join(m.groups())
        if (
            m.group(1) in _TOLL_FREE
            or digits in ctx.agency_phones
            or digits[-7:] in {p[-7:] for p in ctx.agency_phones}
        ):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        score = 0.9 if _PHONE_CONTEXT.search(before) else 0.55
        hit.add(score, _folded_span(n, m))
    for m in _EMAIL.finditer(text):
        if m.group(0).lower() in ctx.agency_emails:
            continue
        hit.add(0.55, _folded_span(n, m))
    return hit


# -- spam -----------------------------------------------------------------------------------

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|biz|info|io|co|me|ly|gg|xyz|top|example|club|shop|site|online|link)(?:/\S*)?",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\$\s?\d[\d,.]*\s*(k\b)?\s*(/|per|a|an|in|every)\s*(one\s+)?(day|week|hour|month|wk|hr)\b"
    r"|\b(make|earn|making|earning)\s+\$|\$\$+|\b\d{2,4}\s?%\s+(guaranteed|returns?|profit)"
    r"|\b\d{2,3}x\s+(signals|returns|profit|gains)|\b(guaranteed|passive)\s+(returns?|income|profit)"
)


def detect_spam(n: Normalized, lex: Lexicon) -> Hit:
    hit = Hit()
    score = 0.0
    terms_seen: set[str] = set()
    if lex.spam_terms is not None:
        for m in lex.spam_terms.finditer(n.clean):
            if m.group(0) not in terms_seen:
                terms_seen.add(m.group(0))
                score += 0.3
                hit.evidence.append(n.span_of_clean(m.start(), m.end()))
    original = n.original
    urls = [m for m in _URL.finditer(original)]
    for m in urls:
        url = m.group(0).lower()
        score += 0.3 if any(s in url for s in lex.shorteners) else 0.15
        hit.evidence.append((m.start(), m.end()))
    if len({m.group(0).lower() for m in urls}) < len(urls):
        score += 0.3  # the same link repeated
    for m in _MONEY.finditer(original.lower()):
        score += 0.35
        hit.evidence.append((m.start(), m.end()))
    symbols = Counter(ch for ch in original if unicodedata.category(ch) == "So")
    if symbols and max(symbols.values()) >= 3 and (terms_seen or urls):
        score += 0.2
    words = [t.text for t in n.tokens if len(t.text) > 2]
    if len(words) >= 6:
        most = Counter(words).most_common(1)[0][1]
        if most >= max(3, len(words) // 3):
            score += 0.3  # a flood of the same word
    if original.count("!!!") and (terms_seen or urls):
        score += 0.1
    hit.score = min(score, 1.0)
    if hit.score < 0.5:
        hit.evidence = hit.evidence[:3]
    return hit
