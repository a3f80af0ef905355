"""Violent verbs written with a masked letter ("m*rder", "k*ll", "sh**t"), spelled out so that
the threat rules can read them: a masked word is matched letter by letter against these verbs,
as the obscenity lexicon's masked words are against its words. Pure: no I/O."""

from __future__ import annotations

import functools

from page_governor.moderation.normalize import mask_matches
from page_governor.moderation.threat_rules import wordset

_MASKABLE = sorted(
    wordset(
        "kill kills killed killing murder murdered shoot shooting stab stabbed die dead hang "
        "hanged lynch bomb burn rape choke strangle shank slit gut"
    )
)
_MASKABLE_BY_LEN: dict[int, tuple[str, ...]] = {}
for _verb in _MASKABLE:
    _MASKABLE_BY_LEN[len(_verb)] = (*_MASKABLE_BY_LEN.get(len(_verb), ()), _verb)


@functools.lru_cache(maxsize=4096)
def _spelled(word: str) -> str | None:
    # (a letter at each end: "*I*" is an emphasis, not "die")
    if len(word) not in _MASKABLE_BY_LEN or not (word[0].isalpha() and word[-1].isalpha()):
        return None
    return mask_matches(word, _MASKABLE_BY_LEN)


def unmasked(words: list[str]) -> list[str] | None:
    """The words with each masked violent verb spelled out, or None when there is none."""
    spelled = [_spelled(w) if "*" in w or "#" in w else None for w in words]
    if not any(spelled):
        return None
    return [s or w for s, w in zip(spelled, words, strict=True)]
