"""Walk the hash chains (archive versions, audit log) and name the first broken link; check
that the full-text index holds the text of every version (search must find everything)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.exc import DatabaseError

from page_governor.archive.store import version_record
from page_governor.audit import audit_record
from page_governor.db import schema as t
from page_governor.hashing import GENESIS, chain_hash


@dataclass(frozen=True, slots=True)
class ChainReport:
    chain: str
    records: int
    head: str
    broken_at: int | None = None  # the first record that fails, where one can be named
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _walk(
    conn: Connection,
    table: Table,
    name: str,
    to_record: Callable[[dict[str, Any]], dict[str, Any]],
    disposed: dict[int, set[str]] | None = None,
) -> ChainReport:
    prev = GENESIS
    count = 0
    result = conn.execution_options(yield_per=5000).execute(select(table).order_by(table.c.id))
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
                    "it is marked disposed but no approved disposition list names it",
                )
            prev = row["record_hash"]
            continue
        expected = chain_hash(prev, to_record(dict(row)))
        if expected != row["record_hash"]:
            return ChainReport(name, count, prev, row["id"], "its content does not match its hash")
        prev = row["record_hash"]
    return ChainReport(name, count, prev)


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


def verify_chains(conn: Connection) -> list[ChainReport]:
    """Verify the archive-version chain and the audit chain, that every item's current version
    is in place, and (SQLite) that the search index covers every version."""
    from page_governor.archive.retention import disposed_hashes

    archive = _walk(conn, t.archive_versions, "archive", version_record, disposed_hashes(conn))
    reports = [archive, _walk(conn, t.audit_log, "audit", audit_record), _check_projection(conn)]
    search = check_search_index(conn, archive.records)
    if search is not None:
        reports.append(search)
    return reports
