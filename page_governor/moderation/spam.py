"""Spam: scams, advertising, crypto and giveaway schemes, link farms, floods. A score that
adds up signals (strong terms, terms, links, money promises, repeated emoji and words)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from page_governor.models import Category
from page_governor.moderation.detectors import MAX_EVIDENCE, Hit
from page_governor.moderation.lexicon import Lexicon
from page_governor.moderation.normalize import Normalized

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A bare domain is found from its top-level domain (a literal dot first: fast on long text).
_TLD = re.compile(
    r"\.(?:com|net|org|biz|info|io|co|me|ly|gg|xyz|top|example|club|shop|site|online|link)\b(?:/\S*)?",
    re.IGNORECASE,
)
_DOMAIN_LABELS = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*$", re.IGNORECASE)


def _urls(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of links and bare domains ("www.x.example", "luckyspin.example/win")."""
    spans = [m.span() for m in _LINK.finditer(text)][:limit]
    for m in _TLD.finditer(text):
        if len(spans) >= limit:
            break
        head = _DOMAIN_LABELS.search(text, max(0, m.start() - 80), m.start())
        if head is None:
            continue
        start = head.start()
        if any(a <= start < b for a, b in spans):
            continue  # part of a link already counted
        spans.append((start, m.end()))
    return sorted(spans)


_MONEY = re.compile(
    r"\$\s?\d[\d,.]*\s*(k\b)?\s*(/|per|a|an|in|every)\s*(one\s+)?(day|week|hour|month|wk|hr)\b"
    r"|\b(make|earn|making|earning)\s+\$|\$\$+|\b\d{2,4}\s?%\s+(guaranteed|returns?|profit)"
    r"|\b\d{2,3}x\s+(signals|returns|profit|gains)|\b(guaranteed|passive)\s+(returns?|income|profit)"
)


_PRICE = re.compile(r"\$\s?\d")


def detect_spam(n: Normalized, lex: Lexicon) -> Hit:
    score = 0.0
    terms_seen: set[str] = set()
    term_spans: list[tuple[int, int]] = []  # in the clean text; mapped only if flagged
    clean = n.clean
    for pattern, weight in ((lex.spam_strong, 0.5), (lex.spam_terms, 0.3)):
        if pattern is None:
            continue
        for count, m in enumerate(pattern.finditer(clean)):
            if m.group(0) not in terms_seen:
                terms_seen.add(m.group(0))
                score += weight
                term_spans.append(m.span())
            if len(terms_seen) >= MAX_EVIDENCE or count >= 4 * MAX_EVIDENCE:
                break
    original = n.original
    spans: list[tuple[int, int]] = []
    seen_urls: set[str] = set()
    repeated = False
    for start, end in _urls(original, MAX_EVIDENCE):
        url = original[start:end].lower()
        repeated = repeated or url in seen_urls
        seen_urls.add(url)
        score += 0.3 if any(s in url for s in lex.shorteners) else 0.15
        spans.append((start, end))
    if repeated:
        score += 0.3  # the same link repeated
    if _PRICE.search(original) and (terms_seen or seen_urls):
        score += 0.2  # a price next to spam terms or links: "5000 followers for $9.99"
    for count, m in enumerate(_MONEY.finditer(original.lower())):
        score += 0.35
        spans.append(m.span())
        if count >= MAX_EVIDENCE:
            break
    if (terms_seen or seen_urls) and not original.isascii():
        symbols = Counter(ch for ch in original[:5000] if unicodedata.category(ch) == "So")
        if symbols and max(symbols.values()) >= 3:
            score += 0.2
    words = [w for w in n.words[:500] if len(w) > 2]
    if len(words) >= 6:
        most = Counter(words).most_common(1)[0][1]
        if most >= max(3, len(words) // 3):
            score += 0.3  # a flood of the same word
    if "!!!" in original and (terms_seen or seen_urls):
        score += 0.1
    hit = Hit(score=min(score, 1.0))
    if hit.score >= lex.thresholds[Category.SPAM]:
        hit.evidence = ([n.span_of_clean(a, b) for a, b in term_spans] + spans)[:MAX_EVIDENCE]
    return hit
