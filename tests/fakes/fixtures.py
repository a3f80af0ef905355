"""Fixtures of the fake platform servers (a pytest plugin, see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from page_governor.app import App
from page_governor.config import DepartmentConfig, PageConfig, Registry, Settings
from page_governor.governance.registry import sync_registry
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.world import (
    CHANNEL,
    FB_PAGE,
    IG_USER,
    NOW,
    X_USER,
    build_facebook,
    build_instagram,
    build_telegram,
    build_x,
)
from tests.fakes.x import FakeX


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
            "media_hosts": ["127.0.0.1"],  # the fake CDN
            "facebook_app_secret": WEBHOOK_APP_SECRET,
            "meta_webhook_verify_token": WEBHOOK_VERIFY_TOKEN,
        }
    )


WEBHOOK_APP_SECRET = "meta-app-secret-for-tests"
WEBHOOK_VERIFY_TOKEN = "verify-me-please"
SENTINEL_FB = "EAAG-SENTINEL-FB-TOKEN-7f3a9c"
SENTINEL_X = "SENTINEL-X-USER-TOKEN-51be20"


@pytest.fixture
def live_app(app, live_settings, fake_graph, fake_x, fake_telegram, monkeypatch):
    fake_graph.token = SENTINEL_FB
    fake_x.token = SENTINEL_X
    monkeypatch.setenv("SPD_FB_TOKEN", SENTINEL_FB)
    monkeypatch.setenv("SPD_X_TOKEN", SENTINEL_X)
    build_facebook(fake_graph)
    build_instagram(fake_graph)
    build_x(fake_x)
    build_telegram(fake_telegram)
    application = App(live_settings, clock=app.clock)
    application.clock.set(NOW)
    registry = Registry(
        departments=(
            DepartmentConfig(
                slug="springfield-pd",
                name="Springfield Police Department",
                official_domains=["springfieldpd.example"],
            ),
        ),
        pages=(
            PageConfig(
                key="spd-fb",
                department="springfield-pd",
                platform="facebook",
                platform_id=FB_PAGE,
                handle="SpringfieldPD",
                token_env="SPD_FB_TOKEN",
            ),
            PageConfig(
                key="spd-x",
                department="springfield-pd",
                platform="x",
                platform_id=X_USER,
                handle="SpringfieldPD",
                token_env="SPD_X_TOKEN",
            ),
            PageConfig(
                key="spd-ig",
                department="springfield-pd",
                platform="instagram",
                platform_id=IG_USER,
                handle="springfieldpd",
                token_env="SPD_FB_TOKEN",
            ),
            PageConfig(
                key="spd-tg",
                department="springfield-pd",
                platform="telegram",
                platform_id=str(CHANNEL),
                handle="lakesidepolice",
            ),
        ),
    )
    with application.db.begin() as conn:
        sync_registry(conn, registry, now=NOW, default_interval=300)
    yield application
    application.close()
