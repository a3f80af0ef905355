"""Walk the hash chains (archive versions, audit log) and name the first broken link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select

from page_governor.archive.store import version_record
from page_governor.audit import audit_record
from page_governor.db import schema as t
from page_governor.hashing import GENESIS, chain_hash


@dataclass(frozen=True, slots=True)
class ChainReport:
    chain: str
    records: int
    head: str
    broken_at: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


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


def verify_chains(conn: Connection) -> list[ChainReport]:
    """Verify the archive-version chain and the audit chain."""
    from page_governor.archive.retention import disposed_hashes

    return [
        _walk(conn, t.archive_versions, "archive", version_record, disposed_hashes(conn)),
        _walk(conn, t.audit_log, "audit", audit_record),
        _check_projection(conn),
    ]
