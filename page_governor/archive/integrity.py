"""Walk the hash chains (archive versions, audit log) and name the first broken link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

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
    conn: Connection, table: Table, name: str, to_record: Callable[[dict[str, Any]], dict[str, Any]]
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
        expected = chain_hash(prev, to_record(dict(row)))
        if expected != row["record_hash"]:
            return ChainReport(name, count, prev, row["id"], "its content does not match its hash")
        prev = row["record_hash"]
    return ChainReport(name, count, prev)


def verify_chains(conn: Connection) -> list[ChainReport]:
    """Verify the archive-version chain and the audit chain."""
    return [
        _walk(conn, t.archive_versions, "archive", version_record),
        _walk(conn, t.audit_log, "audit", audit_record),
    ]
