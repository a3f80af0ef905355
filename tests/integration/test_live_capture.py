"""The worker's poll job against the fake Facebook, X and Telegram servers: capture with
nothing missed, edits as versions, deletions as tombstones, outside hides reported, gaps
recorded, one page's failure never stopping another, and no token anywhere it should not be."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from page_governor.app import App
from page_governor.capture.polling import poll_job
from page_governor.db import schema as t
from page_governor.governance.registry import page_row
from page_governor.logging_setup import RedactingFilter
from tests.fakes.fixtures import SENTINEL_FB, SENTINEL_X
from tests.fakes.graph import graph_error
from tests.fakes.world import FB_PAGE, GROUP, NOW
from tests.helpers import count


def versions(app: App, platform_item_id: str) -> list[dict]:
    with app.db.connect() as conn:
        rows = conn.execute(
            select(t.archive_versions)
            .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
            .where(t.archive_items.c.platform_item_id == platform_item_id)
            .order_by(t.archive_versions.c.version_no)
        ).mappings()
        return [dict(r) for r in rows]


def test_poll_job_captures_posts_comments_edits_deletions_and_outside_hides(
    live_app, fake_graph, fake_x
):
    first = poll_job(live_app, "spd-fb")
    assert first.ok and first.stats.posts == 1 and first.stats.comments == 3
    assert poll_job(live_app, "spd-x").ok

    # between polls: a new comment, an edit, a deletion, a hide done on Facebook itself
    post = f"{FB_PAGE}_111"
    fake_graph.add_comment(post, "111_9004", "Is the bridge open?", NOW + timedelta(minutes=3))
    fake_graph.edit_comment("111_9001", "When will it end? Two weeks already.")
    fake_graph.delete_comment("111_9002")
    fake_graph.find_comment("111_9001")["is_hidden"] = True
    fake_x.delete_tweet("1850000000000000102")
    fake_x.add_tweet(
        "1850000000000000104",
        "9001",
        "@SpringfieldPD thanks",
        NOW + timedelta(minutes=4),
        reply_to="1850000000000000100",
        conversation="1850000000000000100",
    )
    live_app.clock.advance(timedelta(minutes=5))

    second = poll_job(live_app, "spd-fb")
    assert second.ok
    assert (second.stats.new_items, second.stats.deletions) == (1, 1)
    edited = versions(live_app, "111_9001")
    assert [v["state"] for v in edited] == ["live", "edited"]
    assert edited[-1]["text"] == "When will it end? Two weeks already."
    deleted = versions(live_app, "111_9002")
    assert deleted[-1]["state"] == "deleted"
    assert deleted[-1]["last_seen_at"] == NOW
    assert deleted[0]["text"] == "Next Friday, they said."  # the record survives the deletion
    x_second = poll_job(live_app, "spd-x")
    assert x_second.ok and x_second.stats.deletions == 1 and x_second.stats.new_items == 1
    assert versions(live_app, "1850000000000000102")[-1]["state"] == "deleted"

    # re-polling without changes adds nothing
    before = count(live_app, t.archive_versions)
    live_app.clock.advance(timedelta(minutes=5))
    assert poll_job(live_app, "spd-fb").stats.new_items == 0
    assert poll_job(live_app, "spd-x").stats.new_items == 0
    assert count(live_app, t.archive_versions) == before


def test_an_edit_and_hide_seen_together_are_reported_as_outside_moderation(live_app, fake_graph):
    assert poll_job(live_app, "spd-fb").ok
    fake_graph.find_comment("111_9001")["is_hidden"] = True
    live_app.clock.advance(timedelta(minutes=5))
    stats = poll_job(live_app, "spd-fb").stats
    assert stats.hidden_changes == 1
    assert count(live_app, t.outbox, t.outbox.c.kind == "external_moderation") == 1


def test_x_replies_beyond_the_search_window_are_not_mistaken_for_deletions(live_app, fake_x):
    assert poll_job(live_app, "spd-x").ok
    fake_x.now = NOW + timedelta(days=8)  # the replies fall out of recent search
    live_app.clock.set(NOW + timedelta(days=8))
    outcome = poll_job(live_app, "spd-x")
    assert outcome.ok and outcome.stats.deletions == 0
    assert count(live_app, t.item_status, t.item_status.c.state == "deleted") == 0


def test_telegram_channel_comments_arrive_through_the_inbox_and_edits_become_versions(
    live_app, fake_telegram
):
    first = poll_job(live_app, "spd-tg")
    assert first.ok and (first.stats.posts, first.stats.comments) == (1, 2)
    fake_telegram.comment(
        GROUP,
        9001,
        9000,
        "Thanks for the heads up!! (edited)",
        NOW + timedelta(minutes=2),
        edited=True,
    )
    live_app.clock.advance(timedelta(minutes=5))
    second = poll_job(live_app, "spd-tg")
    assert second.ok and second.stats.edits == 1
    assert [v["state"] for v in versions(live_app, "9001")] == ["live", "edited"]
    # everything the bot received is kept, and acknowledged only after it was stored
    assert count(live_app, t.telegram_updates) == len(fake_telegram.updates)
    # the newest update is acknowledged by the next getUpdates, after it was stored
    last = fake_telegram.updates[-1]["update_id"]
    assert fake_telegram.acknowledged < last
    live_app.clock.advance(timedelta(minutes=5))
    assert poll_job(live_app, "spd-tg").ok
    assert fake_telegram.acknowledged == last
    assert count(live_app, t.telegram_updates) == len(fake_telegram.updates)


def test_an_expired_token_pauses_that_page_alerts_the_admin_and_opens_a_gap(live_app, fake_graph):
    assert poll_job(live_app, "spd-fb").ok
    live_app.clock.advance(timedelta(minutes=5))
    fake_graph.fail(
        "/v24.0/", 400, graph_error(190, "Session has expired", subcode=463).body, times=100
    )
    failed = poll_job(live_app, "spd-fb")
    assert not failed.ok and "paused" in failed.note
    assert poll_job(live_app, "spd-x").ok  # the other pages go on
    with live_app.db.connect() as conn:
        gap = conn.execute(select(t.capture_gaps)).mappings().one()
        alert = (
            conn.execute(select(t.outbox).where(t.outbox.c.kind == "page_paused")).mappings().one()
        )
    assert gap["reason"] == "auth" and gap["ended_at"] is None and gap["started_at"] == NOW
    assert alert["payload"]["page"] == "spd-fb" and "resume" in alert["payload"]
    assert SENTINEL_FB not in str(alert["payload"])
    # a paused page is not polled again by the scheduler...
    live_app.clock.advance(timedelta(hours=2))
    assert "paused" in poll_job(live_app, "spd-fb").note
    # ...until someone fixes the token and resumes it; the gap then closes
    fake_graph.faults.clear()
    from page_governor.capture import health

    with live_app.db.begin() as conn:
        health.resume(conn, page_row(conn, "spd-fb"), actor="admin", now=live_app.clock.now())
    assert poll_job(live_app, "spd-fb").ok
    with live_app.db.connect() as conn:
        gap = conn.execute(select(t.capture_gaps)).mappings().one()
    assert gap["ended_at"] == live_app.clock.now()


def test_a_rate_limited_page_backs_off_until_the_platform_allows_it(live_app, fake_x):
    import time

    fake_x.fail(
        "/2/users/",
        429,
        {"title": "Too Many Requests", "status": 429},
        headers={"x-rate-limit-reset": str(int(time.time()) + 600)},
    )
    outcome = poll_job(live_app, "spd-x")
    assert not outcome.ok and "rate_limited" in outcome.note
    live_app.clock.advance(timedelta(minutes=5))
    assert "backing off" in poll_job(live_app, "spd-x").note
    assert len(fake_x.calls("/2/users/")) == 1  # no call while backing off
    live_app.clock.advance(timedelta(minutes=7))
    assert poll_job(live_app, "spd-x").ok


def test_tokens_never_reach_logs_or_the_archive(live_app, fake_graph, fake_x):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in ("urllib3", "tweepy", "httpx", "telegram"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        assert poll_job(live_app, "spd-fb").ok
        assert poll_job(live_app, "spd-x").ok
        fake_graph.fail("/v24.0/", 400, graph_error(190, f"bad token {SENTINEL_FB}").body)
        live_app.clock.advance(timedelta(minutes=5))
        poll_job(live_app, "spd-fb")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    logged = stream.getvalue()
    assert "GET" in logged or "polled" in logged  # debug logging really ran
    assert SENTINEL_FB not in logged and SENTINEL_X not in logged
    with live_app.db.connect() as conn:
        rows = conn.execute(select(t.archive_versions.c.raw, t.archive_versions.c.provenance)).all()
        gaps = conn.execute(select(t.capture_gaps.c.detail)).scalars().all()
    stored = " ".join(f"{raw} {prov}" for raw, prov in rows) + " ".join(gaps)
    assert rows and SENTINEL_FB not in stored and SENTINEL_X not in stored


def test_the_telegram_inbox_refuses_update_and_delete(live_app):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    assert poll_job(live_app, "spd-tg").ok
    before = count(live_app, t.telegram_updates)
    for statement in ("UPDATE telegram_updates SET kind = 'x'", "DELETE FROM telegram_updates"):
        with pytest.raises(DBAPIError, match="append-only"), live_app.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert count(live_app, t.telegram_updates) == before
