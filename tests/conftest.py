"""Shared fixtures: a database per test (SQLite, or PostgreSQL when
PAGE_GOVERNOR_TEST_POSTGRES_URL is set), settings on a temporary data directory, a frozen clock,
and a guard that refuses any network connection beyond loopback."""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from page_governor.app import App
from page_governor.clock import FrozenClock
from page_governor.config import DEFAULT_CONFIG_DIR, Settings
from page_governor.db import open_database

pytest_plugins = ["tests.fakes.fixtures"]

POSTGRES_URL = os.environ.get("PAGE_GOVERNOR_TEST_POSTGRES_URL")
NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)

# Keep the tests' environment clean of the developer's own settings.
for _key in list(os.environ):
    if _key.startswith("PAGE_GOVERNOR_") and _key != "PAGE_GOVERNOR_TEST_POSTGRES_URL":
        del os.environ[_key]
os.environ.pop("DATABASE_URL", None)


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = address[0]
    else:
        return True  # unix sockets
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_network_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: object) -> object:
        if not _is_loopback(address):
            raise ConnectionRefusedError(f"tests may not reach {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: object) -> object:
        if not _is_loopback(address):
            raise ConnectionRefusedError(f"tests may not reach {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)


def postgres_base_url() -> str:
    """The test PostgreSQL URL with the psycopg driver SQLAlchemy needs."""
    assert POSTGRES_URL
    return POSTGRES_URL.replace("postgres://", "postgresql+psycopg://", 1).replace(
        "postgresql://", "postgresql+psycopg://", 1
    )


@contextmanager
def postgres_schema(prefix: str = "t") -> Iterator[str]:
    """A URL for a new, empty schema on the test PostgreSQL, dropped afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    base = postgres_base_url()
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new schema on the test PostgreSQL."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        config_dir=DEFAULT_CONFIG_DIR, data_dir=tmp_path / "data", database_url=database_url
    )


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def migrated_url(database_url: str) -> str:
    db = open_database(database_url)
    db.upgrade()
    db.dispose()
    return database_url


@pytest.fixture
def app(settings: Settings, clock: FrozenClock, migrated_url: str) -> Iterator[App]:
    application = App(settings, clock=clock)
    yield application
    application.close()


@pytest.fixture
def cli_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    """Environment for running the CLI as a subprocess against the test database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGE_GOVERNOR_")}
    env.pop("DATABASE_URL", None)
    env["PAGE_GOVERNOR_DATA_DIR"] = str(tmp_path / "data")
    env["PAGE_GOVERNOR_CONFIG_DIR"] = str(DEFAULT_CONFIG_DIR)
    env["DATABASE_URL"] = database_url
    env["COLUMNS"] = "120"
    return env
