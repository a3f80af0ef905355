"""Archive search: full text (SQLite FTS5, PostgreSQL full-text) with exact filters.

Search looks at **every version** of an item, so a comment found by words it contained before
it was edited or deleted is still found; results are items, newest first, with their current
text and state. The same filters define legal holds and records-request exports, so "what a
hold freezes", "what an export contains" and "what a search shows" are one definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    Text,
    and_,
    cast,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)

from page_governor.archive import media
from page_governor.clock import iso, parse_time
from page_governor.db import schema as t
from page_governor.errors import InputError, UnknownObject
from page_governor.models import Category, Decision, ItemKind, ItemState

_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits, as both full-text indexes see words
PG_TSVECTOR = (
    "to_tsvector('simple', regexp_replace(archive_versions.text, '[^[:alnum:]]+', ' ', 'g'))"
)
MAX_COUNT = 1_000  # totals above this are reported as "1,000+" (exports count exactly)


@dataclass(frozen=True, slots=True)
class Filters:
    """What to look for. Every field is optional; all given ones must hold."""

    text: str | None = None
    department: str | None = None  # slug
    page: str | None = None  # key
    platform: str | None = None
    since: datetime | None = None  # created on the platform at or after
    until: datetime | None = None  # ... before
    author: str | None = None  # name or platform id, exact (case-insensitive for names)
    kind: str | None = None  # post, comment, reply, profile
    state: str | None = None  # live, edited, hidden, deleted, restored
    category: str | None = None  # a flag category
    decision: str | None = None  # a review decision

    def __post_init__(self) -> None:
        checks = {
            "kind": [k.value for k in ItemKind],
            "state": [s.value for s in ItemState],
            "category": [c.value for c in Category],
            "decision": [d.value for d in Decision],
            "platform": ["facebook", "instagram", "x", "telegram"],
        }
        for name, allowed in checks.items():
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise InputError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
        if self.since and self.until and self.since >= self.until:
            raise InputError("--since must be before --until")

    def as_json(self) -> dict[str, Any]:
        out = {}
        for key, value in asdict(self).items():
            if value is not None:
                out[key] = iso(value) if isinstance(value, datetime) else value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Filters:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        for key in ("since", "until"):
            if values.get(key):
                values[key] = parse_time(values[key])
        return cls(**values)

    @property
    def empty(self) -> bool:
        return not self.as_json()


def _fts_terms(words: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(words)]


def matching_items(conn: Connection, f: Filters) -> Select[Any]:
    """A SELECT of the ids of the items that match ``f`` (used by search, holds, export)."""
    items = t.archive_items
    query = _filtered(select(items.c.id), f)
    if f.text:
        terms = _fts_terms(f.text)
        if not terms:
            raise InputError("the search words contain no letters or digits")
        query = query.where(items.c.id.in_(_text_match(conn, terms)))
    return query


def _filtered(query: Select[Any], f: Filters) -> Select[Any]:
    """``query`` (over archive_items) restricted by every filter except the words. Pages and
    item status are joined only when a filter needs them: a join the query does not need can
    lead SQLite's planner away from the index that the filter could use."""
    items, status, pages = t.archive_items, t.item_status, t.pages
    created = func.coalesce(items.c.created_at, items.c.first_captured_at)
    if f.page or f.department or f.platform:
        # a set of page ids, computed once, rather than a join evaluated for every row
        page_ids = select(pages.c.id)
        if f.page:
            page_ids = page_ids.where(pages.c.key == f.page)
        if f.platform:
            page_ids = page_ids.where(pages.c.platform == f.platform)
        if f.department:
            page_ids = page_ids.join(
                t.departments, t.departments.c.id == pages.c.department_id
            ).where(t.departments.c.slug == f.department)
        # "+ 0": checked row by row while the search walks newest first, instead of steering
        # SQLite's planner into reading whole pages and sorting them
        query = query.where((items.c.page_id + 0).in_(page_ids))
    if f.state:
        query = query.join(status, status.c.item_id == items.c.id)
    if f.kind:
        query = query.where(items.c.kind == f.kind)
    if f.state:
        query = query.where(status.c.state == f.state)
    if f.since:
        query = query.where(created >= f.since)
    if f.until:
        query = query.where(created < f.until)
    if f.author:
        query = query.where(
            or_(items.c.author_id == f.author, func.lower(items.c.author_name) == f.author.lower())
        )
    if f.category:
        query = query.where(
            exists().where(
                t.flags.c.item_id == items.c.id,
                cast(t.flags.c.categories, String).like(f'%"{f.category}"%'),
            )
        )
    if f.decision:
        query = query.where(
            exists().where(
                t.review_items.c.item_id == items.c.id,
                t.review_decisions.c.review_item_id == t.review_items.c.id,
                t.review_decisions.c.decision == f.decision,
            )
        )
    return query


def _text_match(conn: Connection, terms: list[str]) -> Any:
    versions = t.archive_versions
    if conn.dialect.name == "postgresql":
        return select(versions.c.item_id).where(
            literal_column(PG_TSVECTOR).op("@@")(func.to_tsquery("simple", " & ".join(terms)))
        )
    match = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return select(versions.c.item_id).where(
        versions.c.id.in_(
            text("SELECT rowid FROM archive_fts WHERE archive_fts MATCH :q").bindparams(q=match)
        )
    )


@dataclass(frozen=True, slots=True)
class SearchPage:
    total: int
    total_capped: bool
    offset: int
    rows: list[dict[str, Any]]


_FTS = Table("archive_fts", MetaData(), Column("rowid", Integer), Column("text", Text))


def _ordered_ids(conn: Connection, f: Filters) -> Iterator[int]:
    """Ids of the matching items, newest captured first, each once, streamed.

    On SQLite a word search walks the full-text index from its newest entry backwards and
    stops as soon as enough items are found, instead of collecting every match first.
    """
    items, versions = t.archive_items, t.archive_versions
    if f.text and conn.dialect.name == "sqlite":
        terms = _fts_terms(f.text)
        if not terms:
            raise InputError("the search words contain no letters or digits")
        match = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
        query = (
            select(versions.c.item_id)
            .select_from(_FTS)
            .join(versions, versions.c.id == _FTS.c.rowid)
            .join(items, items.c.id == versions.c.item_id)
            .where(literal_column("archive_fts").op("MATCH")(match))
            .order_by(_FTS.c.rowid.desc())
        )
        if f.since or f.until:
            # Only versions of items created in the range can match: bound the index walk by
            # their version ids (found through the date index), so an old week is not reached
            # by walking backwards through everything newer.
            created = func.coalesce(items.c.created_at, items.c.first_captured_at)
            bounds = select(func.min(versions.c.id), func.max(versions.c.id)).join(
                items, items.c.id == versions.c.item_id
            )
            if f.since:
                bounds = bounds.where(created >= f.since)
            if f.until:
                bounds = bounds.where(created < f.until)
            low, high = conn.execute(bounds).one()
            if low is None:
                return
            query = query.where(_FTS.c.rowid.between(low, high))
        query = _filtered(query, f)
    else:
        order = items.c.id.desc()
        if f.since or f.until:
            # "+ 0" keeps SQLite from walking the whole primary key for the order and lets it
            # find the date range through its index (then sort that range)
            order = (items.c.id + 0).desc()
        query = matching_items(conn, f).order_by(order)
    seen: set[int] = set()
    result = conn.execution_options(yield_per=500).execute(query)
    try:
        for (item_id,) in result:
            if item_id not in seen:
                seen.add(item_id)
                yield int(item_id)
    finally:
        result.close()  # a search usually stops early: release the cursor at once


def search(conn: Connection, f: Filters, *, limit: int = 20, offset: int = 0) -> SearchPage:
    """One page of matching items, newest captured first, with current text and state.

    ``total`` counts matches up to :data:`MAX_COUNT` (``total_capped`` beyond).
    """
    if limit < 1 or offset < 0:
        raise InputError("--limit must be at least 1 and --offset not negative")
    page_ids: list[int] = []
    total = 0
    ordered = _ordered_ids(conn, f)
    try:
        for item_id in ordered:
            if offset <= total < offset + limit:
                page_ids.append(item_id)
            total += 1
            if total > MAX_COUNT and total >= offset + limit:
                break
    finally:
        ordered.close()
    items, status, pages, versions = t.archive_items, t.item_status, t.pages, t.archive_versions
    created = func.coalesce(items.c.created_at, items.c.first_captured_at)
    rows: list[dict[str, Any]] = []
    if page_ids:
        query = (
            select(
                items.c.id,
                items.c.kind,
                items.c.platform_item_id,
                items.c.post_platform_id,
                items.c.parent_platform_id,
                items.c.author_id,
                items.c.author_name,
                items.c.permalink,
                created.label("created_at"),
                status.c.state,
                status.c.is_hidden,
                status.c.last_seen_at,
                pages.c.key.label("page"),
                pages.c.platform,
                versions.c.text,
                versions.c.version_no.label("versions"),
            )
            .join(status, status.c.item_id == items.c.id)
            .join(pages, pages.c.id == items.c.page_id)
            .join(versions, versions.c.id == status.c.current_version_id)
            .where(items.c.id.in_(page_ids))
        )
        found = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
        rows = [found[i] for i in page_ids if i in found]
    return SearchPage(min(total, MAX_COUNT), total > MAX_COUNT, offset, rows)


def item_thread(conn: Connection, item_id: int) -> dict[str, Any]:
    """An item with all its versions, its flags and decisions, its media files, and the thread
    it belongs to.

    Raises:
        UnknownObject: no such archived item.
    """
    items, status, versions = t.archive_items, t.item_status, t.archive_versions
    row = (
        conn.execute(
            select(items, status.c.state, status.c.is_hidden, t.pages.c.key.label("page"))
            .join(status, status.c.item_id == items.c.id)
            .join(t.pages, t.pages.c.id == items.c.page_id)
            .where(items.c.id == item_id)
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise UnknownObject(f"no archived item {item_id}", hint="find ids with `archive search`")
    item = dict(row)
    item["versions"] = [
        dict(v)
        for v in conn.execute(
            select(versions).where(versions.c.item_id == item_id).order_by(versions.c.version_no)
        ).mappings()
    ]
    item["flags"] = [
        dict(f)
        for f in conn.execute(
            select(t.flags).where(t.flags.c.item_id == item_id).order_by(t.flags.c.id)
        ).mappings()
    ]
    item["decisions"] = [
        dict(d)
        for d in conn.execute(
            select(t.review_decisions)
            .join(t.review_items, t.review_items.c.id == t.review_decisions.c.review_item_id)
            .where(t.review_items.c.item_id == item_id)
            .order_by(t.review_decisions.c.id)
        ).mappings()
    ]
    item["media"] = [{**m, "state": media.state_text(m)} for m in media.of_items(conn, [item_id])]
    post_id = item["post_platform_id"] or (
        item["platform_item_id"] if item["kind"] == ItemKind.POST.value else None
    )
    item["thread"] = []
    if post_id:
        item["thread"] = [
            dict(r)
            for r in conn.execute(
                select(
                    items.c.id,
                    items.c.kind,
                    items.c.platform_item_id,
                    items.c.parent_platform_id,
                    items.c.author_name,
                    func.coalesce(items.c.created_at, items.c.first_captured_at).label(
                        "created_at"
                    ),
                    status.c.state,
                    versions.c.text,
                )
                .join(status, status.c.item_id == items.c.id)
                .join(versions, versions.c.id == status.c.current_version_id)
                .where(
                    items.c.page_id == item["page_id"],
                    or_(
                        items.c.post_platform_id == post_id,
                        and_(
                            items.c.kind == ItemKind.POST.value, items.c.platform_item_id == post_id
                        ),
                    ),
                )
                .order_by(func.coalesce(items.c.created_at, items.c.first_captured_at), items.c.id)
            ).mappings()
        ]
    return item
