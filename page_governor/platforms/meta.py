"""Facebook Pages and Instagram professional accounts, both over :class:`GraphClient`.

Tokens and permissions (see the README, "Connecting real pages"):

* Facebook: a Page (or system-user) token with ``pages_read_engagement``,
  ``pages_read_user_content`` (comment authors) and ``pages_manage_engagement`` (hide).
* Instagram: the linked Page's token with ``instagram_basic``, ``instagram_manage_comments``
  and ``pages_read_engagement``.
* Sending the notice after a hide as a private reply (only when ``notices.yaml`` says
  ``deliver: platform``): ``pages_messaging`` (Facebook) or ``instagram_manage_messages``
  (Instagram), through ``POST /{page or ig-user id}/messages`` with ``recipient.comment_id``;
  Meta allows one such message per comment, within seven days of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, ClassVar

from page_governor.clock import Clock, parse_time
from page_governor.errors import NotFoundOnPlatform, PlatformError, UnsupportedOperation
from page_governor.models import Capability, Comment, CommentRef, PageRef, Post, Profile, Provenance
from page_governor.platforms.base import META_PRIVATE_REPLY_WINDOW
from page_governor.platforms.graph import GraphClient
from page_governor.platforms.http import scrub

CLIENT = "facebook-sdk/3.1.0"
META_CAPABILITIES = (
    Capability.READ_PROFILE
    | Capability.READ_POSTS
    | Capability.READ_COMMENTS
    | Capability.HIDE_COMMENT
    | Capability.SEE_DELETIONS
    | Capability.SEE_HIDDEN_STATE
    | Capability.MESSAGE_COMMENTER
)

FB_PROFILE_FIELDS = (
    "id,name,username,link,about,description,general_info,bio,mission,company_overview,"
    "impressum,website,phone,emails,single_line_address,location,category"
)
# Fields that are identity or classification, not statements the compliance check reads.
FB_NON_TEXT = frozenset({"id", "name", "username", "link", "category"})
FB_POST_FIELDS = (
    "id,message,story,created_time,updated_time,permalink_url,is_hidden,is_published,"
    "from{id,name},attachments{media_type,url,title,description,media},full_picture"
)
FB_COMMENT_FIELDS = (
    "id,message,created_time,from{id,name},parent{id},is_hidden,can_hide,attachment,"
    "permalink_url,message_tags,like_count,comment_count"
)
IG_PROFILE_FIELDS = "id,username,name,biography,website"
IG_MEDIA_FIELDS = (
    "id,caption,timestamp,permalink,media_type,media_url,thumbnail_url,username,comments_count,"
    "children{media_type,media_url,thumbnail_url}"  # a carousel's photos and videos
)
IG_COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},like_count,hidden,parent_id"
PAGE_SIZE = 100


def _flatten(value: Any) -> str:
    """A profile value as the text the compliance check reads."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value if v)
    if isinstance(value, dict):
        return ", ".join(_flatten(v) for v in value.values() if v and not isinstance(v, float))
    return str(value).strip()


class _GraphAdapter:
    """What Facebook and Instagram share: the client, provenance, scrubbing."""

    name: ClassVar[str] = "graph"

    def __init__(self, client: GraphClient, clock: Clock) -> None:
        self.client = client
        self.clock = clock

    def capabilities(self, page: PageRef) -> Capability:
        return META_CAPABILITIES

    def slowdown_seconds(self) -> float:
        return self.client.slowdown_seconds()

    def _prov(self, page: PageRef, endpoint: str) -> Provenance:
        return Provenance(
            page.platform, f"graph:{self.client.version}/{endpoint}", self.clock.now(), CLIENT
        )

    def _clean(self, raw: dict[str, Any]) -> dict[str, Any]:
        return scrub(raw, self.client.secrets)

    def _hide(self, comment: CommentRef, field: str, hidden: bool) -> dict[str, object]:
        answer = self.client.post(comment.platform_id, **{field: hidden})
        if answer.get("success") is not True:
            raise PlatformError(
                f"{comment.page.platform.value} did not confirm hiding {comment.platform_id}",
                platform=comment.page.platform.value,
                page=comment.page.key,
            )
        return dict(answer)

    def message_commenter(
        self, comment: CommentRef, *, author_id: str | None, created_at: datetime | None, text: str
    ) -> dict[str, object]:
        platform = comment.page.platform.value
        if created_at is not None and self.clock.now() - created_at >= META_PRIVATE_REPLY_WINDOW:
            raise UnsupportedOperation(
                f"{platform} allows a private reply only within seven days of the comment "
                f"(written {created_at:%Y-%m-%d})",
                platform=platform,
                page=comment.page.key,
            )
        answer = self.client.post(
            f"{comment.page.platform_id}/messages",
            recipient=json.dumps({"comment_id": comment.platform_id}),
            message=json.dumps({"text": text}),
        )
        if not answer.get("message_id"):
            raise PlatformError(
                f"{platform} did not confirm the private reply to {comment.platform_id}",
                platform=platform,
                page=comment.page.key,
            )
        return dict(answer)


class FacebookAdapter(_GraphAdapter):
    """A Facebook Page: profile, published posts, every comment and reply; hide/unhide."""

    name: ClassVar[str] = "facebook"

    def fetch_profile(self, page: PageRef) -> Profile:
        raw = self._clean(self.client.get(page.platform_id, fields=FB_PROFILE_FIELDS))
        fields = {k: text for k, v in raw.items() if k not in FB_NON_TEXT and (text := _flatten(v))}
        return Profile(
            page, str(raw.get("name") or page.key), fields, raw, self._prov(page, "page")
        )

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]:
        args: dict[str, Any] = {"fields": FB_POST_FIELDS, "limit": PAGE_SIZE}
        if since is not None:
            args["since"] = int(since.timestamp())
        for raw in self.client.paged(f"{page.platform_id}/published_posts", **args):
            raw = self._clean(raw)
            author = raw.get("from") or {}
            yield Post(
                page=page,
                platform_id=str(raw["id"]),
                text=str(raw.get("message") or raw.get("story") or ""),
                created_at=parse_time(raw.get("created_time")),
                author_id=str(author.get("id") or page.platform_id),
                author_name=author.get("name"),
                permalink=raw.get("permalink_url"),
                raw=raw,
                provenance=self._prov(page, "published_posts"),
                is_hidden=bool(raw.get("is_hidden", False)),
            )

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]:
        # filter=stream: every comment and reply in one chronological list, replies with parent
        for raw in self.client.paged(
            f"{post.platform_id}/comments",
            filter="stream",
            order="chronological",
            fields=FB_COMMENT_FIELDS,
            limit=PAGE_SIZE,
        ):
            comment = self._comment(post.page, post.platform_id, raw)
            if since is None or comment.created_at is None or comment.created_at >= since:
                yield comment

    def fetch_comment(self, page: PageRef, comment_id: str, post_id: str) -> Comment:
        """One comment by id (for a webhook event). Raises NotFoundOnPlatform when gone."""
        raw = self.client.get(comment_id, fields=FB_COMMENT_FIELDS)
        if not raw.get("id"):
            raise NotFoundOnPlatform(f"no comment {comment_id}", platform="facebook", page=page.key)
        return self._comment(page, post_id, raw)

    def _comment(self, page: PageRef, post_id: str, raw: dict[str, Any]) -> Comment:
        raw = self._clean(raw)
        author = raw.get("from") or {}
        parent = (raw.get("parent") or {}).get("id")
        return Comment(
            page=page,
            platform_id=str(raw["id"]),
            post_id=post_id,
            parent_id=str(parent) if parent and parent != post_id else None,
            text=str(raw.get("message") or ""),
            created_at=parse_time(raw.get("created_time")),
            author_id=str(author["id"]) if author.get("id") else None,
            author_name=author.get("name"),
            permalink=raw.get("permalink_url"),
            raw=raw,
            provenance=self._prov(page, "comments"),
            is_hidden=bool(raw.get("is_hidden", False)),
            can_hide=bool(raw.get("can_hide", True)),
        )

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        return self._hide(comment, "is_hidden", hidden)


class InstagramAdapter(_GraphAdapter):
    """An Instagram professional account: bio and website, media, comments, replies; hide."""

    name: ClassVar[str] = "instagram"

    def fetch_profile(self, page: PageRef) -> Profile:
        raw = self._clean(self.client.get(page.platform_id, fields=IG_PROFILE_FIELDS))
        fields = {
            k: text
            for k, v in raw.items()
            if k in ("biography", "website") and (text := _flatten(v))
        }
        name = str(raw.get("name") or raw.get("username") or page.key)
        return Profile(page, name, fields, raw, self._prov(page, "ig_user"))

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]:
        for raw in self.client.paged(
            f"{page.platform_id}/media", fields=IG_MEDIA_FIELDS, limit=PAGE_SIZE
        ):
            raw = self._clean(raw)
            created = parse_time(raw.get("timestamp"))
            if since is not None and created is not None and created < since:
                return  # media come newest first: everything after this is older
            yield Post(
                page=page,
                platform_id=str(raw["id"]),
                text=str(raw.get("caption") or ""),
                created_at=created,
                author_id=page.platform_id,
                author_name=raw.get("username"),
                permalink=raw.get("permalink"),
                raw=raw,
                provenance=self._prov(page, "media"),
            )

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]:
        nested = f"{IG_COMMENT_FIELDS},replies.limit({PAGE_SIZE}){{{IG_COMMENT_FIELDS}}}"
        for raw in self.client.paged(
            f"{post.platform_id}/comments", fields=nested, limit=PAGE_SIZE
        ):
            replies = raw.pop("replies", None) or {}
            yield self._comment(post, raw)
            if (replies.get("paging") or {}).get("next"):
                items = self.client.paged(
                    f"{raw['id']}/replies", fields=IG_COMMENT_FIELDS, limit=PAGE_SIZE
                )
            else:
                items = iter(replies.get("data") or [])
            for reply in items:
                reply.setdefault("parent_id", raw["id"])
                yield self._comment(post, reply)

    def fetch_comment(self, page: PageRef, comment_id: str, post_id: str) -> Comment:
        raw = self.client.get(comment_id, fields=IG_COMMENT_FIELDS)
        if not raw.get("id"):
            raise NotFoundOnPlatform(
                f"no comment {comment_id}", platform="instagram", page=page.key
            )
        post = Post(page, post_id, "", None, None, None, None, {}, self._prov(page, "comment"))
        return self._comment(post, raw)

    def _comment(self, post: Post, raw: dict[str, Any]) -> Comment:
        raw = self._clean(raw)
        author = raw.get("from") or {}
        parent = raw.get("parent_id")
        return Comment(
            page=post.page,
            platform_id=str(raw["id"]),
            post_id=post.platform_id,
            parent_id=str(parent) if parent else None,
            text=str(raw.get("text") or ""),
            created_at=parse_time(raw.get("timestamp")),
            author_id=str(author.get("id") or raw.get("username") or "") or None,
            author_name=author.get("username") or raw.get("username"),
            permalink=post.permalink,
            raw=raw,
            provenance=self._prov(post.page, "comments"),
            is_hidden=bool(raw.get("hidden", False)),
        )

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        return self._hide(comment, "hide", hidden)


def managed_pages(settings: Any, token: str) -> list[dict[str, str]]:
    """The Facebook Pages (and their linked Instagram accounts) that a Business Manager
    system-user token manages, through ``GET /me/accounts``.

    Raises:
        PlatformError: as any Graph call.
    """
    from page_governor.platforms.graph import GraphClient

    client = GraphClient(
        token,
        platform="facebook",
        page_key="discovery",
        base_url=settings.facebook_graph_url,
        version=settings.facebook_graph_version,
        timeout=settings.http_timeout_seconds,
        app_secret=settings.facebook_app_secret,
    )
    found = []
    for page in client.paged(
        "me/accounts", fields="id,name,instagram_business_account{id,username}"
    ):
        found.append(
            {"platform": "facebook", "platform_id": str(page["id"]), "name": page.get("name", "")}
        )
        ig = page.get("instagram_business_account") or {}
        if ig.get("id"):
            found.append(
                {
                    "platform": "instagram",
                    "platform_id": str(ig["id"]),
                    "name": ig.get("username", ""),
                }
            )
    return found
