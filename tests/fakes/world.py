"""The same small world on every platform: a profile, a post, a comment, a reply to it and a
comment hidden on the platform, loaded into each platform's fake server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.x import FakeX

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
PROFILE_PHRASE = "not monitored 24/7"
FB_PAGE, IG_USER, X_USER = "100200300", "17841400000000001", "44001122"
CHANNEL, GROUP = -1001234567890, -1009876543210
PLATFORMS = ["sample", "facebook", "instagram", "x", "telegram"]


def live_page(
    key: str, platform: str, platform_id: str, handle: str, env: str | None
) -> dict[str, Any]:
    return {
        "key": key,
        "platform": platform,
        "platform_id": platform_id,
        "handle": handle,
        "token_env": env,
        "source": "live",
        "department_slug": "springfield-pd",
    }


def build_facebook(graph: FakeGraph) -> None:
    graph.add_page(
        FB_PAGE,
        name="Springfield Police Department",
        about="Official page of the Springfield Police Department.",
        description=f"This page is {PROFILE_PHRASE}. In an emergency call 911.",
        website="https://www.springfieldpd.example",
        phone="(555) 010-4400",
        emails=["pio@springfieldpd.example"],
    )
    post = f"{FB_PAGE}_111"
    graph.add_post(FB_PAGE, post, "Road works on Main St this week.", NOW - timedelta(hours=2))
    graph.add_comment(post, "111_9001", "When will it end?", NOW - timedelta(minutes=90))
    graph.add_comment(
        post,
        "111_9002",
        "Next Friday, they said.",
        NOW - timedelta(minutes=80),
        author=("5550002", "Bob Neighbor"),
        parent="111_9001",
    )
    graph.add_comment(
        post,
        "111_9003",
        "buy followers cheap!!!",
        NOW - timedelta(minutes=70),
        author=("5550003", "Promo Bot"),
        hidden=True,
    )


def build_instagram(graph: FakeGraph) -> None:
    graph.add_ig_user(
        IG_USER,
        username="springfieldpd",
        name="Springfield PD",
        biography=f"Official account. {PROFILE_PHRASE}. Emergencies: 911",
        website="https://www.springfieldpd.example",
    )
    graph.add_media(IG_USER, "17900000000000001", "Meet K9 Rex!", NOW - timedelta(hours=2))
    graph.add_ig_comment(
        "17900000000000001", "17910000000000001", "So handsome!", NOW - timedelta(minutes=90)
    )
    graph.add_ig_comment(
        "17900000000000001",
        "17910000000000002",
        "@citizen_1 agreed",
        NOW - timedelta(minutes=80),
        username="citizen_2",
        parent="17910000000000001",
    )
    graph.add_ig_comment(
        "17900000000000001",
        "17910000000000003",
        "cheap followers DM",
        NOW - timedelta(minutes=70),
        username="promo",
        hidden=True,
    )


def build_x(fake: FakeX) -> None:
    fake.add_user(
        X_USER,
        "SpringfieldPD",
        "Springfield PD",
        description=f"Official account. {PROFILE_PHRASE}. Emergencies: call 911. https://t.co/abc",
        url="https://t.co/xyz",
        entities={
            "url": {
                "urls": [
                    {
                        "start": 0,
                        "end": 23,
                        "url": "https://t.co/xyz",
                        "expanded_url": "https://www.springfieldpd.example",
                    }
                ]
            },
            "description": {
                "urls": [
                    {
                        "start": 60,
                        "end": 83,
                        "url": "https://t.co/abc",
                        "expanded_url": "https://www.springfieldpd.example/social",
                    }
                ]
            },
        },
        pinned_tweet_id="1850000000000000001",
    )
    fake.add_user("9001", "jane_c", "Jane Citizen")
    fake.add_user("9002", "bob_n", "Bob Neighbor")
    fake.add_tweet(
        "1850000000000000001",
        X_USER,
        "Our comment policy: https://www.springfieldpd.example/social",
        NOW - timedelta(days=3),
    )
    fake.add_tweet(
        "1850000000000000100", X_USER, "Road works on Main St this week.", NOW - timedelta(hours=2)
    )
    fake.add_tweet(
        "1850000000000000101",
        "9001",
        "@SpringfieldPD When will it end?",
        NOW - timedelta(minutes=90),
        reply_to="1850000000000000100",
        conversation="1850000000000000100",
    )
    fake.add_tweet(
        "1850000000000000102",
        "9002",
        "@jane_c Next Friday",
        NOW - timedelta(minutes=80),
        reply_to="1850000000000000101",
        conversation="1850000000000000100",
    )


def build_telegram(fake: FakeTelegram) -> None:
    fake.add_channel(
        CHANNEL,
        "Lakeside Police",
        "lakesidepolice",
        description=f"Official channel. {PROFILE_PHRASE}. Emergencies: dial 911.",
        pinned="Comment rules: threats and obscenity may be reported.",
        linked_chat_id=GROUP,
    )
    fake.add_group(GROUP, "Lakeside Police chat", linked_chat_id=CHANNEL)
    fake.channel_post(CHANNEL, 501, "Fog advisory for the harbor bridge.", NOW - timedelta(hours=2))
    fake.auto_forward(
        GROUP, 9000, CHANNEL, 501, "Fog advisory for the harbor bridge.", NOW - timedelta(hours=2)
    )
    fake.comment(GROUP, 9001, 9000, "Thanks for the heads up", NOW - timedelta(minutes=90))
    fake.comment(
        GROUP,
        9002,
        9000,
        "Same here",
        NOW - timedelta(minutes=80),
        user=(4343, "Bob", "bob_n"),
        reply_to=9001,
    )
