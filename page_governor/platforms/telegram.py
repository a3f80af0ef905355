"""Telegram channels through python-telegram-bot.

A channel's profile comes from ``getChat``. Its posts and comments cannot be listed: the Bot
API has no history, so the bot must *receive* them as updates (``channel_post``, and messages
in the linked discussion group, where comments live) and keep them. Updates go into an
append-only inbox table the moment they arrive (:mod:`page_governor.capture.telegram_inbox`); this
adapter then serves the channel *from the inbox* through the same interface as every other
platform, folding edits into the latest text.

The bot cannot see deletions and cannot hide anything, so the adapter declares itself
alert-only: reviewers get the alert and act in the Telegram app.

Setup (README, "Connecting real pages"): make the bot an admin of the channel and of its
discussion group (or turn privacy mode off and re-add it), so it receives every message.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime, timedelta
from typing import Any, ClassVar, Protocol, TypeVar

# Opt in to PTB 23's behaviour now: durations such as RetryAfter.retry_after are timedeltas
# (PTB 22 otherwise warns on every flood-limit answer). The code below accepts both.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import telegram
from telegram import error as tg_error

from page_governor.clock import Clock, parse_time
from page_governor.errors import (
    AuthError,
    NotFoundOnPlatform,
    PermissionDenied,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    UnsupportedOperation,
)
from page_governor.logging_setup import redact, register_secret
from page_governor.models import Capability, Comment, CommentRef, PageRef, Post, Profile, Provenance
from page_governor.platforms.http import scrub

CLIENT = f"python-telegram-bot/{telegram.__version__}"
BOT_API_FILE_LIMIT = 20 * 1024 * 1024  # getFile serves files up to 20 MB
ALLOWED_UPDATES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
)
T = TypeVar("T")


class InboxReader(Protocol):
    """Read access to received updates (the ``telegram_updates`` table)."""

    def messages(self, chat_ids: tuple[int, ...]) -> list[tuple[str, dict[str, Any]]]:
        """``(kind, message)`` of every stored update of these chats, in arrival order."""
        ...


def _message_of(update: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    for kind in ("message", "edited_message", "channel_post", "edited_channel_post"):
        message = update.get(kind)
        if isinstance(message, dict):
            return kind, message
    return None


def describe_update(update: dict[str, Any]) -> tuple[str, int, int] | None:
    """``(kind, chat_id, message_id)`` of an update that carries a message, else None."""
    found = _message_of(update)
    if found is None:
        return None
    kind, message = found
    chat = message.get("chat") or {}
    if "id" not in chat or "message_id" not in message:
        return None
    return kind, int(chat["id"]), int(message["message_id"])


def message_text(message: dict[str, Any]) -> str:
    return str(message.get("text") or message.get("caption") or "")


class TelegramAdapter:
    """A Telegram channel and its discussion group, served from the update inbox."""

    name: ClassVar[str] = "telegram"

    def __init__(
        self,
        token: str,
        clock: Clock,
        inbox: InboxReader,
        *,
        page_key: str,
        base_url: str,
        timeout: float,
    ) -> None:
        register_secret(token)
        self._token = token
        self.clock = clock
        self.inbox = inbox
        self.page_key = page_key
        self.base_url = base_url
        self.timeout = timeout
        self._linked: dict[str, int | None] = {}

    def capabilities(self, page: PageRef) -> Capability:
        return Capability.READ_PROFILE | Capability.READ_POSTS | Capability.READ_COMMENTS

    # -- Bot API calls -------------------------------------------------------------------

    def _bot(self) -> telegram.Bot:
        base, file_base = bot_urls(self.base_url)
        request = telegram.request.HTTPXRequest(
            connect_timeout=self.timeout, read_timeout=self.timeout, write_timeout=self.timeout
        )
        return telegram.Bot(self._token, base_url=base, base_file_url=file_base, request=request)

    def _run(self, what: str, call: Callable[[telegram.Bot], Awaitable[T]]) -> T:
        async def go() -> T:
            async with self._bot() as bot:
                return await call(bot)

        try:
            return asyncio.run(go())
        except tg_error.TelegramError as exc:
            raise translate_error(exc, what, page=self.page_key) from None

    # -- media -------------------------------------------------------------------------------

    def download_file(self, file_id: str, *, max_bytes: int) -> tuple[bytes, str]:
        """A file a channel post or comment showed, by its file id (getFile, then the
        download, both through python-telegram-bot): its bytes and media type.

        Raises:
            PlatformError: Telegram refused it (the Bot API serves files up to 20 MB), or it
                is larger than ``max_bytes``.
        """

        async def go(bot: telegram.Bot) -> tuple[bytes, str]:
            file = await bot.get_file(file_id)
            size = file.file_size or 0
            if size > min(max_bytes, BOT_API_FILE_LIMIT):
                raise PlatformError(
                    f"the file has {size:,} bytes, over the limit of "
                    f"{min(max_bytes, BOT_API_FILE_LIMIT):,}",
                    platform="telegram",
                    page=self.page_key,
                )
            data = bytes(await file.download_as_bytearray())
            kind = mimetypes.guess_type(file.file_path or "")[0] or "application/octet-stream"
            return data, kind

        return self._run("getFile", go)

    # -- deployment checks (`page-governor doctor`) -----------------------------------------

    def bot_name(self) -> str:
        """The bot's @username (getMe): proves the token is accepted."""
        me = self._run("getMe", lambda bot: bot.get_me())
        return f"@{me.username}" if me.username else str(me.id)

    def chat_title(self, chat_id: int | str) -> str:
        """A chat's title (getChat): proves the bot can reach it."""
        chat = self._run("getChat", lambda bot: bot.get_chat(chat_id))
        return chat.title or (f"@{chat.username}" if chat.username else str(chat.id))

    def admin_problems(self, page: PageRef) -> list[str]:
        """What keeps the bot from reading a channel and its comments: it must administer the
        channel and its linked discussion group (empty when nothing does)."""

        async def go(bot: telegram.Bot) -> list[str]:
            me = await bot.get_me()
            chat = await bot.get_chat(_chat_key(page))
            problems: list[str] = []
            targets: list[tuple[int, str]] = [(chat.id, "channel")]
            if chat.linked_chat_id is None:
                problems.append(
                    "the channel has no linked discussion group, so comments cannot be read"
                )
            else:
                targets.append((chat.linked_chat_id, "discussion group"))
            for chat_id, what in targets:
                member = await bot.get_chat_member(chat_id, me.id)
                if member.status not in ("administrator", "creator"):
                    problems.append(
                        f"the bot is {member.status} in the {what}, not an administrator"
                    )
            return problems

        return self._run("getChatMember", go)

    def fetch_profile(self, page: PageRef) -> Profile:
        chat = self._run("getChat", lambda bot: bot.get_chat(_chat_key(page)))
        raw = scrub(chat.to_dict(), (self._token,))
        self._linked[page.key] = chat.linked_chat_id
        fields: dict[str, str] = {}
        if chat.description:
            fields["description"] = chat.description
        if chat.pinned_message is not None:
            pinned = chat.pinned_message.text or chat.pinned_message.caption
            if pinned:
                fields["pinned_message"] = pinned
        if chat.username:
            fields["link"] = f"https://t.me/{chat.username}"
        return Profile(page, chat.title or page.key, fields, raw, self._prov(page, "getChat"))

    def receive_updates(self, offset: int | None) -> list[dict[str, Any]]:
        """One ``getUpdates`` call: updates from ``offset`` on, as raw dicts (not yet stored).

        Passing the next offset acknowledges everything before it, so the caller stores the
        updates first and only then asks again.
        """
        updates = self._run(
            "getUpdates",
            lambda bot: bot.get_updates(
                offset=offset, timeout=0, limit=100, allowed_updates=list(ALLOWED_UPDATES)
            ),
        )
        return [u.to_dict() for u in updates]

    # -- served from the inbox -----------------------------------------------------------

    def _discussion_group(self, page: PageRef) -> int | None:
        if page.key not in self._linked:
            chat = self._run("getChat", lambda bot: bot.get_chat(_chat_key(page)))
            self._linked[page.key] = chat.linked_chat_id
        return self._linked[page.key]

    def _folded(self, chat_ids: tuple[int, ...]) -> dict[tuple[int, int], dict[str, Any]]:
        """The latest state of each message, keyed by (chat, message id); edits applied."""
        latest: dict[tuple[int, int], dict[str, Any]] = {}
        for _kind, message in self.inbox.messages(chat_ids):
            key = (int(message["chat"]["id"]), int(message["message_id"]))
            latest[key] = message
        return latest

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]:
        channel = int(page.platform_id)
        for (chat_id, message_id), message in sorted(self._folded((channel,)).items()):
            if chat_id != channel:
                continue
            created = parse_time(message.get("date"))
            if since is not None and created is not None and created < since:
                continue
            yield Post(
                page=page,
                platform_id=str(message_id),
                text=message_text(message),
                created_at=created,
                author_id=page.platform_id,
                author_name=(message.get("chat") or {}).get("title"),
                permalink=f"https://t.me/{page.handle}/{message_id}" if page.handle else None,
                raw=scrub(message, (self._token,)),
                provenance=self._prov(page, "channel_post"),
            )

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]:
        page = post.page
        group = self._discussion_group(page)
        if group is None:
            return
        messages = self._folded((group,))
        channel = int(page.platform_id)
        thread: int | None = None
        for (_chat, message_id), message in messages.items():
            origin = message.get("forward_origin") or {}
            if (
                message.get("is_automatic_forward")
                and (origin.get("chat") or {}).get("id") == channel
                and str(origin.get("message_id")) == post.platform_id
            ):
                thread = message_id
                break
        if thread is None:
            return
        for (_chat, message_id), message in sorted(messages.items()):
            if message_id == thread or message.get("is_automatic_forward"):
                continue
            if message.get("message_thread_id") != thread:
                continue
            created = parse_time(message.get("date"))
            if since is not None and created is not None and created < since:
                continue
            sender = message.get("from") or {}
            sender_chat = message.get("sender_chat") or {}
            replied = (message.get("reply_to_message") or {}).get("message_id")
            name = " ".join(
                p for p in (sender.get("first_name"), sender.get("last_name")) if p
            ) or sender_chat.get("title")
            yield Comment(
                page=page,
                platform_id=str(message_id),
                post_id=post.platform_id,
                parent_id=str(replied) if replied and replied != thread else None,
                text=message_text(message),
                created_at=created,
                author_id=str(sender.get("id") or sender_chat.get("id") or "") or None,
                author_name=sender.get("username") or name,
                permalink=(
                    f"https://t.me/{page.handle}/{post.platform_id}?comment={message_id}"
                    if page.handle
                    else None
                ),
                raw=scrub(message, (self._token,)),
                provenance=self._prov(page, "discussion_message"),
                can_hide=False,
            )

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        raise UnsupportedOperation(
            "the Telegram Bot API cannot hide a comment (only delete it, which policy forbids): "
            "alert only",
            platform="telegram",
            page=comment.page.key,
        )

    def message_commenter(
        self, comment: CommentRef, *, author_id: str | None, created_at: datetime | None, text: str
    ) -> dict[str, object]:
        raise UnsupportedOperation(
            "a Telegram bot may message only people who have started a chat with it",
            platform="telegram",
            page=comment.page.key,
        )

    def _prov(self, page: PageRef, endpoint: str) -> Provenance:
        return Provenance(page.platform, f"telegram:{endpoint}", self.clock.now(), CLIENT)


def bot_urls(base_url: str) -> tuple[str, str]:
    """The Bot API and file base URLs for the ``telegram_api_url`` setting."""
    base = base_url.rstrip("/")
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base
    return base, file_base


def translate_error(exc: tg_error.TelegramError, what: str, *, page: str | None) -> PlatformError:
    """Our error for a python-telegram-bot error (the one mapping every Telegram caller uses)."""
    where: dict[str, Any] = {"platform": "telegram", "page": page}
    # Network errors quote the request URL, and the bot token is part of every Bot API URL:
    # the text is masked before it can be stored, alerted or shown.
    message = redact(exc.message)
    if isinstance(exc, tg_error.RetryAfter):
        retry = exc.retry_after
        seconds = retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
        return RateLimited(f"Telegram flood limit on {what}", retry_after=seconds, **where)
    if isinstance(exc, tg_error.InvalidToken):
        return AuthError(
            f"Telegram refused the bot token on {what}",
            hint="check PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN (from @BotFather)",
            **where,
        )
    if isinstance(exc, tg_error.Forbidden):
        return PermissionDenied(f"Telegram forbade {what}: {message}", **where)
    if isinstance(exc, tg_error.BadRequest):
        if "not found" in message.lower():
            return NotFoundOnPlatform(f"Telegram: {message} ({what})", **where)
        return PlatformError(f"Telegram refused {what}: {message}", **where)
    if isinstance(exc, tg_error.Conflict):
        return PlatformUnavailable(
            f"Telegram {what}: another process is reading this bot's updates", **where
        )
    return PlatformUnavailable(f"Telegram {what} failed: {message}", **where)


def _chat_key(page: PageRef) -> int | str:
    try:
        return int(page.platform_id)
    except ValueError:
        return page.platform_id if page.platform_id.startswith("@") else f"@{page.platform_id}"
