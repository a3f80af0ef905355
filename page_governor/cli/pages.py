"""``page-governor pages list|show|health|resume``: registered pages and capture health.
The lifecycle commands (request, approve, …) join this group from ``page_lifecycle``.
"""

from __future__ import annotations

import json

import click

from page_governor.cli.base import app_of, console, login_name
from page_governor.cli.root import cli
from page_governor.clock import iso
from page_governor.output import listing, whole

# -- pages ----------------------------------------------------------------------------------


@cli.group()
def pages() -> None:
    """The registry of official pages.

    \b
    Example:
      page-governor pages list
    """


@pages.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per page.")
@click.pass_context
def pages_list(ctx: click.Context, as_json: bool) -> None:
    """List registered pages with their state and last compliance score.

    \b
    Example:
      page-governor pages list --json
    """
    from page_governor.compliance.service import latest_results
    from page_governor.governance.registry import all_pages

    app = app_of(ctx)
    with app.db.connect() as conn:
        rows = all_pages(conn)
        results = latest_results(conn)
    if as_json:
        for row in rows:
            res = results.get(row["id"])
            click.echo(
                json.dumps(
                    {
                        "key": row["key"],
                        "platform": row["platform"],
                        "department": row["department_slug"],
                        "state": row["state"],
                        "source": row["source"],
                        "compliance": f"{res['passed']}/{res['total']}" if res else None,
                    }
                )
            )
        return
    table = listing(
        [
            whole("page", (r["key"] for r in rows)),
            "platform",
            "department",
            "state",
            "source",
            "compliance",
        ]
    )
    for row in rows:
        res = results.get(row["id"])
        table.add_row(
            row["key"],
            row["platform"],
            row["department_slug"],
            row["state"],
            row["source"],
            f"{res['passed']}/{res['total']}" if res else "not checked",
        )
    console.print(table)


@pages.command("show")
@click.argument("page_key")
@click.pass_context
def pages_show(ctx: click.Context, page_key: str) -> None:
    """Show one page: registry record, capture counts and latest compliance.

    \b
    Example:
      page-governor pages show springfield-pd-facebook
    """
    from sqlalchemy import func, select

    from page_governor.capture import health
    from page_governor.compliance.service import previous_result
    from page_governor.db import schema as t
    from page_governor.governance.registry import page_row

    app = app_of(ctx)
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
        counts = dict(
            conn.execute(
                select(t.item_status.c.state, func.count())
                .where(t.item_status.c.page_id == page["id"])
                .group_by(t.item_status.c.state)
            ).all()
        )
        result = previous_result(conn, page["id"])
        page_health = health.health_of(conn, page["id"])
        page_gaps = health.gaps(conn, page["id"])
    console.print(f"[bold]{page['key']}[/] — {page['display_name'] or ''}")
    for label, key in (
        ("platform", "platform"),
        ("platform id", "platform_id"),
        ("handle", "handle"),
        ("department", "department_name"),
        ("state", "state"),
        ("source", "source"),
    ):
        console.print(f"  {label}: {page.get(key) or '-'}")
    console.print("  official domains: " + ", ".join(page["official_domains"]))
    console.print(
        "  items by state: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none")
    )
    if result:
        failing = [k for k, v in result["elements"].items() if not v["passed"]]
        console.print(
            f"  compliance: {result['passed']}/{result['total']} at "
            f"{result['checked_at']:%Y-%m-%d %H:%M} UTC"
            + (f"; missing: {', '.join(failing)}" if failing else "")
        )
    if page_health:
        console.print(
            f"  capture: {page_health['status']}"
            + (f" — {page_health['last_error']}" if page_health["last_error"] else "")
        )
    for gap in page_gaps:
        end = f"{gap['ended_at']:%Y-%m-%d %H:%M} UTC" if gap["ended_at"] else "still open"
        console.print(
            f"  capture gap: {gap['started_at']:%Y-%m-%d %H:%M} UTC → {end}, {gap['reason']} "
            f"({gap['failures']} failed attempts): {gap['detail']}"
        )


@pages.command("health")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def pages_health(ctx: click.Context, as_json: bool) -> None:
    """Show whether each page is being captured, backing off or paused, and its open gaps.

    \b
    Example:
      page-governor pages health
    """
    from page_governor.capture import health
    from page_governor.governance.registry import all_pages

    app = app_of(ctx)
    rows = []
    with app.db.connect() as conn:
        for page in all_pages(conn):
            state = health.health_of(conn, page["id"]) or {}
            gap = health.open_gap(conn, page["id"])
            rows.append(
                {
                    "page": page["key"],
                    "platform": page["platform"],
                    "status": state.get("status", "never polled"),
                    "failures": state.get("consecutive_failures", 0),
                    "next_attempt_at": iso(state.get("next_attempt_at")),
                    "last_success_at": iso(state.get("last_success_at")),
                    "last_error": state.get("last_error"),
                    "open_gap_since": iso(gap["started_at"]) if gap else None,
                }
            )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    table = listing(
        [
            whole("page", (r["page"] for r in rows)),
            "platform",
            "status",
            "last success",
            "open gap since",
            "last error",
        ]
    )
    for row in rows:
        table.add_row(
            row["page"],
            row["platform"],
            row["status"],
            row["last_success_at"] or "-",
            row["open_gap_since"] or "-",
            row["last_error"] or "-",
        )
    console.print(table)


@pages.command("resume")
@click.argument("page_key")
@click.option("--by", "actor", help="Who resumes it (default: your login).")
@click.pass_context
def pages_resume(ctx: click.Context, page_key: str, actor: str | None) -> None:
    """Let a paused page (dead token, missing permission) be polled again; audited.

    \b
    Example:
      page-governor pages resume springfield-pd-facebook
    """
    from page_governor.capture import health
    from page_governor.governance.registry import page_row

    app = app_of(ctx)
    with app.db.begin() as conn:
        page = page_row(conn, page_key)
        health.resume(conn, page, actor=actor or login_name(), now=app.clock.now())
    console.print(f"{page['key']} will be polled again at its next interval")
