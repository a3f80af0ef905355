"""Personal information that is a number: phone numbers in any country's format (phonenumbers),
card numbers that pass the Luhn check, SSNs outside the invalid ranges, dates of birth, and
licence plates near vehicle words. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

PHONE_REGIONS = ("US", "GB", "MX", "CA", "ES", "FR", "DE", "IN", "PH", "NG")


_PHONE_GATE = re.compile(r"\d[\d\s().\-]{5,}\d")


# A candidate: an optional "+", digits with the separators people type, an optional extension.
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.-])(?:\+\s?)?\(?\d[\d\s().\-]{5,20}\d(?:\s*(?:ext\.?|x|extension|anexo)\s*\d{1,5})?(?![\w/-])",
    re.IGNORECASE,
)


MAX_PHONE_CANDIDATES = 200  # a comment of nothing but numbers is read this far


@lru_cache(maxsize=1)
def _phonenumbers() -> Any:  # the module, imported on first use (start-up cost)
    import phonenumbers

    return phonenumbers


def phones(text: str, *, limit: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, country code + national number) of every phone number in the text.

    Candidates are found with one pattern, then each is parsed by ``phonenumbers``: as a US
    number first (7 or 10 digits, 11 with the leading 1), with its own country code when it
    starts with "+", else, when written with a trunk prefix ("07700 900456"), in the other
    regions of ``PHONE_REGIONS`` where the metadata says it is a valid number there."""
    if not _PHONE_GATE.search(text):
        return []
    pn = _phonenumbers()
    found: list[tuple[int, int, str]] = []
    parsed: dict[str, Any] = {}  # a number repeated in one comment is parsed once
    for count, m in enumerate(_PHONE_CANDIDATE.finditer(text)):
        if count >= MAX_PHONE_CANDIDATES or (limit is not None and len(found) >= limit):
            break
        raw = m.group(0).strip()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = start + len(raw)
        digits = "".join(filter(str.isdigit, raw))
        if (
            len(digits) < 7
            or len(digits) > 20
            or _looks_like_date_or_id(text, start, end)
            or _IP.search(text, max(0, start - 4), min(len(text), end + 4))
        ):
            continue
        if raw not in parsed:
            parsed[raw] = _parse_phone(pn, raw, digits)
        number = parsed[raw]
        if number is not None:
            found.append((start, end, f"{number.country_code}{number.national_number}"))
    return found


def _parse_phone(pn: Any, raw: str, digits: str) -> Any:
    try:
        if raw.startswith("+"):
            number = pn.parse(raw, None)
            return number if pn.is_possible_number(number) else None
        # a North American number is 7 or 10 digits (11 with the leading 1); "666-12-3456"
        # is an SSN's shape, not a phone's
        national = raw.split("x")[0].split("X")[0]
        core = "".join(
            ch for ch in re.split(r"(?i)ext|extension|anexo", national)[0] if ch.isdigit()
        )
        if len(core) in (7, 10) or (len(core) == 11 and core[0] == "1"):
            number = pn.parse(raw, "US")
            if pn.is_possible_number(number) and (len(core) == 7 or core[-10] in "23456789"):
                return number
        if raw.lstrip("(").startswith("0"):
            # written with a national trunk prefix ("07700 900456", "030 1234567"): valid in
            # one of the other regions? (Bare digit groups like "318 44 7291" are not phones.)
            for region in PHONE_REGIONS[1:]:
                number = pn.parse(raw, region)
                if pn.is_valid_number(number):
                    return number
    except pn.NumberParseException:
        return None
    return None


# "case 24-118832", "order #5551234": a number named as something else is not a phone
_ID_BEFORE = re.compile(r"(case|report|ticket|order|invoice|ref|#|no\.?|number:)\s*$", re.I)


_IP = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")


_DATEISH = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")


def _looks_like_date_or_id(text: str, start: int, end: int) -> bool:
    raw = text[start:end]
    if _DATEISH.match(raw.strip()):
        return True
    before = text[max(0, start - 12) : start].lower()
    return bool(_ID_BEFORE.search(before))


# (each starts with a digit and then looks behind it, the same as a lookbehind first but
# scanned fast: the engine skips to the next digit)
_CARD = re.compile(r"\d(?<![\d-]\d)(?:[ -]?\d){12,18}(?![\d-])")


_CARD_WORD = re.compile(
    r"\b(card|credit|debit|visa|mastercard|amex|discover|cc|cvv|exp)\b", re.IGNORECASE
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def cards(text: str) -> Iterator[tuple[int, int]]:
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if not 13 <= len(digits) <= 19 or len(set(digits)) < 3:
            continue
        near = text[max(0, m.start() - 40) : m.end() + 20]
        grouped = re.fullmatch(r"\d{4}([ -]\d{4}){3}|\d{4}[ -]\d{6}[ -]\d{5}", m.group(0))
        if luhn_ok(digits) or (grouped and _CARD_WORD.search(near)):
            yield m.span()


_SSN = re.compile(r"(\d(?<![\d-]\d)\d{2})([- ]?)(\d{2})\2(\d{4})(?![\d-])")


_SSN_WORD = re.compile(
    r"\b(ssn|ss#|ss #|social security|social|seguro social)\b"
    r"(\W{0,3}\b(is|number|num|no|was|=)\b){0,2}\W{0,20}$",
    re.IGNORECASE,
)


def ssn_valid(area: str, group: str, serial: str) -> bool:
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def ssns(text: str) -> Iterator[tuple[int, int]]:
    for m in _SSN.finditer(text):
        area, sep, group, serial = m.groups()
        if not ssn_valid(area, group, serial):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        # "524-61-9083" has the shape; "318 44 7291" and "318447291" need the word before them
        if sep == "-" or _SSN_WORD.search(before) or "ss#" in before.lower():
            yield m.span()


_DATE = (
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4})"
)


DOB = re.compile(
    r"\b(dob|d\.o\.b\.?|date of birth|born on|born|birthday|birthdate|b-day|bday|"
    r"fecha de nacimiento)\b\W{0,5}(?:(?:is|was|es|on)\s+)?" + _DATE,
    re.IGNORECASE,
)


_PLATE_WORD = re.compile(
    r"\b(plates?|tags?|license plate|licence plate|registration|placa)\b", re.IGNORECASE
)


# Every start position is tried ("tags are JKW 5530": "are JKW" is not a plate, "JKW 5530" is).
_PLATE_CANDIDATE = re.compile(
    r"(?=(?<![a-z0-9])([a-z0-9]{1,4}[ -]?[a-z0-9]{2,5})(?![a-z0-9]))", re.I
)


_NAMED_AS = re.compile(r"^[^.!?]*(\b(is|was|reads|says)|[:#])\s*$")


def plates(text: str) -> Iterator[tuple[int, int]]:
    """Licence plates within a few words after a plate word."""
    for word in _PLATE_WORD.finditer(text):
        near_end = min(len(text), word.end() + 24)
        window_end = min(len(text), word.end() + 48)
        for m in _PLATE_CANDIDATE.finditer(text, word.end(), window_end):
            if not _plate_like(m.group(1)) or m.end(1) > window_end:
                continue
            # farther on, only the plate the sentence names: "tag number on that white F-150
            # is JHK 4471" (not "a tag has been placed on Nvidia 9800 GX2")
            if m.end(1) > near_end and not _NAMED_AS.search(text[word.end() : m.start(1)]):
                continue
            yield m.span(1)
            break


def _plate_like(candidate: str) -> bool:
    """5-8 letters and digits with at least one of each: "7KXM482", "JKW 5530", "BRN-4471"."""
    chars = candidate.replace(" ", "").replace("-", "")
    return (
        5 <= len(chars) <= 8 and any(c.isdigit() for c in chars) and any(c.isalpha() for c in chars)
    )


VEHICLE = re.compile(
    r"\b(car|truck|van|suv|pickup|sedan|camry|civic|accord|f-?150|tahoe|honda|toyota|ford|"
    r"nissan|chevy|jeep|bmw|vehicle)\b",
    re.IGNORECASE,
)


BARE_PLATE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]{6,8}\b)(?=[A-Z-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9-]+\b")


# A phone number spelled out in words to slip past filters: "seven oh two, five five five, zero
# one nine eight". Seven, ten or eleven digit words in a row, with the commas and hyphens
# people put between the groups, that read as a phone number once written in digits.
_SPELLED_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_OF = {word: str(digit) for digit, word in enumerate(_SPELLED_DIGITS)} | {"oh": "0"}
DIGIT_WORDS = frozenset(_DIGIT_OF)
_SPELLED_RUN = re.compile(
    r"\b(?:(?:" + "|".join(DIGIT_WORDS) + r")[\s,.-]{1,3}){6,}(?:" + "|".join(DIGIT_WORDS) + r")\b",
    re.IGNORECASE,
)
_SPELLED_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def may_spell_number(lower: str) -> bool:
    """Could a phone number be spelled out in words here? (Three different digit words, as
    substrings: a cheap test that lets few comments through.)"""
    return sum(word in lower for word in _SPELLED_DIGITS) >= 3


def spelled_phones(text: str) -> Iterator[tuple[int, int]]:
    """Spans of phone numbers spelled out in digit words, each read by ``phones`` once written
    in digits."""
    for m in _SPELLED_RUN.finditer(text):
        words = _SPELLED_WORD.findall(m.group(0))
        if len(words) in (7, 10, 11):
            digits = "".join(_DIGIT_OF[w.lower()] for w in words)
            if phones(digits):
                yield m.span()


# Bank numbers: a routing number (nine digits that pass the ABA check) or an account number
# (8 to 17 digits) right after its word.
_ROUTING = re.compile(
    r"\b(?:routing|aba|rtn)(?:\s+(?:number|no\.?|#))?\s*(?:is|:|#)?\s*(\d{9})(?!\d)", re.I
)
_ACCOUNT = re.compile(
    r"\b(?:account|acct)(?:\s+(?:number|no\.?|#))?\s*(?:is|:|#)?\s*(\d{8,17})(?!\d)", re.I
)


def aba_ok(digits: str) -> bool:
    """The ABA routing-number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10."""
    d = [int(c) for c in digits]
    return (
        len(d) == 9
        and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0
    )


def bank_numbers(text: str) -> Iterator[tuple[int, int]]:
    """Spans of routing numbers that pass the ABA check and of account numbers."""
    for m in _ROUTING.finditer(text):
        if aba_ok(m.group(1)):
            yield m.span(1)
    for m in _ACCOUNT.finditer(text):
        yield m.span(1)


# A driver's licence number after its words: "driver's license K550-1123-8870", "DL# D4127781"
_LICENCE = re.compile(
    r"\b(?:driver'?s?\s+licen[cs]e|licen[cs]e\s+(?:number|no\.?|#)|dl\s*#?|d/l)\s*"
    r"(?:number|no\.?|#)?\s*(?:is|:)?\s*([a-z]{0,2}\d[\d-]{5,16}\d)\b",
    re.I,
)


def licence_numbers(text: str) -> Iterator[tuple[int, int]]:
    """Spans of driver's licence numbers (a letter or two and at least seven digits)."""
    for m in _LICENCE.finditer(text):
        if sum(c.isdigit() for c in m.group(1)) >= 7:
            yield m.span(1)
