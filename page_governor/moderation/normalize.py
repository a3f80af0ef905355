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
from dataclasses import dataclass
from functools import lru_cache

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
_TOKEN = re.compile(r"(?:[^\W_]|[@$*#%!|+'€¡])+(?:[-'](?:[^\W_]|[@$*#%!|+])+)*")
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W_@$*#!|+][ .\-_*/\\·,]{1,3}){2,}[^\W_@$*#!|+](?![^\W_])")
_REPEAT3 = re.compile(r"(.)\1{2,}")
_BREAK = re.compile(r"[.!?;\n]|\s[-:]\s")


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The normalised form of one character ('' for invisible ones)."""
    if ch.isascii():
        if ch.isalnum() or ch in " '-.,!?@$*#%|+_/\\:;()\"&=<>[]{}~^":
            return ch.lower()
        if ch == "\n":
            return "\n"
        return " " if ord(ch) < 32 or ord(ch) == 127 else ch
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Cs", "Co", "Cn", "Mn", "Me"):
        return ""  # zero-width, bidi controls, lone surrogates, combining marks
    if cat.startswith("Z") or cat == "Cc":
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.translate(HOMOGLYPHS).casefold()


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # normalised, de-leeted, as compared with the lexicons
    start: int  # span in the original text
    end: int
    capitalised: bool  # written with a capital first letter and not all capitals
    sentence: int = 0  # which sentence of the comment the word is in


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    folded: str  # per-character folded text (same length as ``index``)
    index: tuple[int, ...]  # original position of each folded character
    tokens: tuple[Token, ...]
    joined: tuple[Token, ...]  # words spelled with separators ("f u c k"), joined
    clean: str  # tokens' text joined by single spaces (for phrase patterns)
    clean_starts: tuple[int, ...]  # where each token starts in ``clean``

    def span_of_clean(self, start: int, end: int) -> tuple[int, int]:
        """Original span covered by the tokens overlapping ``clean[start:end]``."""
        first = last = None
        for i, cs in enumerate(self.clean_starts):
            ce = cs + len(self.tokens[i].text)
            if ce > start and cs < end:
                if first is None:
                    first = i
                last = i
        if first is None or last is None:
            return 0, 0
        return self.tokens[first].start, self.tokens[last].end

    def quote(self, start: int, end: int) -> str:
        return self.original[start:end]


def deleet(word: str) -> str:
    """Map leetspeak symbols to letters when the word also has letters (``sh1t``, ``@ss``)."""
    if not any(c.isalpha() for c in word):
        return word
    stripped = word.strip("!'")  # "shit!" is not "shiti"
    return stripped.translate(LEET) if stripped else word


def collapse_repeats(word: str) -> tuple[str, ...]:
    """Forms with letters repeated 3+ times collapsed to one and to two (``fuuuck``)."""
    if not _REPEAT3.search(word):
        return ()
    return (_REPEAT3.sub(r"\1", word), _REPEAT3.sub(r"\1\1", word))


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for the detectors. Never raises."""
    if not isinstance(text, str):
        text = str(text)
    text = text[:MAX_CHARS]
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        for c in folded:
            out.append(c)
            index.append(i)
    folded_text = "".join(out)
    tokens: list[Token] = []
    clean_parts: list[str] = []
    clean_starts: list[int] = []
    pos = 0
    sentence = 0
    prev_end = 0
    for m in _TOKEN.finditer(folded_text):
        if _BREAK.search(folded_text, prev_end, m.start()):
            sentence += 1
        prev_end = m.end()
        raw = m.group(0)
        word = deleet(raw) if any(c in raw for c in "0134578@$!|+9€¡") else raw
        word = word.strip("'")
        if not word:
            continue
        o_start, o_end = index[m.start()], index[m.end() - 1] + 1
        written = text[o_start:o_end]
        cap = written[:1].isupper() and not written.isupper()
        tokens.append(Token(word, o_start, o_end, cap, sentence))
        clean_starts.append(pos)
        clean_parts.append(word)
        pos += len(word) + 1
    joined: list[Token] = []
    for m in _SPACED.finditer(folded_text):
        letters = "".join(c for c in m.group(0) if c.isalnum())
        if len(letters) >= 3:
            joined.append(Token(deleet(letters), index[m.start()], index[m.end() - 1] + 1, False))
    return Normalized(
        original=text,
        folded=folded_text,
        index=tuple(index),
        tokens=tuple(tokens),
        joined=tuple(joined),
        clean=" ".join(clean_parts),
        clean_starts=tuple(clean_starts),
    )


def mask_matches(word: str, candidates_by_len: dict[int, tuple[str, ...]]) -> str | None:
    """A lexicon word that a masked word (``f*ck``, ``b**ch``) spells, if exactly one fits
    or all that fit share the same first letters."""
    if not any(c in MASK_CHARS for c in word):
        return None
    known = sum(c not in MASK_CHARS for c in word)
    if known == 0 or len(word) < 3:
        return None
    for cand in candidates_by_len.get(len(word), ()):
        if all(w in MASK_CHARS or w == c for w, c in zip(word, cand, strict=True)):
            return cand
    return None
