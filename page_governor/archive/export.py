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

``verify_bundle`` re-checks a bundle offline: every file against the manifest, no file added or
missing, every native record against its own record hash, and the signature (against the
department's published key, when given).

``write_warc`` writes the same records as an ISO 28500 WARC file (resource + metadata records).
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, String, and_, bindparam, or_, select, type_coerce

from page_governor.archive import media as media_store
from page_governor.archive.redaction import Redactor
from page_governor.archive.search import Filters, matching_items
from page_governor.archive.signing import check_manifest_signature, key_id, sign_manifest
from page_governor.archive.store import canonical_time, version_record
from page_governor.clock import iso, jsonable
from page_governor.db import Database, chunked
from page_governor.db import schema as t
from page_governor.errors import InputError
from page_governor.hashing import canonical_json, chain_hash, sha256_file, sha256_hex

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
Progress = Callable[[int], None]
PROGRESS_EVERY = 1000  # versions between two progress reports (a bar update costs per call)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    items: int
    versions: int
    manifest_sha256: str
    redactions: int = 0


# Time columns of an export row; on SQLite they are read as the stored text (see iter_versions).
_TIME_COLUMNS = {
    "captured_at": t.archive_versions.c.captured_at,
    "last_seen_at": t.archive_versions.c.last_seen_at,
    "disposed_at": t.archive_versions.c.disposed_at,
    "item_created_at": t.archive_items.c.created_at,
}
# Items whose versions are read in one statement.
READ_CHUNK = 500


def _versions_of_items(*, times_as_text: bool) -> Any:
    """Every version of the items in the expanding parameter ``ids``, item by item."""
    items, versions = t.archive_items, t.archive_versions

    def time_column(name: str, column: Any) -> Any:
        return type_coerce(column, String).label(name) if times_as_text else column.label(name)

    columns = [time_column(c.name, c) if c.name in _TIME_COLUMNS else c for c in versions.c]
    return (
        select(
            *columns,
            items.c.page_id,
            items.c.kind,
            items.c.platform_item_id,
            items.c.post_platform_id,
            items.c.parent_platform_id,
            items.c.author_id,
            items.c.author_name,
            items.c.permalink,
            time_column("item_created_at", items.c.created_at),
        )
        .select_from(items)
        .join(versions, versions.c.item_id == items.c.id)
        .where(items.c.id.in_(bindparam("ids", expanding=True)))
        .order_by(items.c.id, versions.c.version_no)
    )


def count_versions(conn: Connection, filters: Filters) -> int:
    from sqlalchemy import func

    versions = t.archive_versions
    query = select(func.count()).where(versions.c.item_id.in_(matching_items(conn, filters)))
    return int(conn.execute(query).scalar_one())


def iter_versions(conn: Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every version of every matching item, item by item (item id order), as dicts with the
    page key and platform.

    The matching ids come first, through the filters' own indexes (only integers are sorted);
    their versions are then read a chunk of items at a time by primary key. One query ordered
    by item id made SQLite walk the whole items table in key order instead, so exporting a
    tenth of a million-item archive read all of it.

    On SQLite the time columns come back as the stored UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``)
    rather than parsed datetimes: turning them into the export's formats is then string work,
    which was a third of an export's time. :func:`_time_text` and :func:`_iso_z` accept both.
    """
    pages = {
        row.id: (row.key, row.platform)
        for row in conn.execute(select(t.pages.c.id, t.pages.c.key, t.pages.c.platform))
    }
    ids = sorted(conn.execute(matching_items(conn, filters)).scalars())
    query = _versions_of_items(times_as_text=conn.dialect.name == "sqlite")
    for chunk in chunked(ids, READ_CHUNK):
        result = conn.execute(query, {"ids": list(chunk)})
        keys = list(result.keys())
        for row in result.all():  # one fetch per chunk, not one per row
            out = dict(zip(keys, row, strict=True))
            out["page"], out["platform"] = pages[out["page_id"]]
            yield out


def _time_text(value: Any) -> str | None:
    """A time as canonical JSON writes it (``datetime.isoformat`` of the UTC value)."""
    if value is None or isinstance(value, datetime):
        return canonical_time(value)
    return _stored_time_text(value)


@lru_cache(maxsize=8192)  # the versions of one capture share their times
def _stored_time_text(value: str) -> str:
    day, _, clock = value.partition(" ")
    if clock.endswith(".000000"):
        clock = clock[:-7]
    return f"{day}T{clock}+00:00"


def _iso_z(value: Any) -> str | None:
    """A time as ``2026-11-02T12:00:00Z`` (seconds), from a datetime or stored UTC text."""
    if value is None or isinstance(value, datetime):
        return iso(value)
    return _stored_iso_z(value)


@lru_cache(maxsize=8192)
def _stored_iso_z(value: str) -> str:
    day, _, clock = value.partition(" ")
    return f"{day}T{clock[:8]}Z"


def chain_heads(conn: Connection) -> dict[str, str | None]:
    heads = {}
    for name, table in (("archive", t.archive_versions), ("audit", t.audit_log)):
        heads[name] = conn.execute(
            select(table.c.record_hash).order_by(table.c.id.desc()).limit(1)
        ).scalar_one_or_none()
    return heads


def native_line(row: dict[str, Any]) -> dict[str, Any]:
    """The JSON Lines record of one version: item, the exact hashed record, chain hashes."""
    return {
        "item": {
            "id": row["item_id"],
            "page": row["page"],
            "platform": row["platform"],
            "kind": row["kind"],
            "platform_item_id": row["platform_item_id"],
            "post_platform_id": row["post_platform_id"],
            "parent_platform_id": row["parent_platform_id"],
            "author_id": row["author_id"],
            "author_name": row["author_name"],
            "permalink": row["permalink"],
            "created_at": _iso_z(row["item_created_at"]),
        },
        "record": _plain_record(row),
        "prev_hash": row["prev_hash"],
        "record_hash": row["record_hash"],
        "disposed_at": _iso_z(row["disposed_at"]),
    }


def _plain_record(row: dict[str, Any]) -> dict[str, Any]:
    """``version_record(row)`` as JSON values (times as canonical JSON writes them), so that
    ``chain_hash(prev_hash, record)`` recomputes the stored record hash offline."""
    record = version_record(row)
    for key in ("captured_at", "last_seen_at"):
        record[key] = _time_text(record[key])
    return record


class _Files:
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
    files = _Files(root)
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
        _write_threads(files, items, decisions, flags, filters, now, public=redactor is not None)
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
    files: _Files,
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

_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
.item{border-left:3px solid #999;margin:.8rem 0;padding:.3rem .8rem}
.reply{margin-left:2rem}.post{border-color:#225}.deleted{border-color:#b00;background:#fee}
.hidden{border-color:#a60;background:#fff6e5}.edited{border-color:#06a}
.badge{font-size:.75rem;padding:0 .4rem;border-radius:.3rem;background:#eee;margin-left:.3rem}
.versions{font-size:.85rem;color:#333}.meta{color:#555;font-size:.85rem}"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _write_threads(
    files: _Files,
    items: dict[int, dict[str, Any]],
    decisions: list[dict[str, Any]],
    flags: dict[int, list[dict[str, Any]]],
    filters: Filters,
    now: datetime,
    *,
    public: bool,
) -> None:
    by_item: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for decision in decisions:
        by_item[decision["item_id"]].append(decision)
    threads: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items.values():
        anchor = item["post_platform_id"] or item["platform_item_id"]
        threads[(item["page"], anchor)].append(item)
    index = []
    for n, ((page, anchor), members) in enumerate(sorted(threads.items()), 1):
        name = f"threads/{n:05d}.html"
        members.sort(key=lambda i: (i["kind"] != "post", i["created_at"] or "", i["id"]))
        parts = [
            "<!doctype html><html lang=en><meta charset=utf-8>",
            f"<title>{_e(page)} — {_e(anchor)}</title><style>{_CSS}</style>",
            f"<h1>{_e(page)}</h1><p class=meta>Thread {_e(anchor)}; exported {_e(iso(now))}"
            + (" — public release copy: personal information redacted" if public else "")
            + "</p>",
        ]
        for item in members:
            parts.append(_item_html(item, flags.get(item["id"], []), by_item.get(item["id"], [])))
        with files.open(name) as fh:
            fh.write("\n".join(parts) + "\n</html>\n")
        first = members[0]["versions"][-1][3] if members[0]["versions"] else ""
        index.append((name, page, anchor, len(members), first))
    with files.open("threads/index.html") as fh:
        fh.write(
            "<!doctype html><html lang=en><meta charset=utf-8><title>Records bundle</title>"
            f"<style>{_CSS}</style><h1>Records bundle</h1>"
            f"<p class=meta>Exported {_e(iso(now))}; filters: {_e(json.dumps(filters.as_json()))}"
            "</p><ol>"
        )
        for name, page, anchor, count, first in index:
            fh.write(
                f'<li><a href="{_e(name.split("/", 1)[1])}">{_e(page)} / {_e(anchor)}</a> '
                f"({count} items) {_e(first[:120])}</li>"
            )
        fh.write("</ol></html>\n")


def _item_html(
    item: dict[str, Any], flags: list[dict[str, Any]], decisions: list[dict[str, Any]]
) -> str:
    versions = item["versions"]
    state = versions[-1][1] if versions else "live"
    classes = ["item", item["kind"], state]
    if item["parent_platform_id"]:
        classes.append("reply")
    badges = "".join(
        f"<span class=badge>{_e(s)}</span>" for s in {v[1] for v in versions} if s != "live"
    )
    out = [
        f'<div class="{" ".join(classes)}" id=item-{item["id"]}>',
        f"<div class=meta>{_e(item['kind'])} {_e(item['platform_item_id'])} by "
        f"<b>{_e(item['author_name'] or item['author_id'] or 'unknown')}</b> at "
        f"{_e(item['created_at'])}{badges}</div>",
        f"<p>{_e(versions[-1][3] if versions else '')}</p>",
    ]
    if len(versions) > 1:
        out.append("<ol class=versions>")
        for no, vstate, captured, text in versions:
            out.append(
                f"<li>v{_e(no)} <b>{_e(vstate)}</b> captured {_e(captured)}: {_e(text)}</li>"
            )
        out.append("</ol>")
    for flag in flags:
        out.append(f"<div class=meta>flagged: {_e(', '.join(flag['categories']))}</div>")
    for decision in decisions:
        out.append(
            f"<div class=meta>decision <b>{_e(decision['decision'])}</b> by "
            f"{_e(decision['reviewer'])} at {_e(iso(decision['decided_at']))}: "
            f"{_e(decision['reason'])}"
            + (
                f" (policy: {_e(decision['policy_clause'])})"
                if decision.get("policy_clause")
                else ""
            )
            + "</div>"
        )
    out.append("</div>")
    return "\n".join(out)


def _zip(folder: Path, out: Path) -> None:
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    os.replace(tmp, out)


# -- verification -------------------------------------------------------------------------------


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


# -- WARC ---------------------------------------------------------------------------------------


def write_warc(
    conn: Connection,
    filters: Filters,
    out: Path,
    *,
    exported_by: str,
    now: datetime,
    progress: Progress | None = None,
) -> ExportResult:
    """The matching records as a gzipped ISO 28500 WARC: a warcinfo record, then per version a
    ``resource`` record (the raw platform payload as JSON) and a ``metadata`` record
    (provenance, state, hashes) that refers to it; then each captured media file as a
    ``resource`` record under the URL it was downloaded from, with its SHA-256.

    Raises:
        InputError: ``out`` exists already.
    """
    from warcio.warcwriter import WARCWriter

    if out.exists():
        raise InputError(f"{out} exists already; choose a new file name")
    tmp = out.with_name(out.name + ".part")
    items: set[int] = set()
    versions = 0
    try:
        with tmp.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            info = {
                "software": "page_governor",
                "format": "WARC File Format 1.1",
                "description": FORMAT,
                "exported-by": exported_by,
                "filters": json.dumps(filters.as_json()),
                "chain-heads": json.dumps(chain_heads(conn)),
            }
            writer.write_record(writer.create_warcinfo_record(out.name, info))
            for row in iter_versions(conn, filters):
                line = native_line(row)
                uri = row["permalink"] or (
                    f"urn:page-governor:{row['platform']}:{row['kind']}:{row['platform_item_id']}"
                )
                date = _iso_z(row["captured_at"]) or iso(now)
                payload = line["record"]["raw"].encode("utf-8")
                resource = writer.create_warc_record(
                    uri,
                    "resource",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    warc_content_type="application/json",
                    warc_headers_dict={"WARC-Date": date},
                )
                writer.write_record(resource)
                meta = json.dumps(
                    {k: v for k, v in line.items() if k != "record"}
                    | {"record": {k: v for k, v in line["record"].items() if k != "raw"}},
                    ensure_ascii=False,
                    sort_keys=True,
                ).encode("utf-8")
                metadata = writer.create_warc_record(
                    uri,
                    "metadata",
                    payload=io.BytesIO(meta),
                    length=len(meta),
                    warc_content_type="application/json",
                    warc_headers_dict={
                        "WARC-Date": date,
                        "WARC-Refers-To": resource.rec_headers.get_header("WARC-Record-ID"),
                    },
                )
                writer.write_record(metadata)
                items.add(row["item_id"])
                versions += 1
                if progress is not None:
                    progress(1)
            _warc_media(writer, conn, sorted(items))
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportResult(out, len(items), versions, sha256_file(out))


def _warc_media(writer: Any, conn: Connection, item_ids: list[int]) -> None:
    """A ``resource`` record per captured media file, under the first URL it came from."""
    first_url: dict[str, tuple[str, datetime | str]] = {}
    for row in media_store.of_items(conn, item_ids):
        if (
            row["status"] == media_store.CAPTURED
            and row["disposed_at"] is None
            and row["sha256"] not in first_url
        ):
            first_url[row["sha256"]] = (row["url"], row["fetched_at"])
    for digest, content_type, data in media_store.blobs(conn, first_url):
        url, fetched_at = first_url[digest]
        record = writer.create_warc_record(
            url,
            "resource",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type=content_type,
            warc_headers_dict={
                "WARC-Date": _iso_z(fetched_at),
                "WARC-Payload-Digest": f"sha256:{digest}",
            },
        )
        writer.write_record(record)


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
