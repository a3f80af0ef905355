"""A fake Telegram Bot API: getMe, getChat, getUpdates, and the calls the bot makes.

python-telegram-bot talks to it through ``base_url="http://127.0.0.1:PORT/bot"``. Parameters
arrive form-encoded with JSON-encoded values, as PTB sends them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tests.fakes.server import FakeServer, Request, Response

TELEGRAM_SERVICE_USER = {"id": 777000, "is_bot": False, "first_name": "Telegram"}


def ok(result: Any) -> Response:
    return Response(200, {"ok": True, "result": result})


def tg_error(code: int, description: str, **parameters: Any) -> Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Response(code, body)


def _ts(at: datetime) -> int:
    return int(at.astimezone(UTC).timestamp())


class FakeTelegram(FakeServer):
    def __init__(self, token: str = "123456789:AAFakeBotTokenForTests_abcdefghij") -> None:
        super().__init__()
        self.token = token
        self.bot_user = {
            "id": 123456789,
            "is_bot": True,
            "first_name": "PageGovernor",
            "username": "pg_bot",
        }
        self.chats: dict[str, dict[str, Any]] = {}
        self.updates: list[dict[str, Any]] = []
        self.acknowledged = 0
        self.sent: list[dict[str, Any]] = []
        self.edits: list[dict[str, Any]] = []
        self.answers: list[dict[str, Any]] = []
        self._next_update = 1000
        self._next_message = 1
        self.down = False

    # -- building ------------------------------------------------------------------------

    def add_channel(
        self,
        chat_id: int,
        title: str,
        username: str,
        *,
        description: str = "",
        pinned: str | None = None,
        linked_chat_id: int | None = None,
    ) -> None:
        info: dict[str, Any] = {
            "id": chat_id,
            "type": "channel",
            "title": title,
            "username": username,
            "description": description,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
        if linked_chat_id is not None:
            info["linked_chat_id"] = linked_chat_id
        if pinned:
            info["pinned_message"] = {
                "message_id": 1,
                "date": 1767348000,
                "chat": {"id": chat_id, "type": "channel", "title": title},
                "text": pinned,
            }
        self.chats[str(chat_id)] = info
        self.chats[f"@{username}"] = info

    def add_group(self, chat_id: int, title: str, *, linked_chat_id: int) -> None:
        self.chats[str(chat_id)] = {
            "id": chat_id,
            "type": "supergroup",
            "title": title,
            "linked_chat_id": linked_chat_id,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": self.chats[str(linked_chat_id)]["accepted_gift_types"],
        }

    def _chat(self, chat_id: int) -> dict[str, Any]:
        info = self.chats[str(chat_id)]
        return {k: info[k] for k in ("id", "type", "title", "username") if k in info}

    def push(self, kind: str, message: dict[str, Any]) -> int:
        self._next_update += 1
        self.updates.append({"update_id": self._next_update, kind: message})
        return self._next_update

    def channel_post(
        self, channel: int, message_id: int, text: str, at: datetime, *, edited: bool = False
    ) -> None:
        message = {
            "message_id": message_id,
            "date": _ts(at),
            "chat": self._chat(channel),
            "sender_chat": self._chat(channel),
            "text": text,
        }
        if edited:
            message["edit_date"] = _ts(at)
        self.push("edited_channel_post" if edited else "channel_post", message)

    def auto_forward(
        self, group: int, message_id: int, channel: int, post_id: int, text: str, at: datetime
    ) -> None:
        self.push(
            "message",
            {
                "message_id": message_id,
                "date": _ts(at),
                "chat": self._chat(group),
                "from": TELEGRAM_SERVICE_USER,
                "sender_chat": self._chat(channel),
                "is_automatic_forward": True,
                "forward_origin": {
                    "type": "channel",
                    "chat": self._chat(channel),
                    "message_id": post_id,
                    "date": _ts(at),
                },
                "text": text,
            },
        )

    def comment(
        self,
        group: int,
        message_id: int,
        thread: int,
        text: str,
        at: datetime,
        *,
        user: tuple[int, str, str] = (4242, "Jane", "jane_c"),
        reply_to: int | None = None,
        edited: bool = False,
    ) -> None:
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": _ts(at),
            "chat": self._chat(group),
            "from": {"id": user[0], "is_bot": False, "first_name": user[1], "username": user[2]},
            "message_thread_id": thread,
            "reply_to_message": {
                "message_id": reply_to or thread,
                "date": _ts(at),
                "chat": self._chat(group),
            },
            "text": text,
        }
        if edited:
            message["edit_date"] = _ts(at)
        self.push("edited_message" if edited else "message", message)

    # -- serving -------------------------------------------------------------------------

    def route(self, request: Request) -> Response:
        prefix = f"/bot{self.token}/"
        if not request.path.startswith(prefix):
            return tg_error(401, "Unauthorized")
        if self.down:
            return tg_error(502, "Bad Gateway")
        method = request.path[len(prefix) :]
        params = {k: _decode(v) for k, v in request.form().items()}
        params.update({k: _decode(v) for k, v in request.query.items()})
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return tg_error(404, "Not Found: method not found")
        return handler(params)

    def api_getMe(self, params: dict[str, Any]) -> Response:
        return ok(self.bot_user)

    def api_getChat(self, params: dict[str, Any]) -> Response:
        info = self.chats.get(str(params.get("chat_id")))
        if info is None:
            return tg_error(400, "Bad Request: chat not found")
        return ok(info)

    def api_getUpdates(self, params: dict[str, Any]) -> Response:
        offset = int(params.get("offset") or 0)
        if offset:
            self.acknowledged = max(self.acknowledged, offset - 1)
        limit = int(params.get("limit") or 100)
        pending = [u for u in self.updates if u["update_id"] > self.acknowledged]
        return ok(pending[:limit])

    def api_deleteWebhook(self, params: dict[str, Any]) -> Response:
        return ok(True)

    def api_sendMessage(self, params: dict[str, Any]) -> Response:
        self._next_message += 1
        message = {
            "message_id": self._next_message,
            "date": 1767348000,
            "chat": {"id": int(params["chat_id"]), "type": "supergroup", "title": "PIO"},
            "from": self.bot_user,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.sent.append({**params, "message_id": self._next_message})
        return ok(message)

    def api_editMessageText(self, params: dict[str, Any]) -> Response:
        self.edits.append(params)
        return ok(
            {
                "message_id": int(params.get("message_id") or 0),
                "date": 1767348000,
                "chat": {
                    "id": int(params.get("chat_id") or 0),
                    "type": "supergroup",
                    "title": "PIO",
                },
                "text": params.get("text", ""),
            }
        )

    def api_answerCallbackQuery(self, params: dict[str, Any]) -> Response:
        self.answers.append(params)
        return ok(True)


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
