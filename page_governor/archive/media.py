"""Media files (photos, videos) that archived posts and comments show.

A platform payload refers to its media by URL (Facebook ``attachments…image.src`` and
``full_picture``, Instagram ``media_url`` and ``thumbnail_url``). Those URLs are signed CDN
links that expire within days, so a records request months later could not follow them: the
files themselves must be captured.

* In the capture transaction, every URL in a new or changed version's payload is recorded in
  ``archive_media`` as *pending* (:func:`queue`): the reference is never lost, whatever happens
  to the download.
* The worker's media job (:func:`fetch_pending`) downloads what is due, one file at a time and
  outside any transaction: only http(s), a size limit, no HTML error pages. The bytes go into
  ``media_blobs``, content-addressed by SHA-256 (one copy however many items show them), and
  the row becomes *captured*; the database refuses to change or remove either afterwards.
  Failures are retried with back-off and end as *failed* after :data:`MAX_ATTEMPTS`, with the
  reason kept for the records clerk.
* Bundles carry the captured files under ``media/`` (listed in the manifest, so
  ``verify-bundle`` checks them) and list every reference with its state in ``media.csv``.

Files live in the database, not on a local disk, because a hosted worker's disk does not
survive a restart and several workers would each see a different one.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
from sqlalchemy import Connection, bindparam, func, insert, select, update

from page_governor.db import Database, chunked, insert_new
from page_governor.db import schema as t
from page_governor.errors import PageGovernorError
from page_governor.logging_setup import redact

log = logging.getLogger(__name__)

# Facebook (attachments' image src and a video's source, full_picture, picture), Instagram
# (media_url, thumbnail_url, also of a carousel's children), X media objects
# (preview_image_url; their "url" is taken only inside an object that has a media_key, since
# elsewhere "url" is a link to a page).
MEDIA_KEYS = (
    "src",
    "source",
    "media_url",
    "full_picture",
    "thumbnail_url",
    "picture",
    "preview_image_url",
)
MAX_ATTEMPTS = 12  # back-off 1, 2, 4 … 1,024 minutes: tries over about 34 hours
PENDING, CAPTURED, FAILED = "pending", "captured", "failed"
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "audio/mpeg": ".mp3",
}


# A Telegram file has no URL in its message, only a file id; the download URL carries the bot
# token and is made at download time (never stored). The reference kept is this.
TELEGRAM_FILE = "telegram-file:"
# Message fields holding a Telegram file; a photo comes in several sizes (the largest is last).
_TELEGRAM_FILES = ("video", "animation", "document", "audio", "voice", "video_note")


def media_urls(raw: Any) -> list[str]:
    """The media references in a platform payload, in order, each once: http(s) URLs, and
    ``telegram-file:<file_id>`` for the files of a Telegram message (thumbnails left out)."""
    urls: list[str] = []

    def telegram(value: dict[str, Any]) -> None:
        photo = value.get("photo")
        if isinstance(photo, list) and photo and isinstance(photo[-1], dict):
            add_file(photo[-1])
        for key in _TELEGRAM_FILES:
            if isinstance(value.get(key), dict):
                add_file(value[key])

    def add_file(file: dict[str, Any]) -> None:
        file_id = file.get("file_id")
        if isinstance(file_id, str) and file_id and TELEGRAM_FILE + file_id not in urls:
            urls.append(TELEGRAM_FILE + file_id)

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            if "message_id" in value and "chat" in value:  # a Telegram message
                telegram(value)
            for k, v in value.items():
                walk(v, "src" if k == "url" and "media_key" in value else k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif (
            isinstance(value, str)
            and key in MEDIA_KEYS
            and value.startswith(("http://", "https://"))
            and value not in urls
        ):
            urls.append(value)

    walk(raw)
    return urls


def extension(content_type: str | None) -> str:
    """A file name ending for a media type (``.bin`` when unknown)."""
    return _EXTENSIONS.get((content_type or "").split(";")[0].strip().lower(), ".bin")


def queue(
    conn: Connection, found: Iterable[tuple[int, int, dict[str, Any]]], *, now: datetime
) -> int:
    """Record the media URLs of newly stored versions, given as (item id, version id, raw
    payload), for the media job to download. Returns how many were queued."""
    rows = [
        {
            "item_id": item_id,
            "version_id": version_id,
            "url": url,
            "status": PENDING,
            "attempts": 0,
            "found_at": now,
            "next_attempt_at": now,
        }
        for item_id, version_id, raw in found
        for url in media_urls(raw)
    ]
    if rows:
        conn.execute(insert(t.archive_media), rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    content_type: str


class MediaRefused(Exception):
    """The URL did not give a media file (the reason is the message)."""


MAX_REDIRECTS = 5


def host_allowed(url: str, hosts: Iterable[str]) -> bool:
    """Whether ``url`` is http(s) on one of ``hosts`` or a subdomain of one."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in ("http", "https") or not host:
        return False
    return any(host == h or host.endswith("." + h) for h in (h.lower().strip(".") for h in hosts))


class TelegramFiles(Protocol):
    """Downloads a Telegram file by its id (see ``TelegramAdapter.download_file``)."""

    def download_file(self, file_id: str, *, max_bytes: int) -> tuple[bytes, str]: ...


class Fetcher:
    """Downloads one media file over http(s) from the platforms' media hosts, within a size
    limit. Only listed hosts are contacted, on every redirect too: a payload's URL is written
    by whoever posted the link, and must not make the worker read an internal address.
    Telegram files go through the Bot API (``telegram``), which knows where they are."""

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int,
        hosts: Iterable[str],
        session: requests.Session | None = None,
        telegram: TelegramFiles | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.hosts = tuple(hosts)
        self.session = session or requests.Session()
        self.telegram = telegram

    def fetch(self, url: str) -> Fetched:
        """Raises:
        MediaRefused: not http(s) on a media host, an HTTP error, an HTML page, too large,
            too many redirects, or unreachable.
        """
        if url.startswith(TELEGRAM_FILE):
            return self._telegram(url[len(TELEGRAM_FILE) :])
        try:
            for _ in range(MAX_REDIRECTS + 1):
                if not host_allowed(url, self.hosts):
                    raise MediaRefused(
                        f"{urlsplit(url).hostname or url[:40]} is not a media host "
                        "(setting media_hosts)"
                    )
                with self.session.get(
                    url, timeout=self.timeout, stream=True, allow_redirects=False
                ) as response:
                    if response.is_redirect:
                        url = requests.compat.urljoin(url, response.headers["Location"])
                        continue
                    return self._read(response)
            raise MediaRefused(f"more than {MAX_REDIRECTS} redirects")
        except requests.RequestException as exc:
            raise MediaRefused(f"could not be read ({exc.__class__.__name__})") from None

    def _telegram(self, file_id: str) -> Fetched:
        if self.telegram is None:
            raise MediaRefused("a Telegram file, and no bot token is set to download it")
        try:
            data, kind = self.telegram.download_file(file_id, max_bytes=self.max_bytes)
        except PageGovernorError as exc:
            raise MediaRefused(exc.message) from None
        if len(data) > self.max_bytes:
            raise MediaRefused(f"larger than the limit of {self.max_bytes:,} bytes")
        return Fetched(data, kind)

    def _read(self, response: requests.Response) -> Fetched:
        if response.status_code != 200:
            raise MediaRefused(f"HTTP {response.status_code}")
        kind = response.headers.get("Content-Type", "application/octet-stream")
        kind = kind.split(";")[0].strip().lower()
        if kind in ("text/html", "application/json"):
            raise MediaRefused(f"not a media file ({kind})")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise MediaRefused(f"larger than the limit of {self.max_bytes:,} bytes")
        data = bytearray()
        for block in response.iter_content(1 << 16):
            data.extend(block)
            if len(data) > self.max_bytes:
                raise MediaRefused(f"larger than the limit of {self.max_bytes:,} bytes")
        return Fetched(bytes(data), kind)


@dataclass(slots=True)
class MediaRun:
    captured: int = 0
    retried: int = 0
    failed: int = 0


def _retry_delay(attempts: int) -> timedelta:
    """Back-off after the ``attempts``-th failure: 1, 2, 4 … minutes, at most a day."""
    return min(timedelta(minutes=2 ** (attempts - 1)), timedelta(days=1))


# a download only lands on a reference still waiting for it (not captured meanwhile by another
# process, not disposed of under retention)
_STILL_PENDING = (t.archive_media.c.status == PENDING) & t.archive_media.c.disposed_at.is_(None)


def _due(conn: Connection, now: datetime, limit: int) -> list[dict[str, Any]]:
    media = t.archive_media
    return [
        dict(r)
        for r in conn.execute(
            select(media.c.id, media.c.url, media.c.attempts)
            .where(_STILL_PENDING, media.c.next_attempt_at <= now)
            .order_by(media.c.next_attempt_at, media.c.id)
            .limit(limit)
        ).mappings()
    ]


def fetch_pending(
    db: Database,
    fetcher: Fetcher,
    *,
    now: datetime,
    limit: int = 200,
    on_total: Callable[[int], None] | None = None,
    progress: Callable[[], None] | None = None,
) -> MediaRun:
    """Download the media that are due (at most ``limit``), storing each as it comes;
    ``on_total`` hears how many are due, ``progress`` is called as each one starts."""
    run = MediaRun()
    with db.connect() as conn:
        due = _due(conn, now, limit)
    if on_total is not None:
        on_total(len(due))
    for row in due:
        if progress is not None:
            progress()
        try:
            fetched = fetcher.fetch(row["url"])
        except MediaRefused as exc:
            attempts = row["attempts"] + 1
            final = attempts >= MAX_ATTEMPTS
            with db.begin() as conn:
                conn.execute(
                    update(t.archive_media)
                    .where(t.archive_media.c.id == row["id"], _STILL_PENDING)
                    .values(
                        attempts=attempts,
                        last_error=redact(str(exc)),
                        status=FAILED if final else PENDING,
                        next_attempt_at=now + _retry_delay(attempts),
                    )
                )
            if final:
                run.failed += 1
                log.warning("media %s not captured after %d tries: %s", row["id"], attempts, exc)
            else:
                run.retried += 1
            continue
        digest = hashlib.sha256(fetched.data).hexdigest()
        with db.connect() as conn, conn.begin() as transaction:
            _store_blob(conn, digest, fetched, now)
            landed = conn.execute(
                update(t.archive_media)
                .where(t.archive_media.c.id == row["id"], _STILL_PENDING)
                .values(
                    status=CAPTURED,
                    sha256=digest,
                    attempts=row["attempts"] + 1,
                    fetched_at=now,
                    last_error=None,
                )
            ).rowcount
            if not landed:  # captured by another process, or disposed of, meanwhile
                transaction.rollback()
                continue
        run.captured += 1
    return run


def _store_blob(conn: Connection, digest: str, fetched: Fetched, now: datetime) -> None:
    """Store a file once: the same bytes shown by another item (or downloaded at the same
    moment by another process) are already there, and stay as first stored."""
    insert_new(
        conn,
        t.media_blobs,
        {
            "sha256": digest,
            "size": len(fetched.data),
            "content_type": fetched.content_type,
            "data": fetched.data,
            "captured_at": now,
        },
    )


def state_text(row: dict[str, Any]) -> str:
    """What became of a media reference, in words (``archive show``, the console)."""
    if row["disposed_at"] is not None:
        return f"disposed under retention list {row['disposition_id']}"
    if row["status"] == CAPTURED:
        return "captured"
    if row["status"] == PENDING:
        return "download pending"
    return f"not captured: {row['last_error']}"


def retry_failed(conn: Connection, *, now: datetime) -> int:
    """Give every failed download another round of tries (an admin's decision, after fixing
    what stopped them). Returns how many."""
    return conn.execute(
        update(t.archive_media)
        .where(t.archive_media.c.status == FAILED, t.archive_media.c.disposed_at.is_(None))
        .values(status=PENDING, attempts=0, next_attempt_at=now)
    ).rowcount


def counts(conn: Connection) -> dict[str, int]:
    """How many media references are pending, captured, failed, and disposed of."""
    media = t.archive_media
    found = dict(
        conn.execute(
            select(media.c.status, func.count())
            .where(media.c.disposed_at.is_(None))
            .group_by(media.c.status)
        ).all()
    )
    out = {status: int(found.get(status, 0)) for status in (PENDING, CAPTURED, FAILED)}
    out["disposed"] = conn.execute(
        select(func.count()).select_from(media).where(media.c.disposed_at.is_not(None))
    ).scalar_one()
    return out


def of_items(conn: Connection, item_ids: list[int]) -> list[dict[str, Any]]:
    """The media references of these items, with their state (for exports)."""
    media = t.archive_media
    out: list[dict[str, Any]] = []
    for chunk in chunked(item_ids):
        out.extend(
            dict(r)
            for r in conn.execute(
                select(
                    media.c.item_id,
                    media.c.version_id,
                    media.c.url,
                    media.c.status,
                    media.c.sha256,
                    media.c.last_error,
                    media.c.fetched_at,
                    media.c.disposition_id,
                    media.c.disposed_at,
                    t.media_blobs.c.content_type,
                    t.media_blobs.c.size,
                )
                .outerjoin(t.media_blobs, t.media_blobs.c.sha256 == media.c.sha256)
                .where(media.c.item_id.in_(chunk))
            ).mappings()
        )
    return sorted(out, key=lambda r: (r["item_id"], r["version_id"], r["url"]))


def blobs(conn: Connection, digests: Iterable[str]) -> Iterator[tuple[str, str, bytes]]:
    """(sha256, content type, bytes) of stored files, read one at a time (a file may be as
    large as ``media_max_bytes``)."""
    query = select(t.media_blobs.c.content_type, t.media_blobs.c.data).where(
        t.media_blobs.c.sha256 == bindparam("digest")
    )
    for digest in sorted(set(digests)):
        row = conn.execute(query, {"digest": digest}).one()
        yield digest, row.content_type, bytes(row.data)


def failed(conn: Connection, limit: int = 50) -> list[dict[str, Any]]:
    """The references that could not be captured, newest first."""
    media = t.archive_media
    return [
        dict(r)
        for r in conn.execute(
            select(media.c.id, media.c.item_id, media.c.url, media.c.attempts, media.c.last_error)
            .where(media.c.status == FAILED, media.c.disposed_at.is_(None))
            .order_by(media.c.id.desc())
            .limit(limit)
        ).mappings()
    ]
