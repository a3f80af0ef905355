"""Capture of the sample platform: idempotent, complete, with edits, deletions and hides."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from page_governor.capture.ingest import Ingestor
from page_governor.db import schema as t
from page_governor.errors import PlatformUnavailable
from page_governor.platforms.sample import load_bundled
from tests.helpers import count, poll_all, register_sample, versions_of

T1, T2 = load_bundled().timeline


def _sample_totals(at: datetime) -> tuple[int, int]:
    """Posts and comments visible on the sample platform at ``at`` (computed from the data)."""
    from page_governor.clock import parse_time

    posts = comments = 0

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.get("replies", []))

    for page in load_bundled().pages:
        for post in page["posts"]:
            if parse_time(post["at"]) > at:
                continue
            posts += 1
            for c in walk(post.get("comments", [])):
                deleted = parse_time(c.get("deleted_at"))
                if parse_time(c["at"]) <= at and (deleted is None or deleted > at):
                    comments += 1
    return posts, comments


def test_first_poll_captures_every_profile_post_and_comment(app):
    register_sample(app)
    poll_all(app, T1)
    posts, comments = _sample_totals(T1)
    assert count(app, t.archive_items, t.archive_items.c.kind == "profile") == 6
    assert count(app, t.archive_items, t.archive_items.c.kind == "post") == posts
    assert count(app, t.archive_items, t.archive_items.c.kind.in_(["comment", "reply"])) == comments
    assert count(app, t.archive_versions) == count(app, t.archive_items)


def test_polling_again_adds_nothing(app):
    register_sample(app)
    poll_all(app, T1)
    before = (
        count(app, t.archive_items),
        count(app, t.archive_versions),
        count(app, t.flags),
        count(app, t.outbox),
    )
    poll_all(app, T1)
    after = (
        count(app, t.archive_items),
        count(app, t.archive_versions),
        count(app, t.flags),
        count(app, t.outbox),
    )
    assert after == before


def test_an_edit_becomes_a_new_version_and_the_original_is_kept(app):
    pages = register_sample(app)
    poll_all(app, T1)
    poll_all(app, T2)
    versions = versions_of(app, pages["springfield-pd-facebook"]["id"], "1001_7")
    assert [v["state"] for v in versions] == ["live", "edited"]
    assert versions[0]["text"] == "Who the f*ck schedules road work on a weekday"
    assert versions[1]["text"].startswith("Who schedules road work")


def test_a_deleted_comment_becomes_a_tombstone_with_when_it_was_last_seen(app):
    pages = register_sample(app)
    poll_all(app, T1)
    poll_all(app, T2)
    versions = versions_of(app, pages["springfield-pd-facebook"]["id"], "1002_6")
    assert [v["state"] for v in versions] == ["live", "deleted"]
    assert "412 Elm Street" in versions[0]["text"]  # the content survives in the archive
    assert versions[1]["last_seen_at"] == T1
    assert versions[1]["captured_at"] == T2


def test_hiding_on_the_platform_outside_the_tool_is_recorded_and_reported(app):
    pages = register_sample(app)
    poll_all(app, T1)
    poll_all(app, T2)
    versions = versions_of(app, pages["springfield-pd-facebook"]["id"], "1003_8")
    assert [v["state"] for v in versions] == ["live", "hidden"]
    with app.db.connect() as conn:
        kinds = conn.execute(select(t.outbox.c.kind, t.outbox.c.payload)).all()
    external = [p for k, p in kinds if k == "external_moderation"]
    assert len(external) == 1 and external[0]["comment_id"] == "1003_8"


def test_telegram_deletions_are_not_guessed(app):
    """Bots cannot see deletions on Telegram: a vanished message is not a tombstone."""
    pages = register_sample(app)
    poll_all(app, T1)
    poll_all(app, T2)
    versions = versions_of(app, pages["lakeside-pd-telegram"]["id"], "9015")
    assert [v["state"] for v in versions] == ["live"]


def test_new_comments_between_polls_are_captured_and_classified(app):
    pages = register_sample(app)
    poll_all(app, T1)
    flags_before = count(app, t.flags)
    poll_all(app, T2)
    assert versions_of(app, pages["springfield-pd-facebook"]["id"], "1005_9")
    assert count(app, t.flags) > flags_before


def test_an_edit_is_classified_again(app):
    pages = register_sample(app)
    poll_all(app, T1)
    poll_all(app, T2)
    # 9016 was a threat and is edited to something harmless: only the first version is flagged
    versions = versions_of(app, pages["lakeside-pd-telegram"]["id"], "9016")
    with app.db.connect() as conn:
        flagged = set(conn.execute(select(t.flags.c.version_id)).scalars())
    assert versions[0]["id"] in flagged and versions[1]["id"] not in flagged


def test_the_page_s_own_replies_are_archived_but_not_classified(app):
    pages = register_sample(app)
    poll_all(app, T1)
    versions = versions_of(app, pages["springfield-pd-facebook"]["id"], "1001_3")
    assert versions
    with app.db.connect() as conn:
        assert (
            conn.execute(select(t.flags).where(t.flags.c.version_id == versions[0]["id"])).first()
            is None
        )


def test_the_cursor_records_the_last_complete_poll(app):
    pages = register_sample(app)
    poll_all(app, T1)
    with app.db.connect() as conn:
        value = conn.execute(
            select(t.poll_cursors.c.value).where(
                t.poll_cursors.c.page_id == pages["springfield-pd-x"]["id"]
            )
        ).scalar_one()
    assert value == "2026-11-02T12:00:00Z"


class _FailingComments:
    """A sample adapter whose comment listing fails half-way (a platform outage)."""

    name = "failing"

    def __init__(self, inner):
        self.inner = inner

    def capabilities(self, page):
        return self.inner.capabilities(page)

    def fetch_profile(self, page):
        return self.inner.fetch_profile(page)

    def iter_posts(self, page, *, since=None):
        return self.inner.iter_posts(page, since=since)

    def iter_comments(self, post, *, since=None):
        for i, comment in enumerate(self.inner.iter_comments(post, since=since)):
            if i == 3:
                raise PlatformUnavailable("502 from the platform", platform="facebook")
            yield comment

    def hide_comment(self, comment, *, hidden=True):
        return self.inner.hide_comment(comment, hidden=hidden)


def test_a_failed_poll_writes_nothing_and_moves_no_cursor(app):
    pages = register_sample(app)
    page = pages["springfield-pd-facebook"]
    app.clock.set(T1)
    ingestor = Ingestor(app.db, app.classifier, app.clock)
    with pytest.raises(PlatformUnavailable):
        ingestor.poll(page, _FailingComments(app.adapter_for(page)))
    assert count(app, t.archive_items) == 0
    assert count(app, t.poll_cursors) == 0
    ingestor.poll(page, app.adapter_for(page))  # the retry captures everything
    assert count(app, t.archive_items) > 0


def test_every_version_carries_provenance_without_tokens(app):
    register_sample(app)
    poll_all(app, T1)
    with app.db.connect() as conn:
        provenances = conn.execute(select(t.archive_versions.c.provenance)).scalars().all()
    assert provenances and all('"platform"' in p and "fetched_at" in p for p in provenances)
    assert not any("token" in p for p in provenances)


def test_capture_times_are_timezone_aware_utc(app):
    register_sample(app)
    poll_all(app, T1)
    with app.db.connect() as conn:
        captured = conn.execute(select(t.archive_versions.c.captured_at)).scalars().first()
    assert captured == T1 and captured.tzinfo is not None
    assert captured.utcoffset() == UTC.utcoffset(None)
