"""The PIO's console pages: the review queue (filters, paging, decisions for a selection) and
one review item with its decision form. Mixed into :class:`page_governor.web.console.WebConsole`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from page_governor.errors import InputError, PageGovernorError, PlatformError, WorkflowError
from page_governor.governance.roles import Permission
from page_governor.models import Decision, ReviewStatus
from page_governor.web.console_base import ConsoleBase
from page_governor.web.forms import (
    int_or,
    queue_choices,
    safe_next,
    waited,
)
from page_governor.web.users import WebUser

QUEUE_PAGE = 50


class ReviewConsole(ConsoleBase):
    """Review queue and review item routes (needs ``app``, ``render`` and ``_flash``)."""

    async def review_list(self, request: Request, user: WebUser) -> Response:
        """The queue, filtered by ``status`` (waiting, open, escalated, decided, all), ``page``,
        ``platform``, ``category``, ``target`` and ``older`` (hours waited), paged by
        ``offset``; most urgent first."""
        from page_governor.governance.registry import all_pages
        from page_governor.moderation import review

        query = request.query_params
        wanted = query.get("status", "waiting")
        statuses: dict[str, Any] = {
            "waiting": review.WAITING,
            "all": None,
            **{s.value: s for s in ReviewStatus},
        }
        if wanted not in statuses:
            raise InputError(f"unknown status {wanted!r}: one of {', '.join(statuses)}")
        choices = queue_choices()
        picked = {
            name: query.get(name) or ""
            for name in ("page", "platform", "category", "target", "older")
        }
        for name, value in picked.items():
            if value and name != "page" and value not in choices[name]:
                raise InputError(f"unknown {name} {value!r}: one of {', '.join(choices[name])}")
        offset = max(0, int_or(query.get("offset"), 0))
        now = self.app.clock.now()

        def load() -> dict[str, Any]:
            with self.app.db.connect() as conn:
                ids = {p["key"]: int(p["id"]) for p in all_pages(conn)}
                if picked["page"] and picked["page"] not in ids:
                    raise InputError(f"unknown page {picked['page']!r}")
                page_id = ids.get(picked["page"])
                queue = review.QueueFilter(
                    page_id=page_id,
                    platform=picked["platform"] or None,
                    category=picked["category"] or None,
                    target=picked["target"] or None,
                    created_before=(
                        now - timedelta(hours=int(picked["older"])) if picked["older"] else None
                    ),
                )
                return {
                    "pages": list(ids),
                    "items": review.list_items(
                        conn, status=statuses[wanted], limit=QUEUE_PAGE, offset=offset, queue=queue
                    ),
                    "total": review.count_items(conn, status=statuses[wanted], queue=queue),
                }

        found = await run_in_threadpool(load)
        kept = {k: v for k, v in {"status": wanted, **picked}.items() if v}
        for item in found["items"]:
            item["waited"] = waited(item.get("created_at"), now)
        return self.render(
            request,
            "review_list.html",
            user=user,
            **found,
            shown=wanted,
            statuses=list(statuses),
            picked=picked,
            choices=choices,
            offset=offset,
            page_size=QUEUE_PAGE,
            here="/review?" + urlencode({**kept, "offset": offset}),
            more="/review?" + urlencode({**kept, "offset": offset + QUEUE_PAGE}),
            less="/review?" + urlencode({**kept, "offset": max(0, offset - QUEUE_PAGE)}),
            can_decide=user.can(Permission.DECIDE),
        )

    async def review_bulk(self, request: Request, user: WebUser) -> Response:
        """The same keep or not-a-violation for the selected items, each decided and audited
        on its own; never a hide."""
        from page_governor.moderation.review import decide_many

        form = await request.form()
        try:
            decision = Decision(str(form.get("decision", "")))
        except ValueError:
            raise InputError("choose keep or not a violation for the selection") from None
        ids = [int(v) for v in form.getlist("item") if str(v).isdigit()]
        back = safe_next(str(form.get("back", "/review")))
        done, refused = await run_in_threadpool(
            lambda: decide_many(
                self.app.db,
                item_ids=ids,
                decision=decision,
                reviewer=user.actor,
                reason=str(form.get("reason", "")),
                now=self.app.clock.now(),
                adapter_for=self.app.adapter_for,
            )
        )
        text = f"{decision.value.replace('_', ' ')} recorded for {len(done)} item(s)"
        if refused:
            text += "; not recorded: " + "; ".join(f"#{i}: {why}" for i, why in refused.items())
        return self._flash(request, text + ".", back)

    async def review_item(
        self,
        request: Request,
        user: WebUser,
        *,
        typed: dict[str, str] | None = None,
        error: str | None = None,
    ) -> Response:
        """One item, its decision form first; after a refused decision, the form again with
        the reason beside it and what was typed."""
        from page_governor.alerts.sender import hide_availability
        from page_governor.archive.search import item_thread
        from page_governor.governance.registry import page_row
        from page_governor.moderation import review
        from page_governor.moderation.appeals import appeals_of
        from page_governor.moderation.notices import notices_of

        item_id = int(request.path_params["item_id"])

        def load() -> dict[str, Any]:
            with self.app.db.connect() as conn:
                item = review.get_item(conn, item_id)
                page = page_row(conn, int(item["page_id"]))
                clause = review.moderation_policy_clause(conn, page["id"])
                thread = item_thread(conn, int(item["item_id"]))
                appeals = appeals_of(conn, item_id)
                notices = notices_of(conn, item_id)
            possible, note = hide_availability(self.app, page, item)
            return {
                "item": item,
                "thread": thread,
                "clause": clause,
                "hide": possible,
                "note": note,
                "appeals": appeals,
                "notices": notices,
            }

        data = await run_in_threadpool(load)
        if typed and typed.get("clause"):
            data["clause"] = typed["clause"]
        return self.render(
            request,
            "review_item.html",
            status=400 if error else 200,
            user=user,
            decisions=[d.value for d in Decision],
            typed=typed or {},
            error=error,
            **data,
        )

    async def review_decide(self, request: Request, user: WebUser) -> Response:
        from page_governor.moderation.review import record_decision

        item_id = int(request.path_params["item_id"])
        form = await request.form()
        typed = {name: str(form.get(name, "")) for name in ("decision", "reason", "clause")}
        try:
            decision = Decision(typed["decision"])
        except ValueError:
            return await self.review_item(request, user, typed=typed, error="Choose a decision.")
        clause = typed["clause"].strip() or None
        try:
            outcome = await run_in_threadpool(
                lambda: record_decision(
                    self.app.db,
                    item_id=item_id,
                    decision=decision,
                    reviewer=user.actor,
                    reason=typed["reason"],
                    policy_clause=clause,
                    now=self.app.clock.now(),
                    adapter_for=self.app.adapter_for,
                    notices=self.app.notices,
                )
            )
        except (InputError, WorkflowError, PlatformError) as exc:
            # the form again, with what went wrong beside it and nothing typed lost
            error = "Not recorded: " + exc.message + (f" ({exc.hint})" if exc.hint else "")
            return await self.review_item(request, user, typed=typed, error=error)
        done = "hidden on the platform" if outcome.platform_result.get("action") == "hide" else ""

        def next_item() -> int | None:
            from page_governor.moderation import review

            with self.app.db.connect() as conn:
                waiting = review.list_items(conn, status=review.WAITING, limit=2)
            return next((int(i["id"]) for i in waiting if int(i["id"]) != item_id), None)

        following = await run_in_threadpool(next_item)
        return self._flash(
            request,
            f"Review #{item_id}: {decision.value} recorded"
            + (f", {done}" if done else "")
            + "."
            + (" Here is the next item." if following else " The queue is empty."),
            f"/review/{following}" if following else "/review",
        )

    async def appeal_file(self, request: Request, user: WebUser) -> Response:
        """Record what a commenter wrote to appeal the hiding of their comment."""
        from page_governor.moderation.appeals import file_appeal

        item_id = int(request.path_params["item_id"])
        form = await request.form()
        text = str(form.get("text", ""))

        def record() -> int:
            with self.app.db.begin() as conn:
                return file_appeal(
                    conn, item_id, text=text, by=user.actor, now=self.app.clock.now()
                )

        try:
            appeal_id = await run_in_threadpool(record)
        except PageGovernorError as exc:
            return self._again(
                request,
                form="appeal",
                typed={"text": text},
                error=f"Not recorded: {exc.message}",
                to=f"/review/{item_id}",
            )
        return self._flash(
            request,
            f"Appeal #{appeal_id} recorded; someone other than the person who hid the comment "
            "decides it.",
            f"/review/{item_id}",
        )

    async def appeal_decide(self, request: Request, user: WebUser) -> Response:
        """Uphold the hide, or reverse it and show the comment again through the platform."""
        from page_governor.moderation.appeals import decide_appeal

        appeal_id = int(request.path_params["appeal_id"])
        form = await request.form()
        outcome = str(form.get("outcome", ""))
        reason = str(form.get("reason", ""))
        back = f"/review/{int_or(form.get('item'), 0)}" if form.get("item") else "/review"

        def decide() -> str:
            if outcome not in ("upheld", "reversed"):
                raise InputError("choose upheld or reversed")
            with self.app.db.begin() as conn:
                return decide_appeal(
                    conn,
                    appeal_id,
                    reversed_=outcome == "reversed",
                    reason=reason,
                    by=user.actor,
                    now=self.app.clock.now(),
                    adapter_for=self.app.adapter_for,
                )

        try:
            result = await run_in_threadpool(decide)
        except PageGovernorError as exc:
            return self._again(
                request,
                form=f"appeal-{appeal_id}",
                typed={"reason": reason, "outcome": outcome},
                error=f"Not decided: {exc.message}",
                to=back,
            )
        return self._flash(request, f"Appeal #{appeal_id}: {result}.", back)
