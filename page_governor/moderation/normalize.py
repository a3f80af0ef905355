"""Normalisation that defeats evasions while keeping the way back to the original words.

Each output character remembers the original character it came from, so evidence is always
quoted as the commenter wrote it. Steps, per character: drop invisible and format characters
(zero-width, bidi overrides, lone surrogates), Unicode compatibility folding (full-width and
styled letters), diacritics removed, look-alike letters from other scripts mapped to Latin, and
case folded. Words are then read in several forms: as written, de-leeted (``sh1t``), with
stretched letters collapsed (``fuuuck``), masked letters matched (``f*ck``), and runs of single
letters joined (``f u c k``, ``f.u.c.k``) — the joined form is only ever compared with the
lexicons, so innocent words are never glued together.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

MAX_CHARS = 50_000  # longer comments are read up to here; platforms cap far below

HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "һ": "h",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ү": "y",
        "ɡ": "g",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ϲ": "c",
        "μ": "u",
        # Latin look-alikes and symbols
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ŀ": "l",
        "ｰ": "-",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "＊": "*",
        "∗": "*",
        "×": "x",
    }
)
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
        "€": "e",
        "¡": "i",
    }
)
MASK_CHARS = frozenset("*#%_")
# (possessive: nothing after a run can make it give characters back, so the engine need not
# keep the places it could)
_TOKEN = re.compile(r"(?:[^\W_]|[@$*#%!|+'€¡])++(?:[-'](?:[^\W_]|[@$*#%!|+])++)*+")
SPACED = re.compile(r"(?<![^\W_])(?:[^\W_@$*#!|+][ .\-_*/\\·,]{1,3}){2,}[^\W_@$*#!|+](?![^\W_])")
_REPEAT3 = re.compile(r"(.)\1{2,}")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
# Three one-letter words in a row in the clean text ("f u c k", "f.u.c.k" once read as words).
# Three one-letter words in a row ("k i l l"), at the start or after a space: two patterns, as
# one starting "(?:^| )" would be tried at every position of a long comment.
_SPACED_AT_START = re.compile(r"\w \w \w(?: |$)")
_SPACED_AFTER_SPACE = re.compile(r" \w \w \w(?: |$)")


def has_spaced_words(clean: str) -> bool:
    """Whether three one-letter words stand in a row in ``clean`` (words joined by spaces)."""
    return (
        _SPACED_AT_START.match(clean) is not None or _SPACED_AFTER_SPACE.search(clean) is not None
    )


# A character three times in a row ("fuuuck"): the cheap test before collapse_repeats.
STRETCHED = re.compile(r"(.)\1\1")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MASKED = re.compile(r"[*#%_]")
_BREAK = re.compile(r"[.!?;\n]|\s[-:]\s")


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The normalised form of one character ('' for invisible ones)."""
    if ch.isascii():
        if ch == "\n":
            return "\n"
        if ord(ch) < 32 or ord(ch) == 127:
            return " "
        return ch.lower()
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Cs", "Co", "Cn", "Mn", "Me"):
        return ""  # zero-width, bidi controls, lone surrogates, combining marks
    if cat.startswith("Z") or cat == "Cc":
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.translate(HOMOGLYPHS).casefold()


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each new character once, then remembers it."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_ASCII_LOWER = {c: chr(c).lower() if 32 <= c < 127 else " " for c in range(128)}
_ASCII_LOWER[10] = "\n"


class Token(NamedTuple):
    text: str  # normalised, de-leeted, as compared with the lexicons
    start: int  # span in the original text
    end: int
    capitalised: bool  # written with a capital first letter and not all capitals
    sentence: int = 0  # which sentence of the comment the word is in


class Normalized:
    """A comment read for the detectors. The folded text and its words are computed at once;
    where each word stands in the original (needed to quote evidence, and to know sentences
    and capitals) only when a detector asks, in one pass."""

    __slots__ = (
        "_breaks",
        "_clean",
        "_ends",
        "_joined",
        "_matches",
        "_starts",
        "folded",
        "index",
        "original",
        "words",
    )

    def __init__(
        self, original: str, folded: str, index: tuple[int, ...] | None, words: list[str]
    ) -> None:
        self.original = original
        self.folded = folded  # per-character folded text
        self.index = index  # original position of each folded character (None: the same)
        self.words = words  # normalised, de-leeted words, in order
        self._starts: list[int] = []  # folded positions of the words located so far
        self._ends: list[int] = []
        self._matches: Iterator[re.Match[str]] | None = None
        self._breaks: list[int] | None = None
        self._joined: tuple[Token, ...] | None = None
        self._clean: str | None = None

    @property
    def clean(self) -> str:
        """The words joined by single spaces (for phrase patterns), joined once."""
        if self._clean is None:
            self._clean = " ".join(self.words)
        return self._clean

    def _locate(self, upto: int) -> None:
        """Find where words ``0..upto`` stand, continuing from where the last call stopped
        (detectors that need only their first few hits never scan a huge comment whole)."""
        if self._matches is None:
            self._matches = _TOKEN.finditer(self.folded)
        starts, ends = self._starts, self._ends
        for m in self._matches:
            raw = m.group(0)
            if not raw.isalpha() and not deleet(raw).strip("'"):
                continue  # words_of drops these too
            starts.append(m.start())
            ends.append(m.end())
            if len(starts) > upto:
                return

    def span(self, i: int) -> tuple[int, int]:
        """Where word ``i`` stands in the original."""
        if i >= len(self._starts):
            self._locate(i)
        a, b = self._starts[i], self._ends[i]
        if self.index is None:
            return a, b
        return self.index[a], self.index[b - 1] + 1

    def folded_start(self, i: int) -> int:
        if i >= len(self._starts):
            self._locate(i)
        return self._starts[i]

    def _sentence_breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.folded)]
        return self._breaks

    def sentence(self, i: int) -> int:
        """The sentence number of word ``i`` (how many sentence breaks come before it)."""
        return bisect_left(self._sentence_breaks(), self.folded_start(i))

    def one_sentence(self) -> bool:
        """Whether every word is in one sentence (no break before the last letter or digit),
        told without locating a word."""
        breaks = self._sentence_breaks()
        if not breaks:
            return True
        folded = self.folded
        last = len(folded)
        while last > 0 and not folded[last - 1].isalnum():
            last -= 1
        return breaks[0] >= last

    def sentence_bounds(self, i: int, *, limit: int = 60) -> tuple[int, int]:
        """Word indices [first, end) of the sentence of word ``i`` (at most ``limit`` words
        either side: a 'sentence' longer than that is a wall of text, read locally)."""
        breaks = self._sentence_breaks()
        s = bisect_left(breaks, self.folded_start(i))
        # word j is in sentence s when the break before it is s's first: after ``after``, at
        # or before ``upto`` (compared directly, not counted again for every word)
        after = breaks[s - 1] if s else -1
        upto = breaks[s] if s < len(breaks) else len(self.folded)
        last = min(i + limit, len(self.words) - 1)
        if last >= len(self._starts):
            self._locate(last)  # every word the walk below may read, located at once
        starts = self._starts
        first = i
        while first > 0 and i - first < limit and starts[first - 1] > after:
            first -= 1
        end = i + 1
        while end <= last and end - i < limit and starts[end] <= upto:
            end += 1
        return first, end

    def sentence_numbers(self, count: int) -> list[int]:
        """``sentence(i)`` of the first ``count`` words, in one pass."""
        count = min(count, len(self.words))
        if count == 0:
            return []
        if count > len(self._starts):
            self._locate(count - 1)
        breaks = self._sentence_breaks()
        numbers, before = [], 0
        for start in self._starts[:count]:
            while before < len(breaks) and breaks[before] < start:
                before += 1
            numbers.append(before)
        return numbers

    def capitalised(self, i: int) -> bool:
        """Written with a capital first letter and not all in capitals (a name, usually)."""
        start, end = self.span(i)
        written = self.original[start:end]
        return written[:1].isupper() and not written.isupper()

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every word with its span, capitalisation and sentence (built on request)."""
        out = []
        for i, w in enumerate(self.words):
            start, end = self.span(i)
            out.append(Token(w, start, end, self.capitalised(i), self.sentence(i)))
        return tuple(out)

    @property
    def joined(self) -> tuple[Token, ...]:
        """Words spelled with separators ("f u c k", "f.u.c.k"), joined."""
        if self._joined is None:
            # only when three one-letter words stand in a row somewhere
            spaced = len(self.words) >= 3 and has_spaced_words(self.clean)
            self._joined = _joined(self.folded, self.index) if spaced else ()
        return self._joined

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of ``folded[start:end]``."""
        if end <= start:
            return (0, 0)
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1

    # Positions in the clean text are turned into word indices by counting the spaces before
    # them (a C-level count; the words hold no spaces and none is empty): word ``k`` starts just
    # after the ``k``-th space.

    def clean_start(self, i: int) -> int:
        """Where word ``i`` starts in the clean text."""
        return sum(map(len, self.words[:i])) + i

    def word_at_clean(self, position: int) -> int:
        """The index of the word at ``position`` of the clean text."""
        return self.clean.count(" ", 0, position) if position > 0 else 0

    def span_of_clean(self, start: int, end: int) -> tuple[int, int]:
        """Original span covered by the words overlapping ``clean[start:end]``."""
        if not self.words:
            return 0, 0
        clean = self.clean
        start = max(start, 0)
        first = clean.count(" ", 0, start)
        if start >= len(clean) or clean[start] == " ":
            first += 1  # ``start`` is past the end of that word
        last = clean.count(" ", 0, end - 1) if end > 0 else -1
        if first > last or first >= len(self.words):
            return 0, 0
        return self.span(first)[0], self.span(last)[1]


@lru_cache(maxsize=65536)
def deleet(word: str) -> str:
    """Map leetspeak symbols to letters when the word also has letters (``sh1t``, ``@ss``)."""
    if not _HAS_LETTER.search(word):
        return word
    stripped = word.strip("!'")  # "shit!" is not "shiti"
    return stripped.translate(LEET) if stripped else word


def collapse_repeats(word: str) -> tuple[str, ...]:
    """Forms with letters repeated 3+ times collapsed to one and to two (``fuuuck``)."""
    if not _REPEAT3.search(word):
        return ()
    return (_REPEAT3.sub(r"\1", word), _REPEAT3.sub(r"\1\1", word))


def _fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Fold ``text``; the index maps folded positions back (None when they are the same)."""
    if text.isascii():
        folded = text.lower()
        if _CONTROL.search(folded):
            folded = folded.translate(_ASCII_LOWER)
        return folded, None
    folded = text.translate(_FOLD)
    if len(folded) == len(text) and all(len(_FOLD[ord(c)]) == 1 for c in set(text)):
        return folded, None
    index: list[int] = []
    for i, ch in enumerate(text):
        index.extend([i] * len(_FOLD[ord(ch)]))
    return folded, tuple(index)


def fold(text: str) -> str:
    """The folded text alone (cheap): case, compatibility forms, accents, look-alikes."""
    return _fold(text[:MAX_CHARS] if isinstance(text, str) else str(text)[:MAX_CHARS])[0]


def words_of(folded: str) -> list[str]:
    """The words of folded text as the lexicons and the model see them (de-leeted)."""
    raws = _TOKEN.findall(folded)
    if "".join(raws).isalpha():
        return raws  # the common case: plain words only
    # Each distinct token is read once: a long comment repeats its words.
    forms = {
        r: r
        if r.isalpha()
        else r.strip("'")
        if r.replace("'", "").isalpha()
        else deleet(r).strip("'")
        for r in set(raws)
    }
    return [w for w in map(forms.__getitem__, raws) if w]


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for the detectors. Never raises."""
    if not isinstance(text, str):
        text = str(text)
    text = text[:MAX_CHARS]
    folded, index = _fold(text)
    return Normalized(text, folded, index, words_of(folded))


def _joined(folded: str, index: tuple[int, ...] | None, *, limit: int = 48) -> tuple[Token, ...]:
    out: list[Token] = []
    for m in SPACED.finditer(folded):
        if len(out) >= limit:
            break  # enough to flag and explain
        letters = "".join(c for c in m.group(0) if c.isalnum())
        if len(letters) >= 3:
            start = index[m.start()] if index is not None else m.start()
            end = (index[m.end() - 1] if index is not None else m.end() - 1) + 1
            out.append(Token(deleet(letters), start, end, False))
    return tuple(out)


def mask_matches(word: str, candidates_by_len: dict[int, tuple[str, ...]]) -> str | None:
    """A lexicon word that a masked word (``f*ck``, ``b**ch``) spells, if exactly one fits
    or all that fit share the same first letters."""
    if not _MASKED.search(word):
        return None
    known = sum(c not in MASK_CHARS for c in word)
    if known == 0 or len(word) < 3:
        return None
    for cand in candidates_by_len.get(len(word), ()):
        if all(w in MASK_CHARS or w == c for w, c in zip(word, cand, strict=True)):
            return cand
    return None
