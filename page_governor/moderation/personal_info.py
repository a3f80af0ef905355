"""Personal information (doxxing): home addresses, personal phone numbers and emails, dates of
birth, social security numbers, licence plates tied to a person. The agency's own published
numbers and emails are never personal information."""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Context, Hit
from page_governor.moderation.normalize import Normalized

# Nothing below can match without a digit or an email address ("@USER" mentions do not count).
SCREEN = re.compile(r"\d|[\w.+-]@[\w-]+\.")

_SSN = re.compile(
    r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)|\b(ssn|social security)\b\D{0,20}\d{3}\D?\d{2}\D?\d{4}"
)
_PHONE = re.compile(
    r"(?<![\d-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\d-])"
)
_TOLL_FREE = {"800", "888", "877", "866", "855", "844", "833", "900"}
_PHONE_CONTEXT = re.compile(
    r"\b(his|her|their|your|my|'s|cell|mobile|personal|home|private|number is|text him|text her|"
    r"call him|call her|call them|celular|su numero|email is|e-mail is|number)\b"
)
_STREET = (
    r"\d{1,6}\s+(?:[a-z0-9'.-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|court|"
    r"ct|boulevard|blvd|way|place|pl|circle|cir|terrace|ter|trail|trl|parkway|pkwy|highway|hwy|"
    r"calle|avenida)\b\.?(?:\s*(?:apt|apartment|unit|suite|#|no\.?)\s*[a-z0-9-]+)?"
)
_ADDRESS_CONTEXT = re.compile(
    r"\b(lives?|living|stays?|staying|resides?|reside|residing|vive)\s+(at|on|in|en)\s+"
    + _STREET
    + r"|\b(home|house|personal|residential|his|her|their|your)\s+(home\s+)?(address|house|home|place|residence|domicilio)\s+(is|at|on|:)?\s*"
    + _STREET
    + r"|\baddress\s+(is|:)\s*"
    + _STREET
    + r"|\bdireccion\s+(es|:)\s*"
    + _STREET
)
_DATE = (
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4})"
)
_DOB = re.compile(
    r"\b(dob|d\.o\.b\.?|date of birth|born on|born|birthday|birthdate|fecha de nacimiento)\b\W{0,5}"
    r"(?:(?:is|was|es)\s+)?" + _DATE
)
_PLATE = re.compile(
    r"\b(plate|plates|tag|tags|license|licence|registration|placa)\b(\s+(number|no|#|is|:))*\s*[:#]?\s*"
    r"((?=[a-z0-9-]{5,8}\b)(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9-]{5,8})\b"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+")


def _folded_span(n: Normalized, m: re.Match[str]) -> tuple[int, int]:
    return n.original_span(m.start(), m.end())


# Cheap gates, so each costly pattern runs only on comments that could match it.
_GATE_SSN = re.compile(r"\d\d\d-\d\d-\d|ssn|social security")
_GATE_STREET = re.compile(
    r"\d+\s+\S+\s+(\S+\s+){0,3}(street|st|avenue|ave|road|rd|drive|dr|lane|ln|court|ct|boulevard|"
    r"blvd|way|place|pl|circle|cir|terrace|ter|trail|trl|parkway|pkwy|highway|hwy|calle|avenida)\b"
)
_GATE_DOB = re.compile(r"\b(dob|d\.o\.b|birth|born|birthday|birthdate|nacimiento)\b")
_GATE_PLATE = re.compile(r"\b(plates?|tags?|license|licence|registration|placa)\b")
_GATE_PHONE = re.compile(r"\d\d\d\D{0,3}\d\d\d\D?\d\d\d\d")


def detect_personal_info(n: Normalized, ctx: Context) -> Hit:
    hit = Hit()
    text = n.folded
    if _GATE_SSN.search(text):
        for m in _SSN.finditer(text):
            hit.add(0.95, _folded_span(n, m))
    if _GATE_STREET.search(text):
        for m in _ADDRESS_CONTEXT.finditer(text):
            hit.add(0.9, _folded_span(n, m))
    if _GATE_DOB.search(text):
        for m in _DOB.finditer(text):
            hit.add(0.8, _folded_span(n, m))
    if _GATE_PLATE.search(text):
        for m in _PLATE.finditer(text):
            hit.add(0.8, _folded_span(n, m))
    if _GATE_PHONE.search(text):
        agency_tails = {p[-7:] for p in ctx.agency_phones}
        for m in _PHONE.finditer(text):
            digits = "".join(m.groups())
            if (
                m.group(1) in _TOLL_FREE
                or digits in ctx.agency_phones
                or digits[-7:] in agency_tails
            ):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            # A number is personal information when it is tied to someone ("his cell", "call
            # him at home"); a bare number is more often a business or public line.
            hit.add(0.9 if _PHONE_CONTEXT.search(before) else 0.45, _folded_span(n, m))
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.group(0).lower() in ctx.agency_emails:
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            personal = _PHONE_CONTEXT.search(before) or "personal" in before
            hit.add(0.85 if personal else 0.45, _folded_span(n, m))
    return hit


# Public names for the records-release redactor (page_governor.archive.redaction), which removes
# these wherever they occur, without the context the moderation detector requires.
SSN_PATTERN = re.compile(_SSN.pattern, re.IGNORECASE)
PHONE_PATTERN = _PHONE
EMAIL_PATTERN = re.compile(_EMAIL.pattern, re.IGNORECASE)
STREET_PATTERN = re.compile(_STREET, re.IGNORECASE)
