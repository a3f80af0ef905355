"""Evaluate the compliance check on a labelled set of profiles (see
``tests/data/compliance_profiles.yaml`` for the format). Used by the evaluation script and by
the tests, and useful to an agency that adapts ``policy.yaml``: run it before and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import ELEMENT_IDS, Policy
from page_governor.metrics import Confusion
from page_governor.realsets import read_real_set

CODES = dict(zip("PMNEORDCW", ELEMENT_IDS, strict=True))


ElementScore = Confusion


@dataclass(slots=True)
class Evaluation:
    scores: dict[str, ElementScore] = field(
        default_factory=lambda: {e: ElementScore() for e in ELEMENT_IDS}
    )
    warning_misses: list[str] = field(default_factory=list)
    false_warnings: list[str] = field(default_factory=list)  # raised where none was expected
    errors: list[str] = field(default_factory=list)  # "profile-id: element expected X"
    profiles: int = 0


def load_profiles(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["profiles"])


def load_real_set(manifest_path: Path, texts_dir: Path) -> list[dict[str, Any]]:
    """Profiles of a real-text set (see :mod:`page_governor.realsets`): for each item, its
    split, official domains, the elements it carries (``pass``) and the warnings it should
    raise (``warn``), with its text as the field the manifest names (``linked`` by default).

    Raises:
        RealSetError: the texts are missing or are not the labelled words.
    """
    return [
        {
            "id": item["id"],
            "split": item["split"],
            "domains": list(item.get("domains", [])),
            "pass": item.get("pass", ""),
            "warn": list(item.get("warn", [])),
            "profile": {f"{item.get('field', 'linked')}:{item['source']}": text},
        }
        for item, text in read_real_set(manifest_path, texts_dir)
    ]


def _fields(profile: dict[str, Any]) -> dict[str, str]:
    out = {}
    for key, value in (profile or {}).items():
        out[key] = " ".join(map(str, value)) if isinstance(value, list) else str(value)
    return out


def evaluate(
    profiles: list[dict[str, Any]], policy: Policy, *, split: str | None = None
) -> Evaluation:
    ev = Evaluation()
    for case in profiles:
        if split and case.get("split") != split:
            continue
        ev.profiles += 1
        expected = {CODES[c] for c in case.get("pass", "")}
        report = check_fields(
            _fields(case.get("profile")), policy, official_domains=case["domains"]
        )
        for element in ELEMENT_IDS:
            want, got = element in expected, report.elements[element].passed
            ev.scores[element].count(expected=want, got=got)
            if want and not got:
                ev.errors.append(
                    f"{case['id']}: {element} should pass ({report.elements[element].reason})"
                )
            elif got and not want:
                ev.errors.append(
                    f"{case['id']}: {element} should fail; evidence "
                    f"{report.elements[element].evidence!r}"
                )
        raised = {w.id for w in report.warnings}
        expected_warnings = set(case.get("warn", []))
        for warning in sorted(expected_warnings - raised):
            ev.warning_misses.append(f"{case['id']}: warning {warning} not raised")
        for warning in report.warnings:
            if warning.id not in expected_warnings:
                ev.false_warnings.append(
                    f"{case['id']}: false warning {warning.id}: {warning.text!r}"
                )
    return ev
