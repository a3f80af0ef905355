"""The classifier: runs the five detectors and combines them into one :class:`Classification`.

It only flags. Every flag carries per-category scores, the exact words that triggered it, the
target of a personal attack, advisories for the reviewer, and the detector version.
"""

from __future__ import annotations

from pathlib import Path

from page_governor import __version__
from page_governor.models import Category, Classification, Evidence, Target
from page_governor.moderation.detectors import (
    NO_CONTEXT,
    Context,
    Hit,
    detect_attack,
    detect_obscenity,
    detect_personal_info,
    detect_spam,
    detect_threat,
)
from page_governor.moderation.lexicon import Lexicon, load_lexicon
from page_governor.moderation.normalize import normalize

ADVISORY_OFFICIAL = (
    "likely protected: aimed at an officer or official. Insults and criticism of public "
    "officials are generally protected speech; keep and log unless another category applies."
)
ADVISORY_PRIVATE = "aimed at a private person: a published comment policy may justify hiding it."
ADVISORY_UNKNOWN = "target unclear: check whom the insult is aimed at before deciding."
ADVISORY_THREAT = (
    "urgent: possible threat of violence. Review now; consider referral to investigators."
)
ADVISORY_PII = "contains personal information about someone; capture is already done."

# Review priority: higher first.
PRIORITY = {
    Category.THREAT: 100,
    Category.PERSONAL_INFO: 80,
    Category.PERSONAL_ATTACK: 50,
    Category.OBSCENITY: 40,
    Category.SPAM: 20,
}


class Classifier:
    """Flags comments for human review. Pure and deterministic: same text, same result."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.version = f"pg-{__version__}+lex.{lexicon.digest}"

    @classmethod
    def from_config_dir(cls, config_dir: Path) -> Classifier:
        """Build from ``moderation.yaml``.

        Raises:
            ConfigError: the lexicon file is missing or invalid.
        """
        return cls(load_lexicon(config_dir))

    def classify(self, text: str, context: Context = NO_CONTEXT) -> Classification:
        """Classify one comment. Never raises on any string."""
        n = normalize(text if isinstance(text, str) else str(text))
        lex = self.lexicon
        hits: dict[Category, Hit] = {
            Category.OBSCENITY: detect_obscenity(n, lex),
            Category.PERSONAL_ATTACK: detect_attack(n, lex, context),
            Category.THREAT: detect_threat(n),
            Category.PERSONAL_INFO: detect_personal_info(n, context),
            Category.SPAM: detect_spam(n, lex),
        }
        spam, pii = hits[Category.SPAM], hits[Category.PERSONAL_INFO]
        if spam.score >= lex.thresholds[Category.SPAM] and pii.score < 0.6:
            pii.score, pii.evidence = 0.0, []  # a spammer's own number is not doxxing
        scores = {cat: round(hit.score, 4) for cat, hit in hits.items()}
        flagged_cats = tuple(cat for cat in PRIORITY if scores[cat] >= lex.thresholds[cat])
        evidence: list[Evidence] = []
        for cat in flagged_cats:
            for start, end in merge_spans(hits[cat].evidence)[:5]:
                quoted = n.original[start:end].strip()
                if quoted:
                    evidence.append(Evidence(cat, quoted, cat.value))
        target: Target | None = None
        advisories: list[str] = []
        if Category.THREAT in flagged_cats:
            advisories.append(ADVISORY_THREAT)
        if Category.PERSONAL_ATTACK in flagged_cats:
            target = hits[Category.PERSONAL_ATTACK].target or Target.UNKNOWN
            advisories.append(
                {Target.OFFICIAL: ADVISORY_OFFICIAL, Target.PRIVATE: ADVISORY_PRIVATE}.get(
                    target, ADVISORY_UNKNOWN
                )
            )
        if Category.PERSONAL_INFO in flagged_cats:
            advisories.append(ADVISORY_PII)
        return Classification(
            flagged=bool(flagged_cats),
            categories=flagged_cats,
            scores=scores,
            target=target,
            evidence=tuple(evidence),
            detector_version=self.version,
            advisories=tuple(advisories),
        )


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged, so evidence quotes each passage once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def priority_of(result: Classification) -> int:
    """Review priority of a flag: its most serious category; official-target attacks rank
    below private ones (they are likely protected)."""
    if not result.categories:
        return 0
    best = max(PRIORITY[c] for c in result.categories)
    if result.categories == (Category.PERSONAL_ATTACK,) and result.target is Target.OFFICIAL:
        return 30
    if Category.PERSONAL_ATTACK in result.categories and result.target is Target.PRIVATE:
        best = max(best, 60)
    return best
