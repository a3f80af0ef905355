"""Finding personal information in free text: the one detector behind both the moderation
classifier (which asks "is this posted to target someone?") and the public-release redactor
(which removes every occurrence, whatever the context).

Built on maintained libraries where they exist:

- phone numbers: ``phonenumbers`` (Google's libphonenumber metadata): any country's format,
  extensions, ``+52 55 1234 5678`` as well as ``(717) 555-0143``. Numbers without a country
  code are read as North American numbers (7 or 10 digits), and those written with a trunk
  prefix ("0…") in the other regions of ``PHONE_REGIONS`` where the metadata says they are
  valid (a UK ``07700 900456``);
- street addresses: a cheap candidate pattern (a house number, up to four words, a street
  type) confirmed by ``usaddress``'s tagger (a CRF trained on US addresses), so "300 pound
  man" or "2 more days" never count;
- e-mail addresses: candidates confirmed by ``email-validator``'s syntax check (no DNS);
- payment cards: 13-19 digits that pass the Luhn check (or 15-16 grouped digits next to a
  card word, a mistyped number still exposes the account);
- social security numbers with the never-issued ranges excluded (area 000, 666, 900-999;
  group 00; serial 0000);
- dates of birth, licence plates next to a plate or vehicle word, a named minor tied to an
  age and a school, and a private person's full name tied to where they work, live or study
  in a comment that points readers at them (kind ``name``; never said in thanks, never after
  an officer's title).

Every finding is a span of the original text with its kind. Whether it is *tied to a person*
("his cell", "lives at", "her social is") is reported separately: the classifier flags bare
numbers and addresses only when they are (event venues and the agency's own lines are not
doxxing); the redactor removes them all. The detectors of numbers (phones, cards, SSNs, dates
of birth, plates) live in ``pii_numbers``, a named child in ``pii_minors``, a private person's
name tied to where they live or work in ``pii_named``; addresses, e-mail and ``find`` live here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from page_governor.moderation.pii_minors import NOT_NAMES, may_name_a_child, minors
from page_governor.moderation.pii_named import ACCOUNT_WORDS as ACCOUNT_WORDS  # re-exported
from page_governor.moderation.pii_named import (
    NAMED_CUES,
    may_show_account,
    named_places,
    personal_accounts,
)
from page_governor.moderation.pii_named import NAMED_PLACE_WORDS as NAMED_PLACE_WORDS  # re-exported
from page_governor.moderation.pii_numbers import (
    BARE_PLATE,
    DOB,
    VEHICLE,
    bank_numbers,
    cards,
    licence_numbers,
    may_spell_number,
    phones,
    plates,
    spelled_phones,
    ssns,
)

# Nothing below can match without a digit or an "@" (or digits spelled out in words, or an
# e-mail address spelled out: "jane.doe at gmail dot com").
SCREEN = re.compile(r"\d|[\w.+-]@[\w-]+\.|\bdot\s+(?:com|net|org|edu|us)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class PiiMatch:
    kind: str  # phone, email, address, ssn, card, bank, licence, dob, plate, minor, name, account
    start: int
    end: int
    tied: bool  # said of a person ("his cell", "lives at"); strong kinds are always tied

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# -- cues ----------------------------------------------------------------------------------

# A number or address said of someone ("his cell", "text Brenda's", "call this loser at").
_TIED = re.compile(
    r"\b(his|her|their|hers|'s|s'|cell|cellphone|mobile|personal|home|private|inbox|"
    r"number is|text (him|her|them|this)|call (him|her|them|this)|ring (him|her)|"
    r"email (him|her|them)|e-mail (him|her|them)|message (him|her)|celular|su numero|"
    r"su tel[eé]fono|su correo|spam (this|him|her|his|her)|blow (it|up|him|her)|harass|"
    r"let (him|her|them) (know|hear)|tell (him|her|them)|hear from you|"
    # "here's the number of the woman who stole my package"
    r"(number|cell|phone|digits|email|e-mail) (of|for) (the|that|this) (woman|man|guy|lady|girl|"
    r"boy|kid|person|dude|chick|creep|thief|karen|idiot|jerk|loser|neighbor|neighbour))\b",
    re.IGNORECASE,
)
# The writer's own contact details ("call me", "my number") are not someone else's.
_OWN = re.compile(r"\b(my|me|us|our|i'm|im|mine)\b", re.IGNORECASE)
_ADDRESS_TIED = re.compile(
    r"\b(lives?|lived|living|stays?|staying|resides?|residing|residence|address|"
    r"(his|her|their|[a-z]+'s|s') (house|home|place|apartment)|(house|home) is|"
    r"domicilio|direcci[oó]n|vive|apartment|door|go knock|knock|drive by|pay (him|her|them) a "
    r"visit|house call|go say hi|in case anyone|where (he|she|they) (lives?|sleeps?))\b"
    r"|\b(he|she|they|guy|karen|snitch|rat|dude|lady|woman|man|creep)\b[^.!?]{0,12}\b(is|are|at)\s+at\b",
    re.IGNORECASE,
)
# "Brenda Kowalski, 87 Harbor View Rd": a person's full name right before the address
_NAME_BEFORE_ADDRESS = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z]\.?)?) ([A-Z][a-z'-]+)(?:,| -| at| of|:)\s*$"
)
_PLACE_WORDS = frozenset(
    (  # noqa: SIM905 (a line of words reads better than fifty of strings)
        "hall center centre church park station school library store market bank office "
        "department plaza building pizza cafe grill bar restaurant house museum arena stadium "
        "court courthouse hospital clinic shelter club hotel inn theater theatre mall depot "
        "services gym pharmacy motors auto diner bakery academy county city police sheriff fire "
        "community senior post lodge"
    ).split()
)


def _named_before(text: str, start: int) -> bool:
    """A capitalised first and last name (not a place's name) ends just before ``start``."""
    m = _NAME_BEFORE_ADDRESS.search(text[max(0, start - 40) : start])
    if m is None:
        return False
    first, last = m.group(1).split()[0].lower(), m.group(2).lower()
    return first not in _PLACE_WORDS and last not in _PLACE_WORDS and first not in NOT_NAMES


# "The food pantry number is", "the clinic's phone number is": a place's number, not a person's
_PLACE_NUMBER = re.compile(r"\b([a-z]+)(?:'s)? (?:phone |main |front desk )?number is\W*$", re.I)
_NUMBER_PLACES = _PLACE_WORDS | frozenset(
    ["pantry", "hotline", "helpline", "line", "desk", "shop", "business", "company", "program",
     "agency", "dispatch", "ministry", "kitchen", "daycare", "campground"]
)  # fmt: skip


def _a_places(before: str) -> bool:
    """The number is said to be a place's ("the food pantry number is …")."""
    m = _PLACE_NUMBER.search(before)
    return m is not None and m.group(1).lower() in _NUMBER_PLACES


# readers sent to call an office: "call the commissioner's office and demand an audit.
# 555-300-1000" (a public line, even in a pressure campaign), not "his cell"
_CALL_AN_OFFICE = re.compile(
    r"\b(call|contact|phone|ring|reach|dial)\s+(the\s+|his\s+|her\s+|their\s+)?([a-z']+\s+){0,3}"
    r"(office|offices|department|city hall|hotline|helpline|desk|switchboard|headquarters|clerk)\b"
    r"(?![^0-9]*\b(cell|mobile|personal|home|private)\b)",
    re.IGNORECASE,
)


_AFTER_ADDRESS = re.compile(
    r"^[^.!?]{0,40}\b(go (knock|say|tell|visit)|pay (him|her|them) a visit|make (his|her|their) "
    r"life|drive by|in case anyone|if anyone wants|the (blue|red|white|yellow|green|gray|grey) "
    r"(door|one|house))",
    re.IGNORECASE,
)

# -- phones --------------------------------------------------------------------------------


# -- addresses -----------------------------------------------------------------------------

_STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|drive|dr|lane|ln|court|ct|boulevard|blvd|way|place|pl|circle|"
    r"cir|terrace|ter|trail|trl|parkway|pkwy|highway|hwy|alley|loop|pike|square|sq|crescent|"
    r"calle|avenida|"
    # the suffixes of subdivision streets ("3310 Willow Bend", "18 Fox Hollow"); usaddress
    # still decides, and an address counts only when it is said of someone
    r"bend|run|hollow|ridge|path|row|crossing|cove|glen|heights|walk|landing|point|grove|creek|"
    r"hill|hills|knoll|meadows?|commons|vista|view"
)
# A word of a street's name: letters, or an ordinal ("5th"); never a small word of the
# sentence around it ("4567 at 12 Oak Street" is a phone number, then an address).
_STREET_WORD = (
    r"(?:(?!(?:at|on|in|and|or|the|to|from|near|by|of|is|was)\b)[a-z][a-z'.-]*|\d+(?:st|nd|rd|th))"
)
STREET = (
    # (a digit with no word character before it: r"\b\d" written so that the pattern starts with
    # a digit, which the regex engine scans for fast)
    r"\d(?<!\w\d)\d{0,5}[a-z]?\s+(?:[nsew]\.?\s+|north\s+|south\s+|east\s+|west\s+)?"
    r"(?:" + _STREET_WORD + r"\s+){0,3}" + _STREET_WORD + r"\s+(?:" + _STREET_TYPES + r")\b\.?"
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#|no\.?)\s*[a-z0-9-]+)?"
)
_STREET = re.compile(STREET, re.IGNORECASE)


@lru_cache(maxsize=1)
def _usaddress() -> Any:  # the module, imported on first use (start-up cost)
    import usaddress

    return usaddress


def addresses(text: str, *, limit: int | None = None) -> list[tuple[int, int]]:
    """Spans of US street addresses (house number, street name, street type, unit)."""
    spans: list[tuple[int, int]] = []
    verdicts: dict[str, bool] = {}  # a candidate repeated in one comment is parsed once
    for m in _STREET.finditer(text):
        if limit is not None and len(spans) >= limit:
            break
        candidate = m.group(0)
        if candidate not in verdicts:
            verdicts[candidate] = _street_address(candidate, text.islower())
        if verdicts[candidate]:
            spans.append(m.span())
    return spans


def _street_address(candidate: str, lower_case_text: bool) -> bool:
    try:
        tags, kind = _usaddress().tag(candidate)
    except Exception:  # usaddress raises RepeatedLabelError on odd strings
        return False
    return (
        kind == "Street Address"
        and "AddressNumber" in tags
        and "StreetName" in tags
        and (lower_case_text or _capitalised_name(candidate))
    )


def _capitalised_name(candidate: str) -> bool:
    """In a comment written with capitals, a street's name is capitalised ("1187 Harmon Road");
    "2 more days until Main Street" is not an address."""
    words = candidate.split()[1:]
    for word in words:
        bare = word.strip(".,")
        if not bare or bare[0].isupper() or bare[0].isdigit():
            continue
        if bare.lower() in ("apt", "apartment", "unit", "suite", "ste", "no", "#"):
            break  # the unit part may be written in lower case
        return False
    return True


# -- numbers with a checksum or a format -----------------------------------------------------


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+", re.I)


@lru_cache(maxsize=1)
def _email_validator() -> Any:  # the module, imported on first use (start-up cost)
    import email_validator

    return email_validator


def emails(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text:
        return
    ev = _email_validator()
    for m in _EMAIL.finditer(text):
        try:
            ev.validate_email(m.group(0), check_deliverability=False)
        except ev.EmailNotValidError:
            continue
        yield m.span()


# -- all together ---------------------------------------------------------------------------


def _tied(text: str, start: int, end: int, cue: re.Pattern[str] = _TIED) -> bool:
    before = text[max(0, start - 45) : start]
    return bool(cue.search(before))


# Substrings without which a detector cannot match: C-level substring tests before any
# regular expression with alternations runs over a long comment.
_DOB_CUES = ("dob", "d.o.b", "birth", "born", "bday", "b-day", "nacimiento")
_PLATE_CUES = ("plate", "tag", "licen", "registration", "placa")
_BANK_CUES = ("routing", "account", "acct", "aba", "rtn")
_LICENCE_CUES = ("licen", "dl", "d/l")
PUBLIC_ALERT = re.compile(
    r"\b(suspects?'?s?|stolen|wanted|bolo|be on the lookout|amber alert|silver alert|"
    r"hit[- ]and[- ]run|carjack(ed|ing)?|abduct(ed|ion)|fled|fleeing)\b",
    re.IGNORECASE,
)
_VEHICLE_CUES = (
    "car",
    "truck",
    "van",
    "suv",
    "pickup",
    "sedan",
    "camry",
    "civic",
    "accord",
    "150",
    "tahoe",
    "honda",
    "toyota",
    "ford",
    "nissan",
    "chevy",
    "jeep",
    "bmw",
    "vehicle",
)


_LONG_NUMBER = re.compile(r"\d(?:[\s().\-]{0,2}\d){6,}")


def _has_any(lower: str, cues: tuple[str, ...]) -> bool:
    return any(cue in lower for cue in cues)


class _Taken:
    """Character positions already claimed by a stronger finding (an SSN is not also a
    phone number): one bytearray, so each overlap test is a C-level scan."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._mask[start:end])

    def take(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)


def find(
    text: str,
    *,
    agency_phones: frozenset[str] = frozenset(),
    agency_emails: frozenset[str] = frozenset(),
    limit: int | None = None,
) -> list[PiiMatch]:
    """Every piece of personal information in ``text``, in order; the agency's own published
    phone numbers and e-mail addresses are left out. ``limit`` stops each kind of detector
    after that many findings (the classifier needs a few to explain a flag; the redactor
    passes none and gets them all)."""
    lower = text.lower()
    named = _has_any(lower, NAMED_CUES)
    spelled = may_spell_number(lower)
    spelled_email = " dot " in lower
    account = may_show_account(lower) and _has_any(lower, _ACCOUNT_CUES)
    if not (
        _DIGIT.search(text)
        or ("@" in text and SCREEN.search(text))
        or account
        or named
        or spelled
        or spelled_email
    ):
        return []
    found: list[PiiMatch] = []
    taken = _Taken(len(text))
    cap = limit if limit is not None else len(text) + 1

    def add(kind: str, start: int, end: int, tied: bool, *, claim: bool = True) -> None:
        found.append(PiiMatch(kind, start, end, tied))
        if claim:
            taken.take(start, end)

    long_numbers = _LONG_NUMBER.search(text) is not None  # SSNs, cards and phones need one
    if long_numbers:
        for start, end in itertools.islice(ssns(text), cap):
            add("ssn", start, end, True)
        for start, end in itertools.islice(cards(text), cap):
            if not taken.overlaps(start, end):
                add("card", start, end, True)
        if _has_any(lower, _BANK_CUES):
            for start, end in itertools.islice(bank_numbers(text), cap):
                if not taken.overlaps(start, end):
                    add("bank", start, end, True)
        if _has_any(lower, _LICENCE_CUES):
            for start, end in itertools.islice(licence_numbers(text), cap):
                if not taken.overlaps(start, end):
                    add("licence", start, end, True)
    if _has_any(lower, _DOB_CUES):
        for m in itertools.islice(DOB.finditer(text), cap):
            add("dob", m.start(), m.end(), True)
    # a plate in a public alert (a suspect's or a stolen car, an Amber Alert) is the alert's
    # subject, as the agency publishes it, not a private person's
    private_plate = not (_has_any(lower, _PLATE_CUES + _VEHICLE_CUES) and PUBLIC_ALERT.search(text))
    if _has_any(lower, _PLATE_CUES):
        for start, end in itertools.islice(plates(text), cap):
            add("plate", start, end, private_plate)
    if _has_any(lower, _VEHICLE_CUES) and VEHICLE.search(text):
        for m in itertools.islice(BARE_PLATE.finditer(text), cap):
            if not taken.overlaps(m.start(), m.end()):
                add("plate", m.start(), m.end(), private_plate)
    for start, end in addresses(text, limit=cap):
        tied = (
            _tied(text, start, end, _ADDRESS_TIED)
            or bool(_AFTER_ADDRESS.search(text[end : end + 60]))
            or _named_before(text, start)
        )
        add("address", start, end, tied)
    agency_tails = {p[-7:] for p in agency_phones}
    for start, end, number in phones(text, limit=cap) if long_numbers else ():
        if taken.overlaps(start, end):
            continue
        digits = "".join(filter(str.isdigit, text[start:end]))
        national = number[-10:]
        if (
            digits in agency_phones
            or national in agency_phones
            or digits[-7:] in agency_tails
            or national[:3] in _TOLL_FREE
        ):
            continue
        before = text[max(0, start - 45) : start]
        tied = bool(_TIED.search(before) or _TIED_AFTER.match(text, end, end + 40))
        add(
            "phone",
            start,
            end,
            tied
            and not _own_only(before)
            and not _a_places(before)
            and not _CALL_AN_OFFICE.search(text, max(0, start - 90), start),
            claim=False,
        )
    for start, end in itertools.islice(spelled_phones(text), cap) if spelled else ():
        before = text[max(0, start - 45) : start]
        add("phone", start, end, bool(_TIED.search(before)) and not _own_only(before), claim=False)
    for start, end in itertools.islice(emails(text), cap):
        if text[start:end].lower() in agency_emails:
            continue
        before = text[max(0, start - 45) : start]
        address = text[start:end].lower()
        tied = (
            bool(_TIED.search(before))
            or bool(_TELL_NAME.search(before))
            or "personal" in before.lower()
            or address.rsplit("@", 1)[-1] in _FREE_MAIL
        ) and not _own_only(before)
        add("email", start, end, tied, claim=False)
    for m in itertools.islice(_SPELLED_EMAIL.finditer(text), cap) if spelled_email else ():
        before = text[max(0, m.start() - 45) : m.start()]
        domain = f"{m.group(2)}.{m.group(3)}".lower()
        tied = (
            bool(_TIED.search(before)) or bool(_TELL_NAME.search(before)) or domain in _FREE_MAIL
        ) and not _own_only(before)
        add("email", m.start(), m.end(), tied, claim=False)
    # "she lives at 1129 W. Grand", "she's in the Oak Terrace apartments, building C, apt 7"
    for m in itertools.islice(_LIVES_AT.finditer(text), cap) if " live" in lower else ():
        group = next(g for g in (2, 4, 6) if m.group(g))
        if not taken.overlaps(*m.span(group)):
            add("address", *m.span(group), True)
    for m in (
        itertools.islice(_UNIT_AT.finditer(text), cap) if "apt" in lower or "unit" in lower else ()
    ):
        if not taken.overlaps(*m.span(1)):
            add("address", *m.span(1), True)
    if may_name_a_child(text, lower):
        for start, end in itertools.islice(minors(text), cap):
            add("minor", start, end, True, claim=False)
    if named:
        for start, end in itertools.islice(named_places(text), cap):
            if not taken.overlaps(start, end):
                add("name", start, end, True)
    if account:
        for start, end in itertools.islice(personal_accounts(text), cap):
            if not taken.overlaps(start, end):
                add("account", start, end, True)
    return sorted(found, key=lambda m: (m.start, m.end))


_ACCOUNT_CUES = tuple(sorted(ACCOUNT_WORDS))
_TOLL_FREE = {"800", "888", "877", "866", "855", "844", "833", "900"}
# Mailboxes people own (an agency publishes addresses at its own domain): one of these posted
# by someone other than its owner is a private person's address.
_FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "ymail.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "protonmail.com",
        "proton.me",
        "comcast.net",
        "att.net",
        "sbcglobal.net",
        "verizon.net",
        "mail.com",
        "gmx.com",
        "zoho.com",
        "yandex.com",
        "charter.net",
        "cox.net",
        "bellsouth.net",
    }
)
# "tell Rick how you feel", "let Brenda know"
_TELL_NAME = re.compile(r"\b(tell|let|ask|show|remind) [A-Z][a-z]+\b")


def _own_only(before: str) -> bool:
    """ "call me at", "my cell": the writer's own number, not someone else's (not "the man
    harassing me is Todd Fenn, cell …": a first person there is not the number's owner)."""
    last = re.split(r"[.!?]", before)[-1]
    return bool(_OWN.search(last)) and not (
        re.search(r"\b(his|her|their|'s)\b", last, re.IGNORECASE) or _SOMEONE_ELSES.search(last)
    )


# a first person that is not the number's owner: "the man harassing me is Todd Fenn, cell",
# "the number of the woman who stole my package"
_SOMEONE_ELSES = re.compile(
    r"\b(me|us)\b[^,;]{0,25}\b(is|was|named|called)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b"
    r"|(?i:\b(number|cell|phone|digits|email|e-mail) (of|for) (the|that|this) [a-z]+ (who|that)\b)"
)


# what ties a number to someone after it: "… and let him know he's a thief"
_TIED_AFTER = re.compile(
    r"[\s,.;:-]*(and |then |to )?(let|tell|ask|remind) (him|her|them)\b|"
    r"[\s,.;:-]*(and )?(call|text|spam|harass|message) (him|her|them)\b|"
    r"[\s,.;:-]*(and )?blow (it|him|her) up\b|"
    # a grievance told of the person right after: "…, she's the nurse who was rude to my dad"
    r"[\s,.;:-]*(she|he|they)('s| is| was| are| were)( the| a| an)?( [a-z']+){0,6} "
    r"(rude|lied|liar|stole|thief|scammed|scammer|snitch|snitched|cheated|owes|harassed|ripped)\b",
    re.IGNORECASE,
)
# an e-mail address spelled out: "brian.keller88 at yahoo dot com"
_SPELLED_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+-]{2,64})\s*(?:\(at\)|\[at\]|\s+at\s+)\s*([a-z0-9-]{2,63})\s*"
    r"(?:\(dot\)|\[dot\]|\s+dot\s+)\s*(com|net|org|edu|us)\b",
    re.IGNORECASE,
)
# where someone lives, with a house number but no street suffix: "she lives at 1129 W. Grand"
_LIVES_AT = re.compile(
    r"\b(lives|living|stays|staying|resides)\s+(?:at|on)\s+"
    r"(\d{1,6}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    # "lives in the blue house at the end of Cherry St": the house told by where it stands
    r"|\b(lives|living|stays|staying|resides)\s+in\s+(the\s+(?:[a-z]+\s+){0,2}(?:house|home|"
    r"trailer|duplex|place|apartment)\s+(?:at\s+the\s+end\s+of|on|at|off|across\s+from|"
    r"next\s+to|behind)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:St|Street|Rd|Road|Ave|Avenue|Ln|"
    r"Lane|Dr|Drive|Ct|Court|Way|Blvd|Circle|Place)\b"
    # "… at the corner of 5th and Maple"
    r"|the\s+(?:[a-z]+\s+){0,2}(?:house|home|trailer|duplex|place|apartment)\s+(?:at|on)\s+the\s+"
    r"corner\s+of\s+(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?:and|&)\s+(?:\d{1,3}(?:st|nd|rd|th)|"
    r"[A-Z][a-z]+)\b)"
    # "lives in the brown duplex at 912 S. 4th": the house, then its number
    r"|\b(lives|living|stays|staying|resides)\s+in\s+the\s+(?:[a-z]+\s+){0,2}(?:house|home|"
    r"trailer|duplex|place|apartment|triplex|rowhouse)\s+(?:at|on)\s+(\d{1,6}\s+(?:[NSEW]\.?\s+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)"
)
# a flat in a named complex, said of someone: "she's in the Oak Terrace apartments, building C,
# apt 7"
_UNIT_AT = re.compile(
    r"\b(?:he|she|they)(?:'s| is| are| lives| live| stays)\s+(?:in|at)\s+"
    r"((?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?i:apartments|apts|townhomes|condos|complex)"
    r"(?:,?\s+(?i:building|bldg)\.?\s+[A-Z0-9]+)?,?\s+(?i:apt|unit|#)\.?\s*\d+)"
)
