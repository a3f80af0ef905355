"""The worker's jobs as plain functions: leases, the daily digest, token health, and the
admin's view of the outbox."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from page_governor.alerts import outbox
from page_governor.db import leases
from page_governor.db import schema as t
from page_governor.db.leases import once_a_day
from page_governor.governance.registry import page_row
from page_governor.worker.jobs import digest_job, token_health_job
from tests.fakes.world import NOW
from tests.helpers import count, poll_all, register_sample, run_cli

TTL = timedelta(seconds=30)


def test_a_lease_is_held_by_one_owner_until_it_expires(app):
    assert leases.claim(app.db, "poll:1", "a", now=NOW, ttl=TTL)
    assert not leases.claim(app.db, "poll:1", "b", now=NOW + timedelta(seconds=29), ttl=TTL)
    assert leases.claim(app.db, "poll:1", "a", now=NOW + timedelta(seconds=29), ttl=TTL)  # renew
    assert leases.claim(app.db, "poll:1", "b", now=NOW + timedelta(seconds=60), ttl=TTL)


def test_a_released_lease_can_keep_others_off_for_a_while(app):
    assert leases.claim(app.db, "poll:1", "a", now=NOW, ttl=TTL)
    leases.release(app.db, "poll:1", "a", until=NOW + timedelta(seconds=10))
    assert not leases.claim(app.db, "poll:1", "b", now=NOW + timedelta(seconds=5), ttl=TTL)
    assert leases.claim(app.db, "poll:1", "b", now=NOW + timedelta(seconds=11), ttl=TTL)


def test_a_held_lease_is_released_on_leaving_the_block(app):
    with leases.Held(app.db, "job:x", "a", clock=app.clock, ttl=TTL) as held:
        assert held.acquired
        with leases.Held(app.db, "job:x", "b", clock=app.clock, ttl=TTL) as other:
            assert not other.acquired
    assert leases.claim(app.db, "job:x", "b", now=NOW, ttl=TTL)


def test_a_daily_job_runs_once_a_day_whichever_worker_asks_first(app):
    assert once_a_day(app, "digest", "worker-1")
    assert not once_a_day(app, "digest", "worker-2")
    app.clock.advance(timedelta(days=1))
    assert once_a_day(app, "digest", "worker-2")


def test_the_digest_counts_the_days_flags_and_is_queued_once(app):
    register_sample(app)
    poll_all(app, NOW)
    app.clock.set(NOW + timedelta(hours=1))
    first = digest_job(app, owner="w")
    assert first is not None
    assert digest_job(app, owner="w") is None
    with app.db.connect() as conn:
        payload = conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.id == first)
        ).scalar_one()
        flags = conn.execute(select(t.flags.c.categories)).scalars().all()
    assert sum(payload["flags_by_category"].values()) == sum(len(c) for c in flags) > 0
    assert payload["open_items"] == count(app, t.review_items)
    assert {row["page"] for row in payload["compliance"]} <= {p for p in register_sample(app)}


def test_token_health_pauses_a_page_whose_token_expired_and_alerts_the_admin(live_app, fake_graph):
    fake_graph.token = "a-token-nobody-has"
    outcomes = token_health_job(live_app)
    assert "validating access token" in outcomes["spd-fb"]
    assert outcomes["spd-x"] == "ok"
    with live_app.db.connect() as conn:
        page = page_row(conn, "spd-fb")
        state = conn.execute(
            select(t.page_health.c.status).where(t.page_health.c.page_id == page["id"])
        ).scalar_one()
        kinds = conn.execute(select(t.outbox.c.kind)).scalars().all()
    assert state == "paused"
    assert "page_paused" in kinds


def test_failed_alerts_are_listed_and_can_be_queued_again(app, cli_env):
    with app.db.begin() as conn:
        alert = outbox.enqueue(conn, kind="digest", dedupe_key="d1", payload={}, now=NOW)
    claimed = outbox.claim_due(app.db, "w", now=NOW, lease=TTL)
    assert [row["id"] for row in claimed] == [alert]
    outbox.mark_failed(app.db, alert, "w", attempts=1, error="Forbidden: bot was kicked")
    listed = run_cli("alerts", "list", "--status", "failed", env=cli_env)
    assert listed.returncode == 0 and "bot was kicked" in listed.stdout
    retried = run_cli("alerts", "retry", str(alert), env=cli_env)
    assert retried.returncode == 0, retried.stderr
    again = run_cli("alerts", "retry", str(alert), env=cli_env)
    assert again.returncode == 2 and "not a failed alert" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    with app.db.connect() as conn:
        status = conn.execute(select(t.outbox.c.status).where(t.outbox.c.id == alert)).scalar_one()
    assert status == "pending"


def test_an_alert_claimed_by_a_sender_that_died_is_claimed_again_after_its_lease(app):
    with app.db.begin() as conn:
        alert = outbox.enqueue(conn, kind="digest", dedupe_key="d1", payload={}, now=NOW)
    assert outbox.claim_due(app.db, "dead", now=NOW, lease=TTL)
    assert outbox.claim_due(app.db, "alive", now=NOW + timedelta(seconds=10), lease=TTL) == []
    again = outbox.claim_due(app.db, "alive", now=NOW + timedelta(seconds=31), lease=TTL)
    assert [row["id"] for row in again] == [alert]
    # the dead sender's late word no longer counts
    outbox.mark_sent(app.db, alert, "dead", now=NOW, chat_id=1, message_id=1)
    with app.db.connect() as conn:
        row = conn.execute(select(t.outbox).where(t.outbox.c.id == alert)).mappings().one()
    assert row["status"] == "sending" and row["claimed_by"] == "alive"
    assert json.loads(json.dumps(row["payload"])) == {}


def test_an_error_text_carrying_the_bot_token_is_stored_masked(app):
    token = "7000111222:AAHk1Xx-SECRETsecretSECRETsecret_123"
    with app.db.begin() as conn:
        alert = outbox.enqueue(conn, kind="digest", dedupe_key="d2", payload={}, now=NOW)
    outbox.claim_due(app.db, "w", now=NOW, lease=TTL)
    error = f"NetworkError: POST https://api.telegram.org/bot{token}/sendMessage timed out"
    outbox.mark_retry(app.db, alert, "w", attempts=1, error=error, next_at=NOW)
    with app.db.connect() as conn:
        stored = conn.execute(select(t.outbox.c.last_error).where(t.outbox.c.id == alert))
        last_error = stored.scalar_one()
    assert token not in last_error and "sendMessage timed out" in last_error
