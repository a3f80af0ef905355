"""Re-checking a records bundle offline: every file against the manifest, no file added or
missing, every native record against its own record hash, and the signature.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from page_governor.archive.bundle import (
    FORMAT,
    SIGNATURE_FILE,
)
from page_governor.archive.signing import check_manifest_signature
from page_governor.errors import InputError
from page_governor.hashing import chain_hash, sha256_hex


@dataclass(frozen=True, slots=True)
class BundleReport:
    ok: bool
    problems: list[str]
    files: int
    records: int
    signed_by: str | None = None  # the key id of a signature that verifies


def verify_bundle(path: Path, *, trusted: Sequence[Ed25519PublicKey] | None = None) -> BundleReport:
    """Re-check a bundle (folder or .zip) offline. With ``trusted`` (the department's published
    keys), the bundle must carry a signature made with one of them.

    Raises:
        InputError: the path is not a readable bundle.
    """
    if not path.exists():
        raise InputError(f"{path} does not exist")
    reader = _ZipReader(path) if path.is_file() else _DirReader(path)
    try:
        manifest = json.loads(reader.read("manifest.json"))
    except (KeyError, FileNotFoundError):
        raise InputError(f"{path} has no manifest.json: not a page_governor bundle") from None
    except ValueError:
        raise InputError(f"{path}: manifest.json is not JSON") from None
    if manifest.get("format") != FORMAT:
        raise InputError(f"{path}: not a {FORMAT}")
    problems: list[str] = []
    listed = manifest.get("files") or {}
    names = set(reader.names())
    present = names - {"manifest.json", SIGNATURE_FILE}
    signed_by = None
    if SIGNATURE_FILE in names:
        signed_by, problem = check_manifest_signature(
            reader.read(SIGNATURE_FILE), reader.read("manifest.json"), trusted
        )
        if problem is not None:
            problems.append(problem)
            signed_by = None
    elif trusted is not None:
        problems.append(f"{SIGNATURE_FILE}: missing, so the bundle is not signed by the department")
    for name in sorted(present - set(listed)):
        problems.append(f"{name}: not listed in the manifest")
    for name, expect in sorted(listed.items()):
        if name not in present:
            problems.append(f"{name}: listed in the manifest but missing")
            continue
        data = reader.read(name)
        if sha256_hex(data) != expect["sha256"] or len(data) != expect["bytes"]:
            problems.append(f"{name}: its SHA-256 does not match the manifest")
    records = 0
    if "records.jsonl" in present:
        for n, line in enumerate(reader.read("records.jsonl").decode("utf-8").splitlines(), 1):
            records += 1
            try:
                entry = json.loads(line)
                if entry.get("disposed_at") or entry.get("redacted"):
                    continue
                if chain_hash(entry["prev_hash"], entry["record"]) != entry["record_hash"]:
                    problems.append(f"records.jsonl line {n}: the record does not match its hash")
            except (ValueError, KeyError, TypeError):
                problems.append(f"records.jsonl line {n}: unreadable")
            if len(problems) > 50:
                problems.append("… stopped after 50 problems")
                break
    counted = (manifest.get("counts") or {}).get("versions")
    if counted is not None and counted != records and not problems:
        problems.append(f"records.jsonl has {records} records, the manifest says {counted}")
    return BundleReport(not problems, problems, len(listed), records, signed_by)


class _DirReader:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> list[str]:
        return [p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()]

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()


class _ZipReader:
    def __init__(self, path: Path) -> None:
        try:
            self.zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise InputError(f"{path} is neither a bundle folder nor a zip file") from None

    def names(self) -> list[str]:
        return [n for n in self.zf.namelist() if not n.endswith("/")]

    def read(self, name: str) -> bytes:
        return self.zf.read(name)
