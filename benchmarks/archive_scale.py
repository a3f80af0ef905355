"""The archive at scale: 1,000,000 synthetic comments on the embedded SQLite database.

    python benchmarks/archive_scale.py [--items 1000000] [--export 100000] [--queries 50]

Reports, each with the target from the archive issue and a baseline measured in the same run:

* ingest rate through the archive's batch capture (hash-chained versions, item status, five
  indexes, and the full-text index written per batch in the same transaction, so search sees
  every item as soon as it is committed), against a plain ``executemany`` of the same rows
  into a bare table in the same database (target: at least 10,000 items/s);
* search latency p50/p95 over a fixed mix of queries (words, filters, combinations), each a
  first page of 20 results plus the total (target: p95 under 100 ms);
* export throughput for --export items: the native bundle (JSON Lines + CSV + manifest and
  the small files), against writing the same rows as bare JSON Lines (target: 20,000 items/s);
* database size per million items;
* how long ``archive verify`` takes (both chains, current versions, the search index).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.progress import Progress
from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_governor.archive.export import export_bundle
from page_governor.archive.integrity import verify_chains
from page_governor.archive.records import iter_versions, native_line
from page_governor.archive.search import Filters, search
from page_governor.archive.store import Archive, Observation
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.models import ItemKind, Platform, Provenance

START = datetime(2025, 11, 1, tzinfo=UTC)
PAGES = 10
BATCH = 10_000
WORDS = [
    "road",
    "bridge",
    "closed",
    "traffic",
    "officer",
    "thanks",
    "safety",
    "community",
    "police",
    "chief",
    "city",
    "council",
    "fire",
    "parade",
    "school",
    "crossing",
    "weather",
    "storm",
    "power",
    "outage",
    "water",
    "main",
    "detour",
    "accident",
    "report",
    "arrest",
    "video",
    "footage",
    "release",
    "public",
    "hearing",
    "budget",
    "patrol",
    "neighborhood",
    "park",
    "festival",
    "missing",
    "dog",
    "found",
    "lost",
    "keys",
    "help",
    "please",
    "great",
    "job",
    "terrible",
    "slow",
    "response",
    "noise",
    "complaint",
    "speeding",
    "downtown",
    "harbor",
    "fog",
    "ice",
    "snow",
    "lights",
    "siren",
    "station",
    "volunteer",
    "event",
    "meeting",
]
RARE = ["zeppelin", "quasar", "marmalade", "tangerine", "obsidian"]


def synthetic(n: int, rng: random.Random) -> list[tuple[int, Observation]]:
    out = []
    now = START
    for i in range(n):
        page = i % PAGES
        words = rng.choices(WORDS, k=rng.randint(6, 24))
        if rng.random() < 0.001:
            words.append(rng.choice(RARE))
        text_value = " ".join(words).capitalize() + "."
        created = now + timedelta(seconds=i * 31)
        author = f"Citizen {rng.randint(1, 5000)}"
        cid = f"c{i:07d}"
        raw = {
            "id": cid,
            "message": text_value,
            "created_time": created.strftime("%Y-%m-%dT%H:%M:%S+0000"),
            "from": {"id": author.split()[1], "name": author},
            "is_hidden": False,
        }
        out.append(
            (
                page,
                Observation(
                    ItemKind.COMMENT,
                    cid,
                    text_value,
                    raw,
                    Provenance(Platform.FACEBOOK, "graph:v24.0/comments", created, "bench"),
                    post_platform_id=f"p{page}_{i // 500}",
                    author_id=author.split()[1],
                    author_name=author,
                    created_at=created,
                ),
            )
        )
    return out


def register_pages(db) -> None:
    with db.begin() as conn:
        conn.execute(
            insert(t.departments).values(
                slug="bench", name="Bench PD", official_domains=["bench.example"], created_at=START
            )
        )
        for p in range(PAGES):
            conn.execute(
                insert(t.pages).values(
                    key=f"page-{p}",
                    department_id=1,
                    platform="facebook",
                    platform_id=str(p),
                    source="live",
                    state="active",
                    poll_interval_seconds=300,
                    created_at=START,
                    updated_at=START,
                )
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--export", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="pg-archive-scale-"))
    path = folder / "archive.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.upgrade()
    register_pages(db)
    print(f"generating {args.items:,} synthetic comments …", flush=True)
    data = synthetic(args.items, rng)

    # baseline: the same rows, plain executemany into a bare table
    with db.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE bench_plain (id INTEGER PRIMARY KEY, item TEXT, body TEXT, raw TEXT)"
            )
        )
    started = time.perf_counter()
    for start in range(0, len(data), BATCH):
        rows = [
            {"item": o.platform_item_id, "body": o.text_value, "raw": json.dumps(o.raw)}
            for _, o in data[start : start + BATCH]
        ]
        with db.begin() as conn:
            conn.execute(
                text("INSERT INTO bench_plain (item, body, raw) VALUES (:item, :body, :raw)"), rows
            )
    plain_s = time.perf_counter() - started
    with db.begin() as conn:
        conn.execute(text("DROP TABLE bench_plain"))

    archive = Archive()
    captured_at = START + timedelta(days=400)
    started = time.perf_counter()
    with Progress(transient=True) as bar:
        task = bar.add_task("ingesting", total=len(data))
        for start in range(0, len(data), BATCH):
            chunk = data[start : start + BATCH]
            by_page: dict[int, list[Observation]] = {}
            for page, obs in chunk:
                by_page.setdefault(page, []).append(obs)
            with db.begin() as conn:
                for page, observations in by_page.items():
                    archive.capture_many(
                        conn,
                        page_id=page + 1,
                        observations=observations,
                        captured_at=captured_at,
                        known={},
                        seen=[],
                    )
            bar.advance(task, len(chunk))
    ingest_s = time.perf_counter() - started
    db.optimize()  # what the worker's daily job does
    with db.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size + sum(p.stat().st_size for p in folder.glob("archive.sqlite3-*"))

    # search
    queries = []
    qrng = random.Random(11)
    for i in range(args.queries):
        kind = i % 5
        if kind == 0:
            f = Filters(text=qrng.choice(WORDS))
        elif kind == 1:
            f = Filters(text=qrng.choice(RARE))
        elif kind == 2:
            f = Filters(text=" ".join(qrng.sample(WORDS, 2)), page=f"page-{qrng.randrange(PAGES)}")
        elif kind == 3:
            day = START + timedelta(days=qrng.randrange(300))
            f = Filters(text=qrng.choice(WORDS), since=day, until=day + timedelta(days=7))
        else:
            f = Filters(
                author=f"Citizen {qrng.randint(1, 5000)}", page=f"page-{qrng.randrange(PAGES)}"
            )
        queries.append(f)
    latencies = []
    with db.connect() as conn:
        search(conn, queries[0], limit=20)  # warm the cache once
        for f in queries:
            started = time.perf_counter()
            search(conn, f, limit=20)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]

    # export: the first --export items (one page holds items/PAGES)
    until = START + timedelta(seconds=args.export * 31)
    export_filter = Filters(until=until)
    out = folder / "bundle"
    with db.connect() as conn:
        started = time.perf_counter()
        bare = 0
        with (folder / "bare.jsonl").open("w", encoding="utf-8") as fh:
            for row in iter_versions(conn, export_filter):
                fh.write(json.dumps(native_line(row), ensure_ascii=False) + "\n")
                bare += 1
        bare_s = time.perf_counter() - started
        started = time.perf_counter()
        result = export_bundle(
            conn, export_filter, out, exported_by="bench", now=captured_at, html_threads=False
        )
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        with_html = export_bundle(
            conn, export_filter, folder / "bundle-html", exported_by="bench", now=captured_at
        )
        html_s = time.perf_counter() - started
        started = time.perf_counter()
        reports = verify_chains(conn)
        verify_s = time.perf_counter() - started
    db.dispose()
    assert all(r.ok for r in reports), [r.problem for r in reports]

    n = args.items
    print(f"items: {n:,} comments on {PAGES} pages; database {path}")
    print(f"baseline plain executemany: {plain_s:7.1f} s  {n / plain_s:10,.0f} items/s")
    print(
        f"archive batch capture:      {ingest_s:7.1f} s  {n / ingest_s:10,.0f} items/s  "
        f"({ingest_s / plain_s:.1f}x baseline; target >= 10,000/s)"
    )
    print(
        f"search ({len(latencies)} queries, first page of 20 + total): p50 {p50:.1f} ms, "
        f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms (target p95 < 100 ms)"
    )
    print(
        f"export baseline (bare JSON Lines of {bare:,} records): {bare_s:.2f} s  {bare / bare_s:,.0f}/s"
    )
    print(
        f"export native bundle ({result.items:,} items, JSONL+CSV+manifest): {export_s:.2f} s  "
        f"{result.items / export_s:,.0f} items/s  ({export_s / bare_s:.2f}x baseline; target >= 20,000/s)"
    )
    print(f"export with HTML threads: {html_s:.2f} s  {with_html.items / html_s:,.0f} items/s")
    print(
        f"database size: {size / 1e6:,.0f} MB for {n:,} items = {size / 1e6 * 1_000_000 / n:,.0f} MB per million"
    )
    print(
        f"archive verify (chains, current versions, search index): {verify_s:.1f} s "
        f"({', '.join(f'{r.chain} {r.records:,}' for r in reports)})"
    )


if __name__ == "__main__":
    main()
