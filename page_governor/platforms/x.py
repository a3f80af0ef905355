"""X (Twitter) accounts through ``tweepy.Client`` and the API v2.

The token (the page's ``token_env``) is an OAuth 2.0 *user-context* access token of the
agency's account with the scopes ``tweet.read users.read tweet.moderate.write``: reads work
with it, and hiding replies needs user context. Sending the notice after a hide as a direct
message (only when ``notices.yaml`` says ``deliver: platform``) needs ``dm.read dm.write`` too,
and X delivers it only to people who accept messages from the account. Never ``wait_on_rate_limit``: a 429 becomes
:class:`~page_governor.errors.RateLimited` with the reset time, and the scheduler waits.

What X cannot tell us, and how we cope:

* hidden state is not returned by reads: it is kept as page_governor recorded it;
* replies are found by recent search (``conversation_id:``), which covers 7 days;
* deletions give no signal: a reply or post that stops being listed is looked up by id, and
  only an explicit "not found" makes it a deletion;
* edited posts get new ids: the first id of ``edit_history_tweet_ids`` names the item, so an
  edit becomes a new version of the same archived post.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any, ClassVar

import requests
import tweepy

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
from page_governor.platforms.http import RoutedSession, scrub

OFFICIAL_X_URL = "https://api.twitter.com"
CLIENT = f"tweepy/{tweepy.__version__}"
SEARCH_WINDOW = timedelta(days=7)
TWEET_FIELDS = [
    "created_at",
    "author_id",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
    "edit_history_tweet_ids",
    "attachments",
    "entities",
]
USER_FIELDS = [
    "name",
    "username",
    "description",
    "url",
    "entities",
    "location",
    "pinned_tweet_id",
    "verified_type",
    "protected",
]
MEDIA_FIELDS = ["type", "url", "preview_image_url", "alt_text"]
MAX_PAGES = 1000


class XAdapter:
    """An X account: profile, own posts, replies in their conversations; hide replies."""

    name: ClassVar[str] = "x"
    # Replies older than recent search's window are not listed at all; judging them deleted
    # would be wrong, so deletion checks stay inside it.
    deletion_window: ClassVar[timedelta] = SEARCH_WINDOW

    def __init__(
        self,
        token: str,
        clock: Clock,
        *,
        page_key: str,
        base_url: str,
        timeout: float,
        token_source: Callable[[], str] | None = None,
    ) -> None:
        """``token_source``, when given, is asked for the current token before each call (an
        OAuth 2.0 user token the worker refreshes every two hours)."""
        register_secret(token)
        self._token = token
        self._token_source = token_source
        self.clock = clock
        self.page_key = page_key
        self.client = tweepy.Client(bearer_token=token, return_type=dict, wait_on_rate_limit=False)
        self.client.session = RoutedSession(
            official_base=OFFICIAL_X_URL, base=base_url, timeout=timeout
        )

    def capabilities(self, page: PageRef) -> Capability:
        return (
            Capability.READ_PROFILE
            | Capability.READ_POSTS
            | Capability.READ_COMMENTS
            | Capability.HIDE_COMMENT
            | Capability.SEE_DELETIONS
            | Capability.MESSAGE_COMMENTER
        )

    # -- reads ---------------------------------------------------------------------------

    def fetch_profile(self, page: PageRef) -> Profile:
        body = self._call(
            "users",
            self.client.get_user,
            id=page.platform_id,
            user_fields=USER_FIELDS,
            expansions=["pinned_tweet_id"],
            tweet_fields=["created_at", "text"],
        )
        user = body.get("data")
        if not isinstance(user, dict):
            raise NotFoundOnPlatform(
                f"X has no account {page.platform_id}", platform="x", page=page.key
            )
        entities = user.get("entities") or {}
        fields: dict[str, str] = {}
        description = _expand(str(user.get("description") or ""), entities.get("description"))
        if description:
            fields["description"] = description
        url_entities = ((entities.get("url") or {}).get("urls")) or []
        url = url_entities[0].get("expanded_url") if url_entities else user.get("url")
        if url:
            fields["url"] = str(url)
        if user.get("location"):
            fields["location"] = str(user["location"])
        pinned_id = user.get("pinned_tweet_id") or user.get("pinned_post_id")
        for tweet in (body.get("includes") or {}).get("tweets", []):
            if str(tweet.get("id")) == str(pinned_id) and tweet.get("text"):
                fields["pinned_post"] = _expand(str(tweet["text"]), tweet.get("entities"))
        return Profile(
            page,
            str(user.get("name") or page.key),
            fields,
            self._clean(body),
            self._prov(page, "users"),
        )

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]:
        params: dict[str, Any] = {
            "max_results": 100,
            "exclude": ["retweets", "replies"],
            "tweet_fields": TWEET_FIELDS,
            "expansions": ["attachments.media_keys"],
            "media_fields": MEDIA_FIELDS,
        }
        if since is not None:
            params["start_time"] = since
        for tweet, _users in self._paged(
            "users/tweets", self.client.get_users_tweets, page.platform_id, **params
        ):
            history = tweet.get("edit_history_tweet_ids") or [tweet["id"]]
            original = str(history[0])
            yield Post(
                page=page,
                platform_id=original,
                text=str(tweet.get("text") or ""),
                created_at=parse_time(tweet.get("created_at")),
                author_id=str(tweet.get("author_id") or page.platform_id),
                author_name=page.handle,
                permalink=f"https://x.com/{page.handle or 'i'}/status/{tweet['id']}",
                raw=self._clean(tweet),
                provenance=self._prov(page, "users/tweets"),
            )

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]:
        page = post.page
        params: dict[str, Any] = {
            "max_results": 100,
            "tweet_fields": TWEET_FIELDS,
            "expansions": ["author_id", "attachments.media_keys"],
            "user_fields": ["username", "name"],
            "media_fields": MEDIA_FIELDS,
        }
        floor = self.clock.now() - SEARCH_WINDOW + timedelta(minutes=1)
        if since is not None and since > floor:
            params["start_time"] = since
        query = f"conversation_id:{post.platform_id}"
        for tweet, users in self._paged(
            "tweets/search/recent", self.client.search_recent_tweets, query, **params
        ):
            if str(tweet["id"]) == post.platform_id:
                continue
            replied_to = next(
                (
                    str(r.get("id"))
                    for r in tweet.get("referenced_tweets") or []
                    if r.get("type") == "replied_to"
                ),
                None,
            )
            author_id = str(tweet.get("author_id") or "") or None
            author = users.get(author_id or "", {})
            username = author.get("username")
            yield Comment(
                page=page,
                platform_id=str(tweet["id"]),
                post_id=post.platform_id,
                parent_id=replied_to if replied_to and replied_to != post.platform_id else None,
                text=str(tweet.get("text") or ""),
                created_at=parse_time(tweet.get("created_at")),
                author_id=author_id,
                author_name=username or author.get("name"),
                permalink=f"https://x.com/{username or 'i'}/status/{tweet['id']}",
                raw=self._clean(tweet),
                provenance=self._prov(page, "tweets/search/recent"),
                is_hidden=False,
            )

    def confirm_gone(self, page: PageRef, ids: list[str]) -> set[str]:
        """Of ``ids`` no longer listed, those X answers "not found" for (really deleted)."""
        gone: set[str] = set()
        for start in range(0, len(ids), 100):
            batch = ids[start : start + 100]
            body = self._call("tweets", self.client.get_tweets, batch, tweet_fields=["id"])
            for error in body.get("errors") or []:
                kind = str(error.get("type") or "")
                if kind.endswith("resource-not-found") or error.get("title") == "Not Found Error":
                    value = str(error.get("resource_id") or error.get("value") or "")
                    if value in batch:
                        gone.add(value)
        return gone

    # -- moderation ----------------------------------------------------------------------

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        method = self.client.hide_reply if hidden else self.client.unhide_reply
        answer = self._call("tweets/hidden", method, comment.platform_id, user_auth=False)
        if (answer.get("data") or {}).get("hidden") is not hidden:
            raise PlatformError(
                f"X did not confirm {'hiding' if hidden else 'unhiding'} {comment.platform_id}",
                platform="x",
                page=comment.page.key,
            )
        return dict(answer)

    def message_commenter(
        self, comment: CommentRef, *, author_id: str | None, created_at: datetime | None, text: str
    ) -> dict[str, object]:
        """A direct message to the reply's author (``POST /2/dm_conversations/with/:id/
        messages``)."""
        if not author_id:
            raise UnsupportedOperation(
                "the reply's author is not known, so X has no one to message",
                platform="x",
                page=comment.page.key,
            )
        answer = self._call(
            "dm_conversations",
            self.client.create_direct_message,
            participant_id=author_id,
            text=text,
            user_auth=False,
        )
        if not (answer.get("data") or {}).get("dm_event_id"):
            raise PlatformError(
                f"X did not confirm the direct message about {comment.platform_id}",
                platform="x",
                page=comment.page.key,
            )
        return dict(answer)

    # -- plumbing ------------------------------------------------------------------------

    def _prov(self, page: PageRef, endpoint: str) -> Provenance:
        return Provenance(page.platform, f"x:2/{endpoint}", self.clock.now(), CLIENT)

    def _clean(self, raw: dict[str, Any]) -> dict[str, Any]:
        return scrub(raw, (self._token,))

    def _paged(
        self, endpoint: str, method: Any, *args: Any, **params: Any
    ) -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
        token_param = "next_token" if "search" in endpoint else "pagination_token"
        for _ in range(MAX_PAGES):
            body = self._call(endpoint, method, *args, **params)
            includes = body.get("includes") or {}
            users = {str(u.get("id")): u for u in includes.get("users", [])}
            media = {str(m.get("media_key")): m for m in includes.get("media", [])}
            for tweet in body.get("data") or []:
                if isinstance(tweet, dict) and tweet.get("id"):
                    yield _with_media(tweet, media), users
            token = (body.get("meta") or {}).get("next_token")
            if not token or token == params.get(token_param):
                return
            params[token_param] = token
        raise PlatformUnavailable(
            f"X paging of {endpoint} did not end", platform="x", page=self.page_key
        )

    def _call(self, endpoint: str, method: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        where: dict[str, Any] = {"platform": "x", "page": self.page_key}
        if self._token_source is not None:
            token = self._token_source()
            if token != self.client.bearer_token:
                register_secret(token)
                self._token = self.client.bearer_token = token
        try:
            body = method(*args, **kwargs)
        except tweepy.TooManyRequests as exc:
            reset = exc.reset_time
            retry = max(1.0, reset - time.time()) if reset else 900.0
            raise RateLimited(
                f"X rate limit on {endpoint}", retry_after=retry, vendor_code=429, **where
            ) from None
        except tweepy.Unauthorized:
            raise AuthError(
                f"X refused the token on {endpoint} (401)",
                hint="the OAuth 2.0 user token expired or was revoked: authorize again and "
                "update the page's token_env variable",
                vendor_code=401,
                **where,
            ) from None
        except tweepy.Forbidden as exc:
            raise PermissionDenied(
                f"X forbade {endpoint} (403): {_detail(exc)}", vendor_code=403, **where
            ) from None
        except tweepy.NotFound:
            raise NotFoundOnPlatform(
                f"X: not found on {endpoint}", vendor_code=404, **where
            ) from None
        except tweepy.TwitterServerError as exc:
            raise PlatformUnavailable(
                f"X server error on {endpoint} ({exc.response.status_code})",
                vendor_code=exc.response.status_code,
                **where,
            ) from None
        except tweepy.HTTPException as exc:
            status = exc.response.status_code
            raise PlatformError(
                f"X answered {endpoint} with HTTP {status}: {_detail(exc)}",
                vendor_code=status,
                **where,
            ) from None
        except requests.Timeout:
            raise PlatformUnavailable(f"X call {endpoint} timed out", **where) from None
        except ValueError:  # malformed JSON (requests' JSONDecodeError is a ValueError)
            raise PlatformUnavailable(
                f"X answered {endpoint} with an unreadable response", **where
            ) from None
        except requests.RequestException as exc:
            raise PlatformUnavailable(
                f"X call {endpoint} failed: {exc.__class__.__name__}", **where
            ) from None
        if not isinstance(body, dict):
            raise PlatformUnavailable(f"X answered {endpoint} with an unreadable response", **where)
        return body


def _detail(exc: tweepy.HTTPException) -> str:
    messages = list(exc.api_messages or [])
    return redact("; ".join(messages)[:300]) if messages else "no detail"


def _expand(text: str, entities: dict[str, Any] | None) -> str:
    """Replace t.co links by the addresses they stand for (what a reader sees)."""
    for url in (entities or {}).get("urls", []) or []:
        short, full = url.get("url"), url.get("expanded_url")
        if short and full:
            text = text.replace(short, full)
    return text


def _with_media(tweet: dict[str, Any], media: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The tweet with its own media objects from the response's ``includes`` (X sends them
    once per page, apart from the tweets), kept as ``includes.media`` the way X shapes them:
    the archived payload then holds the photo and video URLs to capture."""
    keys = (tweet.get("attachments") or {}).get("media_keys") or []
    own = [media[str(k)] for k in keys if str(k) in media]
    return {**tweet, "includes": {"media": own}} if own else tweet
