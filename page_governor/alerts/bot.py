"""The Telegram bot: commands and button presses for PIO staff, the chief and records clerks.

Every request is checked against the presser's role (``config/roles.yaml``); anyone without
the role is refused politely and the attempt is written to the audit log. A button carries an
opaque key that is only looked up (``telegram_buttons``), never parsed. Decisions go through
:func:`page_governor.moderation.review.record_decision`, the same path as the command line,
and every message about the decided item is then edited by the sender to show the outcome.

The handlers do their database and platform work in threads (``asyncio.to_thread``): the
adapters and the database driver block.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from telegram import Update, User
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from page_governor.alerts import outbox, render
from page_governor.alerts.commands import COMMANDS, REQUEST_FORM, Command, parse_form
from page_governor.alerts.render import e
from page_governor.app import App
from page_governor.archive import audit
from page_governor.db import schema as t
from page_governor.errors import InvalidTransition, NotAuthorized, PageGovernorError
from page_governor.governance.lifecycle import Event
from page_governor.governance.registry import all_pages, page_row
from page_governor.governance.roles import Permission, Person, RoleBook
from page_governor.models import Decision, PageState, Platform, ReviewStatus
from page_governor.moderation import review

log = logging.getLogger(__name__)

# Telegram lets a bot send files up to 50 MB.
MAX_DOCUMENT_BYTES = 49 * 1024 * 1024
QUEUE_LINES = 15


def identity(user: User | None) -> str:
    """A Telegram user as the audit log names someone without a role."""
    if user is None:
        return "telegram:unknown"
    handle = f" @{user.username}" if user.username else ""
    return f"{user.full_name}{handle} (telegram:{user.id})"


class BotHandlers:
    """The handlers, bound to the application's collaborators."""

    def __init__(
        self,
        app: App,
        roles: RoleBook,
        *,
        wake_sender: Callable[[], None],
        on_registry_change: Callable[[], None] = lambda: None,
    ) -> None:
        self.app = app
        self.roles = roles
        self.wake_sender = wake_sender
        # The worker re-reads which pages to poll (an approved page is captured at once).
        self.on_registry_change = on_registry_change
        self.commands = COMMANDS

    def register(self, application: Application) -> None:
        """Add every command, the button handler and the answer to unknown commands."""
        for command in self.commands:
            callback = getattr(self, f"cmd_{command.name}")
            application.add_handler(CommandHandler(command.name, self._guard(command, callback)))
        application.add_handler(CommandHandler("start", self._guard(COMMANDS[0], self.cmd_help)))
        application.add_handler(CallbackQueryHandler(self.on_button))
        # Any other /command, in a later group than the real ones (so it sees them all too).
        application.add_handler(MessageHandler(filters.COMMAND, self.cmd_unknown), group=1)

    # -- authorisation -------------------------------------------------------------------

    def _guard(self, command: Command, callback: Callable[..., Any]) -> Callable[..., Any]:
        async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = update.effective_user
            person = self.roles.person(user.id if user else None)
            if command.permission is not None and (
                person is None or not person.can(command.permission)
            ):
                await asyncio.to_thread(self._refused, user, f"/{command.name}")
                await self._reply(update, self._refusal(person, user))
                return
            try:
                await callback(update, context, person)
            except PageGovernorError as exc:
                await self._reply(update, f"⚠️ {e(exc.message)}")

        return guarded

    def _refusal(self, person: Person | None, user: User | None) -> str:
        if person is None:
            return (
                "Sorry, you have no role in page_governor, so I cannot do that. Ask an admin to "
                f"add your Telegram id <code>{user.id if user else '?'}</code> to roles.yaml."
            )
        roles = ", ".join(sorted(r.value for r in person.roles))
        return f"Sorry, that is not part of your role ({e(roles)}). /help lists what you can do."

    def _refused(
        self, user: User | None, what: str, *, person: Person | None = None, why: str = ""
    ) -> None:
        details: dict[str, Any] = {"telegram_id": user.id if user else None}
        if why:
            details["why"] = why
        audit.record_refusal(
            self.app.db,
            at=self.app.clock.now(),
            actor=person.actor if person else identity(user),
            channel="telegram",
            what=what,
            details=details,
        )

    async def _reply(self, update: Update, text: str) -> None:
        if update.effective_message is not None:
            await update.effective_message.reply_text(
                render._fit(text), parse_mode=ParseMode.HTML, disable_web_page_preview=True
            )

    # -- commands ------------------------------------------------------------------------

    async def cmd_help(self, update: Update, _ctx: Any, person: Person | None) -> None:
        usable = [
            c
            for c in self.commands
            if c.permission is None or (person and person.can(c.permission))
        ]
        lines = ["<b>page_governor</b>: official-page governance. You can use:"]
        lines += [f"{e(c.usage)}: {e(c.summary)}" for c in usable]
        if person is None:
            lines.append("You have no role yet: ask an admin (send them your /whoami).")
        await self._reply(update, "\n".join(lines))

    async def cmd_whoami(self, update: Update, _ctx: Any, person: Person | None) -> None:
        user = update.effective_user
        roles = ", ".join(sorted(r.value for r in person.roles)) if person else "none"
        name = person.name if person else (user.full_name if user else "?")
        await self._reply(
            update,
            f"You are {e(name)}, Telegram id <code>{user.id if user else '?'}</code>. "
            f"Roles: {e(roles)}.",
        )

    async def cmd_queue(self, update: Update, _ctx: Any, person: Person | None) -> None:
        rows = await asyncio.to_thread(self._queue)
        await self._reply(update, rows)

    def _queue(self) -> str:
        with self.app.db.connect() as conn:
            items = review.list_items(conn, status=review.WAITING, limit=100_000)
        waiting = sorted(items, key=lambda i: i["id"])
        if not waiting:
            return "The review queue is empty."
        lines = [f"<b>{len(waiting)} waiting for review</b>, oldest first:"]
        for item in waiting[:QUEUE_LINES]:
            mark = "🚨 " if "threat" in item["categories"] else ""
            state = " (escalated)" if item["status"] == ReviewStatus.ESCALATED.value else ""
            cats = ", ".join(c.replace("_", " ") for c in item["categories"])
            lines.append(
                f"{mark}#{item['id']} {e(item['page_key'])} · {e(cats)}{state}: "
                f"“{e(render._clip(item['text'], 80))}” /review {item['id']}"
            )
        if len(waiting) > QUEUE_LINES:
            lines.append(f"…and {len(waiting) - QUEUE_LINES} more.")
        return "\n".join(lines)

    async def cmd_review(self, update: Update, ctx: Any, person: Person | None) -> None:
        args = list(getattr(ctx, "args", None) or [])
        if len(args) != 1 or not args[0].lstrip("#").isdigit():
            await self._reply(update, "Usage: /review 12 (the number from /queue)")
            return
        item_id = int(args[0].lstrip("#"))
        chat = update.effective_chat.id if update.effective_chat else None
        await asyncio.to_thread(self._queue_review, item_id, chat, update.update_id)
        self.wake_sender()

    def _queue_review(self, item_id: int, chat: int | None, update_id: int) -> None:
        now = self.app.clock.now()
        with self.app.db.begin() as conn:
            review.get_item(conn, item_id)  # raises UnknownObject for a wrong number
            outbox.enqueue(
                conn,
                kind="flag",
                dedupe_key=f"review-request:{item_id}:{update_id}",
                payload={"review_item_id": item_id, "chat_id": chat, "requested": True},
                now=now,
            )

    async def cmd_pages(self, update: Update, _ctx: Any, person: Person | None) -> None:
        await self._reply(update, await asyncio.to_thread(self._pages))

    def _pages(self) -> str:
        from page_governor.capture import health
        from page_governor.compliance.service import latest_results

        with self.app.db.connect() as conn:
            pages = all_pages(conn)
            results = latest_results(conn)
            states = {p["id"]: health.health_of(conn, p["id"]) for p in pages}
        if not pages:
            return "No pages are registered."
        lines = [f"<b>{len(pages)} pages</b>:"]
        for page in pages:
            result = results.get(page["id"])
            score = f"{result['passed']}/{result['total']}" if result else "not checked"
            capture = (states.get(page["id"]) or {}).get("status") or "ok"
            lines.append(
                f"• {e(page['key'])} ({e(render._platform(page['platform']))}): "
                f"{e(page['state'])}, compliance {score}, capture {e(capture)}"
            )
        return "\n".join(lines)

    async def cmd_compliance(self, update: Update, ctx: Any, person: Person | None) -> None:
        args = list(getattr(ctx, "args", None) or [])
        await self._reply(
            update, await asyncio.to_thread(self._compliance, args[0] if args else None)
        )

    def _compliance(self, page_key: str | None) -> str:
        from page_governor.compliance.fixes import fix_for_page
        from page_governor.compliance.service import latest_results, previous_result

        policy = self.app.policy
        with self.app.db.connect() as conn:
            if page_key is None:
                pages = all_pages(conn, states=(PageState.ACTIVE,))
                results = latest_results(conn)
                lines = ["<b>Compliance</b> (required elements present):"]
                for page in pages:
                    result = results.get(page["id"])
                    if result is None:
                        lines.append(f"• {e(page['key'])}: not checked yet")
                        continue
                    missing = [k for k, v in result["elements"].items() if not v.get("passed")]
                    lines.append(
                        f"• {e(page['key'])}: {result['passed']}/{result['total']}"
                        + (f", missing {e(', '.join(missing))}" if missing else " ✅")
                    )
                lines.append("/compliance PAGE shows the evidence and fixes for one page.")
                return "\n".join(lines)
            page = page_row(conn, page_key)
            result = previous_result(conn, page["id"])
        if result is None:
            return f"{e(page['key'])} has not been checked yet."
        lines = [f"<b>{e(page['key'])}</b>: {result['passed']}/{result['total']} required elements"]
        for element_id, found in result["elements"].items():
            rule = policy.element(element_id)
            if found.get("passed"):
                lines.append(f"✅ {e(rule.title)}: “{e(render._clip(found.get('evidence'), 120))}”")
            else:
                fix = fix_for_page(rule, page)
                lines.append(f"❌ {e(rule.title)}. Fix: <code>{e(render._clip(fix, 300))}</code>")
        return "\n".join(lines)

    async def cmd_search(self, update: Update, ctx: Any, person: Person | None) -> None:
        words = " ".join(getattr(ctx, "args", None) or []).strip()
        if not words:
            await self._reply(update, "Usage: /search words (every version is searched)")
            return
        await self._reply(update, await asyncio.to_thread(self._search, words, person))

    def _search(self, words: str, person: Person | None) -> str:
        from page_governor.archive.search import Filters, search

        with self.app.db.connect() as conn:
            found = search(conn, Filters(text=words), limit=10)
        total = f"{found.total:,}" + ("+" if found.total_capped else "")
        lines = [f"<b>{total} items</b> match “{e(words)}”:"]
        for row in found.rows:
            lines.append(
                f"#{row['id']} {e(row['page'])} {e(row['kind'])} ({e(row['state'])}) "
                f"{e(row.get('author_name') or '')}: “{e(render._clip(row['text'], 100))}”"
            )
        if found.total > len(found.rows):
            lines.append("Use `page-governor archive search` for every filter and page.")
        return "\n".join(lines)

    async def cmd_export(self, update: Update, ctx: Any, person: Person | None) -> None:
        words = " ".join(getattr(ctx, "args", None) or []).strip()
        if not words:
            await self._reply(update, "Usage: /export words (a bundle of every matching item)")
            return
        assert person is not None
        await self._reply(update, f"Exporting what matches “{e(words)}”…")
        with tempfile.TemporaryDirectory(prefix="pg-export-") as tmp:
            path, result = await asyncio.to_thread(self._export, words, person, Path(tmp))
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                await self._reply(
                    update,
                    f"The bundle is {path.stat().st_size // 2**20} MB, more than Telegram "
                    "carries; run `page-governor archive export` on the server instead.",
                )
                return
            assert update.effective_message is not None
            with path.open("rb") as handle:
                await update.effective_message.reply_document(
                    handle,
                    filename=path.name,
                    caption=(
                        f"{result.items} items ({result.versions} versions). "
                        f"Manifest SHA-256 {result.manifest_sha256[:16]}…, recorded in the "
                        "audit log. Check it with `page-governor archive verify-bundle`."
                    ),
                )

    def _export(self, words: str, person: Person, folder: Path) -> tuple[Path, Any]:
        from page_governor.archive import signing
        from page_governor.archive.export import export_records
        from page_governor.archive.search import Filters

        now = self.app.clock.now()
        out = folder / f"records-{now:%Y%m%d-%H%M%S}.zip"
        result = export_records(
            self.app.db,
            Filters(text=words),
            out,
            exported_by=person.actor,
            now=now,
            signing_key=signing.private_key_of(self.app.settings),
        )
        return out, result

    # -- the page lifecycle --------------------------------------------------------------

    async def cmd_request_page(self, update: Update, _ctx: Any, person: Person | None) -> None:
        message = update.effective_message
        text = message.text if message and message.text else ""
        fields = parse_form(text)
        if not fields:
            await self._reply(
                update,
                "Send the request as one message, one field per line:\n"
                f"<pre>{e(REQUEST_FORM)}</pre>",
            )
            return
        assert person is not None
        key = await asyncio.to_thread(self._request_page, fields, person)
        self.wake_sender()
        await self._reply(
            update,
            f"Requested <b>{e(key)}</b>. The chief has been asked to approve it; /pending shows "
            "its compliance pre-check.",
        )

    def _request_page(self, fields: dict[str, str], person: Person) -> str:
        from page_governor.errors import InputError
        from page_governor.governance.pages import PageRequest, request_page

        try:
            platform = Platform(fields.get("platform", "").lower())
        except ValueError:
            raise InputError(
                "platform must be one of " + ", ".join(p.value for p in Platform)
            ) from None
        request = PageRequest(
            platform=platform,
            department=fields.get("department", ""),
            purpose=fields.get("purpose", ""),
            audience=fields.get("audience", ""),
            administrators=tuple(a.strip() for a in fields.get("admins", "").split(",")),
            credentials_holder=fields.get("credentials", ""),
            url=fields.get("url") or None,
            handle=fields.get("handle") or None,
            platform_id=fields.get("id") or None,
            token_env=fields.get("token_env") or None,
            key=fields.get("key") or None,
            proposed_profile={"about": fields["profile"]} if fields.get("profile") else {},
        )
        return request_page(self.app, request, by=person.actor, roles=person.roles)

    async def cmd_pending(self, update: Update, _ctx: Any, person: Person | None) -> None:
        await self._reply(update, await asyncio.to_thread(self._pending))

    def _pending(self) -> str:
        from page_governor.governance.pages import pending_requests

        with self.app.db.connect() as conn:
            rows = pending_requests(conn)
        if not rows:
            return "No page requests are waiting."
        lines = [f"<b>{len(rows)} page request(s)</b> waiting for the chief:"]
        for row in rows:
            request = row["request"] or {}
            check = request.get("precheck") or {}
            missing = ", ".join(check.get("failing") or [])
            lines.append(
                f"• <b>{e(row['key'])}</b> ({e(render._platform(row['platform']))}) by "
                f"{e(request.get('requested_by'))}: {e(render._clip(request.get('purpose'), 80))}; "
                f"pre-check {check.get('passed', 0)}/{check.get('total', 0)}"
                + (f", missing {e(missing)}" if missing else "")
            )
        lines.append("/approve KEY [reason] or /reject KEY reason")
        return "\n".join(lines)

    async def cmd_approve(self, update: Update, ctx: Any, person: Person | None) -> None:
        await self._page_command(update, ctx, person, Event.APPROVE)

    async def cmd_reject(self, update: Update, ctx: Any, person: Person | None) -> None:
        await self._page_command(update, ctx, person, Event.REJECT)

    async def _page_command(
        self, update: Update, ctx: Any, person: Person | None, event: Event
    ) -> None:
        args = list(getattr(ctx, "args", None) or [])
        if not args:
            usage = "/approve KEY [reason]" if event is Event.APPROVE else "/reject KEY reason"
            await self._reply(update, f"Usage: {usage} (keys: /pending)")
            return
        assert person is not None
        reason = " ".join(args[1:]) or ("approved in Telegram" if event is Event.APPROVE else "")
        answer = await asyncio.to_thread(
            self._lifecycle,
            person,
            args[0],
            event,
            reason,
            acknowledged=False,
            user=update.effective_user,
        )
        self.wake_sender()
        await self._reply(update, e(answer))

    def _lifecycle(
        self,
        person: Person,
        key: str,
        event: Event,
        reason: str,
        *,
        acknowledged: bool,
        user: User | None = None,
    ) -> str:
        from page_governor.governance.pages import transition

        try:
            state = transition(
                self.app,
                key,
                event,
                by=person.actor,
                roles=person.roles,
                reason=reason,
                acknowledged=acknowledged,
            )
        except NotAuthorized as exc:
            self._refused(user, f"page.{event.value}:{key}", person=person, why=exc.message)
            return f"Not done: {exc.message}."
        except PageGovernorError as exc:
            return f"Not done: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
        self.on_registry_change()
        return f"{key}: {event.value} recorded; the page is now {state.value}."

    def _page_button(self, person: Person, user: User | None, button: dict[str, Any]) -> str:
        key, action = button["subject_id"], button["action"]
        if action == "reject":
            return f"To reject, send: /reject {key} <reason> (a reason is required)."
        if action == "recertify":
            return self._lifecycle(
                person,
                key,
                Event.RECERTIFY,
                "re-certified in Telegram",
                acknowledged=False,
                user=user,
            )
        return self._lifecycle(
            person,
            key,
            Event.APPROVE,
            "approved in Telegram",
            acknowledged=action == "approve_ack",
            user=user,
        )

    async def cmd_unknown(self, update: Update, _ctx: Any) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        name = message.text.split()[0][1:].split("@")[0]
        if name in {c.name for c in self.commands} | {"start"}:
            return
        await self._reply(update, "I do not know that command. /help lists what you can do.")

    # -- buttons -------------------------------------------------------------------------

    async def on_button(self, update: Update, _ctx: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        answer = await asyncio.to_thread(self.press, query.data or "", query.from_user)
        await query.answer(answer[:190], show_alert=len(answer) > 60)
        self.wake_sender()

    def press(self, key: str, user: User | None) -> str:
        """Carry out a button press; the answer shown to the presser."""
        buttons = t.telegram_buttons
        with self.app.db.connect() as conn:
            button = (
                conn.execute(select(buttons).where(buttons.c.key == key[:32])).mappings().first()
            )
        if button is None:
            return "This button is not valid any more."
        person = self.roles.person(user.id if user else None)
        button = dict(button)
        if button["subject_type"] == "page":
            if person is None:
                self._refused(user, f"button:{button['action']}")
                return "Sorry, you have no role in page_governor, so nothing was changed."
            return self._page_button(person, user, button)
        if person is None or not person.can(Permission.DECIDE):
            self._refused(user, f"button:{button['action']}")
            if person is None:
                return "Sorry, you have no role in page_governor, so nothing was changed."
            return "Sorry, deciding flagged comments is not part of your role. Nothing changed."
        return self._decide(person, int(button["subject_id"]), Decision(button["action"]))

    def _decide(self, person: Person, item_id: int, decision: Decision) -> str:
        clause = None
        with self.app.db.connect() as conn:
            item = review.get_item(conn, item_id)
            if decision is Decision.HIDE:
                clause = review.moderation_policy_clause(conn, int(item["page_id"]))
        label = render.BUTTON_LABELS[decision.value]
        try:
            outcome = review.record_decision(
                self.app.db,
                item_id=item_id,
                decision=decision,
                reviewer=person.actor,
                reason=f"“{label}” pressed in Telegram",
                policy_clause=clause,
                now=self.app.clock.now(),
                adapter_for=self.app.adapter_for,
                notices=self.app.notices,
            )
        except InvalidTransition as exc:
            return exc.message[0].upper() + exc.message[1:] + "."
        except PageGovernorError as exc:
            return f"Not done: {exc.message}"
        if outcome.platform_result.get("action") == "hide":
            return "Hidden on the platform (not deleted). Recorded in the audit log."
        return f"{label}: recorded in the audit log."
