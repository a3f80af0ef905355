"""Departments and pages in the database: synchronised from ``config/pages.yaml`` or from the
bundled sample dataset, and looked up by key."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Select, insert, select, update

from page_governor.config import Registry
from page_governor.db import schema as t
from page_governor.errors import UnknownObject
from page_governor.models import PageRef, PageState, Platform


def upsert_department(conn: Connection, spec: dict[str, Any], now: datetime) -> int:
    values = {
        "name": spec["name"],
        "official_domains": list(spec["official_domains"]),
        "phone": spec.get("phone"),
        "email": spec.get("email"),
        "address": spec.get("address"),
    }
    existing = conn.execute(
        select(t.departments.c.id).where(t.departments.c.slug == spec["slug"])
    ).scalar_one_or_none()
    if existing is not None:
        conn.execute(update(t.departments).where(t.departments.c.id == existing).values(**values))
        return int(existing)
    return int(
        conn.execute(
            insert(t.departments).values(slug=spec["slug"], created_at=now, **values)
        ).inserted_primary_key[0]
    )


def upsert_page(
    conn: Connection,
    spec: dict[str, Any],
    department_id: int,
    *,
    source: str,
    now: datetime,
    default_interval: int,
    state: PageState = PageState.ACTIVE,
    approved_by: str | None = None,
    recertify_due: datetime | None = None,
) -> int:
    """Insert or update a page from configuration. A new page starts in ``state``, approved by
    ``approved_by`` (the registration is audited); an existing page keeps its lifecycle state."""
    values = {
        "department_id": department_id,
        "platform": spec["platform"],
        "platform_id": str(spec["platform_id"]),
        "handle": spec.get("handle"),
        "display_name": spec.get("display_name") or spec.get("name"),
        "url": spec.get("url"),
        "source": source,
        "token_env": spec.get("token_env"),
        "poll_interval_seconds": spec.get("poll_interval_seconds") or default_interval,
        "updated_at": now,
    }
    existing = conn.execute(
        select(t.pages.c.id).where(t.pages.c.key == spec["key"])
    ).scalar_one_or_none()
    if existing is not None:
        conn.execute(update(t.pages).where(t.pages.c.id == existing).values(**values))
        return int(existing)
    page_id = int(
        conn.execute(
            insert(t.pages).values(
                key=spec["key"],
                state=state.value,
                created_at=now,
                approved_by=approved_by,
                approved_at=now if approved_by else None,
                recertify_due=recertify_due,
                **values,
            )
        ).inserted_primary_key[0]
    )
    if approved_by:
        from page_governor.archive import audit

        audit.record(
            conn,
            at=now,
            actor=approved_by,
            action="page.registered",
            subject_type="page",
            subject_id=spec["key"],
            details={"state": state.value, "source": source, "platform": spec["platform"]},
        )
    return page_id


CONFIG_APPROVER = "config/pages.yaml (admin)"


def sync_registry(
    conn: Connection,
    registry: Registry,
    *,
    now: datetime,
    default_interval: int,
    recertify_after: timedelta = timedelta(days=365),
) -> int:
    """Register the departments and live pages of ``pages.yaml``. Returns the page count.

    A page listed there is active at once, recorded as approved by the configuration (so the
    registry report shows it was not approved through a request) and due for re-certification
    like any other.
    """
    ids = {d.slug: upsert_department(conn, d.model_dump(), now) for d in registry.departments}
    for page in registry.pages:
        upsert_page(
            conn,
            page.model_dump(),
            ids[page.department],
            source="live",
            now=now,
            default_interval=default_interval,
            approved_by=CONFIG_APPROVER,
            recertify_due=now + recertify_after,
        )
    return len(registry.pages)


def sync_sample(
    conn: Connection, dataset: Any, *, now: datetime, default_interval: int
) -> list[int]:
    """Register the sample dataset's departments and pages (source ``sample``)."""
    ids = {d["slug"]: upsert_department(conn, d, now) for d in dataset.departments}
    return [
        upsert_page(
            conn,
            p,
            ids[p["department"]],
            source="sample",
            now=now,
            default_interval=default_interval,
        )
        for p in dataset.pages
    ]


def _page_query() -> Select[Any]:
    return select(
        t.pages,
        t.departments.c.slug.label("department_slug"),
        t.departments.c.name.label("department_name"),
        t.departments.c.official_domains,
        t.departments.c.phone.label("department_phone"),
        t.departments.c.email.label("department_email"),
    ).join(t.departments, t.departments.c.id == t.pages.c.department_id)


def page_row(conn: Connection, key_or_id: str | int) -> dict[str, Any]:
    """A page with its department, by key or numeric id.

    Raises:
        UnknownObject: no such page.
    """
    query = _page_query()
    if isinstance(key_or_id, int) or str(key_or_id).isdigit():
        row = conn.execute(query.where(t.pages.c.id == int(key_or_id))).mappings().one_or_none()
    else:
        row = None
    if row is None:
        row = conn.execute(query.where(t.pages.c.key == str(key_or_id))).mappings().one_or_none()
    if row is None:
        known = conn.execute(select(t.pages.c.key).order_by(t.pages.c.key)).scalars().all()
        hint = f"known pages: {', '.join(known)}" if known else "no pages are registered yet"
        raise UnknownObject(f"unknown page {key_or_id!r}", hint=hint)
    return dict(row)


def all_pages(
    conn: Connection, *, states: tuple[PageState, ...] | None = None
) -> list[dict[str, Any]]:
    query = _page_query().order_by(t.pages.c.key)
    if states:
        query = query.where(t.pages.c.state.in_([s.value for s in states]))
    return [dict(r) for r in conn.execute(query).mappings()]


def page_ref(row: dict[str, Any]) -> PageRef:
    return PageRef(
        key=row["key"],
        platform=Platform(row["platform"]),
        platform_id=row["platform_id"],
        handle=row.get("handle"),
        department=row.get("department_slug"),
    )
