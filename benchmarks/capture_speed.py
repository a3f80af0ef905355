"""Capture speed of one Facebook post with many comments, through the real facebook-sdk client
and a fake Graph server on loopback, against a baseline measured in the same run.

    python benchmarks/capture_speed.py [--comments 5000]

* baseline: facebook-sdk's own ``get_all_connections`` reading the same comments (no archive,
  no classification): what the HTTP round trips alone cost;
* page_governor, first poll: read + archive every comment (hash-chained versions) + classify;
* page_governor, second poll with nothing changed: read + compare, no new versions.

Reported: wall time, comments per second, and each poll's time as a multiple of the baseline.
The database is the embedded SQLite in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import facebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_governor.app import App
from page_governor.capture.polling import poll_job
from page_governor.clock import FrozenClock
from page_governor.config import (
    DEFAULT_CONFIG_DIR,
    DepartmentConfig,
    PageConfig,
    Registry,
    Settings,
)
from page_governor.governance.registry import sync_registry
from tests.fakes.graph import FakeGraph

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
PAGE = "100200300"
TEXTS = (
    "When will the road works end?",
    "Thank you officers for your quick response last night!",
    "This department is a joke and the chief should resign.",
    "Is the bridge open this weekend?",
    "you are an idiot Bob, read the post",
    "Great job finding the missing kid 💙",
)


def build(graph: FakeGraph, n: int) -> None:
    graph.add_page(PAGE, name="Springfield PD", about="Official page.")
    graph.add_post(PAGE, f"{PAGE}_1", "Road works on Main St.", NOW - timedelta(hours=3))
    for i in range(n):
        graph.add_comment(
            f"{PAGE}_1",
            f"1_{i:06d}",
            f"{TEXTS[i % len(TEXTS)]} #{i}",
            NOW - timedelta(hours=2) + timedelta(seconds=i),
            author=(str(7000000 + i), f"Commenter {i}"),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=5000)
    args = parser.parse_args()
    graph = FakeGraph().start()
    try:
        build(graph, args.comments)
        # baseline: facebook-sdk alone
        facebook.FACEBOOK_GRAPH_URL = graph.url + "/"
        api = facebook.GraphAPI(access_token=graph.token, timeout=10)
        api.version = "v24.0"
        started = time.perf_counter()
        read = sum(
            1
            for _ in api.get_all_connections(
                f"{PAGE}_1", "comments", filter="stream", limit=100, fields="id,message,from"
            )
        )
        baseline = time.perf_counter() - started
        assert read == args.comments, read

        with tempfile.TemporaryDirectory() as tmp:
            os.environ["BENCH_FB_TOKEN"] = graph.token
            settings = Settings(
                config_dir=DEFAULT_CONFIG_DIR,
                data_dir=Path(tmp),
                facebook_graph_url=graph.url + "/",
            )
            app = App(settings, clock=FrozenClock(NOW))
            registry = Registry(
                (
                    DepartmentConfig(
                        slug="spd", name="Springfield PD", official_domains=["x.example"]
                    ),
                ),
                (
                    PageConfig(
                        key="spd-fb",
                        department="spd",
                        platform="facebook",
                        platform_id=PAGE,
                        token_env="BENCH_FB_TOKEN",
                    ),
                ),
            )
            with app.db.begin() as conn:
                sync_registry(conn, registry, now=NOW, default_interval=300)
            app.classifier  # load outside the timing  # noqa: B018
            started = time.perf_counter()
            first = poll_job(app, "spd-fb")
            first_s = time.perf_counter() - started
            app.clock.advance(timedelta(minutes=5))  # type: ignore[attr-defined]
            started = time.perf_counter()
            second = poll_job(app, "spd-fb")
            second_s = time.perf_counter() - started
            app.close()
        assert first.stats and first.stats.new_items == args.comments + 2, first
        assert second.stats and second.stats.new_items == 0, second
    finally:
        graph.stop()
    n = args.comments
    print(f"comments on one post: {n:,} ({(n + 99) // 100} Graph pages of 100)")
    print(f"baseline  facebook-sdk get_all_connections: {baseline:6.2f} s  {n / baseline:8,.0f}/s")
    print(
        f"first poll (read+archive+classify):          {first_s:6.2f} s  {n / first_s:8,.0f}/s"
        f"  {first_s / baseline:5.2f}x baseline  ({first.stats.flags} flags)"
    )
    print(
        f"second poll (nothing changed):               {second_s:6.2f} s  {n / second_s:8,.0f}/s"
        f"  {second_s / baseline:5.2f}x baseline"
    )


if __name__ == "__main__":
    main()
