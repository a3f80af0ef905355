"""The ``sample`` platform: bundled department pages served through the adapter interface.

The data (``sample_data/pages.yaml``) describes pages on Facebook, Instagram, X and Telegram
along a timeline: comments appear, are edited, deleted or hidden at given times, and profiles
change. The adapter shows the platform *as it was at the clock's time*, with raw payloads in each
platform's own wire shape, so the rest of the program cannot tell it from a real adapter.
Hides done through page_governor are remembered in a small state file in the data directory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import yaml

from page_governor.clock import Clock, iso, parse_time
from page_governor.errors import NotFoundOnPlatform, PlatformError, UnsupportedOperation
from page_governor.hashing import sha256_hex
from page_governor.models import (
    Capability,
    Comment,
    CommentRef,
    PageRef,
    Platform,
    Post,
    Profile,
    Provenance,
)
from page_governor.platforms.base import META_PRIVATE_REPLY_WINDOW

CLIENT = "page_governor-sample/1"
READ = Capability.READ_PROFILE | Capability.READ_POSTS | Capability.READ_COMMENTS
CAPABILITIES: dict[Platform, Capability] = {
    Platform.FACEBOOK: READ
    | Capability.HIDE_COMMENT
    | Capability.SEE_DELETIONS
    | Capability.SEE_HIDDEN_STATE
    | Capability.MESSAGE_COMMENTER,
    Platform.INSTAGRAM: READ
    | Capability.HIDE_COMMENT
    | Capability.SEE_DELETIONS
    | Capability.SEE_HIDDEN_STATE
    | Capability.MESSAGE_COMMENTER,
    Platform.X: READ
    | Capability.HIDE_COMMENT
    | Capability.SEE_DELETIONS
    | Capability.MESSAGE_COMMENTER,
    Platform.TELEGRAM: READ,  # bots cannot see deletions or hide anything
}


@dataclass(frozen=True, slots=True)
class SampleDataset:
    timeline: tuple[datetime, ...]
    departments: tuple[dict[str, Any], ...]
    pages: tuple[dict[str, Any], ...]

    def page(self, key: str) -> dict[str, Any]:
        for page in self.pages:
            if page["key"] == key:
                return page
        raise NotFoundOnPlatform(f"no sample page {key!r}", platform="sample", page=key)


def _parse(data: dict[str, Any]) -> SampleDataset:
    _fill_times(data)
    timeline = tuple(parse_time(x) for x in data["timeline"])  # type: ignore[misc]
    return SampleDataset(timeline, tuple(data["departments"]), tuple(data["pages"]))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def load_bundled() -> SampleDataset:
    """The sample pages shipped with the package."""
    text = (
        resources.files("page_governor.platforms")
        .joinpath("sample_data/pages.yaml")
        .read_text(encoding="utf-8")
    )
    return _parse(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def _at(node: dict[str, Any], key: str = "at") -> datetime | None:
    return parse_time(node.get(key))


class SampleAdapter:
    """Serves a :class:`SampleDataset` as it stood at ``clock.now()``."""

    name: ClassVar[str] = "sample"

    def __init__(
        self, dataset: SampleDataset, clock: Clock, *, state_path: Path | None = None
    ) -> None:
        self._data = dataset
        self._clock = clock
        self._state_path = state_path

    # -- state of hides done through page_governor ---------------------------------------

    def _state(self) -> dict[str, Any]:
        if self._state_path is None or not self._state_path.is_file():
            return {}
        try:
            state = json.loads(self._state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def _hides(self) -> dict[str, bool]:
        return dict(self._state().get("hidden") or {})

    def _save_state(self, key: str, name: str, value: Any) -> None:
        if self._state_path is None:
            raise UnsupportedOperation("this sample adapter has no state file", platform="sample")
        state = self._state()
        state.setdefault(key, {})[name] = value
        tmp = self._state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self._state_path)

    def _save_hide(self, comment_id: str, hidden: bool) -> None:
        self._save_state("hidden", comment_id, hidden)

    # -- the adapter interface -----------------------------------------------------------

    def capabilities(self, page: PageRef) -> Capability:
        return CAPABILITIES[page.platform]

    def _prov(self, page: PageRef, endpoint: str) -> Provenance:
        return Provenance(page.platform, f"sample:{endpoint}", self._clock.now(), CLIENT)

    def fetch_profile(self, page: PageRef) -> Profile:
        spec = self._data.page(page.key)
        now = self._clock.now()
        fields: dict[str, Any] = dict(spec.get("profile", {}))
        for change in spec.get("profile_changes", []):
            changed_at = _at(change)
            if changed_at is not None and changed_at <= now:
                fields.update(change["fields"])
        raw = {"id": page.platform_id, "name": spec["name"], **fields}
        text_fields = {k: _field_text(v) for k, v in fields.items() if _field_text(v)}
        return Profile(page, spec["name"], text_fields, raw, self._prov(page, "profile"))

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]:
        spec = self._data.page(page.key)
        now = self._clock.now()
        for post in spec.get("posts", []):
            created = _at(post)
            if created is None or created > now or (since and created < since):
                continue
            deleted = _at(post, "deleted_at")
            if deleted is not None and deleted <= now:
                continue
            text_value = _text_at(post, now)
            raw = _post_payload(page, spec, post, text_value, created)
            yield Post(
                page=page,
                platform_id=str(post["id"]),
                text=text_value,
                created_at=created,
                author_id=page.platform_id,
                author_name=spec["name"],
                permalink=raw.get("permalink_url") or raw.get("url"),
                raw=raw,
                provenance=self._prov(page, "posts"),
            )

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]:
        page = post.page
        spec = self._data.page(page.key)
        now = self._clock.now()
        hides = self._hides()
        node = next((p for p in spec.get("posts", []) if str(p["id"]) == post.platform_id), None)
        if node is None:
            raise NotFoundOnPlatform(
                f"no post {post.platform_id}", platform="sample", page=page.key
            )
        for comment, parent in _walk_comments(node.get("comments", []), None):
            created = _at(comment)
            if created is None or created > now or (since and created < since):
                continue
            deleted = _at(comment, "deleted_at")
            if deleted is not None and deleted <= now:
                continue
            cid = str(comment["id"])
            hidden_at = _at(comment, "hidden_at")
            hidden = hides.get(cid, hidden_at is not None and hidden_at <= now)
            if page.platform is Platform.TELEGRAM:
                hidden = False  # not visible to bots
            text_value = _text_at(comment, now)
            author = comment.get("author", "Anonymous")
            author_id = str(comment.get("author_id") or "u" + sha256_hex(author)[:12])
            if comment.get("by_page"):
                author, author_id = spec["name"], page.platform_id
            raw = _comment_payload(
                page, post, comment, cid, parent, text_value, created, author, author_id, hidden
            )
            yield Comment(
                page=page,
                platform_id=cid,
                post_id=post.platform_id,
                parent_id=parent,
                text=text_value,
                created_at=created,
                author_id=author_id,
                author_name=author,
                permalink=raw.get("permalink_url"),
                raw=raw,
                provenance=self._prov(page, "comments"),
                is_hidden=hidden,
                can_hide=not comment.get("by_page", False),
            )

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        if not self.capabilities(comment.page) & Capability.HIDE_COMMENT:
            raise UnsupportedOperation(
                f"{comment.page.platform.value} does not let bots hide comments; alert only",
                platform=comment.page.platform.value,
                page=comment.page.key,
            )
        self._save_hide(comment.platform_id, hidden)
        if comment.page.platform is Platform.X:
            return {"data": {"hidden": hidden}}
        return {"success": True}

    def message_commenter(
        self, comment: CommentRef, *, author_id: str | None, created_at: datetime | None, text: str
    ) -> dict[str, object]:
        """Kept in the state file (the demo's outbox to commenters), in each platform's
        answer shape."""
        if not self.capabilities(comment.page) & Capability.MESSAGE_COMMENTER:
            raise UnsupportedOperation(
                f"{comment.page.platform.value} offers no private message to a commenter",
                platform=comment.page.platform.value,
                page=comment.page.key,
            )
        meta = comment.page.platform in (Platform.FACEBOOK, Platform.INSTAGRAM)
        closed = created_at is not None and self._clock.now() - created_at >= (
            META_PRIVATE_REPLY_WINDOW
        )
        if meta and closed:
            raise UnsupportedOperation(
                f"{comment.page.platform.value} allows a private reply only within seven "
                f"days of the comment (written {created_at:%Y-%m-%d})",
                platform=comment.page.platform.value,
                page=comment.page.key,
            )
        if comment.platform_id in (self._state().get("messages") or {}):
            raise PlatformError(
                f"the author of {comment.platform_id} was already sent a private message",
                platform=comment.page.platform.value,
                page=comment.page.key,
            )
        message_id = f"sample-message-{comment.platform_id}"
        self._save_state("messages", comment.platform_id, {"to": author_id, "text": text})
        if comment.page.platform is Platform.X:
            return {"data": {"dm_conversation_id": f"{author_id}", "dm_event_id": message_id}}
        return {"recipient_id": author_id, "message_id": message_id}


# -- payload shapes (as each platform sends them) -----------------------------------------


def _field_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    return str(value)


def _text_at(node: dict[str, Any], now: datetime) -> str:
    text_value = str(node.get("text", ""))
    for edit in node.get("edits", []):
        edited_at = _at(edit)
        if edited_at is not None and edited_at <= now:
            text_value = str(edit["text"])
    return text_value


def _walk_comments(
    nodes: list[dict[str, Any]], parent: str | None
) -> Iterator[tuple[dict[str, Any], str | None]]:
    for node in nodes:
        yield node, parent
        yield from _walk_comments(node.get("replies", []), str(node["id"]))


def _fill_times(dataset: dict[str, Any]) -> None:
    """Comments without ``at`` follow their post (or parent) at 9-minute steps."""

    def fill(nodes: list[dict[str, Any]], start: datetime) -> None:
        for i, node in enumerate(nodes, 1):
            if "at" not in node:
                node["at"] = iso(start + timedelta(minutes=9 * i))
            fill(node.get("replies", []), parse_time(node["at"]) or start)

    for page in dataset["pages"]:
        for post in page.get("posts", []):
            fill(post.get("comments", []), parse_time(post["at"]) or datetime.now(UTC))


def _graph_time(dt: datetime | None) -> str | None:
    return dt.strftime("%Y-%m-%dT%H:%M:%S+0000") if dt else None


def _post_payload(
    page: PageRef,
    spec: dict[str, Any],
    post: dict[str, Any],
    text_value: str,
    created: datetime | None,
) -> dict[str, Any]:
    pid = str(post["id"])
    if page.platform is Platform.FACEBOOK:
        return {
            "id": pid,
            "message": text_value,
            "created_time": _graph_time(created),
            "permalink_url": f"https://www.facebook.com/{page.platform_id}/posts/{pid.split('_')[-1]}",
        }
    if page.platform is Platform.INSTAGRAM:
        return {
            "id": pid,
            "caption": text_value,
            "timestamp": _graph_time(created),
            "media_type": "IMAGE",
            "permalink": f"https://www.instagram.com/p/{pid}/",
        }
    if page.platform is Platform.X:
        return {
            "id": pid,
            "text": text_value,
            "created_at": iso(created),
            "author_id": page.platform_id,
            "conversation_id": pid,
            "url": f"https://x.com/{page.handle}/status/{pid}",
        }
    return {
        "message_id": int(pid),
        "date": int(created.timestamp()) if created else None,
        "text": text_value,
        "chat": {
            "id": int(page.platform_id),
            "type": "channel",
            "title": spec["name"],
            "username": page.handle,
        },
    }


def _comment_payload(
    page: PageRef,
    post: Post,
    comment: dict[str, Any],
    cid: str,
    parent: str | None,
    text_value: str,
    created: datetime | None,
    author: str,
    author_id: str,
    hidden: bool,
) -> dict[str, Any]:
    if page.platform is Platform.FACEBOOK:
        raw: dict[str, Any] = {
            "id": cid,
            "message": text_value,
            "created_time": _graph_time(created),
            "from": {"id": author_id, "name": author},
            "is_hidden": hidden,
            "can_hide": not comment.get("by_page", False),
            "permalink_url": f"https://www.facebook.com/{post.platform_id}?comment_id={cid}",
        }
        if parent:
            raw["parent"] = {"id": parent}
        return raw
    if page.platform is Platform.INSTAGRAM:
        raw = {
            "id": cid,
            "text": text_value,
            "timestamp": _graph_time(created),
            "username": author.replace(" ", "_").lower(),
            "from": {"id": author_id, "username": author.replace(" ", "_").lower()},
            "hidden": hidden,
        }
        if parent:
            raw["parent_id"] = parent
        return raw
    if page.platform is Platform.X:
        return {
            "id": cid,
            "text": text_value,
            "created_at": iso(created),
            "author_id": author_id,
            "conversation_id": post.platform_id,
            "in_reply_to_user_id": page.platform_id if not parent else None,
            "referenced_tweets": [{"type": "replied_to", "id": parent or post.platform_id}],
            "username": author.replace(" ", "_"),
        }
    return {
        "message_id": int(cid) if cid.isdigit() else cid,
        "date": int(created.timestamp()) if created else None,
        "text": text_value,
        "from": {
            "id": int(author_id) if author_id.isdigit() else author_id,
            "is_bot": False,
            "first_name": author,
        },
        "reply_to_message": {
            "message_id": int(parent) if parent and parent.isdigit() else int(post.platform_id)
        },
    }
