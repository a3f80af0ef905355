"""``page-governor demo``: the whole pipeline on the bundled sample pages, no credentials."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from page_governor.app import App
from page_governor.capture.ingest import PollStats
from page_governor.clock import FrozenClock, iso, parse_time
from page_governor.compliance.policy import ELEMENT_IDS
from page_governor.compliance.service import check_page, latest_results
from page_governor.db import schema as t
from page_governor.governance.registry import all_pages, sync_sample
from page_governor.platforms.sample import load_bundled

PLATFORM_SHORT = {"facebook": "fb", "instagram": "ig", "x": "x", "telegram": "tg"}
SHORT = {
    "purpose_statement": "purpose",
    "maintained_by_agency": "official",
    "not_monitored_247": "not 24/7",
    "emergency_contact": "911",
    "opinions_disclaimer": "opinions",
    "moderation_policy": "moderation",
    "public_records_notice": "records",
    "contact_info": "contact",
    "official_website_link": "website",
}


@dataclass(slots=True)
class DemoRun:
    polls: list[PollStats] = field(default_factory=list)
    snapshots_polled: list[str] = field(default_factory=list)
    drift: list[tuple[str, str]] = field(default_factory=list)


def run_demo(app: App, console: Console) -> DemoRun:
    """Register the sample pages, capture each point of the sample timeline not yet captured,
    check compliance after each, and return what happened. Idempotent."""
    dataset = load_bundled()
    clock = FrozenClock(dataset.timeline[0])
    app.clock = clock
    run = DemoRun()
    with app.db.begin() as conn:
        sync_sample(
            conn,
            dataset,
            now=dataset.timeline[0],
            default_interval=app.settings.poll_interval_seconds,
        )
    ingestor = app.ingestor()
    for point in dataset.timeline:
        clock.set(point)
        with app.db.connect() as conn:
            pages = [p for p in all_pages(conn) if p["source"] == "sample"]
            cursors = {
                r.page_id: parse_time(r.value)
                for r in conn.execute(
                    select(t.poll_cursors).where(t.poll_cursors.c.stream == "page")
                )
            }
        due = [p for p in pages if (cursors.get(p["id"]) or point.replace(year=1)) < point]
        if not due:
            continue
        run.snapshots_polled.append(iso(point) or "")
        with console.status(f"capturing the sample pages as of {iso(point)}"):
            for page in due:
                run.polls.append(ingestor.poll(page, app.adapter_for(page)))
            with app.db.begin() as conn:
                for page in due:
                    result = check_page(conn, page, app.policy, now=point)
                    run.drift += [(page["key"], e) for e in result.drift]
    return run


def _counts(app: App) -> dict[str, Any]:
    with app.db.connect() as conn:
        by_kind = dict(
            conn.execute(
                select(t.archive_items.c.kind, func.count()).group_by(t.archive_items.c.kind)
            ).all()
        )
        by_state = dict(
            conn.execute(
                select(t.archive_versions.c.state, func.count()).group_by(
                    t.archive_versions.c.state
                )
            ).all()
        )
        versions = conn.execute(select(func.count()).select_from(t.archive_versions)).scalar_one()
        items = conn.execute(select(func.count()).select_from(t.archive_items)).scalar_one()
        open_reviews = conn.execute(
            select(func.count())
            .select_from(t.review_items)
            .where(t.review_items.c.status == "open")
        ).scalar_one()
        outbox = dict(
            conn.execute(select(t.outbox.c.kind, func.count()).group_by(t.outbox.c.kind)).all()
        )
        flags = conn.execute(
            select(
                t.flags.c.categories,
                t.flags.c.evidence,
                t.flags.c.target,
                t.archive_versions.c.text,
                t.pages.c.key,
            )
            .join(t.archive_versions, t.archive_versions.c.id == t.flags.c.version_id)
            .join(t.pages, t.pages.c.id == t.flags.c.page_id)
            .order_by(t.flags.c.priority.desc(), t.flags.c.id)
        ).all()
    return {
        "by_kind": by_kind,
        "by_state": by_state,
        "versions": versions,
        "items": items,
        "open_reviews": open_reviews,
        "outbox": outbox,
        "flags": flags,
    }


def render_summary(app: App, run: DemoRun, console: Console) -> None:
    counts = _counts(app)
    with app.db.connect() as conn:
        pages = [p for p in all_pages(conn) if p["source"] == "sample"]
        results = latest_results(conn)

    if run.snapshots_polled:
        console.print(f"Captured the sample platform at {', '.join(run.snapshots_polled)}.")
    else:
        console.print("Everything in the sample timeline was already captured: nothing new to add.")

    matrix = Table(
        title="Compliance: pages × required elements (✓ present, ✗ missing)", title_justify="left"
    )
    matrix.add_column("page", no_wrap=True)
    matrix.add_column("on", no_wrap=True)
    for number in range(1, len(ELEMENT_IDS) + 1):
        matrix.add_column(str(number), justify="center")
    matrix.add_column("score", justify="right", no_wrap=True)
    for page in pages:
        result = results.get(page["id"])
        if result is None:
            continue
        marks = [
            "[green]✓[/]" if result["elements"][e]["passed"] else "[red]✗[/]" for e in ELEMENT_IDS
        ]
        warn = " [yellow]⚠[/]" if result["warnings"] else ""
        matrix.add_row(
            page["key"],
            PLATFORM_SHORT.get(page["platform"], page["platform"]),
            *marks,
            f"{result['passed']}/{result['total']}{warn}",
        )
    console.print(matrix)
    console.print("  " + " · ".join(f"{i} {SHORT[e]}" for i, e in enumerate(ELEMENT_IDS, 1)))
    warned = [
        (p["key"], w) for p in pages for w in (results.get(p["id"]) or {}).get("warnings", [])
    ]
    for key, warning in warned:
        console.print(f'  [yellow]⚠ {key}[/]: "{warning["text"]}" — {warning["note"]}')
    if run.drift:
        for key, element in run.drift:
            console.print(
                f"  [red]drift[/]: {key} lost '{element}' (an alert is queued for the PIO)"
            )

    by_cat: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for categories, evidence, target, text, _page in counts["flags"]:
        for cat in categories:
            by_cat[cat] += 1
            words = ", ".join(sorted({e["text"] for e in evidence if e["category"] == cat}))
            who = f" [target: {target}]" if cat == "personal_attack" and target else ""
            if len(examples.setdefault(cat, [])) < 3:
                snippet = text if len(text) <= 70 else text[:69] + "…"
                examples[cat].append(f"“{snippet}” ← {words}{who}")
    flags = Table(
        title=f"Flags for human review ({len(counts['flags'])} comments flagged; "
        f"nothing was hidden)",
        title_justify="left",
    )
    flags.add_column("category")
    flags.add_column("flags", justify="right")
    flags.add_column("examples (the words that triggered them)")
    for cat in ("threat", "personal_info", "personal_attack", "obscenity", "spam"):
        if by_cat[cat]:
            flags.add_row(cat, str(by_cat[cat]), "\n".join(examples[cat]))
    console.print(flags)

    bk, bs = counts["by_kind"], counts["by_state"]
    archive = Table(title="Public-records archive", title_justify="left")
    archive.add_column("what")
    archive.add_column("count", justify="right")
    for label, value in (
        ("items captured", counts["items"]),
        (
            "  profiles / posts / comments / replies",
            f"{bk.get('profile', 0)} / {bk.get('post', 0)} / {bk.get('comment', 0)} / {bk.get('reply', 0)}",
        ),
        ("versions stored (append-only, hash-chained)", counts["versions"]),
        ("edits captured", bs.get("edited", 0)),
        ("deletions captured (tombstones)", bs.get("deleted", 0)),
        ("hidden-state changes captured", bs.get("hidden", 0)),
        ("open review items", counts["open_reviews"]),
        (
            "alerts queued for Telegram",
            ", ".join(f"{k}: {v}" for k, v in sorted(counts["outbox"].items())) or "0",
        ),
    ):
        archive.add_row(label, str(value))
    console.print(archive)
    console.print(f"Database: {app.settings.effective_database_url}")
    console.print(
        "\n[bold]Try next[/]\n"
        "  page-governor review list              the queue, most urgent first\n"
        "  page-governor review show ID           why a comment was flagged\n"
        '  page-governor users add jpark --name "Jane Park" --role pio    an account to act as\n'
        "  page-governor review decide ID --decision keep --by jpark --reason TEXT\n"
        "  page-governor check --page springfield-pd-x    evidence and fixes\n"
        "  page-governor classify FILE --json     your own comments (JSON Lines)\n"
        "  page-governor archive verify           prove nothing was altered",
        soft_wrap=True,
    )
