"""A fake Telegram Bot API: getMe, getChat, getUpdates, and the calls the bot makes.

python-telegram-bot talks to it through ``base_url="http://127.0.0.1:PORT/bot"``. Parameters
arrive form-encoded with JSON-encoded values, as PTB sends them.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import unquote

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
        self.documents: list[dict[str, Any]] = []
        self.commands: list[Any] = []
        self._next_update = 1000
        self._next_message = 1
        self.down = False
        self.bot_status: dict[int, str] = {}  # the bot's status per chat (default administrator)
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, bytes)
        self.file_downloads = 0
        self.flood_wait = 0  # > 0: the next sendMessage answers 429 "retry after" this long
        self.arrived = threading.Condition(self.lock)
        self._polling = False
        self.conflicts = 0

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
        with self.arrived:
            self._next_update += 1
            self.updates.append({"update_id": self._next_update, kind: message})
            self.arrived.notify_all()
            return self._next_update

    def press(self, sent: dict[str, Any], label: str, user: tuple[int, str, str]) -> int:
        """A person presses the button ``label`` under the message ``sent``."""
        rows = (sent.get("reply_markup") or {}).get("inline_keyboard") or []
        button = next(b for row in rows for b in row if b["text"] == label)
        return self.push(
            "callback_query",
            {
                "id": f"cb{self._next_update}",
                "from": {
                    "id": user[0],
                    "is_bot": False,
                    "first_name": user[1],
                    "username": user[2],
                },
                "chat_instance": "42",
                "data": button["callback_data"],
                "message": {
                    "message_id": sent["message_id"],
                    "date": 1767348000,
                    "chat": {"id": int(sent["chat_id"]), "type": "supergroup", "title": "PIO"},
                    "from": self.bot_user,
                    "text": sent.get("text", ""),
                },
            },
        )

    def command(self, chat_id: int, text: str, user: tuple[int, str, str]) -> int:
        """A person sends ``/command args`` in ``chat_id``."""
        self._next_message += 1
        word = text.split()[0]
        return self.push(
            "message",
            {
                "message_id": self._next_message,
                "date": 1767348000,
                "chat": {"id": chat_id, "type": "supergroup" if chat_id < 0 else "private"},
                "from": {
                    "id": user[0],
                    "is_bot": False,
                    "first_name": user[1],
                    "username": user[2],
                },
                "text": text,
                "entities": [{"type": "bot_command", "offset": 0, "length": len(word)}],
            },
        )

    def replies_to(self, chat_id: int) -> list[str]:
        with self.lock:
            return [m["text"] for m in self.sent if int(m["chat_id"]) == chat_id]

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
        media: dict[str, Any] | None = None,
    ) -> None:
        """A comment in a channel post's thread; ``media`` adds message fields such as
        ``{"photo": fake.photo_sizes(data)}`` (the text then becomes the caption)."""
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
        if media:
            message.pop("text")
            message.update(media)
            if text:
                message["caption"] = text
        if edited:
            message["edit_date"] = _ts(at)
        self.push("edited_message" if edited else "message", message)

    # -- serving -------------------------------------------------------------------------

    def add_file(self, data: bytes, file_path: str) -> dict[str, Any]:
        """A file in Telegram's storage; returns the object a message carries for it."""
        n = len(self.files) + 1
        file_id = f"AgACAgQAAxkBAAI{n:05d}"
        self.files[file_id] = (file_path, data)
        return {"file_id": file_id, "file_unique_id": f"AQAD{n:05d}", "file_size": len(data)}

    def photo_sizes(self, data: bytes) -> list[dict[str, Any]]:
        """A photo message's ``photo``: a small thumbnail, then the full size (last)."""
        thumb = self.add_file(data[:64], f"photos/thumb_{len(self.files) + 1}.jpg")
        full = self.add_file(data, f"photos/file_{len(self.files) + 1}.jpg")
        return [{**thumb, "width": 90, "height": 60}, {**full, "width": 1280, "height": 853}]

    def route(self, request: Request) -> Response:
        files = f"/file/bot{self.token}/"
        path = unquote(request.path)  # httpx sends the token's colon as %3A here
        if path.startswith(files):
            wanted = path[len(files) :]
            for file_path, data in self.files.values():
                if file_path == wanted:
                    self.file_downloads += 1
                    return Response(200, data, {"Content-Type": "application/octet-stream"})
            return tg_error(404, "Not Found")
        prefix = f"/bot{self.token}/"
        if not request.path.startswith(prefix):
            return tg_error(401, "Unauthorized")
        if self.down:
            return tg_error(502, "Bad Gateway")
        method = request.path[len(prefix) :]
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            params = _multipart(request)
        else:
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

    def api_getFile(self, params: dict[str, Any]) -> Response:
        found = self.files.get(str(params.get("file_id")))
        if found is None:
            return tg_error(400, "Bad Request: invalid file_id")
        file_path, data = found
        if len(data) > 20 * 1024 * 1024:
            return tg_error(400, "Bad Request: file is too big")
        return ok(
            {
                "file_id": params["file_id"],
                "file_unique_id": "AQAD" + str(params["file_id"])[-5:],
                "file_size": len(data),
                "file_path": file_path,
            }
        )

    def api_getChatMember(self, params: dict[str, Any]) -> Response:
        info = self.chats.get(str(params.get("chat_id")))
        if info is None:
            return tg_error(400, "Bad Request: chat not found")
        if int(params.get("user_id") or 0) != self.bot_user["id"]:
            return tg_error(400, "Bad Request: user not found")
        status = self.bot_status.get(int(info["id"]), "administrator")
        member: dict[str, Any] = {"status": status, "user": self.bot_user}
        if status == "administrator":
            member |= {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": False,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": False,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        elif status == "restricted":
            member |= {"is_member": True, "until_date": 0}
        return ok(member)

    def api_getUpdates(self, params: dict[str, Any]) -> Response:
        offset = int(params.get("offset") or 0)
        if offset:
            self.acknowledged = max(self.acknowledged, offset - 1)
        limit = int(params.get("limit") or 100)
        # Long polling: wait for an update up to the timeout (capped to keep tests quick).
        if self._polling:  # Telegram allows one reader of a bot's updates
            self.conflicts += 1
            return tg_error(409, "Conflict: terminated by other getUpdates request")
        self._polling = True
        try:
            return self._long_poll(params, limit)
        finally:
            self._polling = False

    def _long_poll(self, params: dict[str, Any], limit: int) -> Response:
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
        while True:
            pending = [u for u in self.updates if u["update_id"] > self.acknowledged]
            left = deadline - time.monotonic()
            if pending or left <= 0 or self.down:
                break
            self.arrived.wait(left)
        return ok(pending[:limit])

    def api_setMyCommands(self, params: dict[str, Any]) -> Response:
        self.commands = params.get("commands") or []
        return ok(True)

    def api_sendDocument(self, params: dict[str, Any]) -> Response:
        self._next_message += 1
        self.documents.append({**params, "message_id": self._next_message})
        return ok(
            {
                "message_id": self._next_message,
                "date": 1767348000,
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "document": {"file_id": "F1", "file_unique_id": "U1", "file_name": "bundle.zip"},
            }
        )

    def api_deleteWebhook(self, params: dict[str, Any]) -> Response:
        return ok(True)

    def api_sendMessage(self, params: dict[str, Any]) -> Response:
        if self.flood_wait:
            wait, self.flood_wait = self.flood_wait, 0
            return tg_error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
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


def _multipart(request: Request) -> dict[str, Any]:
    """Fields of a multipart/form-data body (PTB sends files this way); files as bytes."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if part.get_filename():
            params[name] = {"filename": part.get_filename(), "content": payload}
        else:
            params[name] = _decode(payload.decode())
    return params


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
