"""Personal information (doxxing) for the moderation classifier: home addresses, personal
phone numbers and e-mails, dates of birth, social security and card numbers, licence plates, a
named minor with an age and a school. Finding them is :mod:`page_governor.moderation.pii`'s
job (shared with the public-release redactor); this module decides how strongly each finding
points at doxxing. A private person's name tied to where they work, live or study ("That's
Devon Miles, he works the night shift at the Shell on Route 9") is personal information too
when the comment points readers at them (an accusation, "go tell her"); said in thanks it is not.
The agency's own published numbers and e-mails are never personal
information, and a bare number or address with nothing tying it to a person (an event venue, a
business line, the writer's own number) stays below the flag threshold."""

from __future__ import annotations

from page_governor.moderation import pii, pii_numbers
from page_governor.moderation.detectors import MAX_EVIDENCE, Context, Hit
from page_governor.moderation.normalize import Normalized

SCREEN = pii.SCREEN


# Score per kind: (tied to a person, bare).
_SCORES = {
    "ssn": (0.95, 0.95),
    "card": (0.95, 0.95),
    "bank": (0.95, 0.95),
    "licence": (0.85, 0.85),
    "minor": (0.85, 0.85),
    "dob": (0.8, 0.8),
    "plate": (0.8, 0.3),  # bare: in a public alert (a suspect's or stolen car)
    "address": (0.9, 0.4),
    "phone": (0.9, 0.45),
    "email": (0.85, 0.45),
    "name": (0.75, 0.75),
    "account": (0.75, 0.75),
}
NAMED_PLACE_WORDS = pii.NAMED_PLACE_WORDS
ACCOUNT_WORDS = pii.ACCOUNT_WORDS
may_show_account = pii.may_show_account
DIGIT_WORDS = pii_numbers.DIGIT_WORDS  # a phone number spelled out needs three different ones


def detect_personal_info(n: Normalized, ctx: Context) -> Hit:
    hit = Hit()
    for match in pii.find(
        n.original,
        agency_phones=ctx.agency_phones,
        agency_emails=ctx.agency_emails,
        limit=2 * MAX_EVIDENCE,
    ):
        tied, bare = _SCORES[match.kind]
        hit.add(tied if match.tied else bare, match.span)
    return hit
