"""What every records bundle shares: its format name and version, the signature file, the
result of an export, and the writer that records each file's SHA-256 and size for the manifest.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from page_governor.hashing import sha256_file

FORMAT = "page_governor records bundle"


FORMAT_VERSION = 1


SIGNATURE_FILE = "manifest.sig"


CSV_FIELDS = (
    "item_id",
    "page",
    "platform",
    "kind",
    "platform_item_id",
    "post_platform_id",
    "parent_platform_id",
    "author_id",
    "author_name",
    "created_at",
    "version_no",
    "state",
    "captured_at",
    "last_seen_at",
    "text",
    "permalink",
    "content_hash",
    "record_hash",
)


PROGRESS_EVERY = 1000  # versions between two progress reports (a bar update costs per call)


Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    items: int
    versions: int
    manifest_sha256: str
    redactions: int = 0


class BundleFiles:
    """Files of a bundle being written; their SHA-256 is computed once they are all written."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def open(self, name: str) -> io.TextIOWrapper:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="")

    def digest(self) -> dict[str, dict[str, Any]]:
        out = {}
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and path.name != "manifest.json":
                out[path.relative_to(self.root).as_posix()] = {
                    "sha256": sha256_file(path),
                    "bytes": path.stat().st_size,
                }
        return out
