"""The compliance check: a pure function from profile text to a report with evidence.

Text is read sentence by sentence across every field. For pattern elements a sentence is
evidence when it matches a pattern and no negation; an element fails outright when a sentence
matches one of its ``fails_if`` rules without also being evidence (a page that says it is
"monitored 24/7", or "not affiliated with" the agency).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from page_governor.compliance.policy import ElementRule, Policy
from page_governor.compliance.text import clean, sentences

# Fields in the order evidence is preferred (most authoritative first).
FIELD_ORDER = (
    "about",
    "description",
    "general_info",
    "mission",
    "company_overview",
    "impressum",
    "biography",
    "bio",
    "pinned_post",
    "pinned_message",
    "website",
    "url",
    "phone",
    "emails",
    "email",
    "single_line_address",
    "address",
    "location",
    "name",
)
PHONE_FIELDS = ("phone", "whatsapp_number")
EMAIL_FIELDS = ("emails", "email")
EVIDENCE_CHARS = 300

_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\w-])"
    r"|(?<![\w/.-])\+(?:[2-9]\d{0,2})[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}(?![\w-])"
)
_N11 = re.compile(r"\b(call|dial|text|phone)\s+(3|2|5)[\s.-]?1[\s.-]?1\b", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+)", re.IGNORECASE
)
_URL = re.compile(
    r"(?:(?:https?|ftp)://|(?<![@\w.-])www\.)[^\s<>\"'()\[\]{}]+"
    r"|(?<![@\w./:-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{2,5})?(?:/[^\s<>\"'()]*)?(?![\w@-])",
    re.IGNORECASE,
)
# Extensions that make a "bare domain" look-alike a file name or an abbreviation instead.
_NOT_TLDS = {
    "jpg",
    "jpeg",
    "png",
    "gif",
    "pdf",
    "doc",
    "docx",
    "txt",
    "mp4",
    "mov",
    "html",
    "php",
    "aspx",
    "js",
    "css",
    "m",
    "p",
    "a",
    "e",
    "i",
    "st",
    "ave",
    "rd",
    "dr",
    "jr",
    "sr",
    "vs",
}


@dataclass(frozen=True, slots=True)
class ElementResult:
    id: str
    passed: bool
    evidence: str | None
    source: str | None
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"passed": self.passed, "evidence": self.evidence, "source": self.source}


@dataclass(frozen=True, slots=True)
class PolicyWarning:
    id: str
    text: str
    source: str
    note: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text, "source": self.source, "note": self.note}


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    elements: dict[str, ElementResult]
    warnings: tuple[PolicyWarning, ...] = field(default=())

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.elements.values())

    @property
    def total(self) -> int:
        return len(self.elements)

    @property
    def failing(self) -> list[str]:
        return [k for k, r in self.elements.items() if not r.passed]

    def as_json(self) -> dict[str, object]:
        return {
            "elements": {k: r.as_json() for k, r in self.elements.items()},
            "warnings": [w.as_json() for w in self.warnings],
        }


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


def _ordered(fields: Mapping[str, str]) -> list[tuple[str, str]]:
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    items = [(k, clean(v if isinstance(v, str) else str(v))) for k, v in fields.items() if v]
    return sorted((kv for kv in items if kv[1]), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _check_patterns(rule: ElementRule, prepared: list[tuple[str, list[str]]]) -> ElementResult:
    evidence: tuple[str, str] | None = None
    contradiction: tuple[str, str] | None = None
    for source, sents in prepared:
        for sent in sents:
            is_evidence = any(p.search(sent) for p in rule.patterns) and not any(
                n.search(sent) for n in rule.negations
            )
            if is_evidence:
                if evidence is None:
                    evidence = (sent, source)
            elif contradiction is None and any(f.search(sent) for f in rule.fails_if):
                contradiction = (sent, source)
    if contradiction is not None:
        return ElementResult(
            rule.id,
            False,
            None,
            None,
            f"contradicted in {contradiction[1]}: {_clip(contradiction[0])!r}",
        )
    if evidence is None:
        return ElementResult(rule.id, False, None, None, "no statement found")
    return ElementResult(rule.id, True, _clip(evidence[0]), evidence[1], "found")


def on_domains(host: str, domains: Iterable[str]) -> bool:
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host_nw = host[4:]
    else:
        host_nw = host
    for domain in domains:
        d = domain.lower().strip().rstrip(".")
        d = d[4:] if d.startswith("www.") else d
        if d and (host_nw == d or host_nw.endswith("." + d)):
            return True
    return False


def extract_urls(text: str) -> list[str]:
    """URL-like strings in text: full URLs, www. names and bare domains."""
    out = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?)]}'\"")
        if "://" not in url and not url.lower().startswith("www."):
            tld = url.split("/")[0].split(":")[0].rsplit(".", 1)[-1].lower()
            if tld in _NOT_TLDS or tld.isdigit():
                continue
        out.append(url)
    return out


def url_host(url: str) -> str:
    target = url if "://" in url else "http://" + url
    try:
        return (urlsplit(target).hostname or "").lower()
    except ValueError:
        return ""


def _check_official_link(
    rule: ElementRule, fields: list[tuple[str, str]], domains: tuple[str, ...]
) -> ElementResult:
    seen_other: str | None = None
    for source, text in fields:
        for url in extract_urls(text):
            host = url_host(url)
            if host and on_domains(host, domains):
                return ElementResult(rule.id, True, _clip(url), source, "found")
            seen_other = seen_other or url
    if not domains:
        return ElementResult(rule.id, False, None, None, "no official domains are configured")
    if seen_other:
        return ElementResult(
            rule.id,
            False,
            None,
            None,
            f"links only to non-official sites (e.g. {_clip(seen_other)})",
        )
    return ElementResult(rule.id, False, None, None, "no link found")


def find_phones(text: str) -> list[str]:
    """Non-emergency phone numbers (911 never counts) and N11 service lines like 311."""
    found = [m.group(0).strip() for m in _PHONE.finditer(text)]
    found += [m.group(0) for m in _N11.finditer(text)]
    return found


def _check_contact(
    rule: ElementRule, fields: list[tuple[str, str]], domains: tuple[str, ...]
) -> ElementResult:
    ordered = sorted(fields, key=lambda kv: (kv[0] not in PHONE_FIELDS + EMAIL_FIELDS,))
    foreign_email: str | None = None
    for source, text in ordered:
        phones = find_phones(text)
        if phones:
            return ElementResult(rule.id, True, _clip(phones[0]), source, "found")
        for match in _EMAIL.finditer(text):
            if not domains or on_domains(match.group(1), domains):
                return ElementResult(rule.id, True, _clip(match.group(0)), source, "found")
            foreign_email = foreign_email or match.group(0)
    if foreign_email:
        return ElementResult(
            rule.id,
            False,
            None,
            None,
            f"only an email outside the official domains ({foreign_email})",
        )
    return ElementResult(rule.id, False, None, None, "no non-emergency phone or agency email")


def check_fields(
    fields: Mapping[str, str], policy: Policy, *, official_domains: Iterable[str] = ()
) -> ComplianceReport:
    """Check profile text against every required element of ``policy``.

    ``fields`` maps a source name (``about``, ``website``, ``linked:https://…``) to its text.
    Never raises on odd input: HTML, huge or empty fields, odd Unicode.
    """
    domains = tuple(d for d in (x.strip().lower() for x in official_domains) if d)
    ordered = _ordered(fields)
    prepared = [(source, sentences(text)) for source, text in ordered]
    results: dict[str, ElementResult] = {}
    for rule in policy.elements:
        if rule.matcher == "official_link":
            results[rule.id] = _check_official_link(rule, ordered, domains)
        elif rule.matcher == "contact_info":
            results[rule.id] = _check_contact(rule, ordered, domains)
        else:
            results[rule.id] = _check_patterns(rule, prepared)
    warnings: list[PolicyWarning] = []
    seen: set[str] = set()
    for source, sents in prepared:
        for sent in sents:
            for wrule in policy.warnings:
                if wrule.id not in seen and wrule.pattern.search(sent):
                    seen.add(wrule.id)
                    warnings.append(PolicyWarning(wrule.id, _clip(sent), source, wrule.note))
    return ComplianceReport(results, tuple(warnings))


def fields_from_json(data: Mapping[str, Any]) -> dict[str, str]:
    """Profile fields from a JSON object as people write them (``check-profile``, a proposed
    profile): text and numbers kept, lists of strings joined, ``platform`` and the rest left
    out."""
    fields: dict[str, str] = {}
    for key, value in data.items():
        if key == "platform":
            continue
        if isinstance(value, list):
            value = " ".join(str(v) for v in value if isinstance(v, str | int | float))
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            fields[str(key)] = str(value)
    return fields


def suggested_fix(
    rule: ElementRule,
    *,
    agency: str | None,
    phone: str | None = None,
    email: str | None = None,
    domain: str | None = None,
) -> str:
    """The rule's suggested text with the department's details filled in."""
    return (
        rule.suggested_text.replace("{agency}", agency or "the department")
        .replace("{phone}", phone or "(non-emergency number)")
        .replace("{email}", email or "(agency email)")
        .replace("{domain}", domain or "(official website)")
        .strip()
    )
