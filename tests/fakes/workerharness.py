"""Run the real worker against the fake platform servers: in a thread of the test process, or
as a ``page-governor run`` subprocess (for SIGTERM and SIGKILL), with a config folder of its
own (pages.yaml, roles.yaml) and every base URL pointed at loopback."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from page_governor.app import App
from page_governor.config import DEFAULT_CONFIG_DIR, Settings, load_registry
from page_governor.governance.registry import sync_registry
from page_governor.worker.process import Worker
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram

PIO = (9001, "Jane", "jane_pio")
CHIEF = (9002, "Chief", "chief_alvarez")
CLERK = (9003, "Sam", "sam_records")
ADMIN = (9004, "Ada", "ada_admin")
DEPUTY = (9005, "Rosa", "deputy_ruiz")  # holds both pio and chief
STRANGER = (6666, "Mallory", "mallory")
PIO_CHAT = -100777
FB_PAGE = "100200300"
POST = f"{FB_PAGE}_111"
# An insult aimed at another visitor (a reply to NEIGHBOUR): flagged, "aimed at a private person".
ATTACK = "Bob Neighbor you are a pathetic idiot and everyone on this street knows it"
NEIGHBOUR = "111_0001"  # a visitor's comment that the attacks in the tests answer
FB_TOKEN = "EAAG-worker-test-token"
ABOUT = (
    "Official page of the Springfield Police Department. This page is not monitored 24/7; in "
    "an emergency call 911. Comments are moderated: we may hide comments that contain "
    "obscenity, personal attacks, threats or spam, and off-topic comments."
)


def build_page(graph: FakeGraph, page_id: str = FB_PAGE, *, comments: int = 0) -> str:
    """A Facebook page with a published comment policy, a post, a visitor's comment and
    ``comments`` plain ones. Returns the post's id."""
    graph.token = FB_TOKEN
    post = f"{page_id}_111"
    graph.add_page(
        page_id,
        name="Springfield Police Department",
        about=ABOUT,
        website="https://www.springfieldpd.example",
        phone="(555) 010-4400",
    )
    at = datetime.now(UTC) - timedelta(hours=1)
    graph.add_post(page_id, post, "Road works on Main St this week.", at)
    neighbour = NEIGHBOUR if page_id == FB_PAGE else f"{page_id}_0001"
    graph.add_comment(
        post, neighbour, "The works are needed, stop whining.", at, author=("55", "Bob Neighbor")
    )
    for n in range(comments):
        graph.add_comment(post, f"{page_id}_c{n:05d}", f"Thanks for the update number {n}.", at)
    return post


def write_config(folder: Path, *, pages: list[dict[str, Any]], interval: int = 5) -> Path:
    """A config folder: the repository's policy files plus our pages and roles."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("policy.yaml", "moderation.yaml", "redaction.yaml", "retention.yaml"):
        shutil.copy(DEFAULT_CONFIG_DIR / name, folder / name)
    (folder / "settings.yaml").write_text("log_level: INFO\n", encoding="utf-8")
    registry = {
        "departments": [
            {
                "slug": "springfield-pd",
                "name": "Springfield Police Department",
                "official_domains": ["springfieldpd.example"],
                "phone": "(555) 010-4400",
            }
        ],
        "pages": [{"poll_interval_seconds": interval, **p} for p in pages],
    }
    (folder / "pages.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    roles = {
        "telegram_users": [
            {"telegram_id": PIO[0], "name": "Jane Park (PIO)", "roles": ["pio"]},
            {"telegram_id": CHIEF[0], "name": "Chief Alvarez", "roles": ["chief"]},
            {"telegram_id": CLERK[0], "name": "Sam Lee (Records)", "roles": ["records_clerk"]},
            {"telegram_id": ADMIN[0], "name": "Ada Admin", "roles": ["admin"]},
            {"telegram_id": DEPUTY[0], "name": "Deputy Chief Ruiz", "roles": ["pio", "chief"]},
        ]
    }
    (folder / "roles.yaml").write_text(yaml.safe_dump(roles), encoding="utf-8")
    return folder


def fb_page_spec(key: str = "spd-fb", platform_id: str = FB_PAGE) -> dict[str, Any]:
    return {
        "key": key,
        "department": "springfield-pd",
        "platform": "facebook",
        "platform_id": platform_id,
        "token_env": "SPD_FB_TOKEN",
    }


def settings_for(
    database_url: str, config_dir: Path, data_dir: Path, graph: FakeGraph, telegram: FakeTelegram
) -> Settings:
    return Settings(
        config_dir=config_dir,
        data_dir=data_dir,
        database_url=database_url,
        facebook_graph_url=graph.url + "/",
        telegram_api_url=telegram.url + "/bot",
        telegram_bot_token=telegram.token,
        telegram_pio_chat_id=PIO_CHAT,
        telegram_poll_timeout_seconds=1,
        http_timeout_seconds=3,
        lease_seconds=3,
    )


def environment(settings: Settings) -> dict[str, str]:
    """The same settings as environment variables, for a ``page-governor run`` subprocess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGE_GOVERNOR_")}
    env.pop("DATABASE_URL", None)
    for name in (
        "config_dir",
        "data_dir",
        "database_url",
        "facebook_graph_url",
        "telegram_api_url",
        "telegram_bot_token",
        "telegram_pio_chat_id",
        "telegram_poll_timeout_seconds",
        "http_timeout_seconds",
        "lease_seconds",
    ):
        env[f"PAGE_GOVERNOR_{name.upper()}"] = str(getattr(settings, name))
    env["SPD_FB_TOKEN"] = FB_TOKEN
    return env


def register(app: App) -> None:
    registry = load_registry(app.settings.config_dir)
    with app.db.begin() as conn:
        sync_registry(conn, registry, now=app.clock.now(), default_interval=300)


class ThreadedWorker:
    """The worker's ``main`` on its own event loop in a thread; ``stop`` ends it."""

    def __init__(self, app: App) -> None:
        self.worker = Worker(app)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stop_event: asyncio.Event | None = None
        self.clean: bool | None = None
        self.error: BaseException | None = None
        self._ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name="worker", daemon=True)

    def _run(self) -> None:
        async def main() -> None:
            self.loop = asyncio.get_running_loop()
            self.stop_event = asyncio.Event()
            self._ready.set()
            self.clean = await self.worker.main(self.stop_event)

        try:
            asyncio.run(main())
        except BaseException as exc:  # surfaced by stop()
            self.error = exc
            self._ready.set()

    def __enter__(self) -> ThreadedWorker:
        self.thread.start()
        self._ready.wait(10)
        return self

    def stop(self, timeout: float = 15) -> float:
        """Stop the worker; returns how long it took."""
        started = time.monotonic()
        if self.loop is not None and self.stop_event is not None:
            self.loop.call_soon_threadsafe(self.stop_event.set)
        self.thread.join(timeout)
        if self.error is not None:
            raise self.error
        assert not self.thread.is_alive(), "the worker did not stop"
        return time.monotonic() - started

    def __exit__(self, *_exc: object) -> None:
        if self.thread.is_alive():
            self.stop()


def start_subprocess(settings: Settings, log_path: Path) -> subprocess.Popen[bytes]:
    """``page-governor run`` as the Procfile starts it."""
    with log_path.open("ab") as log:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "page_governor", "run"],
            env=environment(settings),
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def wait_for(predicate: Callable[[], Any], *, timeout: float = 30, what: str = "") -> Any:
    """Poll ``predicate`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        time.sleep(0.05)
