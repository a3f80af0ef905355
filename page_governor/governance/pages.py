"""The registry of official pages over their lifecycle: request, the chief's approval or
rejection, activation, suspension, re-certification and retirement (rules in
:mod:`page_governor.governance.lifecycle`).

Every transition records who, when and why on the page and in the audit log, and queues what
the people involved must see: a request goes to the chief with buttons; a decision edits
that message; a re-certification coming due reminds the chief. The worker picks up a page
that became active, or stopped being so, within a minute.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from page_governor.alerts import outbox
from page_governor.app import App
from page_governor.archive import audit
from page_governor.capture.polling import poll_job
from page_governor.clock import iso
from page_governor.compliance.checker import check_fields, fields_from_json
from page_governor.compliance.service import latest_results, previous_result
from page_governor.db import schema as t
from page_governor.db.leases import once_a_day
from page_governor.errors import InputError, NotAuthorized, PageGovernorError, WorkflowError
from page_governor.governance.lifecycle import REQUESTERS, Actor, Event, after_approval, step
from page_governor.governance.registry import all_pages, page_ref, page_row
from page_governor.models import PageState, Platform

log = logging.getLogger(__name__)

PENDING_ID = "pending:"
# The name of an environment variable (as pages.yaml requires), never a token itself.
TOKEN_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
TOKEN_ENV_PROBLEM = (
    "token_env names the environment variable that holds the token (like SPD_FB_TOKEN), "
    "never the token itself"
)  # platform_id of a page not created yet
# Reminders start this long before a re-certification is due.
REMINDER_WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a PIO or admin asks for when requesting a new official page."""

    platform: Platform
    department: str
    purpose: str
    audience: str
    administrators: tuple[str, ...]
    credentials_holder: str
    url: str | None = None
    handle: str | None = None
    platform_id: str | None = None  # None: the page is still to be created
    token_env: str | None = None
    key: str | None = None
    proposed_profile: dict[str, Any] = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = []
        if not self.purpose.strip():
            found.append("the purpose and scope statement is missing")
        if not self.audience.strip():
            found.append("the target audience is missing")
        if not [a for a in self.administrators if a.strip()]:
            found.append("name at least one administrator")
        if not self.credentials_holder.strip():
            found.append("say who holds the credentials")
        if not (self.url or self.handle or self.platform_id):
            found.append("give the page's URL, handle or platform id")
        if self.url and not self.url.startswith(("https://", "http://")):
            found.append("the URL must start with https://")
        if self.token_env and not TOKEN_ENV.match(self.token_env):
            found.append(TOKEN_ENV_PROBLEM)
        return found

    def page_key(self) -> str:
        if self.key:
            return self.key
        name = self.handle or (self.url or "").rstrip("/").rsplit("/", 1)[-1] or "page"
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "page"
        return f"{self.department}-{self.platform.value}-{slug}"[:150]


def _actor(name: str, roles: frozenset[Any]) -> Actor:
    return Actor(name.strip(), frozenset(roles))


def precheck(app: App, request: PageRequest, department: dict[str, Any]) -> dict[str, Any]:
    """The compliance check attached to a request: of the live page when it can be read, else
    of the proposed profile text; says which it was and why."""
    domains = list(department["official_domains"])
    fields: dict[str, str] = {}
    source, note = "none", ""
    if request.platform_id:
        page = {
            "key": request.page_key(),
            "platform": request.platform.value,
            "platform_id": request.platform_id,
            "handle": request.handle,
            "token_env": request.token_env,
            "source": "live",
            "department_slug": department["slug"],
        }
        try:
            profile = app.adapter_for(page).fetch_profile(page_ref(page))
            fields, source = dict(profile.fields), "live"
        except PageGovernorError as exc:
            note = f"the live page could not be read: {exc.message}"
    if source == "none" and request.proposed_profile:
        fields, source = fields_from_json(request.proposed_profile), "proposed"
    if source == "none":
        return {
            "source": "none",
            "note": note or "no live page and no proposed profile text to check",
            "passed": 0,
            "total": len(app.policy.elements),
            "failing": [e.id for e in app.policy.elements],
            "elements": {},
        }
    report = check_fields(fields, app.policy, official_domains=domains)
    result = report.as_json()
    return {
        "source": source,
        "note": note,
        "passed": report.passed,
        "total": report.total,
        "failing": sorted(k for k, v in result["elements"].items() if not v["passed"]),
        "elements": result["elements"],
        "warnings": result["warnings"],
    }


def request_page(app: App, request: PageRequest, *, by: str, roles: frozenset[Any]) -> str:
    """Register a request (state ``requested``), its pre-check, and the chief's alert.

    Raises:
        NotAuthorized: the requester is neither PIO nor admin.
        InputError: something the request needs is missing, or the page exists already.
    """
    if not roles & REQUESTERS:
        raise NotAuthorized("only PIO staff or an admin may request a page")
    problems = request.problems()
    if problems:
        raise InputError("; ".join(problems))
    key = request.page_key()
    now = app.clock.now()
    with app.db.connect() as conn:
        department = (
            conn.execute(select(t.departments).where(t.departments.c.slug == request.department))
            .mappings()
            .one_or_none()
        )
        known = conn.execute(select(t.departments.c.slug)).scalars().all()
        taken = conn.execute(select(t.pages.c.key).where(t.pages.c.key == key)).first()
        same = None
        if request.platform_id:
            same = conn.execute(
                select(t.pages.c.key).where(
                    t.pages.c.platform == request.platform.value,
                    t.pages.c.platform_id == request.platform_id,
                )
            ).scalar_one_or_none()
    if department is None:
        raise InputError(
            f"unknown department {request.department!r}",
            hint=f"known: {', '.join(known)}" if known else "add it to config/pages.yaml",
        )
    if taken or same:
        raise InputError(f"page {same or key} is registered already; see `pages show`")
    check = precheck(app, request, dict(department))
    with app.db.begin() as conn:
        page_id = conn.execute(
            insert(t.pages).values(
                key=key,
                department_id=department["id"],
                platform=request.platform.value,
                platform_id=request.platform_id or f"{PENDING_ID}{key}",
                handle=request.handle,
                url=request.url,
                source="live",
                token_env=request.token_env,
                state=PageState.REQUESTED.value,
                poll_interval_seconds=app.settings.poll_interval_seconds,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(t.page_requests).values(
                page_id=page_id,
                purpose=request.purpose.strip(),
                audience=request.audience.strip(),
                administrators=[a.strip() for a in request.administrators if a.strip()],
                credentials_holder=request.credentials_holder.strip(),
                proposed_profile=request.proposed_profile or None,
                precheck=check,
                requested_by=by,
                requested_at=now,
            )
        )
        audit.record(
            conn,
            at=now,
            actor=by,
            action="page.requested",
            subject_type="page",
            subject_id=key,
            details={
                "platform": request.platform.value,
                "url": request.url,
                "purpose": request.purpose,
                "precheck": {k: check[k] for k in ("source", "passed", "total", "failing")},
            },
        )
        outbox.enqueue(
            conn,
            kind="page_request",
            dedupe_key=f"page_request:{page_id}",
            payload={"page": key},
            now=now,
        )
    return key


def request_of(conn: Connection, page_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(select(t.page_requests).where(t.page_requests.c.page_id == page_id))
        .mappings()
        .one_or_none()
    )
    return dict(row) if row else None


def transition(
    app: App,
    key: str,
    event: Event,
    *,
    by: str,
    roles: frozenset[Any],
    reason: str = "",
    acknowledged: bool = False,
    platform_id: str | None = None,
    token_env: str | None = None,
) -> PageState:
    """Carry out one lifecycle event on page ``key``; audited and alerted.

    Raises:
        UnknownObject, NotAuthorized, InvalidTransition, WorkflowError: as :func:`lifecycle.step`.
    """
    now = app.clock.now()
    with app.db.begin() as conn:
        page = page_row(conn, key)
        request = request_of(conn, page["id"])
        failing = tuple((request or {}).get("precheck", {}).get("failing") or ())
        state = PageState(page["state"])
        target = step(
            state,
            event,
            _actor(by, roles),
            requested_by=(request or {}).get("requested_by"),
            reason=reason,
            failing_elements=failing,
            acknowledged=acknowledged,
        )
        values: dict[str, Any] = {"updated_at": now}
        pending = str(page["platform_id"]).startswith(PENDING_ID)
        if event is Event.APPROVE:
            target = after_approval(platform_id_known=not pending)
            values |= {"approved_by": by, "approved_at": now, "recertify_due": _due(app, now)}
        if event is Event.ACTIVATE:
            if token_env and not TOKEN_ENV.match(token_env):
                raise InputError(TOKEN_ENV_PROBLEM)
            if pending and not platform_id:
                raise WorkflowError(
                    f"{key} has no platform id yet", hint="activate with --platform-id ID"
                )
            if platform_id:
                values["platform_id"] = platform_id
            if token_env:
                values["token_env"] = token_env
        if event is Event.RECERTIFY:
            values["recertify_due"] = _due(app, now)
        if event is Event.RETIRE:
            values["retired_at"] = now
        values["state"] = target.value
        conn.execute(update(t.pages).where(t.pages.c.id == page["id"]).values(**values))
        if event in (Event.APPROVE, Event.REJECT) and request is not None:
            conn.execute(
                update(t.page_requests)
                .where(t.page_requests.c.id == request["id"])
                .values(
                    decided_by=by,
                    decided_at=now,
                    decision=event.value,
                    decision_reason=reason.strip() or None,
                    acknowledged_failures=list(failing) if acknowledged else None,
                )
            )
        audit_id = audit.record(
            conn,
            at=now,
            actor=by,
            action=f"page.{event.value}",
            subject_type="page",
            subject_id=key,
            details={
                "from": state.value,
                "to": target.value,
                "reason": reason.strip(),
                **({"acknowledged_failures": list(failing)} if acknowledged and failing else {}),
                **({"platform_id": platform_id} if platform_id else {}),
                **({"token_env": token_env} if token_env else {}),
            },
        )
        outbox.enqueue(
            conn,
            kind="page_decision",
            dedupe_key=f"page_decision:{page['id']}:{audit_id}",
            payload={"page": key, "event": event.value, "by": by},
            now=now,
        )
    return target


def retire(
    app: App, key: str, *, by: str, roles: frozenset[Any], reason: str, final_capture: bool = True
) -> tuple[PageState, str]:
    """Retire a page after a final full capture (its archive stays under retention).

    Raises:
        WorkflowError: the final capture failed (retire ``final_capture=False`` to go on).
        and what :func:`transition` raises.
    """
    note = "no final capture (asked to skip it)"
    with app.db.connect() as conn:
        page = page_row(conn, key)
    step(
        PageState(page["state"]), Event.RETIRE, _actor(by, roles), requested_by=None, reason=reason
    )
    if final_capture and PageState(page["state"]) is not PageState.APPROVED:
        outcome = poll_job(app, key, force=True)
        if outcome.stats is None:
            raise WorkflowError(
                f"the final capture of {key} failed: {outcome.note}",
                hint="fix access and retry, or retire without the final capture (recorded)",
            )
        note = (
            f"final capture: {outcome.stats.posts} posts, {outcome.stats.comments} comments, "
            f"{outcome.stats.new_items} new items"
        )
    state = transition(
        app, key, Event.RETIRE, by=by, roles=roles, reason=f"{reason.strip()} ({note})"
    )
    return state, note


def _due(app: App, now: datetime) -> datetime:
    return now + app.settings.recertification_period


def report(conn: Connection) -> list[dict[str, Any]]:
    """Every official page: state, approver, last compliance result, next re-certification."""
    results = latest_results(conn)
    rows = []
    for page in all_pages(conn):
        result = results.get(page["id"])
        rows.append(
            {
                "key": page["key"],
                "platform": page["platform"],
                "department": page["department_slug"],
                "state": page["state"],
                "approved_by": page.get("approved_by"),
                "approved_at": iso(page.get("approved_at")),
                "compliance": f"{result['passed']}/{result['total']}" if result else None,
                "checked_at": iso(result["checked_at"]) if result else None,
                "recertify_due": iso(page.get("recertify_due")),
                "retired_at": iso(page.get("retired_at")),
            }
        )
    return rows


def pending_requests(conn: Connection) -> list[dict[str, Any]]:
    pages = all_pages(conn, states=(PageState.REQUESTED,))
    return [{**p, "request": request_of(conn, p["id"])} for p in pages]


def due_for_recertification(conn: Connection, now: datetime) -> list[dict[str, Any]]:
    """Active pages due within the reminder window (or overdue), soonest first."""
    pages = [
        p
        for p in all_pages(conn, states=(PageState.ACTIVE,))
        if p.get("recertify_due") is not None and p["recertify_due"] <= now + REMINDER_WINDOW
    ]
    return sorted(pages, key=lambda p: p["recertify_due"])


def recertification_job(app: App, *, owner: str | None = None) -> list[str]:
    """Daily: remind the chief of pages coming due (once per page and due date)."""
    if not once_a_day(app, "recertification", owner):
        return []
    now = app.clock.now()
    with app.db.begin() as conn:
        due = due_for_recertification(conn, now)
        for page in due:
            outbox.enqueue(
                conn,
                kind="recertification_due",
                dedupe_key=f"recert:{page['id']}:{page['recertify_due'].date().isoformat()}",
                payload={
                    "page": page["key"],
                    "platform": page["platform"],
                    "due": iso(page["recertify_due"]),
                    "overdue": page["recertify_due"] <= now,
                    "approved_by": page.get("approved_by"),
                },
                now=now,
            )
    return [p["key"] for p in due]


def overdue(conn: Connection, now: datetime) -> list[str]:
    return [p["key"] for p in due_for_recertification(conn, now) if p["recertify_due"] <= now]


def page_detail(conn: Connection, key: str) -> dict[str, Any]:
    """A page with its request and latest compliance result (for show and for messages)."""
    page = page_row(conn, key)
    return {
        **page,
        "request": request_of(conn, page["id"]),
        "compliance": previous_result(conn, page["id"]),
    }


def find_unregistered(app: App) -> list[dict[str, str]]:
    """Pages the agency's Meta Business Manager manages (``/me/accounts`` with
    ``PAGE_GOVERNOR_META_DISCOVERY_TOKEN``) that the registry does not list.

    Raises:
        ConfigError: no discovery token is set.
        PlatformError: Graph refused or failed.
    """
    from page_governor.errors import ConfigError
    from page_governor.platforms.meta import managed_pages

    token = app.settings.meta_discovery_token
    if not token:
        raise ConfigError(
            "PAGE_GOVERNOR_META_DISCOVERY_TOKEN is not set",
            hint="a system-user token of the agency's Business Manager with pages_show_list; "
            "page tokens only see their own page",
        )
    with app.db.connect() as conn:
        known = {(p["platform"], str(p["platform_id"])) for p in all_pages(conn)}
    return [
        m
        for m in managed_pages(app.settings, token)
        if (m["platform"], m["platform_id"]) not in known
    ]


def unregistered_job(app: App, *, owner: str | None = None) -> list[dict[str, str]]:
    """Daily: pages found under the agency's Meta account and not registered are reported to
    the admin, never silently ignored (one alert a day while they remain)."""
    if not app.settings.meta_discovery_token or not once_a_day(app, "unregistered", owner):
        return []
    try:
        found = find_unregistered(app)
    except PageGovernorError as exc:
        log.warning("could not look for unregistered pages: %s", exc.message)
        return []
    if found:
        now = app.clock.now()
        with app.db.begin() as conn:
            outbox.enqueue(
                conn,
                kind="unregistered_pages",
                dedupe_key=f"unregistered:{now.date().isoformat()}",
                payload={"found": found},
                now=now,
            )
    return found
