"""The dashboard: what each role needs to see first, with pictures. Mixed into
:class:`page_governor.web.console.WebConsole`.

- PIO staff: the queue by category and by time waited, and flags per day for 30 days;
- the chief: page requests and escalations waiting, re-certifications due;
- records clerks: legal holds in force, disposition lists waiting for approval, recent exports
  with the SHA-256 of their manifests and whether they were signed;
- the admin: capture health per page (last capture, failures, open gaps, paused pages, X tokens).

A person with several roles sees each of their sections; the compliance matrix is shown to the
roles that may see compliance data. Charts are server-rendered SVG (``web.charts``).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from page_governor.clock import parse_time
from page_governor.db import schema as t
from page_governor.governance.roles import Permission
from page_governor.models import ReviewStatus, Role
from page_governor.web import charts
from page_governor.web.console_base import ConsoleBase
from page_governor.web.users import WebUser

# How long an item has waited, in the buckets the PIO's chart shows (upper bounds in hours).
AGE_BUCKETS = ((1, "under 1 h"), (4, "1-4 h"), (24, "4-24 h"), (72, "1-3 days"))
FLAG_DAYS = 30
RECENT_EXPORTS = 10


class DashboardConsole(ConsoleBase):
    """The dashboard route (needs ``app`` and ``render``)."""

    async def dashboard(self, request: Request, user: WebUser) -> Response:
        return self.render(
            request,
            "dashboard.html",
            user=user,
            **await run_in_threadpool(self._dashboard, user),
        )

    def _dashboard(self, user: WebUser) -> dict[str, Any]:
        """Each section the user's roles call for; nothing they may not see."""
        now = self.app.clock.now()
        shown: dict[str, Any] = {"now": now}
        with self.app.db.connect() as conn:
            shown["urgency"] = _urgency(conn)
            if user.can(Permission.DECIDE) or Role.PIO in user.roles:
                shown["pio"] = _pio(conn, now)
            if Role.CHIEF in user.roles:
                shown["chief"] = _chief(conn, now)
            if Role.RECORDS_CLERK in user.roles:
                shown["clerk"] = _clerk(conn)
            if Role.ADMIN in user.roles:
                shown["admin"] = _admin(conn, now)
            if user.can(Permission.VIEW_COMPLIANCE):
                shown |= self._compliance(conn)
        return shown

    def _compliance(self, conn: Connection) -> dict[str, Any]:
        """The compliance matrix of the active pages, with evidence and suggested fixes."""
        from page_governor.compliance.fixes import fix_for_page
        from page_governor.compliance.service import latest_results
        from page_governor.governance.registry import all_pages
        from page_governor.models import PageState

        policy = self.app.policy
        pages = all_pages(conn, states=(PageState.ACTIVE,))
        results = latest_results(conn)
        matrix = []
        for page in pages:
            result = results.get(page["id"])
            cells = []
            for rule in policy.elements:
                found = (result or {}).get("elements", {}).get(rule.id) if result else None
                fix = fix_for_page(rule, page)
                cells.append(
                    {
                        "passed": None if found is None else bool(found.get("passed")),
                        "evidence": (found or {}).get("evidence"),
                        "fix": fix,
                        "title": rule.title,
                    }
                )
            matrix.append({"page": page, "result": result, "cells": cells})
        return {"elements": policy.elements, "matrix": matrix}


def _urgency(conn: Connection) -> dict[str, int]:
    waiting = conn.execute(
        select(t.review_items.c.priority, func.count())
        .where(t.review_items.c.status != ReviewStatus.DECIDED.value)
        .group_by(t.review_items.c.priority)
    ).all()
    urgency = {"urgent": 0, "other": 0}
    for priority, n in waiting:
        urgency["urgent" if priority >= 100 else "other"] += int(n)
    return urgency


def _when(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) or value is None else parse_time(value)


def _pio(conn: Connection, now: datetime) -> dict[str, Any]:
    """The waiting queue by category and by age; flags per day over the last 30 days."""
    rows = conn.execute(
        select(t.review_items.c.created_at, t.flags.c.categories)
        .join(t.flags, t.flags.c.id == t.review_items.c.flag_id)
        .where(t.review_items.c.status != ReviewStatus.DECIDED.value)
    ).all()
    by_category: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    for created_at, categories in rows:
        cats = categories if isinstance(categories, list) else json.loads(categories or "[]")
        by_category.update(cats)
        at = _when(created_at)
        hours = (now - at).total_seconds() / 3600 if at else 0
        by_age[next((name for bound, name in AGE_BUCKETS if hours < bound), "over 3 days")] += 1
    since = (now - timedelta(days=FLAG_DAYS - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    per_day: Counter[str] = Counter()
    for (created_at,) in conn.execute(
        select(t.flags.c.created_at).where(t.flags.c.created_at >= since)
    ):
        at = _when(created_at)
        if at is not None:
            per_day[at.date().isoformat()] += 1
    days = [(since + timedelta(days=i)).date().isoformat() for i in range(FLAG_DAYS)]
    ages = [name for _, name in AGE_BUCKETS] + ["over 3 days"]
    return {
        "by_category": charts.bars(
            sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])),
            title="Waiting items by category",
            urgent=("threat",),
        ),
        "by_age": charts.bars(
            [(name, by_age[name]) for name in ages], title="Waiting items by time waited"
        ),
        "per_day": charts.columns(
            [(day[5:], per_day[day]) for day in days],
            title=f"Comments flagged per day, last {FLAG_DAYS} days",
        ),
        "flagged_30": sum(per_day.values()),
    }


def _chief(conn: Connection, now: datetime) -> dict[str, Any]:
    from page_governor.governance.pages import due_for_recertification, pending_requests

    escalated = conn.execute(
        select(func.count())
        .select_from(t.review_items)
        .where(t.review_items.c.status == ReviewStatus.ESCALATED.value)
    ).scalar_one()
    return {
        "requests": pending_requests(conn),
        "escalated": int(escalated),
        "due": due_for_recertification(conn, now),
    }


def _clerk(conn: Connection) -> dict[str, Any]:
    holds = [
        dict(r)
        for r in conn.execute(
            select(t.legal_holds)
            .where(t.legal_holds.c.released_at.is_(None))
            .order_by(t.legal_holds.c.id)
        ).mappings()
    ]
    proposed = [
        dict(r)
        for r in conn.execute(
            select(
                t.dispositions.c.id,
                t.dispositions.c.record_class,
                t.dispositions.c.cutoff,
                t.dispositions.c.item_ids,
                t.dispositions.c.proposed_at,
            )
            .where(t.dispositions.c.status == "proposed")
            .order_by(t.dispositions.c.id)
        ).mappings()
    ]
    exports = []
    for row in conn.execute(
        select(
            t.audit_log.c.at, t.audit_log.c.actor, t.audit_log.c.subject_id, t.audit_log.c.details
        )
        .where(t.audit_log.c.action == "archive.export")
        .order_by(t.audit_log.c.id.desc())
        .limit(RECENT_EXPORTS)
    ).mappings():
        details = row["details"]
        data = details if isinstance(details, dict) else json.loads(details or "{}")
        exports.append({**dict(row), **{k: data.get(k) for k in ("items", "format", "sha256")},
                        "signed_by": data.get("signed_by"),
                        "public_release": data.get("public_release")})  # fmt: skip
    for d in proposed:
        ids = d["item_ids"] if isinstance(d["item_ids"], list) else json.loads(d["item_ids"])
        d["items"] = len(ids)
    return {"holds": holds, "proposed": proposed, "exports": exports}


def _admin(conn: Connection, now: datetime) -> dict[str, Any]:
    """Capture health per registered page, with the X tokens' expiry."""
    from page_governor.capture import health
    from page_governor.governance.registry import all_pages

    states = {int(r["page_id"]): dict(r) for r in conn.execute(select(t.page_health)).mappings()}
    tokens = {
        int(r["page_id"]): r["expires_at"]
        for r in conn.execute(
            select(t.oauth_tokens.c.page_id, t.oauth_tokens.c.expires_at)
        ).mappings()
    }
    rows = []
    for page in all_pages(conn):
        state = states.get(int(page["id"]), {})
        open_gaps = [g for g in health.gaps(conn, page["id"]) if g["ended_at"] is None]
        expires = _when(tokens.get(int(page["id"])))
        rows.append(
            {
                "key": page["key"],
                "platform": page["platform"],
                "state": page["state"],
                "health": state.get("status", "not polled yet"),
                "last_success_at": state.get("last_success_at"),
                "failures": state.get("consecutive_failures", 0),
                "last_error": state.get("last_error"),
                "gap_since": open_gaps[0]["started_at"] if open_gaps else None,
                "token": (
                    None
                    if expires is None
                    else ("expired" if expires <= now else f"valid until {expires:%Y-%m-%d %H:%M}")
                ),
            }
        )
    return {"pages": rows}
