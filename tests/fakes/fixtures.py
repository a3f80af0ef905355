"""Fixtures of the fake platform servers (a pytest plugin, see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from page_governor.config import Settings
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.world import NOW
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
        }
    )
