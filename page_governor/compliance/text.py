"""Text preparation for the compliance check: HTML stripped, normalised, split in sentences."""

from __future__ import annotations

import html
import re
import unicodedata

MAX_FIELD_CHARS = 100_000  # profiles are short; a pasted novel is cut, never a crash

_HREF = re.compile(r"<a\b[^>]{0,2000}?\bhref\s*=\s*[\"']?([^\"'\s>]+)[^>]{0,2000}>", re.IGNORECASE)
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"[ \t\f\v\u00a0]+")
# Abbreviations whose dot ends no sentence: an agency's ("Police Dept. official", "Marion Co.
# Sheriff"), a rank or title before a name ("Sgt. Ruiz"), a street's ("410 Main St. Suite 2").
_ABBREVIATIONS = (  # noqa: SIM905 (one line of words reads better than thirty of strings)
    "Dept Co Twp Govt Div Sgt Lt Capt Det Ofc Cpl Dep Supt Cmdr Insp Mr Mrs Ms Dr Mt Ft St Ave "
    "Blvd Rd Ste Hwy Inc Jr Sr"
).split()
_NOT_AN_END = "".join(
    rf"(?<!\b{form}\.)"
    for word in _ABBREVIATIONS
    for form in dict.fromkeys((word, word.lower(), word.upper()))
)
# A sentence ends at . ! ? followed by a space (not inside URLs or numbers, not after an
# abbreviation), at a line break, at a bullet / pipe / middle-dot separator, or at an emoji
# between words ("official 📸 life on patrol, K9 pics & events": a bio's separator).
_SPLIT = re.compile(
    rf"(?<=[.!?]){_NOT_AN_END}[\"')\]]*\s+|[\r\n]+|\s[|•·▪►✅✔➡️⚠️]+\s|\s[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+\s|\s+[-–—]{{1,2}}\s+(?=[A-Z])"
)
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


def clean(value: str) -> str:
    """Strip HTML, unescape entities, normalise Unicode and quotes, drop control characters."""
    if not value:
        return ""
    value = value[:MAX_FIELD_CHARS]
    if "<" in value:
        value = _HREF.sub(lambda m: f" {m.group(1)} ", value)  # keep link targets as text
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES)
    value = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in value
    )
    return _SPACE.sub(" ", value).strip()


# "etc." inside a sentence ("any content (text, links, video, etc.) that is deemed …") is no
# sentence end; its dot is dropped so that it neither splits the sentence nor stops a pattern
# that reads across it.
_ETC = re.compile(r"\betc\.(?=[)\],;:]|\s+[a-z(])")


# "a.m." and "p.m." inside a sentence ("monitored from 8 a.m. to 4:30 p.m. Monday thru
# Friday") are no sentence ends either; their dots are dropped when a time, a day or a
# lower-case word follows.
_CLOCK = re.compile(
    r"\b([aApP])\.[mM]\.(?=\s*[-–—,;/)]|\s+(?:[a-z0-9]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b))"
)


def sentences(value: str) -> list[str]:
    """Split cleaned text into sentences (never empty strings)."""
    value = _ETC.sub("etc", value)
    value = _CLOCK.sub(lambda m: m.group(1) + "m", value)
    return [s.strip() for s in _SPLIT.split(value) if s and s.strip()]
