"""The platform boundary: what every adapter (real or sample) offers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import ClassVar, Protocol, runtime_checkable

from page_governor.models import Capability, Comment, CommentRef, PageRef, Post, Profile


@runtime_checkable
class PlatformAdapter(Protocol):
    """Read a page's profile, posts and comments; hide a comment (never delete).

    Adapters never sleep or retry: they translate vendor errors into
    :mod:`page_governor.errors` and let the job runner decide.
    """

    name: ClassVar[str]

    def capabilities(self, page: PageRef) -> Capability:
        """What this adapter can do for ``page``."""
        ...

    def fetch_profile(self, page: PageRef) -> Profile: ...

    def iter_posts(self, page: PageRef, *, since: datetime | None = None) -> Iterator[Post]: ...

    def iter_comments(self, post: Post, *, since: datetime | None = None) -> Iterator[Comment]: ...

    def hide_comment(self, comment: CommentRef, *, hidden: bool = True) -> dict[str, object]:
        """Hide (or unhide) a comment. Returns the platform's answer for the record.

        Raises:
            UnsupportedOperation: the platform cannot hide comments.
        """
        ...
