"""Off-topic comments (issue 18): only forms that are objectively unrelated to the post they
answer, never a view. A government page is a forum, so criticism of the post's subject, of the
agency or of officials, however harsh, and political argument are on topic; so are questions
and reactions, laughter included (it can be mockery, which is speech).

What is flagged, judged against the post: a classified ad (something for sale or a job offer
with a price or a way to reply) under a post that sells nothing; a chain letter ("copy and
paste", "share with 10 friends", "type amen"); a question for another agency (the DMV, the
county clerk, the school district) that shares no word with the post; keyboard mashing. The
caller decides whether the page's published policy names off-topic comments at all; without a
post there is no judgment.
"""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Hit
from page_governor.moderation.normalize import Normalized

_SALE = re.compile(
    r"\b(for\s+sale|selling\s+(my|a|an|our)\b|yard\s+sale|garage\s+sale|moving\s+sale|"
    r"estate\s+sale|free\s+to\s+(a\s+)?good\s+home|now\s+hiring|hiring\s+(for|drivers|"
    r"cleaners|help)|or\s+best\s+offer|\bobo\b|asking\s+\$)",
    re.IGNORECASE,
)
_REPLY_OR_PRICE = re.compile(
    r"\$\s?\d|\b\d+\s?(dollars|bucks)\b|\b(message|text|call|dm|pm|inbox)\s+(me|us)\b|"
    r"\bdm\s+(for|me)\b|\bcash\s+only\b|\bpick\s?up\b|\border\s+(by|now|today)\b|"
    r"\beverything\s+must\s+go\b|\bcheap\b",
    re.IGNORECASE,
)
_CHAIN = re.compile(
    r"\b(copy\s+and\s+paste|copy\s+this|(share|send|forward)\s+(this\s+)?(with|to)\s+"
    r"(\d+|ten|twelve|everyone|all)\b|forward\s+this\b|type\s+amen|say\s+amen|"
    r"share\s+if\s+you|don'?t\s+scroll\s+past|bad\s+luck\s+for|facebook\s+will\s+(start\s+)?"
    r"charg|zuckerberg\s+is\s+giving|every\s+share\s+(sends|gives|means))",
    re.IGNORECASE,
)
_OTHER_AGENCY = re.compile(
    r"\b(dmv|motor\s+vehicles|county\s+clerk|clerk'?s\s+office|school\s+district|"
    r"post\s+office|irs|social\s+security|water\s+(department|bill)|passport|"
    r"bus\s+routes?|trash\s+pickup|recycling\s+schedule)\b",
    re.IGNORECASE,
)
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)


def detect_off_topic(n: Normalized, post_text: str) -> Hit:
    """The off-topic verdict for a comment on a post (score 0 when it is on topic)."""
    hit = Hit()
    text = n.original
    if not post_text.strip() or not text.strip():
        return hit
    sale = _SALE.search(text)
    if sale and _REPLY_OR_PRICE.search(text) and not _SALE.search(post_text):
        hit.add(0.7, sale.span())
    chain = _CHAIN.search(text)
    if chain:
        hit.add(0.75, chain.span())
    agency = _OTHER_AGENCY.search(text)
    if agency and not _OTHER_AGENCY.search(post_text) and not _shared_words(text, post_text):
        hit.add(0.6, agency.span())
    if _mashed(text):
        hit.add(0.6, (0, len(text)))
    return hit


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def _shared_words(a: str, b: str) -> bool:
    """Whether two texts share a content word (a plural counts as its singular)."""

    def singular(words: set[str]) -> set[str]:
        return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}

    return bool(singular(_content_words(a)) & singular(_content_words(b)))


def _mashed(text: str) -> bool:
    """Keyboard mashing: every token a run along one keyboard row or one letter repeated."""
    tokens = re.findall(r"[A-Za-z]+", text)
    if not tokens or len("".join(tokens)) < 8 or re.search(r"[^A-Za-z\s.!?,]", text):
        return False
    return all(_mash(token.lower()) for token in tokens)


def _mash(token: str) -> bool:
    if re.fullmatch(r"(.)\1{3,}", token):  # "kkkkkkk", "zzzzz"
        return True
    if len(token) < 5 or re.search(r"(ha|he|lo|ol|lm|ao)\1", token):
        return False  # laughter is a reaction, not mashing
    return any(set(token) <= set(row) for row in _ROWS) and not re.search(r"[aeiou]{2}", token)
