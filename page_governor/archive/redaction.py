"""Redaction for public-release copies of a records bundle.

The native bundle is always complete. A public-release copy replaces personal information in
every text and raw payload with a marker such as ``[REDACTED PHONE]`` and logs what was removed
where (kind and count, never the value). Which kinds are removed is configured in
``config/redaction.yaml``; the agency's own published phone numbers and emails are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from page_governor.config import load_yaml_file
from page_governor.errors import ConfigError
from page_governor.moderation import pii

# The kinds of personal information a public copy can remove: the same detector the
# moderation classifier uses (page_governor.moderation.pii), so nothing the classifier flags
# as personal information survives a public copy. Here every occurrence goes, tied to a person
# or not.
KINDS = (
    "ssn",
    "card",
    "bank",
    "licence",
    "email",
    "phone",
    "address",
    "dob",
    "plate",
    "minor",
    "name",
    "account",
)
DEFAULT_KINDS = KINDS


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
        redacted, spans = self.text_with_spans(value)
        return redacted, Counter(kind for kind, _, _ in spans)

    def text_with_spans(self, value: str) -> tuple[str, list[tuple[str, int, int]]]:
        """The redacted text and each redaction (kind, start, end in the original text): where
        something was removed and what kind, never the value."""
        spans: list[tuple[str, int, int]] = []
        out: list[str] = []
        last = 0
        for match in pii.find(value):
            if match.kind not in self.kinds or match.start < last:
                continue
            found = value[match.start : match.end]
            digits = "".join(ch for ch in found if ch.isdigit())
            if found.strip().lower() in self.keep or (digits and digits[-10:] in self.keep):
                continue
            spans.append((match.kind, match.start, match.end))
            out.append(value[last : match.start])
            out.append(f"[REDACTED {match.kind.upper()}]")
            last = match.end
        if not out:
            return value, spans
        out.append(value[last:])
        return "".join(out), spans

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
