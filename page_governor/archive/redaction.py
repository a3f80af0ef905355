"""Redaction for public-release copies of a records bundle.

The native bundle is always complete. A public-release copy replaces personal information in
every text and raw payload with a marker such as ``[REDACTED PHONE]`` and logs what was removed
where (kind and count, never the value). Which kinds are removed is configured in
``config/redaction.yaml``; the agency's own published phone numbers and emails are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.moderation.personal_info import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    SSN_PATTERN,
    STREET_PATTERN,
)

KINDS: dict[str, re.Pattern[str]] = {
    "ssn": SSN_PATTERN,
    "email": EMAIL_PATTERN,
    "phone": PHONE_PATTERN,
    "address": STREET_PATTERN,
}
DEFAULT_KINDS = ("ssn", "email", "phone", "address")


@dataclass
class Redactor:
    kinds: tuple[str, ...] = DEFAULT_KINDS
    author_names: bool = False
    keep: frozenset[str] = field(default_factory=frozenset)  # agency contacts, lower-case

    @classmethod
    def from_config(cls, config_dir: Path, keep: Iterable[str] = ()) -> Redactor:
        path = config_dir / "redaction.yaml"
        data = load_yaml_file(path) if path.is_file() else {}
        data = data or {}
        kinds = tuple(data.get("redact", DEFAULT_KINDS))
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ConfigError(f"{path}: unknown redaction kinds {unknown}; known: {sorted(KINDS)}")
        return cls(kinds, bool(data.get("author_names", False)), frozenset(k.lower() for k in keep))

    def text(self, value: str) -> tuple[str, Counter[str]]:
        counts: Counter[str] = Counter()
        for kind in self.kinds:
            pattern = KINDS[kind]

            def swap(match: re.Match[str], kind: str = kind) -> str:
                found = match.group(0)
                digits = "".join(ch for ch in found if ch.isdigit())
                if found.strip().lower() in self.keep or (digits and digits[-10:] in self.keep):
                    return found
                counts[kind] += 1
                return f"[REDACTED {kind.upper()}]"

            value = pattern.sub(swap, value)
        return value, counts

    def payload(self, value: Any) -> tuple[Any, Counter[str]]:
        counts: Counter[str] = Counter()
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            out = []
            for item in value:
                red, c = self.payload(item)
                out.append(red)
                counts += c
            return out, counts
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                if self.author_names and key in ("name", "username", "first_name", "last_name"):
                    result[key] = "[REDACTED NAME]"
                    counts["name"] += 1
                    continue
                red, c = self.payload(item)
                result[key] = red
                counts += c
            return result, counts
        return value, counts
