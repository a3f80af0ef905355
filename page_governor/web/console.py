"""The web console (`page-governor serve`): server-rendered pages for PIO staff, the chief,
records clerks and the admin. No JavaScript.

- Sign-in with per-user accounts (:mod:`page_governor.web.users`); a signed session cookie
  (SameSite=Strict, HttpOnly); a CSRF token in every form, checked on every POST.
- Every page checks the user's role (:data:`page_governor.governance.roles.GRANTS`); anyone else gets 403,
  and the attempt is audited.
- Actions go through the same functions as the command line and the bot (decisions, page
  approvals, exports, holds, disposition), so the same rules and the same audit entries hold.
- Jinja2 escapes everything a commenter, a page or a user wrote.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from page_governor.app import App
from page_governor.archive import audit
from page_governor.db import schema as t
from page_governor.errors import InputError, PageGovernorError, UnknownObject, WorkflowError
from page_governor.governance.lifecycle import Event
from page_governor.governance.roles import Permission
from page_governor.web.console_accounts import AccountsConsole
from page_governor.web.console_dashboard import DashboardConsole
from page_governor.web.console_records import RecordsConsole
from page_governor.web.console_review import ReviewConsole
from page_governor.web.forms import (
    audit_fields,
    csrf_ok,
    int_or,
    nav_links,
    parse_day,
    safe_next,
    when,
)
from page_governor.web.sessions import (
    begin_attempt,
    end_attempt,
    end_session,
    open_session,
    session_user,
)
from page_governor.web.users import WebUser, authenticate, get_user

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
AUDIT_PAGE = 100
Handler = Callable[[Request, WebUser], Awaitable[Response]]


class WebConsole(DashboardConsole, ReviewConsole, RecordsConsole, AccountsConsole):
    """The console's routes, bound to the app."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
        self.env.filters["when"] = when
        self.env.filters["fields"] = audit_fields

    def routes(self) -> list[Route]:
        return [
            Route("/", self.guard(None)(self.dashboard), methods=["GET"]),
            Route("/login", self.login_form, methods=["GET"]),
            Route("/login", self.login, methods=["POST"]),
            Route("/logout", self.logout, methods=["POST"]),
            Route("/review", self.guard(Permission.VIEW_QUEUE)(self.review_list)),
            Route(
                "/review/bulk", self.guard(Permission.DECIDE)(self.review_bulk), methods=["POST"]
            ),
            Route("/review/{item_id:int}", self.guard(Permission.VIEW_QUEUE)(self.review_item)),
            Route(
                "/review/{item_id:int}/appeal",
                self.guard(Permission.DECIDE)(self.appeal_file),
                methods=["POST"],
            ),
            Route(
                "/review/appeals/{appeal_id:int}/decide",
                self.guard(Permission.DECIDE)(self.appeal_decide),
                methods=["POST"],
            ),
            Route(
                "/review/{item_id:int}/decide",
                self.guard(Permission.DECIDE)(self.review_decide),
                methods=["POST"],
            ),
            Route("/pages", self.guard(Permission.VIEW_PAGES)(self.pages)),
            Route(
                "/pages/{key}/{action:str}",
                self.guard(Permission.APPROVE_PAGE)(self.page_decide),
                methods=["POST"],
            ),
            Route("/archive", self.guard(Permission.SEARCH_ARCHIVE)(self.archive)),
            Route(
                "/archive/item/{item_id:int}",
                self.guard(Permission.SEARCH_ARCHIVE)(self.archive_item),
            ),
            Route(
                "/archive/export",
                self.guard(Permission.EXPORT_ARCHIVE)(self.archive_export),
                methods=["POST"],
            ),
            Route("/archive/holds", self.guard(Permission.SEARCH_ARCHIVE)(self.holds)),
            Route(
                "/archive/holds",
                self.guard(Permission.EXPORT_ARCHIVE)(self.hold_add),
                methods=["POST"],
            ),
            Route(
                "/archive/holds/{hold_id:int}/release",
                self.guard(Permission.EXPORT_ARCHIVE)(self.hold_release),
                methods=["POST"],
            ),
            Route("/archive/retention", self.guard(Permission.SEARCH_ARCHIVE)(self.retention)),
            Route(
                "/archive/retention/{disposition_id:int}/{action:str}",
                self.guard(Permission.EXPORT_ARCHIVE)(self.retention_decide),
                methods=["POST"],
            ),
            Route("/audit", self.guard(Permission.VIEW_AUDIT)(self.audit_log)),
            Route("/accounts", self.guard(Permission.MANAGE_ACCOUNTS)(self.accounts)),
            Route(
                "/accounts",
                self.guard(Permission.MANAGE_ACCOUNTS)(self.account_add),
                methods=["POST"],
            ),
            Route(
                "/accounts/{username}/{action}",
                self.guard(Permission.MANAGE_ACCOUNTS)(self.account_change),
                methods=["POST"],
            ),
            Route("/posts", self.guard(Permission.VIEW_QUEUE)(self.posts), methods=["GET"]),
            Route("/posts", self.guard(Permission.VIEW_QUEUE)(self.posts), methods=["POST"]),
        ]

    # -- plumbing -------------------------------------------------------------------------

    def render(
        self, request: Request, name: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        session = request.session
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(24)
        user = context.get("user")
        context |= {
            "csrf": session["csrf"],
            "nav": nav_links(user) if user else [],
            "path": request.url.path,
            "flash": session.pop("flash", None),
            "again": session.pop("again", None),
        }
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(
            html,
            status_code=status,
            headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin",
                "Cache-Control": "no-store",
            },
        )

    def guard(self, permission: Permission | None) -> Callable[[Handler], Callable[..., Any]]:
        """Signed in, holding ``permission``, and (on POST) a valid CSRF token."""

        def wrap(handler: Handler) -> Callable[..., Any]:
            async def endpoint(request: Request) -> Response:
                user = await run_in_threadpool(self._current_user, request)
                if user is None:
                    target = quote(request.url.path)
                    return RedirectResponse(f"/login?next={target}", status_code=303)
                if request.method == "POST" and not await csrf_ok(request):
                    return self.render(
                        request,
                        "error.html",
                        403,
                        user=user,
                        message="The form expired; try again.",
                    )
                if permission is not None and not user.can(permission):
                    await run_in_threadpool(self._refused, user, request.url.path)
                    return self.render(
                        request,
                        "error.html",
                        403,
                        user=user,
                        message="That page is not part of your role.",
                    )
                try:
                    return await handler(request, user)
                except PageGovernorError as exc:
                    return self.render(
                        request,
                        "error.html",
                        404
                        if isinstance(exc, UnknownObject)
                        else 400
                        if exc.exit_code in (2, 5)
                        else 502,
                        user=user,
                        message=exc.message,
                        hint=exc.hint,
                    )

            return endpoint

        return wrap

    def _current_user(self, request: Request) -> WebUser | None:
        token = request.session.get("sid")
        if not isinstance(token, str):
            return None
        try:
            with self.app.db.connect() as conn:
                uid = session_user(conn, token, now=self.app.clock.now())
                if uid is None:
                    request.session.clear()
                    return None
                return get_user(conn, uid)
        except PageGovernorError:
            request.session.clear()
            return None

    def _refused(self, user: WebUser, path: str) -> None:
        audit.record_refusal(
            self.app.db,
            at=self.app.clock.now(),
            actor=user.actor,
            channel="web",
            what=path,
            details={"roles": sorted(r.value for r in user.roles)},
        )

    def _flash(self, request: Request, text: str, to: str) -> Response:
        request.session["flash"] = text
        return RedirectResponse(to, status_code=303)

    # -- signing in -----------------------------------------------------------------------

    async def login_form(self, request: Request) -> Response:
        return self.render(request, "login.html", next=safe_next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        form = await request.form()
        if not await csrf_ok(request, form):
            return self.render(request, "login.html", 403, error="The form expired; try again.")
        username = str(form.get("username", "")).strip().lower()
        password = str(form.get("password", ""))
        target = safe_next(str(form.get("next", "")))
        attempt = await run_in_threadpool(self._begin_attempt, username)
        if attempt is None:
            return self.render(
                request, "login.html", 429, error="Too many failed attempts; wait 15 minutes."
            )

        def check() -> tuple[WebUser, str] | None:
            now = self.app.clock.now()
            with self.app.db.begin() as conn:
                user = authenticate(conn, username, password, now=now)
                end_attempt(conn, attempt, username, succeeded=user is not None)
                audit.record(
                    conn,
                    at=now,
                    actor=user.actor if user else f"web:{username[:64]}",
                    action="web.sign_in" if user else "web.sign_in_failed",
                    subject_type="web_user",
                    subject_id=username[:64],
                    details={"client": request.client.host if request.client else None},
                )
                return (user, open_session(conn, user.id, now=now)) if user else None

        signed_in = await run_in_threadpool(check)
        if signed_in is None:
            return self.render(
                request, "login.html", 401, error="Wrong username or password.", next=target
            )
        request.session.clear()  # a new session: no fixation
        request.session["sid"] = signed_in[1]
        request.session["csrf"] = secrets.token_urlsafe(24)
        return RedirectResponse(target, status_code=303)

    def _begin_attempt(self, username: str) -> int | None:
        with self.app.db.begin() as conn:
            return begin_attempt(conn, username[:64], now=self.app.clock.now())

    async def logout(self, request: Request) -> Response:
        if await csrf_ok(request):
            token = request.session.get("sid")
            if isinstance(token, str):
                await run_in_threadpool(self._end_session, token)
            request.session.clear()
        return RedirectResponse("/login", status_code=303)

    def _end_session(self, token: str) -> None:
        with self.app.db.begin() as conn:
            end_session(conn, token, now=self.app.clock.now())

    # -- dashboard ------------------------------------------------------------------------

    # -- the agency's own posts -------------------------------------------------------------

    async def posts(self, request: Request, user: WebUser) -> Response:
        """Check a draft against the post rules; list the published posts the worker flagged."""
        from page_governor.compliance.posts import check_post

        draft, findings, checked = "", [], False
        if request.method == "POST":
            form = await request.form()
            draft = str(form.get("text", ""))[:20000]
            findings = [f.as_json() for f in check_post(draft, self.app.policy.post_rules)]
            checked = True

        def recent() -> list[dict[str, Any]]:
            since = self.app.clock.now() - timedelta(days=30)
            with self.app.db.connect() as conn:
                rows = conn.execute(
                    select(t.outbox.c.payload, t.outbox.c.created_at)
                    .where(t.outbox.c.kind == "post_findings", t.outbox.c.created_at >= since)
                    .order_by(t.outbox.c.id.desc())
                    .limit(50)
                ).all()
            return [{**payload, "created_at": created} for payload, created in rows]

        return self.render(
            request,
            "posts.html",
            user=user,
            draft=draft,
            findings=findings,
            checked=checked,
            recent=await run_in_threadpool(recent),
        )

    # -- review ---------------------------------------------------------------------------

    # -- pages ----------------------------------------------------------------------------

    async def pages(self, request: Request, user: WebUser) -> Response:
        from page_governor.governance.pages import pending_requests, report

        def load() -> dict[str, Any]:
            with self.app.db.connect() as conn:
                return {"pending": pending_requests(conn), "registry": report(conn)}

        return self.render(request, "pages.html", user=user, **await run_in_threadpool(load))

    async def page_decide(self, request: Request, user: WebUser) -> Response:
        from page_governor.governance.pages import transition

        key, action = request.path_params["key"], request.path_params["action"]
        if action not in ("approve", "reject"):
            raise InputError("unknown action")
        form = await request.form()
        event = Event.APPROVE if action == "approve" else Event.REJECT
        try:
            state = await run_in_threadpool(
                lambda: transition(
                    self.app,
                    key,
                    event,
                    by=user.actor,
                    roles=user.roles,
                    reason=str(form.get("reason", "")).strip()
                    or ("approved" if action == "approve" else ""),
                    acknowledged=form.get("acknowledge") == "yes",
                )
            )
        except (InputError, WorkflowError) as exc:
            error = exc.message
            if "acknowledgement" in exc.message:
                # the command line's flag means nothing here: say what to do on this page
                error += (
                    ". Tick “I acknowledge the missing elements” beside Approve (the "
                    "acknowledgement is recorded), or ask for the profile to be fixed first"
                )
            return self._again(
                request,
                form=f"{action}-{key}",
                typed={"reason": str(form.get("reason", ""))},
                error=f"Not recorded: {error}",
                to="/pages",
            )
        return self._flash(request, f"{key}: {event.value} recorded; now {state.value}.", "/pages")

    # -- archive --------------------------------------------------------------------------

    # -- audit ----------------------------------------------------------------------------

    async def audit_log(self, request: Request, user: WebUser) -> Response:
        query = request.query_params
        offset = max(0, int_or(query.get("offset"), 0))

        def load() -> list[dict[str, Any]]:
            log_ = t.audit_log
            sql = select(log_).order_by(log_.c.id.desc())
            if query.get("actor"):
                sql = sql.where(func.lower(log_.c.actor).contains(query["actor"].lower()))
            if query.get("action"):
                sql = sql.where(log_.c.action.startswith(query["action"]))
            if query.get("subject"):
                sql = sql.where(log_.c.subject_id == query["subject"])
            since = parse_day(query.get("since"))
            until = parse_day(query.get("until"))
            if since:
                sql = sql.where(log_.c.at >= since)
            if until:
                sql = sql.where(log_.c.at < until)
            with self.app.db.connect() as conn:
                rows = conn.execute(sql.limit(AUDIT_PAGE + 1).offset(offset)).mappings()
                return [dict(r) for r in rows]

        rows = await run_in_threadpool(load)
        return self.render(
            request,
            "audit.html",
            user=user,
            rows=rows[:AUDIT_PAGE],
            q=query,
            more=urlencode({**dict(query), "offset": offset + AUDIT_PAGE})
            if len(rows) > AUDIT_PAGE
            else None,
        )
