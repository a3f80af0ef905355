"""Coordinated spam: the same text or link from several accounts within the window is flagged,
once per comment, through the real capture path."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from page_governor.capture.ingest import COORDINATED_DETECTOR, PollStats
from page_governor.db import schema as t
from page_governor.governance.registry import page_ref
from page_governor.models import Comment, Provenance
from tests.helpers import register_sample

SCAM = "Amazing opportunity for everyone here, details at shop-deals.example/offer today"


def _capture(app, page, cid, author, text, at):
    app.clock.set(at)
    ref = page_ref(page)
    comment = Comment(
        ref,
        cid,
        "post-x",
        None,
        text,
        at,
        author,
        author.title(),
        None,
        {"id": cid},
        Provenance(ref.platform, "/test", at, "test"),
    )
    with app.db.begin() as conn:
        stats = PollStats(page["key"])
        app.ingestor().capture_comment(conn, page, ref, comment, now=at, stats=stats)
    return stats


def _coordinated_flags(app):
    with app.db.connect() as conn:
        return conn.execute(
            select(t.flags.c.item_id, t.flags.c.advisories).where(
                t.flags.c.detector_version == COORDINATED_DETECTOR
            )
        ).all()


def test_the_same_text_from_three_accounts_within_an_hour_flags_all_three(app):
    pages = list(register_sample(app).values())
    start = app.clock.now()
    _capture(app, pages[0], "s1", "acct1", SCAM, start)
    _capture(app, pages[1], "s2", "acct2", SCAM.upper(), start + timedelta(minutes=10))
    assert _coordinated_flags(app) == []  # two accounts: not yet a campaign
    stats = _capture(app, pages[0], "s3", "acct3", SCAM + "!!", start + timedelta(minutes=20))
    flags = _coordinated_flags(app)
    assert len(flags) == 3 and stats.flags >= 3
    assert "from 3 accounts on 2 pages within 60 minutes" in flags[0].advisories[0]
    with app.db.connect() as conn:
        review = conn.execute(select(t.review_items)).all()
    assert len(review) >= 3  # each one waits for a person; nothing is hidden


def test_one_account_repeating_itself_or_copies_spread_over_hours_are_not_coordinated(app):
    pages = list(register_sample(app).values())
    start = app.clock.now()
    for i in range(3):
        _capture(app, pages[0], f"r{i}", "same-account", SCAM, start + timedelta(minutes=i))
    for i in range(3):
        _capture(
            app, pages[0], f"h{i}", f"acct{i}", SCAM + " again", start + timedelta(hours=2 * i)
        )
    assert _coordinated_flags(app) == []


def test_short_thanks_and_links_to_government_sites_are_never_a_campaign(app):
    pages = list(register_sample(app).values())
    start = app.clock.now()
    for i in range(4):
        _capture(app, pages[0], f"t{i}", f"acct{i}", "Thank you officers!", start)
        _capture(app, pages[0], f"g{i}", f"acct{i}", f"alerts: www.county.gov/alerts #{i}", start)
    assert _coordinated_flags(app) == []
