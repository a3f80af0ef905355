"""Reading archived versions for export: the filtered versions in order, with the exact record
each hash covers, and the heads of the chains.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, String, bindparam, select, type_coerce

from page_governor.archive.search import Filters, matching_items
from page_governor.archive.store import canonical_time, version_record
from page_governor.clock import iso
from page_governor.db import chunked
from page_governor.db import schema as t

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
    which was a third of an export's time. :func:`time_text` and :func:`iso_z` accept both.
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


def time_text(value: Any) -> str | None:
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


def iso_z(value: Any) -> str | None:
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
            "created_at": iso_z(row["item_created_at"]),
        },
        "record": _plain_record(row),
        "prev_hash": row["prev_hash"],
        "record_hash": row["record_hash"],
        "disposed_at": iso_z(row["disposed_at"]),
    }


def _plain_record(row: dict[str, Any]) -> dict[str, Any]:
    """``version_record(row)`` as JSON values (times as canonical JSON writes them), so that
    ``chain_hash(prev_hash, record)`` recomputes the stored record hash offline."""
    record = version_record(row)
    for key in ("captured_at", "last_seen_at"):
        record[key] = time_text(record[key])
    return record
