"""Meta webhooks: the handshake, signatures over the raw body, and capture through the API so
that a comment deleted minutes after it was posted is archived anyway."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from page_governor.capture.webhooks import process_pending, store_event
from page_governor.db import schema as t
from page_governor.web.app import create_app
from tests.fakes.fixtures import WEBHOOK_APP_SECRET, WEBHOOK_VERIFY_TOKEN
from tests.fakes.world import FB_PAGE, IG_USER, NOW
from tests.helpers import count


@pytest.fixture
def client(live_app):
    with TestClient(create_app(live_app)) as test_client:
        yield test_client


def signed(body: bytes, secret: str = WEBHOOK_APP_SECRET) -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


def feed_event(verb: str, comment_id: str, message: str | None = None) -> bytes:
    value = {
        "item": "comment",
        "verb": verb,
        "comment_id": comment_id,
        "post_id": f"{FB_PAGE}_111",
        "parent_id": f"{FB_PAGE}_111",
        "from": {"id": "5550009", "name": "Late Commenter"},
        "created_time": int(NOW.timestamp()),
    }
    if message is not None:
        value["message"] = message
    payload = {
        "object": "page",
        "entry": [
            {
                "id": FB_PAGE,
                "time": int(NOW.timestamp()),
                "changes": [{"field": "feed", "value": value}],
            }
        ],
    }
    return json.dumps(payload).encode()


def versions(app, platform_item_id):
    with app.db.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(
                select(t.archive_versions)
                .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
                .where(t.archive_items.c.platform_item_id == platform_item_id)
                .order_by(t.archive_versions.c.version_no)
            ).mappings()
        ]


def test_the_subscription_handshake_echoes_the_challenge_only_for_our_verify_token(client):
    ok = client.get(
        "/webhooks/meta",
        params={
            "hub.mode": "subscribe",
            "hub.challenge": "1158201444",
            "hub.verify_token": WEBHOOK_VERIFY_TOKEN,
        },
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    refused = client.get(
        "/webhooks/meta",
        params={"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "guess"},
    )
    assert refused.status_code == 403


def test_a_bad_or_missing_signature_is_refused_logged_and_stores_nothing(client, live_app, caplog):
    body = feed_event("add", "111_9100", "hello")
    with caplog.at_level(logging.WARNING):
        wrong = client.post("/webhooks/meta", content=body, headers=signed(body, "not-the-secret"))
        missing = client.post(
            "/webhooks/meta", content=body, headers={"Content-Type": "application/json"}
        )
        tampered = client.post("/webhooks/meta", content=body + b" ", headers=signed(body))
    assert [wrong.status_code, missing.status_code, tampered.status_code] == [403, 403, 403]
    assert "bad X-Hub-Signature-256" in caplog.text
    assert count(live_app, t.webhook_events) == 0


def test_a_new_comment_event_is_captured_through_the_api_and_classified(
    client, live_app, fake_graph
):
    fake_graph.add_comment(
        f"{FB_PAGE}_111",
        "111_9100",
        "you are a worthless piece of garbage, Bob Neighbor",
        NOW,
        author=("5550009", "Late Commenter"),
        parent="111_9002",
    )
    body = feed_event("add", "111_9100", "you are a worthless piece of garbage, Bob Neighbor")
    response = client.post("/webhooks/meta", content=body, headers=signed(body))
    assert response.status_code == 200
    captured = versions(live_app, "111_9100")
    assert len(captured) == 1 and captured[0]["state"] == "live"
    assert json.loads(captured[0]["provenance"])["endpoint"].startswith("graph:")
    assert fake_graph.calls("/111_9100")  # fetched through the API, not trusted from the event
    with live_app.db.connect() as conn:
        event = conn.execute(select(t.webhook_events)).mappings().one()
    assert event["status"] == "processed" and event["body"] == body.decode()
    assert count(live_app, t.flags) == 1


def test_a_comment_deleted_before_it_could_be_fetched_is_archived_from_the_event(
    client, live_app, fake_graph
):
    body = feed_event("add", "111_9200", "posted and deleted within a minute")
    assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 200
    history = versions(live_app, "111_9200")
    assert [v["state"] for v in history] == ["live", "deleted"]
    assert history[0]["text"] == "posted and deleted within a minute"
    assert json.loads(history[0]["provenance"])["endpoint"] == "webhook:facebook"


def test_a_remove_event_tombstones_the_archived_comment(client, live_app, fake_graph):
    from page_governor.capture.polling import poll_job

    assert poll_job(live_app, "spd-fb").ok
    fake_graph.delete_comment("111_9001")
    live_app.clock.advance(timedelta(minutes=2))
    body = feed_event("remove", "111_9001")
    assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 200
    assert versions(live_app, "111_9001")[-1]["state"] == "deleted"
    assert versions(live_app, "111_9001")[-1]["last_seen_at"] == NOW


def test_an_instagram_comment_event_is_captured(client, live_app, fake_graph):
    fake_graph.add_ig_comment(
        "17900000000000001", "17910000000000050", "Great work!", NOW, username="fan_1"
    )
    payload = {
        "object": "instagram",
        "entry": [
            {
                "id": IG_USER,
                "time": 1,
                "changes": [
                    {
                        "field": "comments",
                        "value": {
                            "id": "17910000000000050",
                            "text": "Great work!",
                            "from": {"id": "1", "username": "fan_1"},
                            "media": {"id": "17900000000000001", "media_product_type": "FEED"},
                        },
                    }
                ],
            }
        ],
    }
    body = json.dumps(payload).encode()
    assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 200
    assert versions(live_app, "17910000000000050")[0]["text"] == "Great work!"


def test_events_for_unregistered_pages_are_kept_but_change_nothing(client, live_app):
    body = feed_event("add", "111_9300", "hi").replace(FB_PAGE.encode(), b"987654321")
    assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 200
    with live_app.db.connect() as conn:
        event = conn.execute(select(t.webhook_events)).mappings().one()
    assert "not registered" in event["outcome"]
    assert count(live_app, t.archive_items) == 0


def test_events_stored_before_a_restart_are_processed_at_start_up(live_app, fake_graph):
    fake_graph.add_comment(f"{FB_PAGE}_111", "111_9400", "stored, then the server died", NOW)
    store_event(live_app, "page", feed_event("add", "111_9400", "stored, then the server died"))
    assert process_pending(live_app) == 1
    assert versions(live_app, "111_9400")[0]["text"] == "stored, then the server died"
    assert process_pending(live_app) == 0


def test_without_an_app_secret_events_are_refused(live_app):
    unconfigured = live_app.settings.model_copy(update={"facebook_app_secret": None})
    live_app.settings = unconfigured
    with TestClient(create_app(live_app)) as test_client:
        body = feed_event("add", "111_9500", "x")
        assert (
            test_client.post("/webhooks/meta", content=body, headers=signed(body)).status_code
            == 503
        )


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"ok": True, "database": "ok"}


def _request_feeding(chunks: int, chunk: bytes, headers: list[tuple[bytes, bytes]]):
    """A request whose body arrives in ``chunks`` pieces, counting the pieces read."""
    from starlette.requests import Request

    read = {"pieces": 0}

    async def receive() -> dict:
        read["pieces"] += 1
        more = read["pieces"] < chunks
        return {"type": "http.request", "body": chunk, "more_body": more}

    scope = {"type": "http", "method": "POST", "path": "/webhooks/meta", "headers": headers}
    return Request(scope, receive), read


def test_an_oversized_body_is_refused_after_reading_no_more_than_the_limit():
    import asyncio

    from page_governor.web.app import MAX_WEBHOOK_BODY, _capped_body

    piece = b"x" * 65536
    streamed, read = _request_feeding(6400, piece, [])  # 400 MB, no Content-Length
    assert asyncio.run(_capped_body(streamed, MAX_WEBHOOK_BODY)) is None
    assert read["pieces"] <= MAX_WEBHOOK_BODY // len(piece) + 1
    declared, read = _request_feeding(6400, piece, [(b"content-length", b"419430400")])
    assert asyncio.run(_capped_body(declared, MAX_WEBHOOK_BODY)) is None
    assert read["pieces"] == 0
    small, _ = _request_feeding(3, b"{}", [])
    assert asyncio.run(_capped_body(small, MAX_WEBHOOK_BODY)) == b"{}{}{}"


def test_an_oversized_post_is_answered_413_and_stores_nothing(client, live_app):
    body = b'{"object":"page","entry":[]}' + b" " * 1_000_001
    assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 413
    assert count(live_app, t.webhook_events) == 0


def test_a_signed_deeply_nested_body_is_refused_and_does_not_stop_start_up(client, live_app):
    nested = b"[" * 100_000 + b"]" * 100_000
    assert client.post("/webhooks/meta", content=nested, headers=signed(nested)).status_code == 400
    assert count(live_app, t.webhook_events) == 0
    # one stored by an older version is marked failed at start-up instead of stopping it
    store_event(live_app, "page", b'{"entry":' + nested + b"}")
    assert process_pending(live_app) == 1
    with live_app.db.connect() as conn:
        event = conn.execute(select(t.webhook_events)).mappings().one()
    assert event["status"] == "failed" and "unreadable" in event["outcome"]


def test_a_replayed_signed_body_is_acknowledged_and_stored_once(client, live_app, fake_graph):
    fake_graph.add_comment(f"{FB_PAGE}_111", "111_9600", "posted once", NOW)
    body = feed_event("add", "111_9600", "posted once")
    for _ in range(3):
        assert client.post("/webhooks/meta", content=body, headers=signed(body)).status_code == 200
    assert count(live_app, t.webhook_events) == 1
    assert len(versions(live_app, "111_9600")) == 1


def test_storing_the_same_body_twice_stores_it_once_on_either_database(live_app):
    body = feed_event("add", "111_9700", "same body")
    assert store_event(live_app, "page", body) is not None
    assert store_event(live_app, "page", body) is None
    assert count(live_app, t.webhook_events) == 1
