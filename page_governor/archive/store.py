"""Append-only storage of captured items and their versions.

One piece: it is the only writer of the chained tables, so the chain, the lock and the
index update that every write path must share are in one place.

Every observation that differs from the last stored one becomes a new version, hash-chained to
the version stored before it (one chain over the whole table, in id order). Nothing here updates
or deletes archive rows; ``item_status`` is a projection for fast "what is current" questions.

This module is the only writer of versions, and it adds each one to the full-text index in the
same transaction (on SQLite; PostgreSQL's GIN index keeps itself), so search always sees
everything stored.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, bindparam, func, insert, select, update

from page_governor.clock import iso
from page_governor.db import schema as t
from page_governor.db.engine import serialize
from page_governor.db.schema import UtcDateTime
from page_governor.errors import ArchiveError
from page_governor.hashing import GENESIS, canonical_json, chain_hash, sha256_hex
from page_governor.models import ItemKind, ItemState, Provenance

# Lock key for serialising chain appends across processes on PostgreSQL.
_CHAIN_LOCK = 0x70676172  # "pgar"
# Base of the per-page lock keys ("pgp" and the page id): one capture of a page at a time.
_PAGE_LOCK_BASE = 0x7067700000000000


class Change(enum.StrEnum):
    NEW = "new"
    EDITED = "edited"
    HIDDEN = "hidden"
    UNHIDDEN = "unhidden"
    DELETED = "deleted"
    RESTORED = "restored"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class CaptureResult:
    item_id: int
    version_id: int | None  # None when nothing changed
    change: Change

    @property
    def content_changed(self) -> bool:
        return self.change in (Change.NEW, Change.EDITED)


def lock_chain(conn: Connection, key: int = _CHAIN_LOCK) -> None:
    """Serialise appends to a hash chain until the transaction ends (see
    :func:`page_governor.db.serialize`)."""
    serialize(conn, key)


def version_record(row: dict[str, Any]) -> dict[str, Any]:
    """The fields of a version that its record hash covers: since migration 0011 also the hash
    of its item's identity (versions stored before carry none and are hashed as they were)."""
    record = {
        "item_id": row["item_id"],
        "version_no": row["version_no"],
        "state": row["state"],
        "text": row["text"],
        "raw": row["raw"],
        "provenance": row["provenance"],
        "captured_at": row["captured_at"],
        "last_seen_at": row["last_seen_at"],
        "content_hash": row["content_hash"],
    }
    if row.get("item_hash") is not None:
        record["item_hash"] = row["item_hash"]
    return record


def item_identity(
    *,
    page: str,
    kind: str,
    platform_item_id: str,
    post_platform_id: str | None,
    parent_platform_id: str | None,
    author_id: str | None,
    author_name: str | None,
    permalink: str | None,
    created_at: datetime | str | None,
) -> dict[str, Any]:
    """What an archived item is, beyond its text: its page (by key), kind and platform id,
    its place in a thread, its author, link and time. Every version's record hash covers the
    hash of this, so none of it can be changed in the database unnoticed."""
    return {
        "page": page,
        "kind": kind,
        "platform_item_id": platform_item_id,
        "post_platform_id": post_platform_id,
        "parent_platform_id": parent_platform_id,
        "author_id": author_id,
        "author_name": author_name,
        "permalink": permalink,
        "created_at": created_at
        if created_at is None or isinstance(created_at, str)
        else canonical_time(created_at),
    }


def item_hash(identity: dict[str, Any]) -> str:
    return sha256_hex(canonical_json(identity))


# An item with its page key, as item_identity reads it.
ITEM_IDENTITY_COLUMNS = (
    t.pages.c.key.label("page_key"),
    t.archive_items.c.kind,
    t.archive_items.c.platform_item_id,
    t.archive_items.c.post_platform_id,
    t.archive_items.c.parent_platform_id,
    t.archive_items.c.author_id,
    t.archive_items.c.author_name,
    t.archive_items.c.permalink,
    t.archive_items.c.created_at,
)


def identity_of_row(row: Any) -> dict[str, Any]:
    """:func:`item_identity` of a row selected with :data:`ITEM_IDENTITY_COLUMNS`."""
    return item_identity(
        page=row["page_key"],
        kind=row["kind"],
        platform_item_id=row["platform_item_id"],
        post_platform_id=row["post_platform_id"],
        parent_platform_id=row["parent_platform_id"],
        author_id=row["author_id"],
        author_name=row["author_name"],
        permalink=row["permalink"],
        created_at=row["created_at"],
    )


_ITEM_IDENTITY = (
    select(*ITEM_IDENTITY_COLUMNS)
    .join(t.pages, t.pages.c.id == t.archive_items.c.page_id)
    .where(t.archive_items.c.id == bindparam("b_item"))
)
_PAGE_KEY = select(t.pages.c.key).where(t.pages.c.id == bindparam("b_page"))


def content_hash(text_value: str, *, hidden: bool, extra: dict[str, Any] | None = None) -> str:
    """What counts as a change: the text, the hidden state, and adapter-chosen extras
    (attachments, not volatile counters such as likes)."""
    return sha256_hex(canonical_json({"text": text_value, "hidden": hidden, "extra": extra or {}}))


# Statements built once: per-row capture runs thousands of times per poll, and building a
# statement (not executing it) was most of its cost.
_ITEM_ID = select(t.archive_items.c.id).where(
    t.archive_items.c.page_id == bindparam("b_page"),
    t.archive_items.c.kind == bindparam("b_kind"),
    t.archive_items.c.platform_item_id == bindparam("b_platform_item"),
)
_STATUS = select(t.item_status).where(t.item_status.c.item_id == bindparam("b_item"))
_VERSION_TEXT = select(t.archive_versions.c.text).where(
    t.archive_versions.c.id == bindparam("b_version")
)
_CHAIN_HEAD = (
    select(t.archive_versions.c.record_hash).order_by(t.archive_versions.c.id.desc()).limit(1)
)
_LAST_VERSION_NO = (
    select(t.archive_versions.c.version_no)
    .where(t.archive_versions.c.item_id == bindparam("b_item"))
    .order_by(t.archive_versions.c.version_no.desc())
    .limit(1)
)
# One statement per batch: FTS5 flushes its pending terms at every statement, so indexing row
# by row (as a trigger did) wrote an index segment per version and cost ten times as much.
_INDEX_TEXT = (
    "INSERT INTO archive_fts(rowid, text) "
    "SELECT id, text FROM archive_versions WHERE id BETWEEN ? AND ?"
)
_INSERT_ITEM = insert(t.archive_items)
_INSERT_VERSION = insert(t.archive_versions)
_INSERT_STATUS = insert(t.item_status)
_UPDATE_STATUS = update(t.item_status).where(t.item_status.c.item_id == bindparam("b_item"))
_MARK_SEEN = (
    update(t.item_status)
    .where(t.item_status.c.item_id == bindparam("b_item"))
    .values(last_seen_at=bindparam("b_seen"))
)

Known = dict[tuple[str, str], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Observation:
    """One item as a poll saw it: the arguments of :meth:`Archive.capture`."""

    kind: ItemKind
    platform_item_id: str
    text_value: str
    raw: dict[str, Any]
    provenance: Provenance
    is_hidden: bool | None = False
    post_platform_id: str | None = None
    parent_platform_id: str | None = None
    author_id: str | None = None
    author_name: str | None = None
    permalink: str | None = None
    created_at: datetime | None = None


class Archive:
    """Append captured platform items and their versions."""

    def __init__(self) -> None:
        self._page_keys: dict[int, str] = {}

    def _page_key(self, conn: Connection, page_id: int) -> str:
        key = self._page_keys.get(page_id)
        if key is None:
            key = self._page_keys[page_id] = conn.execute(
                _PAGE_KEY, {"b_page": page_id}
            ).scalar_one()
        return key

    @staticmethod
    def stored_item_hash(conn: Connection, item_id: int) -> str:
        """The identity hash of an archived item as the database holds it now."""
        row = conn.execute(_ITEM_IDENTITY, {"b_item": item_id}).mappings().one()
        return item_hash(identity_of_row(row))

    @staticmethod
    def lock_page(conn: Connection, page_id: int) -> None:
        """Hold other captures of this page (a second poll, a webhook) until this transaction
        ends; taken before reading what is archived, so two first polls of a page do not both
        try to store the same new items."""
        serialize(conn, _PAGE_LOCK_BASE + int(page_id))

    @staticmethod
    def load_known(conn: Connection, page_id: int) -> Known:
        """Every archived item of a page with its current status, keyed by (kind, platform id).

        Passed to :meth:`capture` as ``known``, it replaces two lookups per item by one query.
        """
        rows = conn.execute(
            select(
                t.archive_items.c.kind,
                t.archive_items.c.platform_item_id,
                t.item_status,
            )
            .join(t.item_status, t.item_status.c.item_id == t.archive_items.c.id)
            .where(t.archive_items.c.page_id == page_id)
        ).mappings()
        return {(r["kind"], r["platform_item_id"]): dict(r) for r in rows}

    @staticmethod
    def mark_seen(conn: Connection, item_ids: list[int], at: datetime) -> None:
        """Record that unchanged items were seen at ``at`` (one batched statement)."""
        if item_ids:
            conn.execute(_MARK_SEEN, [{"b_item": i, "b_seen": at} for i in item_ids])

    def capture(
        self,
        conn: Connection,
        *,
        page_id: int,
        kind: ItemKind,
        platform_item_id: str,
        text_value: str,
        raw: dict[str, Any],
        provenance: Provenance,
        captured_at: datetime,
        is_hidden: bool | None = False,
        post_platform_id: str | None = None,
        parent_platform_id: str | None = None,
        author_id: str | None = None,
        author_name: str | None = None,
        permalink: str | None = None,
        created_at: datetime | None = None,
        extra: dict[str, Any] | None = None,
        known: Known | None = None,
        seen: list[int] | None = None,
    ) -> CaptureResult:
        """Store an observation of an item; a new version only when its content changed.

        Idempotent: capturing the same observation twice stores it once. ``is_hidden=None``
        means the platform does not report hidden state (X, Telegram): the state already on
        record is kept, so a hide done through page_governor is not mistaken for an unhide.

        ``known`` (from :meth:`load_known`, for this page, in this transaction) saves the
        lookups and is kept up to date; with ``seen``, an unchanged item's id is appended there
        for one batched :meth:`mark_seen` instead of an update each.
        """
        key = (kind.value, platform_item_id)
        status: dict[str, Any] | None
        ihash: str | None = None
        if known is not None:
            status = known.get(key)
            item_id = status["item_id"] if status else None
        else:
            item_id = conn.execute(
                _ITEM_ID,
                {"b_page": page_id, "b_kind": kind.value, "b_platform_item": platform_item_id},
            ).scalar_one_or_none()
            status = None
            if item_id is not None:
                found = conn.execute(_STATUS, {"b_item": item_id}).mappings().one_or_none()
                status = dict(found) if found else None
        if item_id is None:
            ihash = item_hash(
                item_identity(
                    page=self._page_key(conn, page_id),
                    kind=kind.value,
                    platform_item_id=platform_item_id,
                    post_platform_id=post_platform_id,
                    parent_platform_id=parent_platform_id,
                    author_id=author_id,
                    author_name=author_name,
                    permalink=permalink,
                    created_at=created_at,
                )
            )
            item_id = conn.execute(
                _INSERT_ITEM,
                {
                    "page_id": page_id,
                    "kind": kind.value,
                    "platform_item_id": platform_item_id,
                    "post_platform_id": post_platform_id,
                    "parent_platform_id": parent_platform_id,
                    "author_id": author_id,
                    "author_name": author_name,
                    "permalink": permalink,
                    "created_at": created_at,
                    "first_captured_at": captured_at,
                },
            ).inserted_primary_key[0]
        if is_hidden is None:
            is_hidden = bool(status["is_hidden"]) if status is not None else False
        chash = content_hash(text_value, hidden=is_hidden, extra=extra)

        if status is not None and status["content_hash"] == chash and status["state"] != "deleted":
            if seen is not None:
                seen.append(item_id)
            else:
                self.mark_seen(conn, [item_id], captured_at)
            return CaptureResult(item_id, None, Change.UNCHANGED)

        if status is None:
            change = Change.NEW
            state = ItemState.HIDDEN if is_hidden else ItemState.LIVE
        else:
            last = conn.execute(
                _VERSION_TEXT, {"b_version": status["current_version_id"]}
            ).scalar_one()
            if status["state"] == "deleted":
                # The platform shows a deleted item again. Unchanged, it is restored (hidden
                # if the platform says so); a tombstone never turns into an "edit" of the
                # same text. With new text, it is an edit.
                if last != text_value:
                    change, state = Change.EDITED, ItemState.EDITED
                else:
                    change = Change.RESTORED
                    state = ItemState.HIDDEN if is_hidden else ItemState.RESTORED
            elif last != text_value:
                change, state = Change.EDITED, ItemState.EDITED
            elif is_hidden and not status["is_hidden"]:
                change, state = Change.HIDDEN, ItemState.HIDDEN
            elif not is_hidden and status["is_hidden"]:
                change, state = Change.UNHIDDEN, ItemState.LIVE
            else:  # extras changed (e.g. an attachment)
                change, state = Change.EDITED, ItemState.EDITED
        version_id = self._append_version(
            conn,
            item_id=item_id,
            item_hash=ihash or self.stored_item_hash(conn, item_id),
            state=state,
            text_value=text_value,
            raw=raw,
            provenance=provenance.as_dict(),
            captured_at=captured_at,
            last_seen_at=captured_at,
            chash=chash,
            first=status is None,
        )
        projected = self._project(
            conn,
            item_id,
            page_id,
            kind,
            version_id,
            chash,
            state,
            is_hidden,
            captured_at,
            exists=status is not None,
        )
        if known is not None:
            known[key] = {"item_id": item_id, "page_id": page_id, "kind": kind.value, **projected}
        return CaptureResult(item_id, version_id, change)

    def capture_many(
        self,
        conn: Connection,
        *,
        page_id: int,
        observations: list[Observation],
        captured_at: datetime,
        known: Known,
        seen: list[int],
    ) -> list[CaptureResult]:
        """:meth:`capture` for a batch, in order; items seen for the first time are written
        with one multi-row statement per table (the chain is computed here, in order).

        Same result as capturing them one by one (a property test holds it to that).
        """
        results: list[CaptureResult] = []
        pending: list[Observation] = []
        pending_keys: set[tuple[str, str]] = set()

        def flush() -> None:
            if pending:
                results.extend(self._insert_new(conn, page_id, pending, captured_at, known))
                pending.clear()
                pending_keys.clear()

        # Runs of first-seen items go in one statement; anything else (an item already known,
        # or seen twice in the batch) is captured alone, in order, so the chain order is the
        # same as capturing one observation at a time.
        for obs in observations:
            key = (obs.kind.value, obs.platform_item_id)
            if key not in known and key not in pending_keys:
                pending.append(obs)
                pending_keys.add(key)
                continue
            flush()
            results.append(
                self.capture(
                    conn,
                    page_id=page_id,
                    captured_at=captured_at,
                    known=known,
                    seen=seen,
                    **observation_args(obs),
                )
            )
        flush()
        return results

    def _insert_new(
        self,
        conn: Connection,
        page_id: int,
        batch: list[Observation],
        captured_at: datetime,
        known: Known,
    ) -> list[CaptureResult]:
        kinds = [o.kind.value for o in batch]
        page_key = self._page_key(conn, page_id)
        item_rows = [
            {
                "page_id": page_id,
                "kind": kind,
                "platform_item_id": o.platform_item_id,
                "post_platform_id": o.post_platform_id,
                "parent_platform_id": o.parent_platform_id,
                "author_id": o.author_id,
                "author_name": o.author_name,
                "permalink": o.permalink,
                "created_at": o.created_at,
                "first_captured_at": captured_at,
            }
            for o, kind in zip(batch, kinds, strict=True)
        ]
        item_ids = _insert_ordered(conn, t.archive_items, item_rows)
        lock_chain(conn)
        prev = conn.execute(_CHAIN_HEAD).scalar_one_or_none() or GENESIS
        version_rows = []
        hidden_flags = []
        provenance_json = _ProvenanceJson()
        when = _json_str(canonical_time(captured_at))
        for item_id, o in zip(item_ids, batch, strict=True):
            hidden = bool(o.is_hidden)
            hidden_flags.append(hidden)
            provenance = provenance_json(o.provenance)
            raw = canonical_json(o.raw)
            text_json = _json_str(o.text_value)
            row = {
                "item_id": item_id,
                "version_no": 1,
                "state": _HIDDEN if hidden else _LIVE,
                "text": o.text_value,
                "raw": raw,
                "provenance": provenance,
                "captured_at": captured_at,
                "last_seen_at": captured_at,
                "content_hash": _content_hash_plain(text_json, hidden),
                "item_hash": item_hash(
                    item_identity(
                        page=page_key,
                        kind=o.kind.value,
                        platform_item_id=o.platform_item_id,
                        post_platform_id=o.post_platform_id,
                        parent_platform_id=o.parent_platform_id,
                        author_id=o.author_id,
                        author_name=o.author_name,
                        permalink=o.permalink,
                        created_at=o.created_at,
                    )
                ),
            }
            row["prev_hash"] = prev
            row["record_hash"] = prev = _first_version_hash(
                prev,
                row,
                when,
                text_json=text_json,
                raw_json=_json_str(raw),
                provenance_json=_json_str(provenance),
            )
            version_rows.append(row)
        version_ids = _insert_ordered(conn, t.archive_versions, version_rows)
        if version_ids != sorted(version_ids):
            # the chain is in id order; a database that numbered the rows otherwise must not
            # leave a broken chain behind (the transaction is rolled back)
            raise ArchiveError("the database did not number a batch of versions in order")
        _index_text(conn, version_ids[0], version_ids[-1])
        status_rows = []
        results = []
        for o, kind, item_id, version_id, row, hidden in zip(
            batch, kinds, item_ids, version_ids, version_rows, hidden_flags, strict=True
        ):
            values = {
                "current_version_id": version_id,
                "content_hash": row["content_hash"],
                "state": row["state"],
                "is_hidden": hidden,
                "last_seen_at": captured_at,
            }
            status = {"item_id": item_id, "page_id": page_id, "kind": kind, **values}
            status_rows.append(status)
            known[(kind, o.platform_item_id)] = dict(status)
            results.append(CaptureResult(item_id, version_id, Change.NEW))
        _insert_rows(conn, t.item_status, status_rows)
        return results

    def tombstone(
        self,
        conn: Connection,
        *,
        item_id: int,
        captured_at: datetime,
        last_seen_at: datetime,
        provenance: Provenance,
        reason: str,
    ) -> int:
        """Record that an item vanished from the platform. The earlier versions stay intact."""
        status = (
            conn.execute(select(t.item_status).where(t.item_status.c.item_id == item_id))
            .mappings()
            .one()
        )
        last_text = conn.execute(
            select(t.archive_versions.c.text).where(
                t.archive_versions.c.id == status["current_version_id"]
            )
        ).scalar_one()
        raw = {"tombstone": True, "reason": reason}
        chash = sha256_hex(canonical_json({"deleted": True, "last": status["content_hash"]}))
        version_id = self._append_version(
            conn,
            item_id=item_id,
            item_hash=self.stored_item_hash(conn, item_id),
            state=ItemState.DELETED,
            text_value=last_text,
            raw=raw,
            provenance=provenance.as_dict(),
            captured_at=captured_at,
            last_seen_at=last_seen_at,
            chash=chash,
        )
        conn.execute(
            update(t.item_status)
            .where(t.item_status.c.item_id == item_id)
            .values(current_version_id=version_id, content_hash=chash, state="deleted")
        )
        return version_id

    # -- internals -----------------------------------------------------------------------

    def _append_version(
        self,
        conn: Connection,
        *,
        item_id: int,
        item_hash: str,
        state: ItemState,
        text_value: str,
        raw: dict[str, Any],
        provenance: dict[str, Any],
        captured_at: datetime,
        last_seen_at: datetime | None,
        chash: str,
        first: bool = False,
    ) -> int:
        lock_chain(conn)
        prev = conn.execute(_CHAIN_HEAD).scalar_one_or_none() or GENESIS
        if first:
            version_no = 1
        else:
            last_no = conn.execute(_LAST_VERSION_NO, {"b_item": item_id}).scalar_one_or_none()
            version_no = (last_no or 0) + 1
        row = {
            "item_id": item_id,
            "version_no": version_no,
            "state": state.value,
            "text": text_value,
            "raw": canonical_json(raw),
            "provenance": canonical_json(provenance),
            "captured_at": captured_at,
            "last_seen_at": last_seen_at,
            "content_hash": chash,
            "item_hash": item_hash,
        }
        record_hash = chain_hash(prev, version_record(row))
        version_id: int = conn.execute(
            _INSERT_VERSION, {**row, "prev_hash": prev, "record_hash": record_hash}
        ).inserted_primary_key[0]
        _index_text(conn, version_id, version_id)
        return version_id

    def _project(
        self,
        conn: Connection,
        item_id: int,
        page_id: int,
        kind: ItemKind,
        version_id: int,
        chash: str,
        state: ItemState,
        is_hidden: bool,
        seen: datetime,
        *,
        exists: bool | None = None,
    ) -> dict[str, Any]:
        values = {
            "current_version_id": version_id,
            "content_hash": chash,
            "state": state.value,
            "is_hidden": is_hidden,
            "last_seen_at": seen,
        }
        done = 0
        if exists is not False:
            done = conn.execute(_UPDATE_STATUS, {**values, "b_item": item_id}).rowcount
        if not done:
            conn.execute(
                _INSERT_STATUS,
                {"item_id": item_id, "page_id": page_id, "kind": kind.value, **values},
            )
        return values


def observation_args(obs: Observation) -> dict[str, Any]:
    return {
        "kind": obs.kind,
        "platform_item_id": obs.platform_item_id,
        "text_value": obs.text_value,
        "raw": obs.raw,
        "provenance": obs.provenance,
        "is_hidden": obs.is_hidden,
        "post_platform_id": obs.post_platform_id,
        "parent_platform_id": obs.parent_platform_id,
        "author_id": obs.author_id,
        "author_name": obs.author_name,
        "permalink": obs.permalink,
        "created_at": obs.created_at,
    }


def _index_text(conn: Connection, first: int, last: int) -> None:
    """Add the versions ``first``..``last`` (just stored) to SQLite's full-text index."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_INDEX_TEXT, (first, last))


def _insert_ordered(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in one go and return their ids, in row order.

    PostgreSQL numbers a multi-row insert in order and returns the ids. SQLite cannot return
    them in order without one statement per row, so the ids are assigned here, after the
    current maximum: SQLite has one writer at a time, and should another process have written
    in between, the primary key refuses the batch and the whole transaction rolls back.
    """
    if conn.dialect.name != "sqlite":
        return list(
            conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
            ).scalars()
        )
    first = (conn.execute(select(func.max(table.c.id))).scalar_one() or 0) + 1
    ids = list(range(first, first + len(rows)))
    for row, row_id in zip(rows, ids, strict=True):
        row["id"] = row_id
    _insert_rows(conn, table, rows)
    return ids


def _insert_rows(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """A multi-row insert; on SQLite straight through the driver, values converted the way
    SQLAlchemy stores them (UTC datetimes as text, booleans as 0/1).

    Which columns need converting comes from the table's column types, and each distinct
    datetime is formatted once (a batch shares its capture time), which is most of the cost of
    a large first capture.
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    columns = list(rows[0])
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    get = itemgetter(*columns)
    times = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, UtcDateTime)]
    flags = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Boolean)]
    if not times and not flags:
        conn.exec_driver_sql(sql, [get(row) for row in rows])
        return
    formatted: dict[datetime, str] = {}
    params = []
    for row in rows:
        values = list(get(row))
        for i in times:
            value = values[i]
            if value is not None:
                text_value = formatted.get(value)
                if text_value is None:
                    text_value = formatted[value] = _sqlite_value(value)
                values[i] = text_value
        for i in flags:
            if values[i] is not None:
                values[i] = int(values[i])
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC")
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    return value


_LIVE, _HIDDEN = ItemState.LIVE.value, ItemState.HIDDEN.value


class _ProvenanceJson:
    """``canonical_json(provenance.as_dict())`` for a batch, without a general encoder: the
    fixed part is built once per (platform, endpoint, client), the time once per instant.
    (Adapters stamp every item with its own fetch time, so whole provenances rarely repeat.)"""

    def __init__(self) -> None:
        self.fixed: dict[tuple[Any, str, str], tuple[str, str]] = {}
        self.times: dict[datetime, str] = {}

    def __call__(self, p: Provenance) -> str:
        fixed = self.fixed.get((p.platform, p.endpoint, p.client))
        if fixed is None:
            fixed = self.fixed[(p.platform, p.endpoint, p.client)] = (
                '{"client":' + _json_str(p.client)
                + ',"endpoint":' + _json_str(p.endpoint)
                + ',"fetched_at":',
                ',"platform":' + _json_str(p.platform.value) + "}",
            )  # fmt: skip
        fetched = self.times.get(p.fetched_at)
        if fetched is None:
            fetched = self.times[p.fetched_at] = _json_str(iso(p.fetched_at) or "")
        return fixed[0] + fetched + fixed[1]


def canonical_time(value: datetime | None) -> str | None:
    """A datetime as canonical JSON writes it (see :func:`page_governor.hashing._default`)."""
    return None if value is None else value.astimezone(UTC).isoformat()


def _json_str(value: str | None) -> str:
    """``json.dumps(value, ensure_ascii=False)`` for a string or None, without building an
    encoder (the C escaper json itself uses)."""
    return "null" if value is None else encode_basestring(value)


def _content_hash_plain(text_json: str, hidden: bool) -> str:
    """:func:`content_hash` without extras, built without a general JSON encoder, from the
    text already encoded as a JSON string."""
    body = '{"extra":{},"hidden":' + ("true" if hidden else "false") + ',"text":'
    return sha256_hex(body + text_json + "}")


def _first_version_hash(
    prev: str,
    row: dict[str, Any],
    when: str,
    *,
    text_json: str,
    raw_json: str,
    provenance_json: str,
) -> str:
    """``chain_hash(prev, version_record(row))`` for a version whose two times are ``when``,
    from the text, raw payload and provenance already encoded as JSON strings (hashes and
    states are plain ASCII words and need no escaping)."""
    record = (
        '{"captured_at":' + when
        + ',"content_hash":"' + row["content_hash"]
        + '","item_hash":"' + row["item_hash"]
        + '","item_id":' + str(int(row["item_id"]))
        + ',"last_seen_at":' + when
        + ',"provenance":' + provenance_json
        + ',"raw":' + raw_json
        + ',"state":"' + row["state"]
        + '","text":' + text_json
        + ',"version_no":' + str(int(row["version_no"]))
        + "}"
    )  # fmt: skip
    return sha256_hex(prev + "\n" + record)
