"""Cases for the adapter contract: the shared world (tests/fakes/world.py) served by each
platform's fake server (or the sample data), read through each real adapter built by the
factory from settings and an environment token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from page_governor.app import App
from page_governor.clock import FrozenClock
from page_governor.config import Settings
from page_governor.governance.registry import page_ref
from page_governor.models import PageRef, Platform
from page_governor.platforms.base import PlatformAdapter
from page_governor.platforms.factory import build_live_adapter
from page_governor.platforms.sample import SampleAdapter, load_bundled
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.world import (  # noqa: F401  (re-exported for the platform tests)
    CHANNEL,
    FB_PAGE,
    GROUP,
    IG_USER,
    NOW,
    PLATFORMS,
    PROFILE_PHRASE,
    X_USER,
    build_facebook,
    build_instagram,
    build_telegram,
    build_x,
    live_page,
)
from tests.fakes.x import FakeX


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
            from page_governor.capture.telegram_inbox import receive

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
