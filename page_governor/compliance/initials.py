"""An agency's initials, read as its name where the profile spells the name out.

Pages name themselves once and then go by initials: "🚒 Brighton Fire Rescue | … | Managed by
BFR", "Holloway County Sheriff's Office … Comments do not reflect the views of HCSO". The
patterns know agencies by the words of their names ("fire rescue", "sheriff's office"), so a
sentence with the initials alone read as if no agency were named. Here each such sentence gets
a second reading with the initials replaced by the name they stand for, when, and only when, the
same profile writes that name out; initials nothing on the page spells out stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name: capitalised words (and initials such as "PD"), with "of", "and", "&" or "the" between
# them: "Brighton Fire Rescue", "City of Marston", "Wexford PD", "Sheriff's Office".
_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:'s)?|[A-Z]{2,4})(?:\s+(?:(?:of|and|&|the)\s+)?(?:[A-Z][a-z]+(?:'s)?|[A-Z]{2,4})){1,6}\b"
)
_INITIALS = re.compile(r"\b[A-Z]{2,6}\b")
_SMALL_WORDS = frozenset({"of", "and", "&", "the"})


def _initials(name: str) -> str:
    """ "Holloway County Sheriff's Office" -> "HCSO", "Wexford PD" -> "WPD"."""
    return "".join(
        word if word.isupper() else word[0] for word in name.split() if word not in _SMALL_WORDS
    )


def names_by_initials(texts: Iterable[str]) -> dict[str, str]:
    """The names ``texts`` spell out, by their initials (the longest name for each)."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _NAME.finditer(text):
            words = match.group(0).split()
            # every run of two or more words that ends the name: "the Brighton Fire Rescue"
            # and "Fire Rescue" both stand for something
            for start in range(len(words) - 1):
                name = " ".join(words[start:])
                if words[start] in _SMALL_WORDS:
                    continue
                key = _initials(name)
                if len(key) >= 2 and len(name) > len(found.get(key, "")):
                    found[key] = name
    return found


def spelled_out(text: str, names: dict[str, str]) -> str | None:
    """``text`` with each of the initials in ``names`` replaced by its name; None if none."""
    if not names:
        return None
    replaced = _INITIALS.sub(lambda m: names.get(m.group(0), m.group(0)), text)
    return replaced if replaced != text else None
