"""A fake Meta Graph API (Facebook Pages and Instagram) speaking the v24.0 wire format.

Cursor paging works like Graph's: ``paging.cursors.after`` names the last item returned, and
``paging.next`` echoes the access token. A comment deleted between two pages of results does
not shift the next page (the cursor is a position in time, not an index).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from tests.fakes.server import FakeServer, Request, Response

VERSION = "v24.0"


def graph_time(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _key(item: dict[str, Any]) -> tuple[str, str]:
    return (item.get("created_time") or item.get("timestamp") or "", item["id"])


def _cursor(item: dict[str, Any]) -> str:
    created, ident = _key(item)
    return base64.urlsafe_b64encode(f"{created}|{ident}".encode()).decode()


def _uncursor(value: str) -> tuple[str, str]:
    created, _, ident = base64.urlsafe_b64decode(value.encode()).decode().partition("|")
    return created, ident


def graph_error(
    code: int, message: str, *, subcode: int | None = None, status: int = 400
) -> Response:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["fbtrace_id"] = "AbCdEf123"
    return Response(status, {"error": error})


class FakeGraph(FakeServer):
    def __init__(self, token: str = "EAAGfakepagetoken0001") -> None:
        super().__init__()
        self.token = token
        self.profiles: dict[str, dict[str, Any]] = {}
        self.fb_posts: dict[str, list[dict[str, Any]]] = {}
        self.fb_comments: dict[str, list[dict[str, Any]]] = {}
        self.ig_media: dict[str, list[dict[str, Any]]] = {}
        self.ig_comments: dict[str, list[dict[str, Any]]] = {}
        self.usage_headers: dict[str, str] = {}
        # POST /{page-id}/messages with recipient.comment_id: Meta's private replies, by comment
        self.private_replies: dict[str, dict[str, Any]] = {}
        self.on_list: Any = None  # hook(request, page_no) called while serving a list page
        self.business_token: str | None = None
        self.business_pages: list[dict[str, Any]] = []
        # /debug_token: the app token that may ask, and the scopes the page token was granted
        self.app_token: str | None = None
        self.scopes: list[str] = [
            "pages_show_list",
            "pages_read_engagement",
            "pages_read_user_content",
            "pages_manage_engagement",
            "instagram_basic",
            "instagram_manage_comments",
        ]

    # -- building the fake world ---------------------------------------------------------

    def manage(self, token: str, pages: list[dict[str, Any]]) -> None:
        """A Business Manager token that manages ``pages`` (for ``/me/accounts``)."""
        self.business_token = token
        self.business_pages = pages

    def add_page(self, page_id: str, **fields: Any) -> None:
        self.profiles[page_id] = {"id": page_id, **fields}
        self.fb_posts.setdefault(page_id, [])

    def add_post(
        self, page_id: str, post_id: str, message: str, at: datetime, *, photo: str | None = None
    ) -> None:
        post: dict[str, Any] = {
            "id": post_id,
            "message": message,
            "created_time": graph_time(at),
            "updated_time": graph_time(at),
            "permalink_url": f"https://www.facebook.com/{page_id}/posts/{post_id.split('_')[-1]}",
            "is_hidden": False,
            "is_published": True,
            "from": {"id": page_id, "name": self.profiles[page_id].get("name", "")},
        }
        if photo:  # as Graph shows a photo post: the attachment and the picture
            post["full_picture"] = photo
            post["attachments"] = {
                "data": [{"media_type": "photo", "url": photo, "media": {"image": {"src": photo}}}]
            }
        self.fb_posts[page_id].append(post)
        self.fb_comments.setdefault(post_id, [])

    def add_comment(
        self,
        post_id: str,
        comment_id: str,
        message: str,
        at: datetime,
        *,
        author: tuple[str, str] = ("5550001", "Jane Citizen"),
        parent: str | None = None,
        hidden: bool = False,
        photo: str | None = None,
    ) -> None:
        item: dict[str, Any] = {
            "id": comment_id,
            "message": message,
            "created_time": graph_time(at),
            "from": {"id": author[0], "name": author[1]},
            "is_hidden": hidden,
            "can_hide": True,
            "permalink_url": f"https://www.facebook.com/{post_id}?comment_id={comment_id}",
        }
        if parent:
            item["parent"] = {"id": parent}
        if photo:
            item["attachment"] = {"type": "photo", "media": {"image": {"src": photo}}}
        self.fb_comments[post_id].append(item)

    def add_ig_user(self, ig_id: str, **fields: Any) -> None:
        self.profiles[ig_id] = {"id": ig_id, **fields}
        self.ig_media.setdefault(ig_id, [])

    def add_media(self, ig_id: str, media_id: str, caption: str, at: datetime) -> None:
        self.ig_media[ig_id].append(
            {
                "id": media_id,
                "caption": caption,
                "timestamp": graph_time(at),
                "media_type": "IMAGE",
                "permalink": f"https://www.instagram.com/p/{media_id}/",
                "username": self.profiles[ig_id].get("username", ""),
            }
        )
        self.ig_comments.setdefault(media_id, [])

    def add_ig_comment(
        self,
        media_id: str,
        comment_id: str,
        text: str,
        at: datetime,
        *,
        username: str = "citizen_1",
        parent: str | None = None,
        hidden: bool = False,
    ) -> None:
        item: dict[str, Any] = {
            "id": comment_id,
            "text": text,
            "timestamp": graph_time(at),
            "username": username,
            "from": {"id": f"ig{abs(hash(username)) % 10**8}", "username": username},
            "hidden": hidden,
            "like_count": 0,
        }
        if parent:
            item["parent_id"] = parent
        self.ig_comments[media_id].append(item)

    def find_comment(self, comment_id: str) -> dict[str, Any] | None:
        for table in (self.fb_comments, self.ig_comments):
            for items in table.values():
                for item in items:
                    if item["id"] == comment_id:
                        return item
        return None

    def edit_comment(self, comment_id: str, message: str) -> None:
        item = self.find_comment(comment_id)
        assert item is not None, comment_id
        item["message" if "message" in item else "text"] = message

    def delete_comment(self, comment_id: str) -> None:
        for table in (self.fb_comments, self.ig_comments):
            for items in table.values():
                items[:] = [i for i in items if i["id"] != comment_id]

    # -- serving -------------------------------------------------------------------------

    def route(self, request: Request) -> Response:
        response = self._route(request)
        response.headers.setdefault("facebook-api-version", VERSION)
        response.headers.update(self.usage_headers)
        return response

    def _route(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        if not parts or not parts[0].startswith("v"):
            return graph_error(2500, "Unknown path components")
        args = dict(request.query)
        if request.method == "POST":
            args.update(request.form())
        if parts[1:] == ["debug_token"]:
            # https://developers.facebook.com/docs/graph-api/reference/debug_token
            if not self.app_token or args.get("access_token") != self.app_token:
                return graph_error(190, "Invalid OAuth access token - Cannot parse access token")
            valid = args.get("input_token") == self.token
            data: dict[str, Any] = {"is_valid": valid, "type": "PAGE", "expires_at": 0}
            if valid:
                data["scopes"] = list(self.scopes)
            else:
                data["error"] = {"code": 190, "message": "Session has expired", "subcode": 463}
            return Response(200, {"data": data})
        if parts[1:] == ["me", "accounts"] and self.business_token:
            if args.get("access_token") != self.business_token:
                return graph_error(190, "Invalid OAuth access token.")
            return self._page(request, list(self.business_pages), args)
        if args.get("access_token") != self.token:
            return graph_error(
                190, "Error validating access token: Session has expired", subcode=463
            )
        path = parts[1:]
        if request.method == "DELETE":
            return graph_error(200, "page_governor must never delete", status=403)
        if request.method == "POST" and len(path) == 1:
            return self._hide(path[0], args)
        if request.method == "POST" and len(path) == 2 and path[1] == "messages":
            return self._private_reply(path[0], args)
        if len(path) == 1:
            return self._object(path[0])
        if len(path) == 2:
            node, edge = path
            if edge == "published_posts" and node in self.fb_posts:
                posts = [p for p in self.fb_posts[node] if _since_ok(p, args.get("since"))]
                return self._page(request, sorted(posts, key=_key, reverse=True), args, desc=True)
            if edge == "media" and node in self.ig_media:
                return self._page(
                    request, sorted(self.ig_media[node], key=_key, reverse=True), args, desc=True
                )
            if edge == "comments" and node in self.fb_comments:
                return self._page(request, sorted(self.fb_comments[node], key=_key), args)
            if edge == "comments" and node in self.ig_comments:
                return self._ig_comments(request, node, args)
            if edge == "replies":
                replies = [
                    c
                    for items in self.ig_comments.values()
                    for c in items
                    if c.get("parent_id") == node
                ]
                return self._page(request, sorted(replies, key=_key), args)
        return graph_error(100, "Unsupported get request. Object does not exist", subcode=33)

    def _object(self, ident: str) -> Response:
        if ident in self.profiles:
            return Response(200, dict(self.profiles[ident]))
        item = self.find_comment(ident)
        if item is not None:
            return Response(200, dict(item))
        return graph_error(100, "Unsupported get request. Object does not exist", subcode=33)

    def _hide(self, ident: str, args: dict[str, str]) -> Response:
        item = self.find_comment(ident)
        if item is None:
            return graph_error(100, "Object does not exist", subcode=33)
        if "is_hidden" in args:
            item["is_hidden"] = args["is_hidden"] == "true"
        elif "hide" in args:
            item["hidden"] = args["hide"] == "true"
        else:
            return graph_error(100, "(#100) param is_hidden is required")
        return Response(200, {"success": True})

    def _private_reply(self, node: str, args: dict[str, str]) -> Response:
        """The Send API's private reply: one message to a comment's author, once per comment,
        with the messaging permission of the page's platform."""
        needed = "pages_messaging" if node in self.fb_posts else "instagram_manage_messages"
        if needed not in self.scopes:
            return graph_error(230, f"(#230) Requires {needed} permission to manage the object",
                               status=403)  # fmt: skip
        try:
            comment_id = json.loads(args.get("recipient") or "{}").get("comment_id")
            text = json.loads(args.get("message") or "{}").get("text")
        except ValueError:
            return graph_error(100, "(#100) param recipient must be JSON")
        item = self.find_comment(str(comment_id))
        if item is None or not text:
            return graph_error(100, "(#100) No matching user found", subcode=2018001)
        if comment_id in self.private_replies:
            return graph_error(10900, "Activity already replied to")
        author = item.get("from") or {}
        self.private_replies[str(comment_id)] = {"to": author.get("id"), "text": text}
        return Response(
            200, {"recipient_id": author.get("id"), "message_id": f"m_{len(self.private_replies)}"}
        )

    def _ig_comments(self, request: Request, media_id: str, args: dict[str, str]) -> Response:
        items = sorted(self.ig_comments[media_id], key=_key)
        top = [dict(c) for c in items if not c.get("parent_id")]
        for comment in top:
            replies = [r for r in items if r.get("parent_id") == comment["id"]]
            nested: dict[str, Any] = {"data": replies[:50]}
            if len(replies) > 50:
                nested["paging"] = {
                    "cursors": {"after": _cursor(replies[49])},
                    "next": f"{self.url}/{VERSION}/{comment['id']}/replies?after=x",
                }
            if replies:
                comment["replies"] = nested
        return self._page(request, top, args)

    def _page(
        self,
        request: Request,
        items: list[dict[str, Any]],
        args: dict[str, str],
        *,
        desc: bool = False,
    ) -> Response:
        limit = min(int(args.get("limit", 25)), 100)
        after = args.get("after")
        if after:
            mark = _uncursor(after)
            items = [i for i in items if (_key(i) < mark if desc else _key(i) > mark)]
        chunk = items[:limit]
        if self.on_list is not None:
            self.on_list(request, chunk)
        body: dict[str, Any] = {"data": chunk}
        if chunk:
            body["paging"] = {"cursors": {"before": _cursor(chunk[0]), "after": _cursor(chunk[-1])}}
            if len(items) > limit:
                query = {**{k: v for k, v in args.items()}, "after": _cursor(chunk[-1])}
                body["paging"]["next"] = f"{self.url}{request.path}?{urlencode(query)}"
        return Response(200, body)


def _since_ok(post: dict[str, Any], since: str | None) -> bool:
    if not since:
        return True
    created = datetime.strptime(post["created_time"], "%Y-%m-%dT%H:%M:%S%z")
    return created.timestamp() >= int(since)
