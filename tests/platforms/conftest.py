"""The same small world on every platform: a profile, a post, a comment, a reply to it and a
comment hidden on the platform, served by each platform's fake server (or the sample data), and
read through each real adapter built by the factory from settings and an environment token."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from page_governor.app import App
from page_governor.clock import FrozenClock
from page_governor.config import Settings
from page_governor.models import PageRef, Platform
from page_governor.platforms.base import PlatformAdapter
from page_governor.platforms.factory import build_live_adapter
from page_governor.platforms.sample import SampleAdapter, load_bundled
from page_governor.registry import page_ref
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.x import FakeX

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
PROFILE_PHRASE = "not monitored 24/7"
FB_PAGE, IG_USER, X_USER = "100200300", "17841400000000001", "44001122"
CHANNEL, GROUP = -1001234567890, -1009876543210
PLATFORMS = ["sample", "facebook", "instagram", "x", "telegram"]


@dataclass
class Case:
    name: str
    adapter: PlatformAdapter
    page: PageRef
    missing_page: PageRef
    post_id: str
    comment_id: str
    reply_id: str
    hidden_id: str | None
    token: str | None
    server: Any = None
    sync: Callable[[], None] = lambda: None  # bring the adapter up to date (Telegram inbox)
    hidden_on_platform: Callable[[str], bool] | None = None
    hidden_post_id: str | None = None  # the post of ``hidden_id`` when not ``post_id``


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


@pytest.fixture
def fake_graph() -> Iterator[FakeGraph]:
    server = FakeGraph().start()
    yield server
    server.stop()


@pytest.fixture
def fake_x() -> Iterator[FakeX]:
    server = FakeX(now=NOW).start()
    yield server
    server.stop()


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture
def live_settings(
    settings: Settings, fake_graph: FakeGraph, fake_x: FakeX, fake_telegram: FakeTelegram
) -> Settings:
    return settings.model_copy(
        update={
            "facebook_graph_url": fake_graph.url + "/",
            "x_api_url": fake_x.url,
            "telegram_api_url": fake_telegram.url + "/bot",
            "telegram_bot_token": fake_telegram.token,
            "http_timeout_seconds": 2.0,
        }
    )


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


@pytest.fixture
def make_case(
    app: App,
    live_settings: Settings,
    fake_graph: FakeGraph,
    fake_x: FakeX,
    fake_telegram: FakeTelegram,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> Callable[[str], Case]:
    clock = app.clock
    assert isinstance(clock, FrozenClock)
    clock.set(NOW)
    monkeypatch.setenv("FB_TOKEN", fake_graph.token)
    monkeypatch.setenv("X_TOKEN", fake_x.token)

    def make(name: str) -> Case:
        if name == "sample":
            return sample_case(clock, tmp_path)
        if name == "facebook":
            build_facebook(fake_graph)
            page = live_page("spd-fb", "facebook", FB_PAGE, "SpringfieldPD", "FB_TOKEN")
            adapter = build_live_adapter(page, live_settings, clock, app.db)
            return Case(
                name,
                adapter,
                page_ref(page),
                page_ref({**page, "platform_id": "999"}),
                f"{FB_PAGE}_111",
                "111_9001",
                "111_9002",
                "111_9003",
                fake_graph.token,
                fake_graph,
                hidden_on_platform=lambda cid: bool(fake_graph.find_comment(cid)["is_hidden"]),
            )
        if name == "instagram":
            build_instagram(fake_graph)
            page = live_page("spd-ig", "instagram", IG_USER, "springfieldpd", "FB_TOKEN")
            adapter = build_live_adapter(page, live_settings, clock, app.db)
            return Case(
                name,
                adapter,
                page_ref(page),
                page_ref({**page, "platform_id": "999"}),
                "17900000000000001",
                "17910000000000001",
                "17910000000000002",
                "17910000000000003",
                fake_graph.token,
                fake_graph,
                hidden_on_platform=lambda cid: bool(fake_graph.find_comment(cid)["hidden"]),
            )
        if name == "x":
            build_x(fake_x)
            page = live_page("spd-x", "x", X_USER, "SpringfieldPD", "X_TOKEN")
            adapter = build_live_adapter(page, live_settings, clock, app.db)
            return Case(
                name,
                adapter,
                page_ref(page),
                page_ref({**page, "platform_id": "999"}),
                "1850000000000000100",
                "1850000000000000101",
                "1850000000000000102",
                None,
                fake_x.token,
                fake_x,
                hidden_on_platform=lambda tid: fake_x.hidden.get(tid, False),
            )
        if name == "telegram":
            from page_governor.telegram_inbox import receive

            build_telegram(fake_telegram)
            page = live_page("lpd-tg", "telegram", str(CHANNEL), "lakesidepolice", None)
            adapter = build_live_adapter(page, live_settings, clock, app.db)
            return Case(
                name,
                adapter,
                page_ref(page),
                page_ref({**page, "platform_id": "-100555"}),
                "501",
                "9001",
                "9002",
                None,
                fake_telegram.token,
                fake_telegram,
                sync=lambda: receive(app.db, adapter, now=clock.now()),  # type: ignore[arg-type]
            )
        raise AssertionError(name)

    return make


def sample_case(clock: FrozenClock, tmp_path: Any) -> Case:
    dataset = load_bundled()
    spec = dataset.page("springfield-pd-facebook")
    clock.set(dataset.timeline[-1])
    post = next(p for p in spec["posts"] if any(c.get("replies") for c in p.get("comments", [])))
    parent = next(c for c in post["comments"] if c.get("replies") and not c.get("deleted_at"))
    hidden_post = next(
        p for p in spec["posts"] if any(c.get("hidden_at") for c in p.get("comments", []))
    )
    hidden = next(c for c in hidden_post["comments"] if c.get("hidden_at"))
    page = PageRef(
        "springfield-pd-facebook", Platform.FACEBOOK, spec["platform_id"], spec["handle"]
    )
    adapter = SampleAdapter(dataset, clock, state_path=tmp_path / "sample_state.json")
    return Case(
        "sample",
        adapter,
        page,
        PageRef("nope", Platform.FACEBOOK, "0"),
        str(post["id"]),
        str(parent["id"]),
        str(parent["replies"][0]["id"]),
        str(hidden["id"]),
        None,
        hidden_on_platform=lambda cid: adapter._hides().get(cid, False),
        hidden_post_id=str(hidden_post["id"]),
    )
