"""The moderation lexicons (``config/moderation.yaml`` + better-profanity's list), compiled."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.hashing import canonical_json, sha256_hex
from page_governor.models import Category
from page_governor.moderation.normalize import normalize


def _norm_term(term: str) -> str:
    """A lexicon term in the same form the normaliser gives words (``f-u-c-k`` stays spaced)."""
    return normalize(str(term)).clean


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


def _phrase_regex(phrases: set[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    # A term that begins or ends with a mark ("% off") stands where the mark is: after "70".
    edges = [p for p in alternatives if not (_wordish(p[0]) and _wordish(p[-1]))]
    words = "|".join(p for p in alternatives if p not in edges)
    marked = "".join(
        "|"
        + (r"(?<![\w])" if _wordish(p[0]) else "")
        + p
        + (r"(?![\w])" if _wordish(p[-1]) else "")
        for p in edges
    )
    if not words:
        return re.compile(marked[1:])
    return re.compile(r"(?<![\w])(?:" + words + r")(?![\w])" + marked)


def phrase_possible(wordset: set[str], phrases: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """Could one of the phrases occur? (All its words are present; order is checked later.)"""
    if "" in phrases:
        return True  # a term with no word characters: only its pattern can tell
    for word in wordset.intersection(phrases):
        if any(words <= wordset for words in phrases[word]):
            return True
    return False


_RUN = re.compile(r"\w+")


def _run_index(terms: set[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """Each term by its runs of word characters. A term's pattern (see ``_phrase_regex``)
    matches only where every one of its runs is a whole run of the text, so a text whose runs
    (``word_runs``) hold none of a term's sets cannot match it: the pattern need not run."""
    index: dict[str, list[frozenset[str]]] = {}
    for term in terms:
        runs = _RUN.findall(term)
        index.setdefault(runs[0] if runs else "", []).append(frozenset(runs))
    return {k: tuple(v) for k, v in index.items()}


def word_runs(words: list[str]) -> set[str]:
    """The runs of word characters in words joined by spaces ("followers-of-islam" holds
    "followers"; "you're" holds "you")."""
    return {run for word in set(words) for run in _RUN.findall(word)}


@dataclass(frozen=True, slots=True)
class Lexicon:
    digest: str
    thresholds: dict[Category, float]
    obscene_words: frozenset[str]
    obscene_phrases: re.Pattern[str] | None
    obscene_by_len: dict[int, tuple[str, ...]]  # strong words for masked matching
    obscene_roots: tuple[str, ...]
    obscene_root_text: re.Pattern[str] | None  # a root at the start or end of a word, in a text
    name_like: frozenset[str]
    insult_nouns: frozenset[str]
    insult_phrases: re.Pattern[str] | None
    contextual_nouns: frozenset[str]
    insult_adjectives: frozenset[str]
    adjective_phrases: re.Pattern[str] | None
    official_terms: frozenset[str]
    official_phrases: re.Pattern[str] | None
    official_slurs: frozenset[str]
    spam_terms: re.Pattern[str] | None
    spam_strong: re.Pattern[str] | None
    # screening sets: single words, and the first word of every phrase
    obscene_phrase_words: dict[str, tuple[frozenset[str], ...]]  # first word -> words of each
    insult_phrase_words: dict[str, tuple[frozenset[str], ...]]
    spam_words: frozenset[str]
    spam_phrase_words: dict[str, tuple[frozenset[str], ...]]
    # every term of the spam and insult-phrase patterns by its word runs (see _run_index)
    spam_term_runs: dict[str, tuple[frozenset[str], ...]]
    insult_term_runs: dict[str, tuple[frozenset[str], ...]]
    model_threshold: float  # probability at which the attack model flags (1 = model off)
    shorteners: tuple[str, ...]
    spam_model_threshold: float | None = None  # None: the trained model's own threshold
    threat_model_threshold: float | None = None  # None: the trained model's own (1 = off)
    # the contextual threat reader (encoder_head): None, its trained threshold; 1 = off
    threat_encoder_threshold: float | None = None
    preset: str = "balanced"
    coordinated_accounts: int = 3  # distinct accounts posting the same text or link...
    coordinated_window_minutes: int = 60  # ...within this many minutes: coordinated spam


# Threshold presets (moderation.yaml ``preset``); ``thresholds`` and ``model`` entries written
# in the file override them one by one. ``spam_model_factor`` scales the spam model's trained
# threshold.
PRESETS: dict[str, dict[str, float]] = {
    "balanced": {
        "threshold": 0.5,
        "attack_threshold": 0.35,
        "spam_model_factor": 1.0,
        "threat_model_factor": 1.0,
    },
    # more flags for a person to look at: bare phone numbers and addresses, weaker model verdicts
    "recall_first": {
        "threshold": 0.4,
        "attack_threshold": 0.28,
        "spam_model_factor": 0.8,
        "threat_model_factor": 0.9,
    },
    # fewer, surer flags: only strong evidence reaches a reviewer
    "precision_first": {
        "threshold": 0.6,
        "attack_threshold": 0.5,
        "spam_model_factor": 1.25,
        "threat_model_factor": 1.05,
    },
}


def _phrase_index(phrases: set[str]) -> dict[str, tuple[frozenset[str], ...]]:
    index: dict[str, list[frozenset[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        index.setdefault(words[0], []).append(frozenset(words))
    return {k: tuple(v) for k, v in index.items()}


def better_profanity_words() -> list[str]:
    """better-profanity 0.7's bundled word list (the base of the obscenity lexicon)."""
    text = (
        resources.files("better_profanity")
        .joinpath("profanity_wordlist.txt")
        .read_text(encoding="utf-8")
    )
    return [w.strip() for w in text.splitlines() if w.strip()]


def _split(terms: list[str]) -> tuple[set[str], set[str]]:
    words, phrases = set(), set()
    for term in terms:
        norm = _norm_term(term)
        if not norm:
            continue
        (phrases if " " in norm else words).add(norm)
    return words, phrases


_TOP_LEVEL = (
    "preset",
    "thresholds",
    "model",
    "coordinated_spam",
    "obscenity",
    "personal_attack",
    "spam",
)


def _number(value: object) -> bool:
    """A YAML number (``true`` is not one, though Python counts it as 1)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _list(data: dict[str, Any], section: str, key: str, problems: list[str]) -> list[str]:
    value = (data.get(section) or {}).get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        problems.append(f"{section}.{key} must be a list of words")
        return []
    return [str(v) for v in value]


def build_lexicon(data: dict[str, Any], where: str = "moderation") -> Lexicon:
    """Compile lexicon data.

    Raises:
        ConfigError: listing every problem.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a mapping")
    for section in ("obscenity", "personal_attack", "spam"):
        if not isinstance(data.get(section) or {}, dict):
            raise ConfigError(f"{where}: {section} must be a mapping")
    unknown = sorted(str(k) for k in data if k not in _TOP_LEVEL)
    if unknown:
        problems.append(f"unknown setting(s) {', '.join(unknown)} (known: {', '.join(_TOP_LEVEL)})")
    preset_name = data.get("preset", "balanced")
    if not isinstance(preset_name, str) or preset_name not in PRESETS:
        problems.append(f"preset must be one of {sorted(PRESETS)}")
        preset_name = "balanced"
    preset = PRESETS[preset_name]
    thresholds: dict[Category, float] = {}
    raw_thresholds = data.get("thresholds") or {}
    if not isinstance(raw_thresholds, dict):
        problems.append("thresholds must be a mapping of category to a number")
        raw_thresholds = {}
    for cat in Category:
        value = raw_thresholds.get(cat.value, preset["threshold"])
        if not _number(value) or not 0 < float(value) <= 1:
            problems.append(f"thresholds.{cat.value} must be a number in (0, 1]")
            value = 0.5
        thresholds[cat] = float(value)
    models = data.get("model") or {}
    if not isinstance(models, dict):
        problems.append("model must be a mapping")
        models = {}
    model_threshold = models.get("attack_threshold", preset["attack_threshold"])
    if not _number(model_threshold) or not 0 < float(model_threshold) <= 1:
        problems.append("model.attack_threshold must be a number in (0, 1]")
        model_threshold = 0.5
    model_threshold = float(model_threshold)
    spam_model_threshold = models.get("spam_threshold")
    if spam_model_threshold is not None and (
        not _number(spam_model_threshold) or not 0 < float(spam_model_threshold) <= 1
    ):
        problems.append("model.spam_threshold must be a number in (0, 1]")
        spam_model_threshold = None
    threat_model_threshold = models.get("threat_threshold")
    if threat_model_threshold is not None and (
        not _number(threat_model_threshold) or not 0 < float(threat_model_threshold) <= 1
    ):
        problems.append("model.threat_threshold must be a number in (0, 1]")
        threat_model_threshold = None
    threat_encoder_threshold = models.get("threat_encoder_threshold")
    if threat_encoder_threshold is not None and (
        not _number(threat_encoder_threshold) or not 0 < float(threat_encoder_threshold) <= 1
    ):
        problems.append("model.threat_encoder_threshold must be a number in (0, 1]")
        threat_encoder_threshold = None
    coordinated = data.get("coordinated_spam") or {}
    if not isinstance(coordinated, dict):
        problems.append("coordinated_spam must be a mapping (accounts, window_minutes)")
        coordinated = {}
    coordinated_accounts = coordinated.get("accounts", 3)
    coordinated_window = coordinated.get("window_minutes", 60)
    if not _whole(coordinated_accounts) or not 2 <= coordinated_accounts <= 1000:
        problems.append("coordinated_spam.accounts must be a whole number from 2 to 1000")
        coordinated_accounts = 3
    if not _whole(coordinated_window) or not 1 <= coordinated_window <= 10080:
        problems.append("coordinated_spam.window_minutes must be a whole number from 1 to 10080")
        coordinated_window = 60
    allow = {_norm_term(w) for w in _list(data, "obscenity", "allow", problems)}
    deny = _list(data, "obscenity", "deny", problems)
    base_words, base_phrases = _split(better_profanity_words() + deny)
    obscene_words = {w for w in base_words if w not in allow}
    obscene_phrases = {p for p in base_phrases if p not in allow}
    roots = tuple(_norm_term(w) for w in _list(data, "obscenity", "roots", problems))
    strong = {w for w in obscene_words if len(w) >= 3 and any(r in w for r in roots)} | {
        "cunt",
        "dick",
        "cock",
        "pussy",
        "bitch",
        "bastard",
        "asshole",
        "whore",
        "slut",
        "twat",
        "shit",
        "fuck",
        "fucking",
        "fucker",
        "motherfucker",
        "puta",
        "mierda",
    }
    by_len: dict[int, list[str]] = {}
    for w in sorted(strong):
        if w.isalpha():
            by_len.setdefault(len(w), []).append(w)
    nouns, noun_phrases = _split(_list(data, "personal_attack", "insult_nouns", problems))
    ctx_nouns, _ = _split(_list(data, "personal_attack", "contextual_nouns", problems))
    adjs, adj_phrases = _split(_list(data, "personal_attack", "insult_adjectives", problems))
    officials, official_phrases = _split(_list(data, "personal_attack", "official_terms", problems))
    slurs, _ = _split(_list(data, "personal_attack", "official_slurs", problems))
    spam_words, spam_phrases = _split(_list(data, "spam", "terms", problems))
    strong_words, strong_phrases = _split(_list(data, "spam", "strong_terms", problems))
    shorteners = tuple(s.lower() for s in _list(data, "spam", "shorteners", problems))
    name_like = frozenset(_norm_term(w) for w in _list(data, "obscenity", "name_like", problems))
    if problems:
        raise ConfigError([f"{where}: {p}" for p in problems])
    return Lexicon(
        digest=sha256_hex(canonical_json(data))[:12],
        thresholds=thresholds,
        obscene_words=frozenset(obscene_words),
        obscene_phrases=_phrase_regex(obscene_phrases),
        obscene_by_len={k: tuple(v) for k, v in by_len.items()},
        obscene_roots=roots,
        obscene_root_text=(
            re.compile(
                "(?<![^\\W\\d_])(?:"
                + "|".join(map(re.escape, roots))
                + ")|(?:"
                + "|".join(map(re.escape, roots))
                + ")(?![^\\W\\d_])"
            )
            if roots
            else None
        ),
        name_like=name_like,
        insult_nouns=frozenset(nouns),
        insult_phrases=_phrase_regex(noun_phrases),
        contextual_nouns=frozenset(ctx_nouns),
        insult_adjectives=frozenset(adjs) | superlatives(adjs),
        adjective_phrases=_phrase_regex(adj_phrases),
        official_terms=frozenset(officials),
        official_phrases=_phrase_regex(official_phrases),
        official_slurs=frozenset(slurs),
        spam_terms=_phrase_regex(spam_words | spam_phrases),
        spam_strong=_phrase_regex(strong_words | strong_phrases),
        obscene_phrase_words=_phrase_index(obscene_phrases),
        insult_phrase_words=_phrase_index(noun_phrases | adj_phrases),
        spam_words=frozenset(spam_words | strong_words),
        spam_phrase_words=_phrase_index(spam_phrases | strong_phrases),
        spam_term_runs=_run_index(spam_words | spam_phrases | strong_words | strong_phrases),
        insult_term_runs=_run_index(noun_phrases | adj_phrases),
        model_threshold=model_threshold,
        shorteners=shorteners,
        spam_model_threshold=(
            float(spam_model_threshold) if spam_model_threshold is not None else None
        ),
        threat_model_threshold=(
            float(threat_model_threshold) if threat_model_threshold is not None else None
        ),
        threat_encoder_threshold=(
            float(threat_encoder_threshold) if threat_encoder_threshold is not None else None
        ),
        preset=str(preset_name),
        coordinated_accounts=coordinated_accounts,
        coordinated_window_minutes=coordinated_window,
    )


_VOWELS = frozenset("aeiou")


def superlatives(adjectives: Iterable[str]) -> frozenset[str]:
    """The superlative of each one-word adjective ("dumb": "dumbest", "ugly": "ugliest", "fat":
    "fattest"), so "the dumbest person here" is read as "dumb" is. A form English does not use
    ("patheticest") never occurs. (Not the comparative: "fatter pensions for the cops" says
    nothing of a person.)"""
    forms: set[str] = set()
    for word in adjectives:
        if not word.isalpha() or len(word) < 3:
            continue
        if word.endswith("y") and word[-2] not in _VOWELS:
            stem = word[:-1] + "i"
        elif (
            word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
            and len(word) <= 4
        ):
            stem = word + word[-1]  # "fat": "fattest"
        elif word.endswith("e"):
            stem = word[:-1]
        else:
            stem = word
        forms.add(stem + "est")
    return frozenset(forms)


def load_lexicon(config_dir: Path) -> Lexicon:
    """Load ``moderation.yaml`` from the config directory.

    Raises:
        ConfigError: the file is missing or invalid.
    """
    path = config_dir / "moderation.yaml"
    return build_lexicon(load_yaml_file(path), str(path))
