"""Evaluate the classifier on a labelled set (``tests/data/moderation/*.jsonl``).

Figures: recall on violations (a violation counts as caught when at least one of its labelled
categories is flagged), the share of must-never-flag comments that were flagged, per-category
precision and recall, and the accuracy of the attack target."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from page_governor.metrics import Confusion
from page_governor.models import Category
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.detectors import Context
from page_governor.realsets import read_real_set

CategoryScore = Confusion


@dataclass(slots=True)
class ModerationEvaluation:
    violations: int = 0
    caught: int = 0
    never_flag: int = 0
    wrongly_flagged: int = 0
    targets: int = 0
    targets_right: int = 0
    categories: dict[Category, CategoryScore] = field(
        default_factory=lambda: {c: CategoryScore() for c in Category}
    )
    misses: list[str] = field(default_factory=list)
    false_flags: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.violations if self.violations else 1.0

    @property
    def false_flag_rate(self) -> float:
        return self.wrongly_flagged / self.never_flag if self.never_flag else 0.0


def load_comments(*paths: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row.setdefault("id", f"{path.stem}:{number}")
                rows.append(row)
    return rows


def load_real_comments(
    manifest_path: Path, texts_dir: Path, split: str | None = None
) -> list[dict[str, Any]]:
    """The comments of a real-text set (see :mod:`page_governor.realsets`), as labelled rows:
    each item's ``labels``, ``target`` (of an attack) and ``reply`` from the manifest, its text
    from the file outside the repository; only the ``split`` part when one is named.

    Raises:
        RealSetError: the texts are missing or are not the labelled words.
    """
    rows = []
    for item, text in read_real_set(manifest_path, texts_dir):
        if split and item["split"] != split:
            continue
        row: dict[str, Any] = {"id": item["id"], "text": text, "labels": list(item["labels"])}
        for key in ("target", "reply"):
            if key in item:
                row[key] = item[key]
        rows.append(row)
    return rows


def evaluate(rows: list[dict[str, Any]], classifier: Classifier) -> ModerationEvaluation:
    ev = ModerationEvaluation()
    for row in rows:
        context = Context(
            is_reply_to_commenter=bool(row.get("reply")),
            top_level_on_agency_page=not row.get("reply"),
        )
        result = classifier.classify(row["text"], context)
        expected = {Category(c) for c in row["labels"]}
        got = set(result.categories)
        for cat in Category:
            ev.categories[cat].count(expected=cat in expected, got=cat in got)
        if expected:
            ev.violations += 1
            if expected & got:
                ev.caught += 1
            else:
                ev.misses.append(
                    f"{row['id']}: {sorted(c.value for c in expected)} missed: {row['text']!r}"
                )
            if (
                Category.PERSONAL_ATTACK in expected
                and row.get("target")
                and Category.PERSONAL_ATTACK in got
            ):
                ev.targets += 1
                if result.target and result.target.value == row["target"]:
                    ev.targets_right += 1
        else:
            ev.never_flag += 1
            if got:
                ev.wrongly_flagged += 1
                words = "; ".join(f"{e.category.value}: {e.text}" for e in result.evidence)
                ev.false_flags.append(f"{row['id']}: flagged ({words}): {row['text']!r}")
    return ev
