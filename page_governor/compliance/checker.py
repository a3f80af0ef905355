"""The compliance check: a pure function from profile text to a report with evidence.

Every field is read as its author laid it out (:mod:`page_governor.compliance.blocks`):
headings, paragraphs and list items, a list item together with its lead-in or heading. For
pattern elements a reading is evidence when it matches a pattern and no negation; an element
fails outright when a reading matches one of its ``fails_if`` rules without also being evidence
(a page that says it is "monitored 24/7", or "not affiliated with" the agency). Evidence names
the field and the block it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from page_governor.compliance.blocks import Block, blocks_from_html, blocks_from_text
from page_governor.compliance.faq import is_question
from page_governor.compliance.initials import names_by_initials, spelled_out
from page_governor.compliance.policy import ElementRule, Policy, WarningRule
from page_governor.compliance.statement_model import ask
from page_governor.compliance.text import clean, sentences
from page_governor.domains import registrable
from page_governor.moderation.pii import addresses

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

_N11 = re.compile(r"\b(call|dial|text|phone)\s+(3|2|5)[\s.-]?1[\s.-]?1\b", re.IGNORECASE)
# Vanity numbers ("1-800-TROOPER"): letters read as the keypad digits they stand for.
# ("1-800-NESS-COP": letter groups split by hyphens or dots, never by spaces, so that capitals
# after a number, "Route 295 SOUTH BOUND", are not read as one)
_VANITY = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?"
    r"(?:[A-Z0-9]{3}[\s.-]?[A-Z0-9]{4,7}|[A-Z0-9]{2,6}(?:[.-][A-Z0-9]{1,6}){1,2})(?![\w-])"
)
ADDRESS_FIELDS = ("single_line_address", "address", "location")
# a street address is the agency's own when it is said to be ("Headquarters: 100 Main Street",
# "visit us at …") or written for mail (a ZIP code after it); "a crash at 1200 Elm Street" is not
_ADDRESS_CUE = re.compile(
    r"\b(address|headquarters|hq|located|location|office|offices|station|lobby|front desk|"
    r"front counter|walk-ins?|visit us|find us|"
    r"mail|mailing|write to us|come see us|precinct|city hall|courthouse)\b[^.]{0,40}$",
    re.IGNORECASE,
)
_ZIP_AFTER = re.compile(r"[^.\n]{0,40}?\b\d{5}(?:-\d{4})?\b")
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
    *("jpg", "jpeg", "png", "gif", "pdf", "doc", "docx", "txt", "mp4", "mov", "html", "php"),
    *("aspx", "js", "css", "m", "p", "a", "e", "i", "st", "ave", "rd", "dr", "jr", "sr", "vs"),
}


@dataclass(frozen=True, slots=True)
class ElementResult:
    id: str
    passed: bool
    evidence: str | None
    source: str | None
    reason: str
    block: str | None = None  # where in the field: "list item after 'Comments may be…'"

    def as_json(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "evidence": self.evidence,
            "source": self.source,
            "block": self.block,
        }


@dataclass(frozen=True, slots=True)
class PolicyWarning:
    id: str
    text: str
    source: str
    note: str
    phrase: str = ""  # the words that raised it ("inappropriate")
    case: str = ""  # the case it comes from

    def as_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "phrase": self.phrase,
            "text": self.text,
            "source": self.source,
            "note": self.note,
            "case": self.case,
        }


@dataclass(frozen=True, slots=True)
class Reading:
    """One text the checker matches: a sentence, or a list item joined to its lead-in."""

    text: str
    source: str
    block: Block
    shown: str | None = None  # what the page says, when ``text`` is a statement read from it


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


def _check_patterns(rule: ElementRule, readings: list[Reading]) -> ElementResult:
    evidence: Reading | None = None
    contradiction: Reading | None = None
    for reading in readings:
        text = reading.text
        is_evidence = any(p.search(text) for p in rule.patterns) and not _negated(rule, reading)
        if is_evidence:
            if evidence is None:
                evidence = reading
        elif (
            contradiction is None
            and not is_question(text)  # a question asserts nothing
            and any(f.search(text) for f in rule.fails_if)
        ):
            contradiction = reading
    if contradiction is not None:
        return ElementResult(
            rule.id,
            False,
            None,
            None,
            f"contradicted in {contradiction.source}: {_clip(contradiction.text)!r}",
        )
    if evidence is None:
        evidence = _together(rule, readings)
    if evidence is None:
        return ElementResult(rule.id, False, None, None, "no statement found")
    return ElementResult(
        rule.id,
        True,
        _clip(evidence.shown or evidence.text),
        evidence.source,
        "found",
        evidence.block.describe(),
    )


def _together(rule: ElementRule, readings: list[Reading]) -> Reading | None:
    """The first reading of a ``together`` pair whose second pattern another reading of the
    same field matches (a statement split over two sentences of one policy)."""
    for first, second in rule.together:
        seconds = [r for r in readings if second.search(r.text) and not _negated(rule, r)]
        for reading in readings:
            if (
                any(r.source == reading.source and r is not reading for r in seconds)
                and first.search(reading.text)
                and not _negated(rule, reading)
            ):
                return reading
    return None


def _negated(rule: ElementRule, reading: Reading) -> bool:
    """A negation in the reading, or in the lead-in of the list the reading's item belongs to:
    an item under "The Park System shall delete comments that:" is no purpose statement,
    whatever its own words ("… non-county events and programs")."""
    if any(n.search(reading.text) for n in rule.negations):
        return True
    lead_in = reading.block.lead_in if reading.block.kind == "item" else None
    return bool(lead_in) and any(n.search(lead_in) for n in rule.negations)


def read_fields(fields: Mapping[str, str]) -> list[Reading]:
    """Every reading of every field, most authoritative field first."""
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    readings: list[Reading] = []
    for source in sorted(fields, key=lambda k: (rank.get(k, len(rank)), k)):
        value = fields[source]
        value = value if isinstance(value, str) else str(value)
        if not value.strip():
            continue
        blocks = (
            blocks_from_html(value) if source.startswith("linked:") else blocks_from_text(value)
        )
        seen: set[str] = set()
        for block in blocks:
            for text in block.readings():
                if text not in seen:
                    seen.add(text)
                    readings.append(Reading(text, source, block))
            for text, shown in block.answers():
                if text not in seen:
                    seen.add(text)
                    readings.append(Reading(text, source, block, shown))
    # the agency's initials read as its name where the profile spells it out ("Managed by BFR")
    names = names_by_initials(r.text for r in readings)
    for reading in list(readings):
        text = spelled_out(reading.text, names)
        if text is not None:
            readings.append(
                Reading(text, reading.source, reading.block, reading.shown or reading.text)
            )
    return readings


def on_domains(host: str, domains: Iterable[str]) -> bool:
    """Is ``host`` one of the official domains or under one ("www.", "sheriff.county.gov")?

    Read with the Public Suffix List (offline snapshot): a host must have a real registrable
    domain, and a configured "domain" that is itself a public suffix ("gov", "tx.us",
    "co.uk") never makes every site under it official.
    """
    host = host.lower().strip().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if not host:
        return False
    for domain in domains:
        d = domain.lower().strip().rstrip(".")
        d = d[4:] if d.startswith("www.") else d
        if not d:
            continue
        if host == d:
            return True  # the domain itself (or an address configured as it is)
        if registrable(d) is None or registrable(host) is None:
            continue  # "gov" or "tx.us" alone is a public suffix, not an agency's domain
        if host.endswith("." + d):
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


# an SMS short code to text ("Text tips to 847411"; five or six digits, never 911)
_SHORT_CODE = re.compile(r"\btext\b[^.\n]{0,30}?\bto\s+(\d{5,6})\b", re.IGNORECASE)


def find_phones(text: str) -> list[str]:
    """Non-emergency phone numbers (911 never counts), in US and international formats with
    extensions (read with ``phonenumbers``), vanity numbers (1-800-TROOPER), N11 service
    lines like 311 and SMS short codes to text ("Text tips to 847411")."""
    import phonenumbers

    found: list[str] = []
    if any(ch.isdigit() for ch in text):
        for match in phonenumbers.PhoneNumberMatcher(
            text, "US", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=100
        ):
            digits = "".join(ch for ch in match.raw_string if ch.isdigit())
            if len(digits) >= 10 or (len(digits) == 7 and "-" in match.raw_string):
                found.append(match.raw_string.strip())
        for match in _VANITY.finditer(text):
            raw = match.group(0)
            if not any(ch.isalpha() for ch in raw) or raw in found:
                continue
            try:
                number = phonenumbers.parse(
                    phonenumbers.convert_alpha_characters_in_number(raw), "US"
                )
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(number):
                found.append(raw.strip())
    found += [m.group(0) for m in _N11.finditer(text)]
    found += [m.group(1) for m in _SHORT_CODE.finditer(text)]
    return found


def _agency_email(candidate: str) -> bool:
    """A syntactically valid address (``email-validator``, no DNS look-up)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


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
            if not _agency_email(match.group(0)):
                continue
            if not domains or on_domains(match.group(1), domains):
                return ElementResult(rule.id, True, _clip(match.group(0)), source, "found")
            foreign_email = foreign_email or match.group(0)
    # a street address: the page's address field, or one written in its text ("Headquarters:
    # 100 Main Street, Ness"), read with usaddress as the classifier reads one
    for source, text in ordered:
        for start, end in addresses(text, limit=5):
            if _ADDRESS_CUE.search(text[max(0, start - 40) : start]) or _ZIP_AFTER.match(text, end):
                return ElementResult(rule.id, True, _clip(text[start:end]), source, "found")
        if source in ADDRESS_FIELDS and any(ch.isdigit() for ch in text):
            return ElementResult(rule.id, True, _clip(text), source, "found")
    if foreign_email:
        return ElementResult(
            rule.id,
            False,
            None,
            None,
            f"only an email outside the official domains ({foreign_email})",
        )
    return ElementResult(
        rule.id, False, None, None, "no non-emergency phone, agency email or street address"
    )


def check_fields(
    fields: Mapping[str, str], policy: Policy, *, official_domains: Iterable[str] = ()
) -> ComplianceReport:
    """Check profile text against every required element of ``policy``.

    ``fields`` maps a source name (``about``, ``website``, ``linked:https://…``) to its text.
    Never raises on odd input: HTML, huge or empty fields, odd Unicode.
    """
    domains = tuple(d for d in (x.strip().lower() for x in official_domains) if d)
    ordered = _ordered(fields)
    readings = read_fields(fields)
    results: dict[str, ElementResult] = {}
    for rule in policy.elements:
        if rule.matcher == "official_link":
            results[rule.id] = _check_official_link(rule, ordered, domains)
        elif rule.matcher == "contact_info":
            results[rule.id] = _check_contact(rule, ordered, domains)
        else:
            results[rule.id] = _check_patterns(rule, readings)
    for rule in policy.elements:
        if rule.model_threshold is not None and results[rule.id].reason == "no statement found":
            results[rule.id] = _ask_model(rule, readings, results)
    return ComplianceReport(results, tuple(risky_wording(readings, policy.warnings)))


def _ask_model(
    rule: ElementRule, readings: list[Reading], results: dict[str, ElementResult]
) -> ElementResult:
    """The learned reader (:mod:`statement_model`), where no pattern found the element; not on a
    page that says it is not the agency's ("not operated by the Oakdale Police Department")."""
    kept = results[rule.id]
    disowned = results.get("maintained_by_agency")
    if disowned is not None and disowned.reason.startswith("contradicted"):
        return kept
    assert rule.model_threshold is not None  # only rules with a reader are asked
    found = ask(rule.id, rule.model_threshold, readings, lambda r: model_may_read(rule, r))
    if found is None:
        return kept
    r = found.reading
    why = f"read by the statement model ({found.probability:.2f}, threshold {found.threshold:.2f})"
    return ElementResult(rule.id, True, _clip(r.shown or r.text), r.source, why, r.block.describe())


def model_may_read(rule: ElementRule, reading: Reading) -> bool:
    """May the learned reader take this reading as the element? Not a question, nothing the
    rule negates, and every ``model_requires`` pattern met (a purpose names what the page
    carries: "Showing up for the community is what we do" is a motto)."""
    return (
        not is_question(reading.text)
        and not _negated(rule, reading)
        and all(p.search(reading.text) for p in rule.model_requires)
    )


def risky_wording(readings: list[Reading], rules: Iterable[WarningRule]) -> list[PolicyWarning]:
    """Wording courts have treated as viewpoint-based or as unbridled discretion, judged in
    context: "comments we find inappropriate may be removed" is warned, "inappropriate content,
    such as:" followed by a list of unprotected content, or a disclaimer of liability for what
    others post, is not."""
    warnings: list[PolicyWarning] = []
    seen: set[str] = set()
    for reading in readings:
        if reading.block.kind == "item" and reading.text != reading.block.text:
            continue  # a lead-in joined to an item: the lead-in is judged on its own
        if reading.block.list_before and reading.text.endswith(f": {reading.block.list_before}"):
            continue  # a sentence read with the list above it: each is judged on its own
        for rule in rules:
            if rule.id in seen:
                continue
            match = rule.pattern.search(reading.text)
            if match is None or any(e.search(reading.text) for e in rule.unless):
                continue
            after = _next_sentence(reading) if rule.unless_next else ""
            if after and any(e.search(f"{reading.text} {after}") for e in rule.unless_next):
                continue
            if rule.about is not None and not any(
                rule.about.search(t)
                for t in (reading.text, reading.block.lead_in, reading.block.heading)
                if t
            ):
                continue  # "Roads may be blocked during the parade": no rule for the page
            seen.add(rule.id)
            warnings.append(
                PolicyWarning(
                    rule.id,
                    _clip(reading.text),
                    reading.source,
                    rule.note,
                    phrase=match.group(0),
                    case=rule.case,
                )
            )
    return warnings


def _next_sentence(reading: Reading) -> str:
    """The sentence after ``reading`` in its paragraph ("" when it is the last, or not a
    sentence of a paragraph; a sentence read under its heading counts as the sentence)."""
    if reading.block.kind != "paragraph":
        return ""
    said = sentences(reading.block.text)
    for i, sentence in enumerate(said[:-1]):
        if reading.text == sentence or reading.text.endswith(f": {sentence}"):
            return said[i + 1]
    return ""


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
