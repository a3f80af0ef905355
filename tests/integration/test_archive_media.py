"""Media files: photos of posts and comments are queued in the capture transaction, downloaded
by the worker's job from the (fake) CDN into the archive, carried by bundles that verify, and
never changed once captured; what cannot be downloaded is retried, then reported with why."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from page_governor.archive import media
from page_governor.archive.bundle_verify import verify_bundle
from page_governor.archive.export import export_bundle
from page_governor.archive.redaction import Redactor
from page_governor.archive.search import Filters
from page_governor.capture.polling import poll_job
from page_governor.db import schema as t
from page_governor.hashing import sha256_hex
from page_governor.worker.jobs import media_job
from tests.fakes.cdn import FakeCDN
from tests.fakes.world import FB_PAGE, NOW, X_USER
from tests.helpers import run_cli

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 20
POST = f"{FB_PAGE}_222"


@pytest.fixture
def cdn():
    server = FakeCDN().start()
    yield server
    server.stop()


def _rows(app) -> list[dict]:
    with app.db.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(select(t.archive_media).order_by(t.archive_media.c.id)).mappings()
        ]


def _photo_post(fake_graph, cdn) -> tuple[str, str]:
    photo = cdn.put("bridge.jpg", JPEG)
    reply_photo = cdn.put("pothole.png", PNG, "image/png")
    fake_graph.add_post(FB_PAGE, POST, "The bridge is closed for repairs.", NOW, photo=photo)
    fake_graph.add_comment(POST, "222_1", "And look at this pothole", NOW, photo=reply_photo)
    return photo, reply_photo


def _captured(live_app, fake_graph, cdn) -> tuple[str, str]:
    """The photo post polled and its files downloaded."""
    photos = _photo_post(fake_graph, cdn)
    assert poll_job(live_app, "spd-fb").ok
    media_job(live_app, owner="worker-a")
    return photos


def test_photos_of_posts_and_comments_are_captured_into_the_archive(live_app, fake_graph, cdn):
    photo, reply_photo = _photo_post(fake_graph, cdn)
    assert poll_job(live_app, "spd-fb").ok
    queued = _rows(live_app)
    # the post shows its photo twice (attachment and full_picture): one reference
    assert sorted(r["url"] for r in queued) == sorted([photo, reply_photo])
    assert {r["status"] for r in queued} == {media.PENDING}

    run = media_job(live_app, owner="worker-a")
    assert run.captured == 2 and run.failed == 0
    with live_app.db.connect() as conn:
        blobs = {r.sha256: r for r in conn.execute(select(t.media_blobs))}
    assert set(blobs) == {sha256_hex(JPEG), sha256_hex(PNG)}
    assert bytes(blobs[sha256_hex(JPEG)].data) == JPEG
    assert blobs[sha256_hex(PNG)].content_type == "image/png"
    assert {r["status"] for r in _rows(live_app)} == {media.CAPTURED}

    live_app.clock.advance(timedelta(minutes=5))
    assert poll_job(live_app, "spd-fb").ok  # nothing changed: nothing queued again
    assert len(_rows(live_app)) == 2
    assert media_job(live_app, owner="worker-a").captured == 0


def test_a_bundle_carries_the_captured_files_and_fails_when_one_is_altered(
    live_app, fake_graph, cdn, tmp_path
):
    photo, _ = _captured(live_app, fake_graph, cdn)
    out = tmp_path / "bundle"
    with live_app.db.connect() as conn:
        export_bundle(conn, Filters(page="spd-fb"), out, exported_by="R. Clerk", now=NOW)
    listing = list(csv.DictReader(io.StringIO((out / "media.csv").read_text())))
    row = next(r for r in listing if r["url"] == photo)
    assert row["captured"] == "yes" and row["file"] == f"media/{sha256_hex(JPEG)}.jpg"
    assert (out / row["file"]).read_bytes() == JPEG
    assert verify_bundle(out).ok

    (out / row["file"]).write_bytes(JPEG[:-1] + b"\x00")
    report = verify_bundle(out)
    assert not report.ok and row["file"] in report.problems[0]


def test_a_public_copy_withholds_the_files_but_lists_them(live_app, fake_graph, cdn, tmp_path):
    _captured(live_app, fake_graph, cdn)
    out = tmp_path / "public"
    with live_app.db.connect() as conn:
        export_bundle(
            conn,
            Filters(page="spd-fb"),
            out,
            exported_by="R. Clerk",
            now=NOW,
            redactor=Redactor.from_config(live_app.settings.config_dir, []),
        )
    assert not (out / "media").exists()
    states = {r["captured"] for r in csv.DictReader(io.StringIO((out / "media.csv").read_text()))}
    assert states == {"withheld from the public copy"}
    assert verify_bundle(out).ok


def test_a_file_that_cannot_be_downloaded_is_retried_then_reported_with_why(
    live_app, fake_graph, cdn, tmp_path
):
    gone = f"{cdn.url}/media/expired.jpg?oh=00_old&oe=1"
    fake_graph.add_post(FB_PAGE, POST, "Photo from last year", NOW, photo=gone)
    assert poll_job(live_app, "spd-fb").ok
    for attempt in range(1, media.MAX_ATTEMPTS + 1):
        run = media_job(live_app, owner="worker-a")
        assert run.captured == 0
        (row,) = _rows(live_app)
        assert row["attempts"] == attempt and row["last_error"] == "HTTP 404"
        assert media_job(live_app, owner="worker-a").retried == 0  # waits for its back-off
        live_app.clock.set(row["next_attempt_at"])
    assert row["status"] == media.FAILED
    with live_app.db.connect() as conn:
        assert conn.execute(select(t.media_blobs)).first() is None
        out = tmp_path / "bundle"
        export_bundle(conn, Filters(page="spd-fb"), out, exported_by="R. Clerk", now=NOW)
    listing = list(csv.DictReader(io.StringIO((out / "media.csv").read_text())))
    assert [r["captured"] for r in listing if r["url"] == gone] == ["no: HTTP 404"]


@pytest.mark.parametrize(
    ("content_type", "size", "limit", "why"),
    [
        ("text/html", 100, 10_000, "not a media file (text/html)"),
        ("image/jpeg", 5_000, 1_000, "larger than the limit of 1,000 bytes"),
    ],
)
def test_an_error_page_or_an_oversized_file_is_refused(cdn, content_type, size, limit, why):
    url = cdn.put("thing", b"x" * size, content_type)
    with pytest.raises(media.MediaRefused, match=why.replace("(", r"\(").replace(")", r"\)")):
        media.Fetcher(timeout=2, max_bytes=limit, hosts=["127.0.0.1"]).fetch(url)


def test_nothing_is_queued_when_media_capture_is_off(live_app, fake_graph, cdn):
    _photo_post(fake_graph, cdn)
    live_app.settings = live_app.settings.model_copy(update={"capture_media": False})
    assert poll_job(live_app, "spd-fb").ok
    assert _rows(live_app) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE archive_media SET url = 'https://elsewhere.example/x.jpg'",
        "UPDATE archive_media SET status = 'pending'",
        "DELETE FROM archive_media",
        "UPDATE media_blobs SET content_type = 'text/plain'",
        "DELETE FROM media_blobs",
        # a reference marked disposed without an approved list
        "UPDATE archive_media SET disposed_at = found_at, disposition_id = 999",
        # a file emptied while an item still shows it
        "UPDATE media_blobs SET data = :empty, disposed_at = captured_at",
    ],
)
def test_captured_media_change_only_by_an_approved_disposition(
    live_app, fake_graph, cdn, statement
):
    _captured(live_app, fake_graph, cdn)
    with pytest.raises(DBAPIError, match="append-only"), live_app.db.engine.begin() as conn:
        conn.execute(text(statement), {"empty": b""} if ":empty" in statement else {})


def test_the_admin_sees_and_fetches_media_from_the_command_line(live_app, fake_graph, cdn, cli_env):
    cli_env = {**cli_env, "PAGE_GOVERNOR_MEDIA_HOSTS": "127.0.0.1"}  # the fake CDN
    _photo_post(fake_graph, cdn)
    assert poll_job(live_app, "spd-fb").ok
    item_id = _rows(live_app)[0]["item_id"]
    pending = run_cli("archive", "show", str(item_id), env=cli_env)
    assert pending.returncode == 0 and "media: download pending" in pending.stdout
    fetched = run_cli("archive", "media", "--fetch", env=cli_env)
    assert fetched.returncode == 0, fetched.stderr
    assert "downloaded 2" in fetched.stdout
    assert "media: 2 captured, 0 pending, 0 failed, 0 disposed" in fetched.stdout
    shown = run_cli("archive", "show", str(item_id), env=cli_env)
    assert "media: captured (image/jpeg" in shown.stdout
    retried = run_cli("archive", "media", "--retry-failed", "--by", "A. Admin", env=cli_env)
    assert retried.returncode == 0 and "0 failed downloads will be tried again" in retried.stdout
    with live_app.db.connect() as conn:
        actors = conn.execute(
            select(t.audit_log.c.actor).where(t.audit_log.c.action == "archive.media_retry")
        ).scalars()
        assert list(actors) == ["A. Admin"]


def test_the_warc_copy_holds_the_media_files_that_warcio_reads_back(
    live_app, fake_graph, cdn, tmp_path
):
    from warcio.archiveiterator import ArchiveIterator

    from page_governor.archive.export_warc import write_warc

    photo, reply_photo = _captured(live_app, fake_graph, cdn)
    out = tmp_path / "request.warc.gz"
    with live_app.db.connect() as conn:
        write_warc(conn, Filters(page="spd-fb"), out, exported_by="R. Clerk", now=NOW)
    found = {}
    with out.open("rb") as fh:
        for record in ArchiveIterator(fh):
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if uri in (photo, reply_photo):
                found[uri] = record.content_stream().read()
    assert found == {photo: JPEG, reply_photo: PNG}
    warcio = shutil.which("warcio") or str(Path(sys.executable).parent / "warcio")
    checked = subprocess.run(
        [warcio, "check", "-v", str(out)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "fail" not in checked.stdout


def test_x_photos_come_through_the_media_expansion_and_are_captured(live_app, fake_x, cdn):
    photo = cdn.put("crash.jpg", JPEG)
    fake_x.add_tweet("1850000000000000300", X_USER, "Crash on Route 9, avoid", NOW, photo=photo)
    assert poll_job(live_app, "spd-x").ok
    (row,) = _rows(live_app)
    assert row["url"] == photo
    assert media_job(live_app, owner="worker-a").captured == 1
    with live_app.db.connect() as conn:
        raw = conn.execute(
            select(t.archive_versions.c.raw).where(t.archive_versions.c.id == row["version_id"])
        ).scalar_one()
    assert '"media_key":"3_1850000000000000300"' in raw  # the archived payload shows it too


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        pytest.param(
            {
                "full_picture": "https://cdn.example/a.jpg",
                "attachments": {
                    "data": [
                        {
                            "url": "https://www.facebook.com/photo/?fbid=1",
                            "media": {"image": {"src": "https://cdn.example/a.jpg"}},
                        }
                    ]
                },
            },
            ["https://cdn.example/a.jpg"],
            id="facebook post: attachment and picture, once",
        ),
        pytest.param(
            {"attachment": {"media": {"image": {"src": "https://cdn.example/b.png"}}}},
            ["https://cdn.example/b.png"],
            id="facebook comment",
        ),
        pytest.param(
            {
                "attachments": {
                    "data": [
                        {
                            "media_type": "video",
                            "media": {
                                "image": {"src": "https://cdn.example/poster.jpg"},
                                "source": "https://video.cdn.example/clip.mp4",
                            },
                        }
                    ]
                }
            },
            ["https://cdn.example/poster.jpg", "https://video.cdn.example/clip.mp4"],
            id="facebook video: poster and the video itself",
        ),
        pytest.param(
            {
                "media_type": "CAROUSEL_ALBUM",
                "media_url": "https://cdn.example/1.jpg",
                "children": {
                    "data": [
                        {"media_type": "IMAGE", "media_url": "https://cdn.example/1.jpg"},
                        {"media_type": "IMAGE", "media_url": "https://cdn.example/2.jpg"},
                    ]
                },
            },
            ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"],
            id="instagram carousel: every photo once",
        ),
        pytest.param(
            {
                "media_url": "https://cdn.example/v.mp4",
                "thumbnail_url": "https://cdn.example/t.jpg",
            },
            ["https://cdn.example/v.mp4", "https://cdn.example/t.jpg"],
            id="instagram video",
        ),
        pytest.param(
            {
                "entities": {
                    "urls": [{"url": "https://t.co/x", "expanded_url": "https://a.example"}]
                },
                "includes": {
                    "media": [
                        {"media_key": "3_1", "type": "photo", "url": "https://pbs.example/1.jpg"},
                        {"media_key": "7_2", "preview_image_url": "https://pbs.example/2.jpg"},
                    ]
                },
            },
            ["https://pbs.example/1.jpg", "https://pbs.example/2.jpg"],
            id="x: media objects, not links",
        ),
        pytest.param(
            {"picture": "javascript:alert(1)", "src": "file:///etc/passwd", "id": "1"},
            [],
            id="only http(s)",
        ),
        pytest.param(
            {
                "message_id": 9,
                "chat": {"id": -100},
                "photo": [{"file_id": "small", "width": 90}, {"file_id": "large", "width": 1280}],
                "video": {"file_id": "clip", "thumbnail": {"file_id": "thumb"}},
            },
            ["telegram-file:large", "telegram-file:clip"],
            id="telegram: the largest photo size and the video, not thumbnails",
        ),
        pytest.param(
            {"message_id": 10, "chat": {"id": -100}, "text": "no files here"},
            [],
            id="telegram: a text message",
        ),
    ],
)
def test_media_urls_are_read_from_each_platforms_payload(payload, expected):
    assert media.media_urls(payload) == expected


def test_the_same_photo_shown_twice_is_stored_once(live_app, fake_graph, cdn, tmp_path):
    first = cdn.put("share-1.jpg", JPEG)
    second = cdn.put("share-2.jpg", JPEG)  # the same picture under another signed link
    fake_graph.add_post(FB_PAGE, POST, "Have you seen this dog?", NOW, photo=first)
    fake_graph.add_comment(POST, "222_2", "Same dog on Elm St", NOW, photo=second)
    assert poll_job(live_app, "spd-fb").ok
    assert media_job(live_app, owner="worker-a").captured == 2
    with live_app.db.connect() as conn:
        assert conn.execute(select(t.media_blobs.c.sha256)).scalars().all() == [sha256_hex(JPEG)]
        out = tmp_path / "bundle"
        export_bundle(conn, Filters(page="spd-fb"), out, exported_by="R. Clerk", now=NOW)
    listing = list(csv.DictReader(io.StringIO((out / "media.csv").read_text())))
    files = {r["url"]: r["file"] for r in listing}
    assert files[first] == files[second] == f"media/{sha256_hex(JPEG)}.jpg"
    assert [p.name for p in (out / "media").iterdir()] == [f"{sha256_hex(JPEG)}.jpg"]


def test_disposition_takes_a_comments_photos_but_keeps_a_photo_a_live_post_still_shows(
    live_app, fake_graph, cdn, tmp_path
):
    from page_governor.archive import retention
    from page_governor.archive.integrity import verify_chains

    photo = cdn.put("bridge.jpg", JPEG)
    fake_graph.add_post(FB_PAGE, POST, "The bridge is closed for repairs.", NOW, photo=photo)
    fake_graph.add_comment(POST, "222_1", "Pothole here", NOW, photo=cdn.put("hole.png", PNG))
    fake_graph.add_comment(POST, "222_2", "Same bridge", NOW, photo=cdn.put("copy.jpg", JPEG))
    assert poll_job(live_app, "spd-fb").ok
    assert media_job(live_app, owner="worker-a").captured == 3

    schedule = retention.load_schedule(live_app.settings.config_dir)
    later = NOW + timedelta(days=365 * 3 + 30)
    with live_app.db.begin() as conn:
        list_id = retention.propose(conn, schedule["comments"], by="retention-sweep", now=later)
    with live_app.db.begin() as conn:
        retention.approve(conn, list_id, by="R. Clerk", now=later)

    with live_app.db.connect() as conn:
        blobs = {r.sha256: r for r in conn.execute(select(t.media_blobs))}
        audit = conn.execute(
            select(t.audit_log.c.details).where(t.audit_log.c.action == "retention.approve")
        ).scalar_one()
        assert all(r.ok for r in verify_chains(conn))
    disposed = {r["url"]: r for r in _rows(live_app) if r["disposed_at"] is not None}
    assert photo not in disposed and len(disposed) == 2  # both comments' references
    assert {r["disposition_id"] for r in disposed.values()} == {list_id}
    assert bytes(blobs[sha256_hex(PNG)].data) == b"" and blobs[sha256_hex(PNG)].disposed_at
    assert bytes(blobs[sha256_hex(JPEG)].data) == JPEG  # the post still shows it
    assert '"media_files_disposed":1' in audit and '"media_references_disposed":2' in audit

    out = tmp_path / "bundle"
    with live_app.db.connect() as conn:
        export_bundle(conn, Filters(page="spd-fb"), out, exported_by="R. Clerk", now=later)
    listing = list(csv.DictReader(io.StringIO((out / "media.csv").read_text())))
    states = {r["url"]: r["captured"] for r in listing}
    assert states[photo] == "yes"
    assert [states[u] for u in disposed] == [f"disposed under retention list {list_id}"] * 2
    assert [p.name for p in (out / "media").iterdir()] == [f"{sha256_hex(JPEG)}.jpg"]
    assert verify_bundle(out).ok


def test_a_download_that_lands_after_its_disposal_stores_nothing(live_app, fake_graph, cdn):
    from page_governor.archive import retention

    fake_graph.add_post(FB_PAGE, POST, "Road work on Elm St", NOW)
    fake_graph.add_comment(POST, "222_1", "Pothole here", NOW, photo=cdn.put("hole.png", PNG))
    assert poll_job(live_app, "spd-fb").ok
    later = NOW + timedelta(days=365 * 3 + 30)
    schedule = retention.load_schedule(live_app.settings.config_dir)
    with live_app.db.begin() as conn:
        list_id = retention.propose(conn, schedule["comments"], by="retention-sweep", now=later)

    class DisposedMeanwhile(media.Fetcher):
        def fetch(self, url):
            fetched = super().fetch(url)
            with live_app.db.begin() as conn:  # the clerk approves while the file downloads
                retention.approve(conn, list_id, by="R. Clerk", now=later)
            return fetched

    run = media.fetch_pending(
        live_app.db, DisposedMeanwhile(timeout=2, max_bytes=10**6, hosts=["127.0.0.1"]), now=later
    )
    assert run.captured == 0
    with live_app.db.connect() as conn:
        assert conn.execute(select(t.media_blobs)).first() is None
    (row,) = _rows(live_app)
    assert row["status"] == media.PENDING and row["disposition_id"] == list_id


def test_only_the_platforms_media_hosts_are_contacted_even_through_a_redirect(cdn):
    fetcher = media.Fetcher(timeout=2, max_bytes=10**6, hosts=["fbcdn.net"])
    with pytest.raises(media.MediaRefused, match=r"127\.0\.0\.1 is not a media host"):
        fetcher.fetch(cdn.put("internal.jpg", JPEG))
    assert cdn.calls() == []  # nothing was asked of a host that is not listed

    local = media.Fetcher(timeout=2, max_bytes=10**6, hosts=["127.0.0.1"])
    moved = cdn.redirect("moved.jpg", f"{cdn.url}/media/photo.jpg")
    cdn.put("photo.jpg", JPEG)
    assert local.fetch(moved).data == JPEG  # a redirect within the media hosts is followed
    away = cdn.redirect("away.jpg", "http://169.254.169.254/latest/meta-data/")
    with pytest.raises(media.MediaRefused, match=r"169\.254\.169\.254 is not a media host"):
        local.fetch(away)
    loop = cdn.redirect("loop.jpg", f"{cdn.url}/media/loop.jpg")
    with pytest.raises(media.MediaRefused, match="more than 5 redirects"):
        local.fetch(loop)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://scontent.xx.fbcdn.net/v/t39/1.jpg?oh=1", True),
        ("https://pbs.twimg.com/media/x.jpg", True),
        ("https://fbcdn.net.evil.example/1.jpg", False),
        ("https://evilfbcdn.net/1.jpg", False),
        ("ftp://scontent.fbcdn.net/1.jpg", False),
        ("http://[::1]/x", False),
    ],
)
def test_media_hosts_match_whole_names_and_subdomains_only(url, allowed):
    assert media.host_allowed(url, ["fbcdn.net", "twimg.com"]) is allowed


def test_media_hosts_can_be_set_from_the_environment():
    from page_governor.config import load_settings

    settings = load_settings({}, {"PAGE_GOVERNOR_MEDIA_HOSTS": "fbcdn.net, media.example.gov"})
    assert settings.media_hosts == ["fbcdn.net", "media.example.gov"]


def test_telegram_comment_photos_and_videos_are_captured_through_the_bot_api(
    live_app, fake_telegram, tmp_path
):
    """Issue 20, item 5: a comment's photo (largest size only) and video are fetched with
    getFile and kept like Facebook's; the reference holds the file id, never the download URL
    (which carries the bot token); bundles and WARC carry the files."""
    from warcio.archiveiterator import ArchiveIterator

    from page_governor.archive.export_warc import write_warc
    from tests.fakes.world import GROUP

    video = fake_telegram.add_file(PNG, "videos/file_9.mp4")
    fake_telegram.comment(
        GROUP, 9003, 9000, "look at this", NOW, media={"photo": fake_telegram.photo_sizes(JPEG)}
    )
    fake_telegram.comment(
        GROUP,
        9004,
        9000,
        "",
        NOW,
        media={
            "video": {**video, "mime_type": "video/mp4", "width": 640, "height": 360, "duration": 4}
        },
    )
    assert poll_job(live_app, "spd-tg").ok
    queued = _rows(live_app)
    assert len(queued) == 2 and all(r["url"].startswith(media.TELEGRAM_FILE) for r in queued)
    assert not any(fake_telegram.token in r["url"] for r in queued)
    run = media_job(live_app, owner="worker-a")
    assert (run.captured, run.failed) == (2, 0) and fake_telegram.file_downloads == 2
    with live_app.db.connect() as conn:
        kinds = {r.sha256: r.content_type for r in conn.execute(select(t.media_blobs))}
    assert kinds == {sha256_hex(JPEG): "image/jpeg", sha256_hex(PNG): "video/mp4"}

    out = tmp_path / "bundle"
    with live_app.db.connect() as conn:
        export_bundle(conn, Filters(page="spd-tg"), out, exported_by="R. Clerk", now=NOW)
    listing = list(csv.DictReader(io.StringIO((out / "media.csv").read_text())))
    assert {r["captured"] for r in listing} == {"yes"}
    assert (out / f"media/{sha256_hex(JPEG)}.jpg").read_bytes() == JPEG
    assert verify_bundle(out).ok
    warc = tmp_path / "tg.warc.gz"
    with live_app.db.connect() as conn:
        write_warc(conn, Filters(page="spd-tg"), warc, exported_by="R. Clerk", now=NOW)
    with warc.open("rb") as fh:
        bodies = [
            r.content_stream().read()
            for r in ArchiveIterator(fh)
            if (r.rec_headers.get_header("WARC-Target-URI") or "").startswith(media.TELEGRAM_FILE)
        ]
    assert sorted(bodies) == sorted([JPEG, PNG])


def test_a_telegram_file_over_the_limit_is_reported_not_downloaded(live_app, fake_telegram):
    from tests.fakes.world import GROUP

    live_app.settings = live_app.settings.model_copy(update={"media_max_bytes": 5_000})
    fake_telegram.comment(
        GROUP, 9005, 9000, "big", NOW, media={"photo": fake_telegram.photo_sizes(JPEG)}
    )
    assert poll_job(live_app, "spd-tg").ok
    live_app.clock.advance(timedelta(days=3))
    for _ in range(media.MAX_ATTEMPTS):
        media_job(live_app, owner="worker-a")
        live_app.clock.advance(timedelta(days=1))
    row = _rows(live_app)[0]
    assert row["status"] == media.FAILED and "over the limit of 5,000" in row["last_error"]
    assert fake_telegram.file_downloads == 0
