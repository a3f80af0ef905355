"""Compliance of registered pages: read the archived profile, check it, store the result, and
alert on drift (an element that passed and now fails) and recovery."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from page_governor.alerts.outbox import enqueue
from page_governor.archive.store import Archive
from page_governor.compliance.checker import ComplianceReport, check_fields
from page_governor.compliance.fixes import fix_for_page
from page_governor.compliance.policy import Policy
from page_governor.db import schema as t
from page_governor.models import ItemKind, Platform, Provenance

# (url) -> text of a linked comment-policy page, or None when it cannot be fetched
LinkedFetcher = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class PageCheck:
    page_key: str
    result_id: int | None
    report: ComplianceReport | None
    drift: tuple[str, ...] = ()
    recovered: tuple[str, ...] = ()
    note: str | None = None


def latest_profile(conn: Connection, page_id: int) -> tuple[int, dict[str, str]] | None:
    """The newest archived profile of a page: (version id, fields)."""
    row = conn.execute(
        select(t.archive_versions.c.id, t.archive_versions.c.text)
        .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
        .where(
            t.archive_items.c.page_id == page_id,
            t.archive_items.c.kind == ItemKind.PROFILE.value,
            ~t.archive_items.c.platform_item_id.startswith("linked:"),
        )
        .order_by(t.archive_versions.c.id.desc())
        .limit(1)
    ).one_or_none()
    if row is None:
        return None
    try:
        fields = json.loads(row.text)
    except ValueError:
        fields = {"text": row.text}
    return int(row.id), {str(k): str(v) for k, v in fields.items()}


def previous_result(conn: Connection, page_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(
            select(t.compliance_results)
            .where(t.compliance_results.c.page_id == page_id)
            .order_by(t.compliance_results.c.id.desc())
            .limit(1)
        )
        .mappings()
        .one_or_none()
    )
    return dict(row) if row else None


def check_page(
    conn: Connection,
    page: dict[str, Any],
    policy: Policy,
    *,
    now: datetime,
    fetch_linked: LinkedFetcher | None = None,
) -> PageCheck:
    """Check the page's latest archived profile; store the result; queue drift alerts."""
    latest = latest_profile(conn, page["id"])
    if latest is None:
        return PageCheck(
            page["key"], None, None, note="no profile captured yet: poll the page first"
        )
    version_id, fields = latest
    domains = tuple(page.get("official_domains") or ())
    if fetch_linked is not None:
        from page_governor.compliance.linked import policy_links

        for url in policy_links(fields, domains):
            text = fetch_linked(url)
            if text:
                fields[f"linked:{url}"] = text
                # The linked policy is part of what was checked: archive it (a new version
                # only when it changed), so the policy in force on any date can be shown.
                Archive().capture(
                    conn,
                    page_id=page["id"],
                    kind=ItemKind.PROFILE,
                    platform_item_id=f"linked:{url}",
                    text_value=text,
                    raw={"url": url, "text": text},
                    provenance=Provenance(
                        Platform(page["platform"]), url, now, "page_governor-linked"
                    ),
                    captured_at=now,
                )
    report = check_fields(fields, policy, official_domains=domains)
    before = previous_result(conn, page["id"])
    elements = {k: {**r.as_json(), "reason": r.reason} for k, r in report.elements.items()}
    result_id = int(
        conn.execute(
            insert(t.compliance_results).values(
                page_id=page["id"],
                profile_version_id=version_id,
                policy_version=policy.results_digest[:16],
                passed=report.passed,
                total=report.total,
                elements=elements,
                warnings=[w.as_json() for w in report.warnings],
                checked_at=now,
            )
        ).inserted_primary_key[0]
    )
    drift: list[str] = []
    recovered: list[str] = []
    if before is not None:
        for element_id, result in report.elements.items():
            was = (before["elements"].get(element_id) or {}).get("passed")
            if was is True and not result.passed:
                drift.append(element_id)
            elif was is False and result.passed:
                recovered.append(element_id)
    for element_id in drift:
        rule = policy.element(element_id)
        old = before["elements"][element_id] if before else {}
        enqueue(
            conn,
            kind="compliance_drift",
            dedupe_key=f"drift:{page['id']}:{element_id}:{result_id}",
            payload={
                "page": page["key"],
                "platform": page["platform"],
                "element": element_id,
                "title": rule.title,
                "was_evidence": old.get("evidence"),
                "was_source": old.get("source"),
                "now": report.elements[element_id].reason,
                "suggested_fix": fix_for_page(rule, page),
                "seed_clause": rule.seed_clause,
            },
            now=now,
        )
    for element_id in recovered:
        enqueue(
            conn,
            kind="compliance_recovered",
            dedupe_key=f"recovered:{page['id']}:{element_id}:{result_id}",
            payload={
                "page": page["key"],
                "platform": page["platform"],
                "element": element_id,
                "title": policy.element(element_id).title,
                "evidence": report.elements[element_id].evidence,
            },
            now=now,
        )
    return PageCheck(page["key"], result_id, report, tuple(drift), tuple(recovered))


def latest_results(conn: Connection) -> dict[int, dict[str, Any]]:
    """The newest compliance result of every page, by page id."""
    rows = conn.execute(select(t.compliance_results).order_by(t.compliance_results.c.id)).mappings()
    latest: dict[int, dict[str, Any]] = {}
    for row in rows:
        latest[int(row["page_id"])] = dict(row)
    return latest
