"""Delivers the durable outbox to Telegram.

Each pass claims the alerts that are due (a lease, so no two workers send one), renders them
from what the database holds *now* (a comment decided before its alert went out shows the
outcome, not buttons), sends them within Telegram's flood limits, and records where each
message went so a later decision can edit it. Failures never lose an alert: transient ones
(network, 5xx, flood limits) are retried with back-off; ones Telegram will never accept (the
bot was removed from the chat) are kept as ``failed`` with the reason, for ``page-governor
alerts retry`` once fixed.

Delivery is at least once: if the process dies after Telegram accepted a message and before
the database recorded it, the lease runs out and the alert is sent again. Everything else is
exactly once.
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import time
from collections import deque
from datetime import timedelta
from typing import Any

import telegram
from sqlalchemy import insert, select
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram import error as tg_error
from telegram.constants import ParseMode

from page_governor.alerts import outbox, render
from page_governor.app import App
from page_governor.db import schema as t
from page_governor.errors import PageGovernorError
from page_governor.governance.registry import page_ref, page_row
from page_governor.models import Capability
from page_governor.moderation import review

log = logging.getLogger(__name__)

REVIEW_KINDS = ("flag", "escalation")
# More non-urgent flags than this due at once (a page's first capture, a spam wave) become one
# summary message; threats are always alerted one by one.
BURST = 10
SEND_LEASE = timedelta(minutes=2)
MAX_BACKOFF = 600.0
MAX_INTERNAL_ERRORS = 5


def chat_for(alert: dict[str, Any], app: App) -> int | None:
    """Which chat an alert goes to: the one that asked for it (``/review 12``), the chief's for
    escalations and approvals, the admin's for access problems, the PIO chat for the rest (each
    falls back to the PIO chat)."""
    if alert["payload"].get("chat_id"):
        return int(alert["payload"]["chat_id"])
    kind, s = alert["kind"], app.settings
    if kind in ("escalation", "page_request", "recertification_due"):
        return s.telegram_chief_chat_id or s.telegram_pio_chat_id
    if kind in ("page_paused", "token_problem", "unregistered_pages"):
        return s.telegram_admin_chat_id or s.telegram_pio_chat_id
    return s.telegram_pio_chat_id


class FloodGate:
    """Telegram's limits: about one message a second per chat, 20 a minute in a group, 30 a
    second in all; and a chat that answered "retry after N" waits N seconds."""

    def __init__(self, *, per_chat: float = 1.0, group_max: int = 20, window: float = 60.0) -> None:
        self.per_chat = per_chat
        self.group_max = group_max
        self.window = window
        self._sent: dict[int, deque[float]] = {}
        self._held: dict[int, float] = {}

    def delay(self, chat_id: int, now: float) -> float:
        sent = self._sent.setdefault(chat_id, deque())
        while sent and now - sent[0] > self.window:
            sent.popleft()
        wait = max(0.0, self._held.get(chat_id, 0.0) - now)
        if sent:
            wait = max(wait, sent[-1] + self.per_chat - now)
        if chat_id < 0 and len(sent) >= self.group_max:  # groups and channels have negative ids
            wait = max(wait, sent[0] + self.window - now)
        return wait

    def record(self, chat_id: int, now: float) -> None:
        self._sent.setdefault(chat_id, deque()).append(now)

    def hold(self, chat_id: int, seconds: float, now: float) -> None:
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), now + seconds)


def hide_availability(
    app: App, page: dict[str, Any], item: dict[str, Any] | None = None
) -> tuple[bool, str | None]:
    """Whether a Hide button makes sense for comments on ``page`` (and for ``item``, a review
    item, which may be gone from the platform), and why not."""
    if item is not None and item.get("deleted_at") is not None:
        return False, (
            f"Deleted on the platform at {item['deleted_at']:%Y-%m-%d %H:%M} UTC: there is "
            "nothing left to hide. Keep, not a violation or escalate closes it for the record."
        )
    with app.db.connect() as conn:
        clause = review.moderation_policy_clause(conn, page["id"])
    if clause is None:
        return False, "Hide is not offered: the page shows no published comment policy."
    try:
        adapter = app.adapter_for(page)
    except PageGovernorError as exc:
        return False, f"Hide is not offered: {exc.message}"
    if not adapter.capabilities(page_ref(page)) & Capability.HIDE_COMMENT:
        name = render.PLATFORM_NAMES.get(page["platform"], page["platform"])
        return False, f"{name} cannot hide comments through its API: act in the app if needed."
    return True, None


def review_view(app: App, alert: dict[str, Any]) -> render.Rendered:
    """The current message for a flag or escalation alert."""
    item_id = int(alert["payload"]["review_item_id"])
    with app.db.connect() as conn:
        item = review.get_item(conn, item_id)
        page = page_row(conn, int(item["page_id"]))
    possible, note = hide_availability(app, page, item)
    escalation = alert["payload"] if alert["kind"] == "escalation" else None
    return render.review_message(
        item, hide_possible=possible, hide_note=note, escalation=escalation
    )


PAGE_KINDS = ("page_request", "recertification_due")


def page_view(app: App, alert: dict[str, Any]) -> render.Rendered:
    """The current message for a page request or a re-certification reminder."""
    from page_governor.governance.pages import REMINDER_WINDOW, page_detail

    now = app.clock.now()
    with app.db.connect() as conn:
        page = page_detail(conn, alert["payload"]["page"])
    due = page.get("recertify_due")
    page["due_now"] = due is not None and due <= now + REMINDER_WINDOW
    if alert["kind"] == "recertification_due" and not page["due_now"] and due is not None:
        page["last_event"] = f"✅ Re-certified; next review due {due:%Y-%m-%d}."
    return render.page_message(alert["kind"], page)


def current_view(app: App, alert: dict[str, Any]) -> tuple[render.Rendered, tuple[str, str]]:
    """An alert that carries buttons, as it should read now, and what its buttons are about."""
    if alert["kind"] in PAGE_KINDS:
        return page_view(app, alert), ("page", str(alert["payload"]["page"]))
    return review_view(app, alert), ("review_item", str(alert["payload"]["review_item_id"]))


def button_keys(
    app: App, alert_id: int, subject: tuple[str, str], actions: tuple[str, ...]
) -> list[tuple[str, str]]:
    """``(key, action)`` for each button of one message; a message keeps its keys for life."""
    buttons = t.telegram_buttons
    now = app.clock.now()
    with app.db.begin() as conn:
        known = dict(
            conn.execute(
                select(buttons.c.action, buttons.c.key).where(buttons.c.outbox_id == alert_id)
            ).all()
        )
        for action in actions:
            if action not in known:
                known[action] = secrets.token_urlsafe(12)
                conn.execute(
                    insert(buttons).values(
                        key=known[action],
                        outbox_id=alert_id,
                        subject_type=subject[0],
                        subject_id=subject[1],
                        action=action,
                        created_at=now,
                    )
                )
    return [(known[a], a) for a in actions]


def keyboard(keys: list[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    if not keys:
        return None
    buttons = [
        InlineKeyboardButton(render.BUTTON_LABELS.get(a, a), callback_data=k) for k, a in keys
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows)


def messages_about(app: App, subject: tuple[str, str]) -> list[dict[str, Any]]:
    """Sent alerts whose buttons concern ``subject`` (to edit when it is decided)."""
    buttons, box = t.telegram_buttons, t.outbox
    with app.db.connect() as conn:
        ids = (
            select(buttons.c.outbox_id)
            .where(buttons.c.subject_type == subject[0], buttons.c.subject_id == subject[1])
            .distinct()
        )
        rows = conn.execute(
            select(box).where(box.c.id.in_(ids), box.c.message_id.is_not(None)).order_by(box.c.id)
        ).mappings()
        return [dict(r) for r in rows]


class Sender:
    """Sends the outbox through one ``telegram.Bot``; :meth:`run` loops until stopped."""

    def __init__(self, app: App, bot: telegram.Bot, owner: str) -> None:
        self.app = app
        self.bot = bot
        self.owner = owner
        self.gate = FloodGate()

    async def run(self, stop: asyncio.Event, wake: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                sent = await self.deliver_due()
            except Exception:  # a bug must not end delivery for good
                log.exception("outbox delivery pass failed")
                sent = 0
            if sent:
                continue
            wake.clear()
            waiter = asyncio.ensure_future(wake.wait())
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiter, stopper}, timeout=1.0, return_when="FIRST_COMPLETED")
            waiter.cancel()
            stopper.cancel()

    async def deliver_due(self) -> int:
        """One pass: claim what is due and deliver it. Returns how many alerts were handled."""
        rows = await asyncio.to_thread(
            outbox.claim_due, self.app.db, self.owner, now=self.app.clock.now(), lease=SEND_LEASE
        )
        if not rows:
            return 0
        flags = [
            r
            for r in rows
            if r["kind"] == "flag"
            and not r["payload"].get("urgent")
            and not r["payload"].get("requested")
        ]
        if len(flags) > BURST:
            await self._summarise(flags)
            rows = [r for r in rows if r not in flags]
        for row in rows:
            try:
                await self._deliver(row)
            except Exception as exc:  # a bug in one alert must not hold up the others
                log.exception("alert %s (%s) could not be delivered", row["id"], row["kind"])
                if int(row["attempts"]) + 1 >= MAX_INTERNAL_ERRORS:
                    await self._fail(row, f"internal error: {exc!r}")
                else:
                    await self._failed_attempt(row, 0, exc)
        return len(rows) + (len(flags) if len(flags) > BURST else 0)

    async def _summarise(self, rows: list[dict[str, Any]]) -> None:
        chat = chat_for(rows[0], self.app)
        message = render.summary_message([r["payload"] for r in rows])
        first, rest = rows[0], rows[1:]
        if await self._attempt(first, chat, message.text, None) is None:
            for row in rest:  # they wait with the first one and are summarised again
                await asyncio.to_thread(
                    outbox.mark_retry,
                    self.app.db,
                    row["id"],
                    self.owner,
                    attempts=row["attempts"],
                    error="waiting for a summary to be delivered",
                    next_at=self.app.clock.now(),
                )
            return
        for row in rest:
            await self._done(row, status=outbox.SUMMARISED)

    async def _deliver(self, row: dict[str, Any]) -> None:
        kind, payload = row["kind"], row["payload"]
        if kind == "decision":
            await self._edit_subject(row, ("review_item", str(payload["review_item_id"])))
            return
        if kind == "page_decision":
            await self._edit_subject(row, ("page", str(payload["page"])))
            return
        subject = None
        if kind in REVIEW_KINDS or kind in PAGE_KINDS:
            rendered, subject = await asyncio.to_thread(current_view, self.app, row)
        elif kind == "digest":
            rendered = render.digest_message(payload)
        elif kind == "unregistered_pages":
            rendered = render.unregistered_message(payload["found"])
        else:
            rendered = render.notice_message(kind, payload)
        markup = None
        if subject is not None and rendered.actions:
            keys = await asyncio.to_thread(
                button_keys, self.app, row["id"], subject, rendered.actions
            )
            markup = keyboard(keys)
        await self._attempt(row, chat_for(row, self.app), rendered.text, markup)

    async def _attempt(
        self,
        row: dict[str, Any],
        chat: int | None,
        text: str,
        markup: InlineKeyboardMarkup | None,
    ) -> int | None:
        """Send one message for ``row``; record the outcome. Returns the message id, if sent."""
        if chat is None:
            await self._fail(row, "no Telegram chat is configured for this alert")
            return None
        try:
            await self._pace(chat)
            message = await self.bot.send_message(
                chat_id=chat,
                text=text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                link_preview_options=telegram.LinkPreviewOptions(is_disabled=True),
            )
        except tg_error.TelegramError as exc:
            await self._failed_attempt(row, chat, exc)
            return None
        await self._done(row, chat_id=chat, message_id=message.message_id)
        return message.message_id

    async def _done(
        self,
        row: dict[str, Any],
        *,
        status: str = outbox.SENT,
        chat_id: int | None = None,
        message_id: int | None = None,
    ) -> None:
        """Record ``row`` as delivered (where the message went, when there is one)."""
        await asyncio.to_thread(
            outbox.mark_sent,
            self.app.db,
            row["id"],
            self.owner,
            now=self.app.clock.now(),
            chat_id=chat_id,
            message_id=message_id,
            status=status,
        )

    async def _edit_subject(self, row: dict[str, Any], subject: tuple[str, str]) -> None:
        """Bring every message about ``subject`` up to date (outcome shown, buttons gone)."""
        for alert in await asyncio.to_thread(messages_about, self.app, subject):
            rendered, _ = await asyncio.to_thread(current_view, self.app, alert)
            keys = await asyncio.to_thread(
                button_keys, self.app, alert["id"], subject, rendered.actions
            )
            try:
                await self._pace(int(alert["chat_id"]))
                await self.bot.edit_message_text(
                    chat_id=alert["chat_id"],
                    message_id=alert["message_id"],
                    text=rendered.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard(keys),
                    link_preview_options=telegram.LinkPreviewOptions(is_disabled=True),
                )
            except tg_error.BadRequest as exc:
                # Already showing this, or deleted from the chat by a person: nothing to do.
                log.info("message %s not edited: %s", alert["message_id"], exc.message)
            except tg_error.TelegramError as exc:
                await self._failed_attempt(row, int(alert["chat_id"]), exc)
                return
        await self._done(row)

    async def _pace(self, chat: int) -> None:
        delay = self.gate.delay(chat, time.monotonic())
        if delay > 0:
            await asyncio.sleep(delay)
        self.gate.record(chat, time.monotonic())

    async def _failed_attempt(self, row: dict[str, Any], chat: int, exc: Exception) -> None:
        attempts = int(row["attempts"]) + 1
        if isinstance(exc, tg_error.RetryAfter):
            retry = exc.retry_after
            wait = retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
            self.gate.hold(chat, wait, time.monotonic())
        elif isinstance(exc, tg_error.Forbidden | tg_error.BadRequest | tg_error.ChatMigrated):
            await self._fail(row, f"Telegram refused it: {exc}", attempts=attempts)
            return
        else:  # network, 5xx, timeouts, a refused token (fixed by an admin): try again later
            wait = min(MAX_BACKOFF, 2.0**attempts) * (0.5 + random.random() / 2)
        log.warning("alert %s not delivered (%s); retrying in %.0f s", row["id"], exc, wait)
        await asyncio.to_thread(
            outbox.mark_retry,
            self.app.db,
            row["id"],
            self.owner,
            attempts=attempts,
            error=str(exc),
            next_at=self.app.clock.now() + timedelta(seconds=wait),
        )

    async def _fail(self, row: dict[str, Any], error: str, *, attempts: int | None = None) -> None:
        log.error("alert %s (%s) failed for good: %s", row["id"], row["kind"], error)
        await asyncio.to_thread(
            outbox.mark_failed,
            self.app.db,
            row["id"],
            self.owner,
            attempts=attempts if attempts is not None else int(row["attempts"]) + 1,
            error=error,
        )
