"""The platform boundary: what every adapter (real or sample) offers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import ClassVar, Protocol, runtime_checkable

from page_governor.models import Capability, Comment, CommentRef, PageRef, Post, Profile

# Meta's private replies (Facebook and Instagram): one per comment, within seven days of it.
META_PRIVATE_REPLY_WINDOW = timedelta(days=7)


@runtime_checkable
class PlatformAdapter(Protocol):
    """Read a page's profile, posts and comments; hide a comment (never delete); send its
    author one private message.

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

    def message_commenter(
        self, comment: CommentRef, *, author_id: str | None, created_at: datetime | None, text: str
    ) -> dict[str, object]:
        """Send the comment's author one private message (the notice after a hide). Returns
        the platform's answer for the record. Never retried: some platforms allow only one.

        Raises:
            UnsupportedOperation: the platform offers no such message, or no longer for this
                comment (Meta: seven days after it was written).
            PlatformUnavailable: no answer; the message may or may not have been delivered.
        """
        ...
