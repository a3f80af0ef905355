"""A fake X API v2 (users, timelines, recent search, tweet lookup, hide replies)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.server import FakeServer, Request, Response


def x_time(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def problem(status: int, title: str, detail: str, **extra: Any) -> Response:
    body = {"title": title, "detail": detail, "type": "about:blank", "status": status, **extra}
    return Response(status, body, {"Content-Type": "application/problem+json"})


class FakeX(FakeServer):
    def __init__(
        self, token: str = "x-oauth2-user-token-0001", *, now: datetime | None = None
    ) -> None:
        super().__init__()
        self.token = token
        self.now = now or datetime.now(UTC)
        self.users: dict[str, dict[str, Any]] = {}
        self.tweets: dict[str, dict[str, Any]] = {}  # every live tweet by its current id
        self.hidden: dict[str, bool] = {}
        self.dms: list[dict[str, str]] = []  # direct messages sent: {"to", "text"}
        self.closed_dms: set[str] = set()  # users who accept no messages from the account
        self.media: dict[str, dict[str, Any]] = {}  # by media_key
        self.remaining = 900
        self.client_id: str | None = None  # the app the account authorized (OAuth 2.0)
        self.refresh_token: str | None = None  # the one refresh token that works now
        self.refreshes = 0
        self.expires_in = 7200

    # -- building ------------------------------------------------------------------------

    def authorize(self, client_id: str, *, expires_in: int = 7200) -> str:
        """An account authorized the app ``client_id`` (OAuth 2.0 with offline.access): returns
        the first refresh token."""
        self.client_id = client_id
        self.expires_in = expires_in
        self.refresh_token = f"x-refresh-{self.refreshes}"
        return self.refresh_token

    def _token_endpoint(self, request: Request) -> Response:
        """POST /2/oauth2/token, grant_type=refresh_token: a new access token (the only one
        accepted from now on) and a new, single-use refresh token."""
        form = request.form()
        invalid = {
            "error": "invalid_request",
            "error_description": "Value passed for the token was invalid.",
        }
        if request.method != "POST" or form.get("grant_type") != "refresh_token":
            return Response(400, {"error": "unsupported_grant_type"})
        if not self.refresh_token or form.get("client_id") != self.client_id:
            return Response(400, invalid)
        if form.get("refresh_token") != self.refresh_token:
            return Response(400, invalid)
        self.refreshes += 1
        self.token = f"x-access-{self.refreshes}"
        self.refresh_token = f"x-refresh-{self.refreshes}"
        return Response(
            200,
            {
                "token_type": "bearer",
                "expires_in": self.expires_in,
                "access_token": self.token,
                "scope": "tweet.read users.read tweet.moderate.write offline.access",
                "refresh_token": self.refresh_token,
            },
        )

    def add_user(self, user_id: str, username: str, name: str, **fields: Any) -> None:
        self.users[user_id] = {"id": user_id, "username": username, "name": name, **fields}

    def add_tweet(
        self,
        tweet_id: str,
        author_id: str,
        text: str,
        at: datetime,
        *,
        reply_to: str | None = None,
        conversation: str | None = None,
        photo: str | None = None,
    ) -> None:
        tweet: dict[str, Any] = {
            "id": tweet_id,
            "text": text,
            "author_id": author_id,
            "created_at": x_time(at),
            "conversation_id": conversation or tweet_id,
            "edit_history_tweet_ids": [tweet_id],
        }
        if reply_to:
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
            tweet["in_reply_to_user_id"] = self.tweets[reply_to]["author_id"]
        if photo:
            key = f"3_{tweet_id}"
            tweet["attachments"] = {"media_keys": [key]}
            self.media[key] = {"media_key": key, "type": "photo", "url": photo}
        self.tweets[tweet_id] = tweet

    def edit_tweet(self, tweet_id: str, new_id: str, text: str) -> None:
        """An edit gets a new id; the old id stays retrievable (as the old version)."""
        old = self.tweets[tweet_id]
        new = {
            **old,
            "id": new_id,
            "text": text,
            "edit_history_tweet_ids": [*old["edit_history_tweet_ids"], new_id],
        }
        old["superseded"] = True
        self.tweets[new_id] = new

    def delete_tweet(self, tweet_id: str) -> None:
        self.tweets.pop(tweet_id, None)

    # -- serving -------------------------------------------------------------------------

    def route(self, request: Request) -> Response:
        response = self._route(request)
        self.remaining = max(0, self.remaining - 1)
        response.headers.setdefault("x-rate-limit-limit", "900")
        response.headers.setdefault("x-rate-limit-remaining", str(self.remaining))
        response.headers.setdefault("x-rate-limit-reset", str(int(time.time()) + 900))
        return response

    def _route(self, request: Request) -> Response:
        if request.path == "/2/oauth2/token":
            return self._token_endpoint(request)
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return problem(401, "Unauthorized", "Unauthorized")
        parts = request.path.strip("/").split("/")
        if parts[:1] != ["2"]:
            return problem(404, "Not Found", "no such route")
        path = parts[1:]
        q = request.query
        if path[:1] == ["users"] and len(path) == 2:
            return self._user(path[1], q)
        if path[:1] == ["users"] and len(path) == 3 and path[2] == "tweets":
            tweets = [
                t
                for t in self.tweets.values()
                if t["author_id"] == path[1]
                and not t.get("superseded")
                and "referenced_tweets" not in t
                and (not q.get("start_time") or t["created_at"] >= q["start_time"])
            ]
            return self._page(tweets, q, "pagination_token")
        if path == ["tweets", "search", "recent"]:
            conversation = q.get("query", "").removeprefix("conversation_id:")
            floor = x_time(self.now - timedelta(days=7))
            if q.get("start_time") and q["start_time"] < floor:
                return problem(400, "Invalid Request", "start_time must be within the last 7 days")
            tweets = [
                t
                for t in self.tweets.values()
                if t["conversation_id"] == conversation
                and not t.get("superseded")
                and t["created_at"] >= floor
            ]
            response = self._page(tweets, q, "next_token")
            authors = {t["author_id"] for t in response.body.get("data", [])}
            response.body.setdefault("includes", {})["users"] = [
                self.users[a] for a in authors if a in self.users
            ]
            return response
        if path == ["tweets"]:
            ids = q.get("ids", "").split(",")
            data = [self._public(self.tweets[i]) for i in ids if i in self.tweets]
            errors = [
                {
                    "value": i,
                    "detail": f"Could not find tweet with ids: [{i}].",
                    "title": "Not Found Error",
                    "resource_type": "tweet",
                    "parameter": "ids",
                    "resource_id": i,
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                }
                for i in ids
                if i not in self.tweets
            ]
            body: dict[str, Any] = {}
            if data:
                body["data"] = data
            if errors:
                body["errors"] = errors
            return Response(200, body)
        if (
            len(path) == 3
            and path[0] == "tweets"
            and path[2] == "hidden"
            and request.method == "PUT"
        ):
            if path[1] not in self.tweets:
                return problem(404, "Not Found Error", "tweet not found")
            hidden = bool(json.loads(request.body or b"{}").get("hidden"))
            self.hidden[path[1]] = hidden
            return Response(200, {"data": {"hidden": hidden}})
        if (
            len(path) == 4
            and path[:2] == ["dm_conversations", "with"]
            and path[3] == "messages"
            and request.method == "POST"
        ):
            # POST /2/dm_conversations/with/:participant_id/messages
            if path[2] in self.closed_dms:
                return problem(403, "Forbidden", "You cannot send messages to this user.")
            text = json.loads(request.body or b"{}").get("text")
            if not text:
                return problem(400, "Invalid Request", "text is required")
            self.dms.append({"to": path[2], "text": text})
            event = f"{1700000000000000000 + len(self.dms)}"
            return Response(
                201, {"data": {"dm_conversation_id": f"1-{path[2]}", "dm_event_id": event}}
            )
        return problem(404, "Not Found", f"no route {request.path}")

    def _user(self, user_id: str, q: dict[str, str]) -> Response:
        user = self.users.get(user_id)
        if user is None:
            return Response(
                200,
                {
                    "errors": [
                        {
                            "value": user_id,
                            "title": "Not Found Error",
                            "resource_id": user_id,
                            "type": "https://api.twitter.com/2/problems/resource-not-found",
                            "detail": f"Could not find user with id: [{user_id}].",
                        }
                    ]
                },
            )
        body: dict[str, Any] = {"data": dict(user)}
        pinned = user.get("pinned_tweet_id")
        if pinned and pinned in self.tweets:
            body["includes"] = {"tweets": [self._public(self.tweets[pinned])]}
        return Response(200, body)

    @staticmethod
    def _public(tweet: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in tweet.items() if k != "superseded"}

    def _page(self, tweets: list[dict[str, Any]], q: dict[str, str], token_name: str) -> Response:
        tweets = sorted(tweets, key=lambda t: (t["created_at"], int(t["id"])), reverse=True)
        size = int(q.get("max_results", 10))
        start = int(q.get(token_name) or 0)
        chunk = tweets[start : start + size]
        meta: dict[str, Any] = {"result_count": len(chunk)}
        if chunk:
            meta["newest_id"], meta["oldest_id"] = chunk[0]["id"], chunk[-1]["id"]
        if start + size < len(tweets):
            meta["next_token"] = str(start + size)
        body: dict[str, Any] = {"meta": meta}
        if chunk:
            body["data"] = [self._public(t) for t in chunk]
        if "attachments.media_keys" in q.get("expansions", "").split(","):
            keys = [k for t in chunk for k in (t.get("attachments") or {}).get("media_keys", [])]
            media = [self.media[k] for k in keys if k in self.media]
            if media:  # like X: once per page, apart from the tweets
                body["includes"] = {"media": media}
        return Response(200, body)
