"""The records clerk's console pages: archive search, an item, exports, legal holds and
retention with approved disposition. Mixed into :class:`page_governor.web.console.WebConsole`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from page_governor.archive import signing
from page_governor.errors import InputError, WorkflowError
from page_governor.web.console_base import ConsoleBase
from page_governor.web.forms import (
    archive_filters,
    filter_options,
    int_or,
)
from page_governor.web.users import WebUser


class RecordsConsole(ConsoleBase):
    """Archive, holds and retention routes (needs ``app``, ``render`` and ``_flash``)."""

    async def archive(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.search import search

        query = request.query_params
        filters = archive_filters(query)
        offset = max(0, int_or(query.get("offset"), 0))
        found = None
        if not filters.empty:

            def load() -> Any:
                with self.app.db.connect() as conn:
                    return search(conn, filters, limit=50, offset=offset)

            found = await run_in_threadpool(load)
        return self.render(
            request,
            "archive.html",
            user=user,
            q=query,
            found=found,
            offset=offset,
            more=urlencode({**dict(query), "offset": offset + 50}),
            options=filter_options(),
        )

    async def archive_item(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.search import item_thread

        item_id = int(request.path_params["item_id"])

        def load() -> dict[str, Any]:
            with self.app.db.connect() as conn:
                return item_thread(conn, item_id)

        return self.render(
            request, "archive_item.html", user=user, item=await run_in_threadpool(load)
        )

    async def archive_export(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.export import export_records

        form = await request.form()
        filters = archive_filters(form)
        if filters.empty:
            raise InputError("give at least one filter for the export")
        folder = Path(tempfile.mkdtemp(prefix="pg-web-export-"))
        now = self.app.clock.now()
        out = folder / f"records-{now:%Y%m%d-%H%M%S}.zip"
        try:
            await run_in_threadpool(
                lambda: export_records(
                    self.app.db,
                    filters,
                    out,
                    exported_by=user.actor,
                    now=now,
                    signing_key=signing.private_key_of(self.app.settings),
                )
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(
            out,
            media_type="application/zip",
            filename=out.name,
            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
        )

    async def holds(
        self,
        request: Request,
        user: WebUser,
        *,
        typed: dict[str, str] | None = None,
        error: str | None = None,
    ) -> Response:
        """The holds, and the form to place one (after a refusal: the reason above the form
        and what was typed)."""
        from page_governor.archive.retention import holds

        def load() -> list[dict[str, Any]]:
            with self.app.db.connect() as conn:
                return holds(conn)

        return self.render(
            request,
            "holds.html",
            status=400 if error else 200,
            user=user,
            holds=await run_in_threadpool(load),
            options=filter_options(),
            typed=typed or {},
            error=error,
        )

    async def hold_add(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.retention import add_hold

        form = await request.form()
        typed = {k: str(v) for k, v in form.items() if k != "csrf"}
        try:
            filters = archive_filters(form)

            def place() -> int:
                with self.app.db.begin() as conn:
                    return add_hold(
                        conn,
                        name=str(form.get("name", "")).strip() or "legal hold",
                        reason=str(form.get("reason", "")),
                        filters=filters,
                        by=user.actor,
                        now=self.app.clock.now(),
                    )

            hold_id = await run_in_threadpool(place)
        except (InputError, WorkflowError) as exc:
            return await self.holds(request, user, typed=typed, error=f"Not placed: {exc.message}")
        return self._flash(request, f"Legal hold #{hold_id} placed.", "/archive/holds")

    async def hold_release(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.retention import release_hold

        hold_id = int(request.path_params["hold_id"])
        form = await request.form()

        def release() -> None:
            with self.app.db.begin() as conn:
                release_hold(
                    conn,
                    hold_id,
                    by=user.actor,
                    reason=str(form.get("reason", "")),
                    now=self.app.clock.now(),
                )

        try:
            await run_in_threadpool(release)
        except (InputError, WorkflowError) as exc:
            return self._again(
                request,
                form=f"release-{hold_id}",
                typed={"reason": str(form.get("reason", ""))},
                error=f"Not released: {exc.message}",
                to="/archive/holds",
            )
        return self._flash(request, f"Legal hold #{hold_id} released.", "/archive/holds")

    async def retention(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive.retention import dispositions

        def load() -> list[dict[str, Any]]:
            with self.app.db.connect() as conn:
                return dispositions(conn)

        return self.render(
            request, "retention.html", user=user, lists=await run_in_threadpool(load)
        )

    async def retention_decide(self, request: Request, user: WebUser) -> Response:
        from page_governor.archive import retention

        disposition_id = int(request.path_params["disposition_id"])
        action = request.path_params["action"]
        form = await request.form()

        def decide() -> str:
            with self.app.db.begin() as conn:
                if action == "approve":
                    n = retention.approve(
                        conn, disposition_id, by=user.actor, now=self.app.clock.now()
                    )
                    return f"List #{disposition_id} approved: {n} versions disposed (hashes kept)."
                if action == "reject":
                    retention.reject(
                        conn,
                        disposition_id,
                        by=user.actor,
                        reason=str(form.get("reason", "")),
                        now=self.app.clock.now(),
                    )
                    return f"List #{disposition_id} rejected."
            raise InputError("unknown action")

        try:
            done = await run_in_threadpool(decide)
        except (InputError, WorkflowError) as exc:
            return self._again(
                request,
                form=f"{action}-{disposition_id}",
                typed={"reason": str(form.get("reason", ""))},
                error=f"Not recorded: {exc.message}",
                to="/archive/retention",
            )
        return self._flash(request, done, "/archive/retention")
