"""Walk the hash chains (archive versions, audit log) and name the first broken link; check
that the full-text index holds the text of every version (search must find everything).

Nothing ``archive verify`` trusts lives outside the chains (which signed heads pin):

- a version's record hash covers its item's identity hash (page, kind, platform id, thread,
  author, link, time), recomputed here from the item as stored;
- a disposed version is accepted only under a disposition list whose approval the audit chain
  records with the digest of exactly that list's hashes, and only as the disposal stub;
- every reviewer's decision must match its audit entry (who, what, why, when), and every flag
  its ``moderation.flagged`` audit entry (the digest of its categories, evidence and scores);
  a decision or flag missing from either side is reported.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, func, select
from sqlalchemy.exc import DatabaseError

from page_governor.archive import audit
from page_governor.archive.audit import audit_record
from page_governor.archive.retention import DISPOSED_TEXT, disposal_stub
from page_governor.archive.store import (
    ITEM_IDENTITY_COLUMNS,
    canonical_time,
    identity_of_row,
    item_hash,
    version_record,
)
from page_governor.db import schema as t
from page_governor.hashing import GENESIS, canonical_json, chain_hash, sha256_hex
from page_governor.models import Decision

# Audit actions verify reads: a flag raised by the classifier, and the boundary written by
# migration 0011 on a database that already held flags (older flags have no entry).
FLAG_ACTION = "moderation.flagged"
BINDINGS_ACTION = "archive.bindings_started"


@dataclass(frozen=True, slots=True)
class ChainReport:
    chain: str
    records: int
    head: str
    broken_at: int | None = None  # the first record that fails, where one can be named
    problem: str | None = None
    note: str | None = None  # something to know that is not a failure

    @property
    def ok(self) -> bool:
        return self.problem is None


def _walk(
    conn: Connection,
    table: Table,
    name: str,
    to_record: Callable[[dict[str, Any]], dict[str, Any]],
    disposed: dict[int, set[str]] | None = None,
    query: Select[Any] | None = None,
) -> ChainReport:
    prev = GENESIS
    count = 0
    unbound = 0
    statement = query if query is not None else select(table).order_by(table.c.id)
    result = conn.execution_options(yield_per=5000).execute(statement)
    for row in result.mappings():
        count += 1
        if row["prev_hash"] != prev:
            return ChainReport(
                name,
                count,
                prev,
                row["id"],
                "its link to the previous record does not match (a record before it "
                "was removed, changed or reordered)",
            )
        if disposed is not None and row.get("disposed_at") is not None:
            # A hash stub: the content was disposed of under an approved retention list that
            # names this record's hash; the link above still proves its place in the chain.
            if row["record_hash"] not in disposed.get(row["disposition_id"] or 0, set()):
                return ChainReport(
                    name,
                    count,
                    prev,
                    row["id"],
                    "it is marked disposed but no disposition list approved in the audit log "
                    "names it",
                )
            if row["text"] != DISPOSED_TEXT or row["raw"] != disposal_stub(row["disposition_id"]):
                return ChainReport(
                    name,
                    count,
                    prev,
                    row["id"],
                    "it is marked disposed but holds text other than the disposal stub",
                )
            prev = row["record_hash"]
            continue
        expected = chain_hash(prev, to_record(dict(row)))
        if expected != row["record_hash"]:
            return ChainReport(name, count, prev, row["id"], "its content does not match its hash")
        if "page_key" in row:
            if row["item_hash"] is None:
                unbound += 1
            elif item_hash(identity_of_row(row)) != row["item_hash"]:
                return ChainReport(
                    name,
                    count,
                    prev,
                    row["id"],
                    f"item {row['item_id']}'s page, author, thread or link was changed after "
                    "it was archived (its identity does not match the hash this version "
                    "recorded)",
                )
        prev = row["record_hash"]
    note = (
        f"{unbound} versions stored before migration 0011 carry no item identity hash"
        if unbound
        else None
    )
    return ChainReport(name, count, prev, note=note)


def _archive_query() -> Select[Any]:
    """Every version with its item's identity, in chain order (an item or page row that is
    missing reads as an identity of nothing, which no hash matches)."""
    versions, items, pages = t.archive_versions, t.archive_items, t.pages
    return (
        select(versions, *ITEM_IDENTITY_COLUMNS)
        .select_from(versions)
        .outerjoin(items, items.c.id == versions.c.item_id)
        .outerjoin(pages, pages.c.id == items.c.page_id)
        .order_by(versions.c.id)
    )


def attested_dispositions(conn: Connection) -> dict[int, set[str]]:
    """Record hashes each approved disposition may have disposed of, for the lists whose
    approval the audit log records with the digest of exactly these hashes. A list marked
    approved in ``dispositions`` alone (or with hashes added since) is not trusted."""
    approvals: dict[str, set[str]] = {}
    for subject, details in conn.execute(
        select(t.audit_log.c.subject_id, t.audit_log.c.details).where(
            t.audit_log.c.action == "retention.approve",
            t.audit_log.c.subject_type == "disposition",
        )
    ):
        digest = _json_field(details, "record_hashes_sha256")
        if isinstance(digest, str):
            approvals.setdefault(str(subject), set()).add(digest)
    trusted: dict[int, set[str]] = {}
    for disposition_id, hashes in conn.execute(
        select(t.dispositions.c.id, t.dispositions.c.record_hashes).where(
            t.dispositions.c.status == "approved"
        )
    ):
        digest = sha256_hex(canonical_json(list(hashes)))
        if digest in approvals.get(str(disposition_id), set()):
            trusted[int(disposition_id)] = set(hashes)
    return trusted


def _json_field(details: str, key: str) -> Any:
    try:
        value = json.loads(details)
    except ValueError:
        return None
    return value.get(key) if isinstance(value, dict) else None


def _check_decisions(conn: Connection) -> ChainReport:
    """Every reviewer's decision matches an audit entry (who, decision, reason, clause, time,
    what the platform answered), and every decision the audit log records has its row."""
    decisions = t.review_decisions
    rows = conn.execute(select(decisions).order_by(decisions.c.id)).mappings().all()
    recorded: Counter[tuple[Any, ...]] = Counter()
    actions = [f"review.{d.value}" for d in Decision]
    for row in conn.execute(
        select(t.audit_log).where(t.audit_log.c.action.in_(actions)).order_by(t.audit_log.c.id)
    ).mappings():
        try:
            details = json.loads(row["details"])
        except ValueError:
            details = {}
        recorded[
            _decision_key(
                row["subject_id"],
                row["action"].removeprefix("review."),
                row["actor"],
                details.get("reason"),
                details.get("policy_clause"),
                details.get("platform_result"),
                row["at"],
            )
        ] += 1
    for row in rows:
        key = _decision_key(
            row["review_item_id"],
            row["decision"],
            row["reviewer"],
            row["reason"],
            row["policy_clause"],
            row["platform_result"],
            row["decided_at"],
        )
        if recorded[key] <= 0:
            return ChainReport(
                "decisions",
                len(rows),
                "-",
                row["id"],
                f"decision {row['id']} on review item {row['review_item_id']} does not match "
                "the audit log (who decided, what, why or when was changed, or it was added)",
            )
        recorded[key] -= 1
    missing = sum(n for n in recorded.values() if n > 0)
    if missing:
        return ChainReport(
            "decisions",
            len(rows),
            "-",
            problem=f"{missing} decision(s) in the audit log have no decision row (removed)",
        )
    return ChainReport("decisions", len(rows), "-")


def _decision_key(
    review_item: Any,
    decision: Any,
    reviewer: Any,
    reason: Any,
    clause: Any,
    platform_result: Any,
    at: Any,
) -> tuple[Any, ...]:
    when = canonical_time(at) if isinstance(at, datetime) else at
    return (
        str(review_item),
        decision,
        reviewer,
        reason,
        clause,
        canonical_json(platform_result),
        when,
    )


def flag_digest(row: dict[str, Any]) -> str:
    """The digest of a flag's content that its ``moderation.flagged`` audit entry records."""
    return sha256_hex(
        canonical_json(
            {
                "version_id": int(row["version_id"]),
                "item_id": int(row["item_id"]),
                "page_id": int(row["page_id"]),
                "categories": row["categories"],
                "scores": row["scores"],
                "target": row["target"],
                "evidence": row["evidence"],
                "advisories": row["advisories"],
                "priority": int(row["priority"]),
                "detector_version": row["detector_version"],
                "created_at": canonical_time(row["created_at"]),
            }
        )
    )


def _check_flags(conn: Connection) -> ChainReport:
    """Every flag matches its ``moderation.flagged`` audit entry, and every such entry has its
    flag; flags from before migration 0011 (named by its audit entry) are counted apart."""
    flags = t.flags
    before = 0
    for details in conn.execute(
        select(t.audit_log.c.details).where(t.audit_log.c.action == BINDINGS_ACTION)
    ).scalars():
        value = _json_field(details, "flags_before")
        if isinstance(value, int):
            before = max(before, value)
    recorded: dict[str, str] = {}
    for subject, details in conn.execute(
        select(t.audit_log.c.subject_id, t.audit_log.c.details).where(
            t.audit_log.c.action == FLAG_ACTION
        )
    ):
        digest = _json_field(details, "flag_sha256")
        recorded[str(subject)] = digest if isinstance(digest, str) else ""
    count = 0
    result = conn.execution_options(yield_per=5000).execute(select(flags).order_by(flags.c.id))
    for row in result.mappings():
        count += 1
        if row["id"] <= before and str(row["id"]) not in recorded:
            continue
        digest = recorded.pop(str(row["id"]), None)
        if digest != flag_digest(dict(row)):
            what = "has no audit entry" if digest is None else "does not match its audit entry"
            return ChainReport(
                "flags",
                count,
                "-",
                row["id"],
                f"flag {row['id']} {what} (its categories, evidence, scores or comment were "
                "changed, or it was added)",
            )
    if recorded:
        return ChainReport(
            "flags",
            count,
            "-",
            problem=f"{len(recorded)} flag(s) in the audit log have no flag row (removed), "
            f"e.g. flag {min(recorded, key=int)}",
        )
    note = f"{before} flags from before migration 0011 are not in the audit log" if before else None
    return ChainReport("flags", count, "-", note=note)


def _check_projection(conn: Connection) -> ChainReport:
    """Every item's current version exists and is its newest, with the same content hash.

    A chain walk alone cannot see the *last* record cut off; the projection still points at it.
    """
    status, versions = t.item_status, t.archive_versions
    newest = (
        select(versions.c.item_id, func.max(versions.c.id).label("newest"))
        .group_by(versions.c.item_id)
        .subquery()
    )
    rows = (
        conn.execute(
            select(
                status.c.item_id,
                status.c.current_version_id,
                status.c.content_hash,
                versions.c.content_hash.label("version_hash"),
                newest.c.newest,
            )
            .outerjoin(versions, versions.c.id == status.c.current_version_id)
            .outerjoin(newest, newest.c.item_id == status.c.item_id)
            .where(
                (versions.c.id.is_(None))
                | (newest.c.newest != status.c.current_version_id)
                | (versions.c.content_hash != status.c.content_hash)
            )
            .order_by(status.c.item_id)
            .limit(1)
        )
        .mappings()
        .first()
    )
    count = conn.execute(select(func.count()).select_from(status)).scalar_one()
    if rows is None:
        return ChainReport("current versions", count, "-")
    return ChainReport(
        "current versions",
        count,
        "-",
        rows["current_version_id"],
        f"item {rows['item_id']}'s current version is missing or not its newest (a version "
        "was removed or replaced)",
    )


SEARCH_INDEX_CHECK = "INSERT INTO archive_fts(archive_fts, rank) VALUES ('integrity-check', 1)"
SEARCH_INDEX_REBUILD = "INSERT INTO archive_fts(archive_fts) VALUES ('rebuild')"


def check_search_index(conn: Connection, versions: int) -> ChainReport | None:
    """SQLite: FTS5 compares its index with the text of every stored version (about 2 s per
    million), so a version that search would miss is found. None on PostgreSQL, whose GIN
    index is maintained by the server itself."""
    if conn.dialect.name != "sqlite":
        return None
    try:
        conn.exec_driver_sql(SEARCH_INDEX_CHECK)
    except DatabaseError:
        return ChainReport(
            "search index",
            versions,
            "-",
            problem="the full-text index does not match the stored text, so search may miss "
            "records; rebuild it with `page-governor archive reindex`",
        )
    return ChainReport("search index", versions, "-")


def rebuild_search_index(conn: Connection) -> int:
    """Rebuild SQLite's full-text index from the stored versions; returns how many it holds.
    The archive itself is only read."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(SEARCH_INDEX_REBUILD)
    return conn.execute(select(func.count()).select_from(t.archive_versions)).scalar_one()


def record_bindings_start(conn: Connection, *, now: datetime) -> bool:
    """On a database that already holds flags, record in the audit chain the newest flag
    stored before flags were audited (migration 0011), so verify counts those apart. Returns
    whether an entry was written (none on a database without flags)."""
    flags_before = conn.execute(select(func.max(t.flags.c.id))).scalar()
    if not flags_before:
        return False
    versions_before = conn.execute(select(func.max(t.archive_versions.c.id))).scalar()
    audit.record(
        conn,
        at=now,
        actor="page_governor (migration 0011)",
        action=BINDINGS_ACTION,
        subject_type="archive",
        subject_id="0011",
        details={"flags_before": int(flags_before), "versions_before": int(versions_before or 0)},
    )
    return True


def verify_chains(conn: Connection) -> list[ChainReport]:
    """Verify the archive-version chain and the audit chain, that every item's current version
    is in place, and (SQLite) that the search index covers every version."""
    archive = _walk(
        conn,
        t.archive_versions,
        "archive",
        version_record,
        attested_dispositions(conn),
        query=_archive_query(),
    )
    reports = [
        archive,
        _walk(conn, t.audit_log, "audit", audit_record),
        _check_projection(conn),
        _check_decisions(conn),
        _check_flags(conn),
    ]
    search = check_search_index(conn, archive.records)
    if search is not None:
        reports.append(search)
    return reports
