"""Records-request bundles: everything the filters match, with proof it was not altered.

A bundle (a folder, or the same as a ``.zip``) holds:

``records.jsonl``    one line per archived version: the item, the exact hashed record (text, raw
                     platform payload and provenance as stored), its chain hashes
``records.csv``      the same, one row per version, for spreadsheets (a cell that starts like a
                     formula, = + - @, is prefixed with ' so no spreadsheet runs it)
``threads/``         each thread as it appeared, as HTML: edits, hidden and deleted items marked,
                     flags and moderation decisions with who, when and why (all escaped)
``decisions.jsonl``  the review decisions on the exported items
``audit.jsonl``      the audit entries that concern them (and their pages)
``capture_gaps.json`` periods the pages could not be read
``media.csv``        every media file the payloads refer to: URL, whether it was captured (or why
                     not), its SHA-256 and file name
``media/``           the captured files, named by SHA-256 (withheld from a public-release copy:
                     photos cannot be redacted automatically)
``manifest.json``    SHA-256 and size of every file, the filters, who exported and when, the
                     heads of the archive and audit chains, counts
``manifest.sig``     where the department's signing key is configured: an Ed25519 signature
                     over ``manifest.json`` (so over every file), with the public key

This module writes bundles (``export_bundle``) and chooses the format of an export
(``export_records``). The pieces live beside it: ``records`` reads the versions and the chain
heads, ``bundle`` holds the format and the manifest's file writer, ``export_html`` the threads,
``export_warc`` the same records as an ISO 28500 WARC file (resource + metadata records), and
``bundle_verify`` re-checks a bundle offline: every file against the manifest, no file added or
missing, every native record against its own record hash, and the signature (against the
department's published key, when given).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, and_, or_, select

from page_governor.archive import media as media_store
from page_governor.archive.bundle import (
    CSV_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    PROGRESS_EVERY,
    SIGNATURE_FILE,
    BundleFiles,
    ExportResult,
    Progress,
)
from page_governor.archive.export_html import write_threads
from page_governor.archive.export_warc import write_warc
from page_governor.archive.records import (
    chain_heads,
    count_versions,
    iter_versions,
    native_line,
)
from page_governor.archive.redaction import Redactor
from page_governor.archive.search import Filters
from page_governor.archive.signing import key_id, sign_manifest
from page_governor.clock import iso, jsonable
from page_governor.db import Database, chunked
from page_governor.db import schema as t
from page_governor.errors import InputError
from page_governor.hashing import canonical_json, sha256_hex


def export_bundle(
    conn: Connection,
    filters: Filters,
    out: Path,
    *,
    exported_by: str,
    now: datetime,
    redactor: Redactor | None = None,
    html_threads: bool = True,
    progress: Progress | None = None,
    signing_key: Ed25519PrivateKey | None = None,
) -> ExportResult:
    """Write a bundle to ``out`` (a new folder, or a ``.zip`` file). See the module docstring.
    With ``signing_key``, ``manifest.sig`` signs the manifest.

    Raises:
        InputError: ``out`` exists already.
    """
    if out.exists():
        raise InputError(f"{out} exists already; choose a new folder or file name")
    as_zip = out.suffix.lower() == ".zip"
    work = Path(tempfile.mkdtemp(prefix=".bundle-", dir=out.parent)) if as_zip else out
    if not as_zip:
        out.mkdir(parents=True)
    try:
        result = _write(conn, filters, work, exported_by, now, redactor, html_threads, progress)
        if signing_key is not None:
            manifest = (work / "manifest.json").read_bytes()
            (work / SIGNATURE_FILE).write_text(sign_manifest(signing_key, manifest))
        if as_zip:
            _zip(work, out)
        return ExportResult(out, *result)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if as_zip:
            out.unlink(missing_ok=True)
        raise
    finally:
        if as_zip:
            shutil.rmtree(work, ignore_errors=True)


def _write(
    conn: Connection,
    filters: Filters,
    root: Path,
    exported_by: str,
    now: datetime,
    redactor: Redactor | None,
    html_threads: bool,
    progress: Progress | None,
) -> tuple[int, int, str, int]:
    files = BundleFiles(root)
    items: dict[int, dict[str, Any]] = {}
    pages: set[str] = set()
    media: list[tuple[int, str]] = []
    redaction_log = files.open("redactions.jsonl") if redactor else None
    redacted_total = 0
    versions = 0
    with files.open("records.jsonl") as jsonl, files.open("records.csv") as csv_file:
        writer = csv.writer(csv_file)
        writer.writerow(CSV_FIELDS)
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for row in iter_versions(conn, filters):
            line = native_line(row)
            if redactor is not None:
                counts = _redact_line(line, redactor)
                if counts:
                    redacted_total += sum(counts.values())
                    assert redaction_log is not None
                    redaction_log.write(
                        dumps(
                            {
                                "item_id": row["item_id"],
                                "version_no": row["version_no"],
                                "removed": dict(counts),
                                "text_redactions": line["text_redactions"],
                            }
                        )
                        + "\n"
                    )
            line.pop("text_redactions", None)
            jsonl.write(dumps(line) + "\n")
            record = line["record"]
            item = line["item"]
            writer.writerow(
                spreadsheet_safe(
                    item["id"],
                    item["page"],
                    item["platform"],
                    item["kind"],
                    item["platform_item_id"],
                    item["post_platform_id"] or "",
                    item["parent_platform_id"] or "",
                    item["author_id"] or "",
                    item["author_name"] or "",
                    item["created_at"] or "",
                    record["version_no"],
                    record["state"],
                    record["captured_at"] or "",
                    record["last_seen_at"] or "",
                    record["text"],
                    item["permalink"] or "",
                    record["content_hash"],
                    line["record_hash"],
                )
            )
            versions += 1
            pages.add(row["page"])
            entry = items.get(row["item_id"])
            if entry is None:  # the item itself; its versions only when threads are written
                entry = items[row["item_id"]] = {**item, "versions": []} if html_threads else item
            if html_threads:
                entry["versions"].append(
                    (record["version_no"], record["state"], record["captured_at"], record["text"])
                )
            if "http" in record["raw"]:
                media.extend((row["item_id"], url) for url in _media_urls(record["raw"]))
            if progress is not None and versions % PROGRESS_EVERY == 0:
                progress(PROGRESS_EVERY)
    if progress is not None and versions % PROGRESS_EVERY:
        progress(versions % PROGRESS_EVERY)
    if redaction_log is not None:
        redaction_log.close()
    decisions = _decisions(conn, list(items))
    with files.open("decisions.jsonl") as fh:
        for decision in decisions:
            fh.write(json.dumps(jsonable(decision), ensure_ascii=False, sort_keys=True) + "\n")
    with files.open("audit.jsonl") as fh:
        for entry in _audit(conn, decisions, pages):
            fh.write(json.dumps(jsonable(entry), ensure_ascii=False, sort_keys=True) + "\n")
    with files.open("capture_gaps.json") as fh:
        json.dump(
            [jsonable(g) for g in _gaps(conn, pages, filters)], fh, indent=1, ensure_ascii=False
        )
    _write_media(conn, files, list(items), media, public=redactor is not None)
    if html_threads:
        flags = _flags(conn, list(items))
        write_threads(files, items, decisions, flags, filters, now, public=redactor is not None)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": iso(now),
        "exported_by": exported_by,
        "filters": filters.as_json(),
        "public_release": redactor is not None,
        "redaction": None
        if redactor is None
        else {"kinds": list(redactor.kinds), "author_names": redactor.author_names},
        "counts": {"items": len(items), "versions": versions, "decisions": len(decisions)},
        "chain_heads": chain_heads(conn),
        "files": files.digest(),
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True)
    (root / "manifest.json").write_text(text, encoding="utf-8")
    return len(items), versions, sha256_hex(text), redacted_total


def _redact_line(line: dict[str, Any], redactor: Redactor) -> Counter[str]:
    """Redact one record in place; ``line["text_redactions"]`` lists each redaction of its text
    (kind and character positions in the original, never the value) for the redaction log."""
    record = line["record"]
    record["text"], spans = redactor.text_with_spans(record["text"])
    counts: Counter[str] = Counter(kind for kind, _, _ in spans)
    line["text_redactions"] = [{"kind": k, "start": a, "end": b} for k, a, b in spans]
    raw, c = redactor.payload(json.loads(record["raw"]))
    record["raw"] = canonical_json(raw)
    counts += c
    if redactor.author_names and line["item"]["author_name"]:
        line["item"]["author_name"] = "[REDACTED NAME]"
        counts["name"] += 1
    line["redacted"] = True
    return counts


def _media_urls(raw_text: str) -> list[str]:
    try:
        return media_store.media_urls(json.loads(raw_text))
    except ValueError:
        return []


# A cell a spreadsheet would run as a formula: what commenters wrote must never execute in a
# clerk's spreadsheet (CSV injection). records.jsonl keeps the text exactly; the CSV copy
# prefixes such cells with an apostrophe, as OWASP recommends.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(*values: Any) -> tuple[Any, ...]:
    """The row with every text cell that starts like a formula prefixed by "'"."""
    return tuple(
        "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in values
    )


def _csv_state(row: dict[str, Any], *, public: bool) -> str:
    """The ``captured`` column of ``media.csv``: yes, or why not."""
    if row["disposed_at"] is not None:
        return f"disposed under retention list {row['disposition_id']}"
    if row["status"] == media_store.PENDING:
        return "not yet (download pending)"
    if row["status"] == media_store.FAILED:
        return f"no: {row['last_error']}"
    return "withheld from the public copy" if public else "yes"


def _write_media(
    conn: Connection,
    files: BundleFiles,
    item_ids: list[int],
    referenced: list[tuple[int, str]],
    *,
    public: bool,
) -> None:
    """``media.csv`` (every reference and its state) and, in a native bundle, the captured
    files under ``media/``, one per SHA-256."""

    def rank(row: dict[str, Any]) -> tuple[bool, bool]:
        # an item's versions may share a URL: a live captured file first, then a live
        # reference, then one disposed of with an older version
        return row["disposed_at"] is None, row["status"] == media_store.CAPTURED

    stored: dict[tuple[int, str], dict[str, Any]] = {}
    for row in media_store.of_items(conn, item_ids):
        key = (row["item_id"], row["url"])
        if key not in stored or rank(row) > rank(stored[key]):
            stored[key] = row
    names: dict[str, str] = {}
    with files.open("media.csv") as fh:
        writer = csv.writer(fh)
        writer.writerow(("item_id", "url", "captured", "sha256", "file"))
        for item_id, url in sorted(set(referenced) | set(stored)):
            row = stored.get((item_id, url))
            if row is None:
                writer.writerow(spreadsheet_safe(item_id, url, "no (reference only)", "", ""))
                continue
            state = _csv_state(row, public=public)
            digest, name = row["sha256"] or "", ""
            if state == "yes":  # captured, not disposed of, and a native bundle
                name = names[digest] = f"media/{digest}{media_store.extension(row['content_type'])}"
            writer.writerow(spreadsheet_safe(item_id, url, state, digest, name))
    for digest, _content_type, data in media_store.blobs(conn, names):
        path = files.root / names[digest]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _decisions(conn: Connection, item_ids: list[int]) -> list[dict[str, Any]]:
    out = []
    for chunk in chunked(item_ids):
        rows = conn.execute(
            select(t.review_decisions, t.review_items.c.item_id, t.review_items.c.status)
            .join(t.review_items, t.review_items.c.id == t.review_decisions.c.review_item_id)
            .where(t.review_items.c.item_id.in_(chunk))
            .order_by(t.review_decisions.c.id)
        ).mappings()
        out.extend(dict(r) for r in rows)
    return out


def _flags(conn: Connection, item_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in chunked(item_ids):
        for row in conn.execute(
            select(t.flags).where(t.flags.c.item_id.in_(chunk)).order_by(t.flags.c.id)
        ).mappings():
            out[row["item_id"]].append(dict(row))
    return out


def _audit(
    conn: Connection, decisions: list[dict[str, Any]], pages: set[str]
) -> list[dict[str, Any]]:
    review_ids = sorted({str(d["review_item_id"]) for d in decisions})
    conditions = [
        and_(t.audit_log.c.subject_type == "page", t.audit_log.c.subject_id.in_(sorted(pages)))
    ]
    for chunk in chunked(review_ids):
        conditions.append(
            and_(t.audit_log.c.subject_type == "review_item", t.audit_log.c.subject_id.in_(chunk))
        )
    rows = conn.execute(
        select(t.audit_log).where(or_(*conditions)).order_by(t.audit_log.c.id)
    ).mappings()
    return [dict(r) for r in rows]


def _gaps(conn: Connection, pages: set[str], filters: Filters) -> list[dict[str, Any]]:
    query = (
        select(t.capture_gaps, t.pages.c.key.label("page"))
        .join(t.pages, t.pages.c.id == t.capture_gaps.c.page_id)
        .order_by(t.capture_gaps.c.id)
    )
    if filters.page or filters.department or filters.platform or pages:
        query = query.where(t.pages.c.key.in_(sorted(pages)))
    rows = [dict(r) for r in conn.execute(query).mappings()]
    if filters.until:
        rows = [g for g in rows if g["started_at"] < filters.until]
    if filters.since:
        rows = [g for g in rows if g["ended_at"] is None or g["ended_at"] > filters.since]
    return rows


# -- HTML --------------------------------------------------------------------------------------


def _zip(folder: Path, out: Path) -> None:
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    os.replace(tmp, out)


# -- verification -------------------------------------------------------------------------------


# -- WARC ---------------------------------------------------------------------------------------


def export_records(
    db: Database,
    filters: Filters,
    out: Path,
    *,
    exported_by: str,
    now: datetime,
    fmt: str = "bundle",
    redactor: Redactor | None = None,
    on_total: Callable[[int], None] | None = None,
    progress: Progress | None = None,
    signing_key: Ed25519PrivateKey | None = None,
) -> ExportResult:
    """Export what ``filters`` match as a bundle or a WARC file and record the export in the
    audit log (who, filters, counts, the manifest's digest). Every interface exports this way;
    bundles are signed with ``signing_key`` when the department has one configured.

    Raises:
        InputError: nothing matches, or ``out`` exists already.
    """
    from page_governor.archive import audit

    with db.connect() as conn:
        total = count_versions(conn, filters)
        if total == 0:
            raise InputError("nothing matches these filters; nothing was exported")
        if on_total is not None:
            on_total(total)
        if fmt == "warc":
            result = write_warc(
                conn, filters, out, exported_by=exported_by, now=now, progress=progress
            )
        else:
            result = export_bundle(
                conn,
                filters,
                out,
                exported_by=exported_by,
                now=now,
                redactor=redactor,
                progress=progress,
                signing_key=signing_key,
            )
    with db.begin() as conn:
        audit.record(
            conn,
            at=now,
            actor=exported_by,
            action="archive.export",
            subject_type="export",
            subject_id=out.name,
            details={
                "filters": filters.as_json(),
                "format": fmt,
                "public_release": redactor is not None,
                "items": result.items,
                "versions": result.versions,
                "sha256": result.manifest_sha256,
                "signed_by": key_id(signing_key.public_key())
                if signing_key is not None and fmt == "bundle"
                else None,
            },
        )
    return result
