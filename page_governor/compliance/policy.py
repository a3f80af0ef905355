"""The compliance policy (``config/policy.yaml``) loaded and compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from page_governor.compliance.posts import PostRule, compile_patterns, parse_post_rules
from page_governor.compliance.statement_model import MODELS_DIR
from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.hashing import canonical_json, sha256_hex

ELEMENT_IDS: tuple[str, ...] = (
    "purpose_statement",
    "maintained_by_agency",
    "not_monitored_247",
    "emergency_contact",
    "opinions_disclaimer",
    "moderation_policy",
    "public_records_notice",
    "contact_info",
    "official_website_link",
)
MATCHERS = ("patterns", "contact_info", "official_link")


@dataclass(frozen=True, slots=True)
class ElementRule:
    id: str
    title: str
    description: str
    seed_clause: str
    suggested_text: str
    matcher: str
    patterns: tuple[re.Pattern[str], ...] = ()
    short_text: str = ""  # a line that fits a short bio; the fix adds a link to the full policy
    negations: tuple[re.Pattern[str], ...] = ()
    fails_if: tuple[re.Pattern[str], ...] = ()
    # pairs of patterns that are evidence together: one sentence of a field matching the first
    # and another of the same field the second ("We reserve the right to remove comments." …
    # "Comments should not use profanity.")
    together: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    # the learned reader (compliance/statement_model.py) asked when no pattern finds the
    # element: None, not asked; otherwise the probability it must reach ("trained": the head's
    # own threshold)
    model_threshold: float | str | None = None
    model_requires: tuple[re.Pattern[str], ...] = ()  # what a reading must say to be asked


@dataclass(frozen=True, slots=True)
class WarningRule:
    id: str
    pattern: re.Pattern[str]
    note: str
    case: str = ""  # the case the warning rests on, shown beside the phrase
    unless: tuple[re.Pattern[str], ...] = ()  # contexts where the phrase is not risky
    # what the sentence must be about for the phrase to be a rule for the page ("Roads may be
    # blocked during the parade" is not about anyone's comments); None: any sentence
    about: re.Pattern[str] | None = None
    # contexts judged with the next sentence of the same paragraph ("… reviewed for
    # inappropriate content. Comments containing any of the following are subject to
    # removal:" defines the standard by the list after it)
    unless_next: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    digest: str  # sha256 of the policy data (a stored result records results_digest)
    elements: tuple[ElementRule, ...]
    warnings: tuple[WarningRule, ...]
    post_rules: tuple[PostRule, ...] = ()  # the agency's own posts (compliance/posts.py)
    # (element, sha256 of its head) for each learned reader the policy asks
    readers: tuple[tuple[str, str], ...] = ()

    @property
    def results_digest(self) -> str:
        """What produced a stored result: the policy's data and, when it asks learned readers,
        their heads (a retrained head can change a result under the same policy.yaml)."""
        if not self.readers:
            return self.digest
        return sha256_hex(canonical_json({"policy": self.digest, "readers": dict(self.readers)}))

    def element(self, element_id: str) -> ElementRule:
        for rule in self.elements:
            if rule.id == element_id:
                return rule
        raise KeyError(element_id)


def parse_policy(data: Any, where: str = "policy") -> Policy:
    """Validate and compile policy data.

    Raises:
        ConfigError: listing every problem.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a mapping with 'elements'")
    elements = data.get("elements")
    if not isinstance(elements, dict):
        raise ConfigError(f"{where}: 'elements' must be a mapping of element id to rule")
    terms = parse_terms(data.get("terms"), f"{where}: terms", problems)
    rules = []
    for element_id in ELEMENT_IDS:
        spec = elements.get(element_id)
        if not isinstance(spec, dict):
            problems.append(f"{where}: elements.{element_id} is missing")
            continue
        matcher = spec.get("matcher", "patterns")
        if matcher not in MATCHERS:
            problems.append(f"{where}: elements.{element_id}.matcher must be one of {MATCHERS}")
        for key in ("title", "description", "seed_clause", "suggested_text"):
            if not isinstance(spec.get(key), str) or not spec.get(key):
                problems.append(f"{where}: elements.{element_id}.{key} must be a non-empty text")
        base = f"{where}: elements.{element_id}"

        def patterns(key: str, base: str = base, spec: dict[str, Any] = spec) -> Any:
            return expand_terms(f"{base}.{key}", spec.get(key), terms, problems)

        pats = compile_patterns(f"{base}.patterns", patterns("patterns"), problems)
        if matcher == "patterns" and not pats:
            problems.append(f"{base}.patterns: at least one pattern is needed")
        rules.append(
            ElementRule(
                id=element_id,
                title=str(spec.get("title", element_id)),
                description=str(spec.get("description", "")),
                seed_clause=str(spec.get("seed_clause", "")),
                suggested_text=str(spec.get("suggested_text", "")),
                short_text=str(spec.get("short_text") or "").strip(),
                matcher=str(matcher),
                patterns=pats,
                negations=compile_patterns(f"{base}.negations", patterns("negations"), problems),
                fails_if=compile_patterns(f"{base}.fails_if", patterns("fails_if"), problems),
                together=_pairs(f"{base}.together", spec.get("together"), terms, problems),
                model_threshold=_model_threshold(element_id, base, spec, matcher, problems),
                model_requires=compile_patterns(
                    f"{base}.model_requires", patterns("model_requires"), problems
                ),
            )
        )
    for extra in sorted(set(elements) - set(ELEMENT_IDS)):
        problems.append(f"{where}: elements.{extra} is not a known element id")
    warnings = []
    for i, spec in enumerate(data.get("warnings") or []):
        if not isinstance(spec, dict) or not {"id", "pattern", "note"} <= set(spec):
            problems.append(f"{where}: warnings[{i}] needs id, pattern and note")
            continue
        at = f"{where}: warnings[{i}]"
        compiled = compile_patterns(
            f"{at}.pattern",
            expand_terms(f"{at}.pattern", [spec["pattern"]], terms, problems),
            problems,
        )
        unless = compile_patterns(
            f"{at}.unless",
            expand_terms(f"{at}.unless", spec.get("unless"), terms, problems),
            problems,
        )
        unless_next = compile_patterns(
            f"{at}.unless_next",
            expand_terms(f"{at}.unless_next", spec.get("unless_next"), terms, problems),
            problems,
        )
        about_spec = spec.get("about")  # one pattern, or a list of them
        about = compile_patterns(
            f"{at}.about",
            expand_terms(
                f"{at}.about",
                [about_spec] if isinstance(about_spec, str) else about_spec,
                terms,
                problems,
            ),
            problems,
        )
        if compiled:
            warnings.append(
                WarningRule(
                    str(spec["id"]),
                    compiled[0],
                    str(spec["note"]).strip(),
                    str(spec.get("case") or "").strip(),
                    unless,
                    re.compile("|".join(f"(?:{a.pattern})" for a in about), re.IGNORECASE)
                    if about
                    else None,
                    unless_next,
                )
            )
    post_rules = parse_post_rules(data.get("post_rules"), where, problems)
    if problems:
        raise ConfigError(problems)
    return Policy(
        version=str(data.get("version", "unversioned")),
        digest=sha256_hex(canonical_json(data)),
        elements=tuple(rules),
        warnings=tuple(warnings),
        post_rules=post_rules,
        readers=tuple(
            (r.id, sha256_hex((MODELS_DIR / f"{r.id}.json").read_bytes()))
            for r in rules
            if r.model_threshold is not None
        ),
    )


def _model_threshold(
    element: str, base: str, spec: dict[str, Any], matcher: str, problems: list[str]
) -> float | str | None:
    """``model: trained`` (the head's own threshold), ``model: 0.9``, or ``model: off``."""
    value = spec.get("model")
    if value is None or value is False or value == "off":
        return None
    if value == "trained":
        pass
    elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        problems.append(f"{base}.model must be 'trained', 'off' or a probability in (0, 1]")
        return None
    if matcher != "patterns":
        problems.append(f"{base}.model: only pattern elements have a learned reader")
        return None
    if not (MODELS_DIR / f"{element}.json").is_file():
        problems.append(f"{base}.model: no learned reader is shipped for {element}")
        return None
    return value if isinstance(value, str) else float(value)


_TERM_NAME = re.compile(r"[a-z][a-z_]*")
_TERM_REF = re.compile(r"\{([a-z][a-z_]*)\}")


def parse_terms(spec: Any, where: str, problems: list[str]) -> dict[str, str]:
    """``terms``: named lists of words and phrases that patterns use as ``{name}`` (the topics
    a page posts about, the people it is for). An agency extends a list, and every pattern
    that reads it, in one place. Each list becomes one group that matches any of its phrases,
    the longest first; a space or hyphen in a phrase matches any run of spaces and hyphens."""
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        problems.append(f"{where}: must be a mapping of name to a list of words or phrases")
        return {}
    out = {}
    for name, words in spec.items():
        if not isinstance(name, str) or not _TERM_NAME.fullmatch(name):
            problems.append(f"{where}: {name!r} is not a name (lower-case letters and _)")
            continue
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            problems.append(f"{where}.{name}: must be a non-empty list of words or phrases")
            continue
        out[name] = _trie_pattern([re.split(r"[\s-]+", w.strip().lower()) for w in words])
    return out


_SEPARATOR = " "  # a trie unit: the space between a phrase's words


def _trie_pattern(phrases: list[list[str]]) -> str:
    """One group matching any of ``phrases`` (lists of words), written as a trie ("road",
    "road closure" and "roads" share "road"): a regular expression tries a long list of plain
    alternatives one by one at every position, a trie one character. Longer phrases are tried
    first, as in a list sorted longest first."""
    trie: dict[str, Any] = {}
    for words in phrases:
        node = trie
        for unit in _SEPARATOR.join(words):
            node = node.setdefault(unit, {})
        node[""] = {}  # the end of a phrase
    return "(?:" + _trie_node(trie) + ")"


def _trie_node(node: dict[str, Any]) -> str:
    branches = [
        (r"[\s-]+" if unit == _SEPARATOR else re.escape(unit)) + _trie_node(child)
        for unit, child in sorted(node.items())
        if unit
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def expand_terms(where: str, patterns: Any, terms: dict[str, str], problems: list[str]) -> Any:
    """``patterns`` with each ``{name}`` replaced by the ``terms`` list of that name; a name no
    list has is a problem (a regular expression's own braces hold digits: ``{0,40}``)."""
    if not isinstance(patterns, list):
        return patterns  # compile_patterns reports what is wrong with it

    def expand(i: int, pattern: Any) -> Any:
        if not isinstance(pattern, str):
            return pattern

        def one(match: re.Match[str]) -> str:
            if match.group(1) in terms:
                return terms[match.group(1)]
            problems.append(f"{where}[{i}]: no terms list named {match.group(1)!r}")
            return match.group(0)

        return _TERM_REF.sub(one, pattern)

    return [expand(i, p) for i, p in enumerate(patterns)]


def _pairs(
    where: str, spec: Any, terms: dict[str, str], problems: list[str]
) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """``together``: a list of two-pattern lists."""
    if spec is None:
        return ()
    if not isinstance(spec, list) or not all(isinstance(x, list) and len(x) == 2 for x in spec):
        problems.append(f"{where}: must be a list of [pattern, pattern] pairs")
        return ()
    pairs = []
    for i, pair in enumerate(spec):
        pair = expand_terms(f"{where}[{i}]", pair, terms, problems)
        compiled = compile_patterns(f"{where}[{i}]", pair, problems)
        if len(compiled) == 2:
            pairs.append((compiled[0], compiled[1]))
    return tuple(pairs)


def load_policy(config_dir: Path) -> Policy:
    """Load ``policy.yaml`` from the config directory.

    Raises:
        ConfigError: the file is missing or invalid.
    """
    path = config_dir / "policy.yaml"
    return parse_policy(load_yaml_file(path), str(path))
