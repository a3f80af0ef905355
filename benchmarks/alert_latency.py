"""Time from a comment appearing on a (fake) Facebook page to its alert reaching the (fake)
Telegram chat, through the real worker process, and the worker's memory with many pages.

The worker runs as `page-governor run` (the Procfile process) against a fake Graph API and a
fake Telegram Bot API on loopback, on the embedded SQLite database (or --database-url). Every
page is polled every --interval seconds. Comments that must be flagged are added at random
moments to random pages; each one's latency is measured from the moment it was added to the
moment the fake Telegram received the sendMessage carrying it.

Baseline, measured in the same run: what a perfect worker cannot beat, i.e. the mean wait for
the next poll (interval / 2) plus one bare poll of that page (read + archive + classify,
in-process) plus one bare Telegram sendMessage round trip. Memory is the worker's resident set
after every page has been polled several times, against a bare interpreter that has imported
the same modules.

    python benchmarks/alert_latency.py                # 100 pages, 5 s interval, 20 comments
    python benchmarks/alert_latency.py --pages 10 --comments 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import telegram

from page_governor.app import App
from page_governor.capture.polling import poll_job
from page_governor.db import schema as t
from tests.fakes.graph import FakeGraph
from tests.fakes.telegram import FakeTelegram
from tests.fakes.workerharness import (
    ATTACK,
    FB_TOKEN,
    PIO_CHAT,
    build_page,
    fb_page_spec,
    register,
    settings_for,
    start_subprocess,
    wait_for,
    write_config,
)


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def bare_interpreter_rss() -> int:
    code = (
        "import page_governor.worker.process, page_governor.platforms.meta, page_governor.cli, sys;"
        "from page_governor.moderation.classifier import Classifier;"
        "from page_governor.config import DEFAULT_CONFIG_DIR;"
        "Classifier.from_config_dir(DEFAULT_CONFIG_DIR);"
        "print('ready', flush=True); sys.stdin.read()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    value = rss_kb(process.pid)
    process.communicate("")
    return value


def bare_send_seconds(telegram_fake: FakeTelegram, n: int = 20) -> float:
    async def go() -> float:
        bot = telegram.Bot(telegram_fake.token, base_url=telegram_fake.url + "/bot")
        async with bot:
            started = time.perf_counter()
            for _ in range(n):
                await bot.send_message(chat_id=PIO_CHAT, text="baseline")
            return (time.perf_counter() - started) / n

    seconds = asyncio.run(go())
    with telegram_fake.lock:
        telegram_fake.sent.clear()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--interval", type=int, default=5, help="poll interval of every page")
    parser.add_argument("--comments", type=int, default=20, help="flagged comments to time")
    parser.add_argument("--database-url", help="default: embedded SQLite in a temporary folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.environ["SPD_FB_TOKEN"] = FB_TOKEN  # for the in-process baseline poll

    graph, fake_tg = FakeGraph().start(), FakeTelegram().start()
    ids = [f"{100200300 + n}" for n in range(args.pages)]
    posts = {pid: build_page(graph, pid, comments=3) for pid in ids}
    work = Path(tempfile.mkdtemp(prefix="pg-latency-"))
    config = write_config(
        work / "config",
        pages=[fb_page_spec(f"page-{n:03d}", pid) for n, pid in enumerate(ids)],
        interval=args.interval,
    )
    url = args.database_url or f"sqlite:///{work / 'latency.sqlite3'}"
    settings = settings_for(url, config, work / "data", graph, fake_tg)
    app = App(settings)
    register(app)

    # Baselines (before the worker runs, on a copy of one page).
    send = bare_send_seconds(fake_tg)
    baseline_app = App(settings.model_copy(update={"database_url": f"sqlite:///{work / 'b.db'}"}))
    register(baseline_app)
    assert poll_job(baseline_app, "page-000", force=True).ok  # the first poll reads everything
    started = time.perf_counter()
    assert poll_job(baseline_app, "page-000", force=True).ok
    bare_poll = time.perf_counter() - started
    baseline_app.close()
    bare_rss = bare_interpreter_rss()

    log = work / "worker.log"
    process = start_subprocess(settings, log)
    print(f"worker pid {process.pid}, {args.pages} pages every {args.interval} s; log {log}")
    try:

        def all_polled() -> bool:
            with app.db.connect() as conn:
                from sqlalchemy import func, select

                done = conn.execute(
                    select(func.count())
                    .select_from(t.page_health)
                    .where(t.page_health.c.last_success_at.is_not(None))
                ).scalar_one()
            return done >= args.pages and bool(fake_tg.calls("/getUpdates"))

        wait_for(all_polled, timeout=300, what="every page's first poll")
        print("every page polled once; timing comments", flush=True)
        latencies = []
        for n in range(args.comments):
            time.sleep(rng.uniform(0, args.interval))
            pid = rng.choice(ids)
            marker = f"m{n:03d}"
            added = time.monotonic()
            graph.add_comment(
                posts[pid],
                f"{pid}_x{n:03d}",
                f"{ATTACK} [{marker}]",
                datetime.now(UTC),
                author=("77", "Al"),
                parent=f"{pid}_0001",
            )

            def arrived(marker: str = marker) -> float | None:
                for request in fake_tg.calls("/sendMessage"):
                    if marker.encode() in request.body:
                        return request.at
                return None

            at = wait_for(arrived, timeout=60, what=f"the alert for {marker}")
            latencies.append(at - added)
            print(f"  comment {n + 1:2d}/{args.comments}: {at - added:5.2f} s", flush=True)
        rss, peak = rss_kb(process.pid), rss_kb(process.pid, "VmHWM")
    finally:
        process.terminate()
        process.wait(timeout=15)
        graph.stop()
        fake_tg.stop()
        app.close()

    floor = args.interval / 2 + bare_poll + send
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    print()
    print(
        f"baseline: interval/2 {args.interval / 2:.2f} s + bare poll {bare_poll:.3f} s "
        f"+ bare sendMessage {send * 1000:.1f} ms = {floor:.2f} s expected at best"
    )
    print(
        f"latency over {len(latencies)} comments: mean {statistics.mean(latencies):.2f} s, "
        f"p50 {statistics.median(latencies):.2f} s, p95 {p95:.2f} s, "
        f"max {latencies[-1]:.2f} s (target: under 7 s)"
    )
    print(f"mean / baseline: {statistics.mean(latencies) / floor:.2f}x")
    print(
        f"worker memory with {args.pages} pages: RSS {rss / 1024:.0f} MB, peak {peak / 1024:.0f} MB "
        f"(target under 250 MB); bare interpreter with the same modules {bare_rss / 1024:.0f} MB "
        f"({rss / bare_rss:.2f}x)"
    )


if __name__ == "__main__":
    main()
