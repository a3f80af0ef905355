"""Coordinated spam: the same text, or the same link, posted by several accounts within a short
window, on one page or across pages. One copy of a scam can read like a question; twenty
copies from twenty fresh accounts cannot.

This module is pure: it turns a comment into fingerprints (hashes of its normalised text and of
each link it carries). The capture stores them and counts distinct authors per fingerprint in
the window (``page_governor.capture.ingest``); moderation.yaml's ``coordinated_spam`` sets how many
accounts and how long a window make a flag.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from page_governor.moderation.normalize import fold, words_of
from page_governor.moderation.spam import government_host

MIN_WORDS = 5  # "thank you officers!" from many people is gratitude, not a campaign
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/[^\s<>\"')\]]*",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    kind: str  # "text" or "link"
    digest: str  # sha256 hex
    shown: str  # what the reviewer sees as evidence (the link, or the start of the text)


def fingerprints(text: str, *, official_domains: tuple[str, ...] = ()) -> list[Fingerprint]:
    """The fingerprints of a comment: its words (case, accents, look-alike letters and
    punctuation folded away) when it has at least ``MIN_WORDS`` words, and every link that is
    not on the agency's own domains or a government site (many people sharing the city's
    alert page is not spam)."""
    out: list[Fingerprint] = []
    words = words_of(fold(text[:5000]))
    if len(words) >= MIN_WORDS:
        normal = " ".join(words)
        out.append(Fingerprint("text", _sha("text", normal), text.strip()[:120]))
    for match in _URL.finditer(text[:5000]):
        link = match.group(0).rstrip(".,;:!?").lower()
        bare = link.split("://", 1)[-1]
        bare = bare[4:] if bare.startswith("www.") else bare
        host = bare.split("/", 1)[0]
        if _official(host, official_domains):
            continue
        out.append(Fingerprint("link", _sha("link", bare.rstrip("/")), match.group(0)))
    return out


def _official(host: str, official_domains: tuple[str, ...]) -> bool:
    if government_host(host):
        return True
    return any(host == d or host.endswith("." + d) for d in official_domains)


def _sha(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}\x00{value}".encode()).hexdigest()
