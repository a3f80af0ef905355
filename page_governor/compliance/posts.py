"""The agency's own posts against its social-media policy (``post_rules`` in policy.yaml).

A post is read sentence by sentence; a rule finds a sentence when one of its patterns matches
and none of its ``unless`` patterns does. Each finding names the rule, quotes the policy
clause and the words that matched, and suggests what to write instead. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from page_governor.errors import ConfigError

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
EVIDENCE_CHARS = 160


@dataclass(frozen=True, slots=True)
class PostRule:
    id: str
    clause: str
    suggestion: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class PostFinding:
    rule: str
    clause: str
    evidence: str
    suggestion: str

    def as_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "clause": self.clause,
            "evidence": self.evidence,
            "suggestion": self.suggestion,
        }


def parse_post_rules(data: Any, where: str, problems: list[str]) -> tuple[PostRule, ...]:
    """``post_rules`` of policy.yaml, compiled; problems are appended, not raised."""
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(f"{where}: post_rules must be a list of rules")
        return ()
    rules = []
    seen: set[str] = set()
    for i, spec in enumerate(data):
        at = f"{where}: post_rules[{i}]"
        if not isinstance(spec, dict):
            problems.append(f"{at} must be a mapping")
            continue
        for key in ("id", "clause", "suggestion"):
            if not isinstance(spec.get(key), str) or not spec[key].strip():
                problems.append(f"{at}.{key} must be a non-empty text")
        rule_id = str(spec.get("id") or f"rule{i}")
        if rule_id in seen:
            problems.append(f"{at}: the id {rule_id} is used twice")
        seen.add(rule_id)
        patterns = compile_patterns(f"{at}.patterns", spec.get("patterns"), problems)
        patterns += compile_patterns(f"{at}.name_patterns", spec.get("name_patterns"), problems, 0)
        if not patterns:
            problems.append(f"{at}: needs patterns or name_patterns")
        unless = compile_patterns(f"{at}.unless", spec.get("unless"), problems)
        rules.append(
            PostRule(
                rule_id,
                " ".join(str(spec.get("clause", "")).split()),
                " ".join(str(spec.get("suggestion", "")).split()),
                patterns,
                unless,
            )
        )
    return tuple(rules)


def compile_patterns(
    where: str, patterns: Any, problems: list[str], flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], ...]:
    """Regular expressions from a list in policy.yaml (case-insensitive unless ``flags`` say
    otherwise); problems are appended, not raised."""
    if patterns is None:
        return ()
    if not isinstance(patterns, list):
        problems.append(f"{where}: must be a list of regular expressions")
        return ()
    out = []
    for i, pattern in enumerate(patterns):
        try:
            out.append(re.compile(str(pattern), flags))
        except re.error as exc:
            problems.append(f"{where}[{i}]: invalid regular expression ({exc})")
    return tuple(out)


def check_post(text: str, rules: tuple[PostRule, ...]) -> list[PostFinding]:
    """The findings for one post, one per rule (its first matching sentence)."""
    if not isinstance(text, str):
        raise ConfigError("a post's text must be a string")
    findings = []
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    for rule in rules:
        for sentence in sentences:
            hit = next((m for p in rule.patterns if (m := p.search(sentence))), None)
            if hit is None or any(u.search(sentence) for u in rule.unless):
                continue
            findings.append(
                PostFinding(rule.id, rule.clause, _quote(sentence, hit), rule.suggestion)
            )
            break
    return findings


def _quote(sentence: str, hit: re.Match[str]) -> str:
    """The sentence, or the part of it around the match when it is long."""
    if len(sentence) <= EVIDENCE_CHARS:
        return sentence
    start = max(0, hit.start() - 40)
    end = min(len(sentence), max(hit.end() + 40, start + EVIDENCE_CHARS))
    return (
        ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
    )
