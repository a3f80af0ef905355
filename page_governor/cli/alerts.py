"""``page-governor alerts list|retry``: the alert outbox."""

from __future__ import annotations

import json

import click
from rich.table import Table

from page_governor.cli.base import app_of, console, short
from page_governor.cli.root import cli
from page_governor.clock import iso, jsonable
from page_governor.errors import InputError

# -- alerts ---------------------------------------------------------------------------------


@cli.group()
def alerts() -> None:
    """The outbox of Telegram alerts: what was sent, what waits, what Telegram refused.

    \b
    Examples:
      page-governor alerts list --status failed
      page-governor alerts retry --all
    """


@alerts.command("list")
@click.option(
    "--status",
    type=click.Choice(["pending", "sending", "sent", "failed", "summarised"]),
    help="Only alerts in this state (default: all).",
)
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def alerts_list(ctx: click.Context, status: str | None, limit: int, as_json: bool) -> None:
    """Alerts, newest first, with attempts and the last error.

    \b
    Example:
      page-governor alerts list --status failed
    """
    from sqlalchemy import select

    from page_governor.db import schema as t

    app = app_of(ctx)
    query = select(t.outbox).order_by(t.outbox.c.id.desc()).limit(limit)
    if status:
        query = query.where(t.outbox.c.status == status)
    with app.db.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    if as_json:
        for row in rows:
            console.print_json(json.dumps(jsonable(row)))
        return
    table = Table("id", "kind", "status", "attempts", "created", "sent", "last error")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["kind"],
            row["status"],
            str(row["attempts"]),
            iso(row["created_at"]) or "",
            iso(row["sent_at"]) or "",
            short(row["last_error"] or "", 60),
        )
    console.print(table)


@alerts.command("retry")
@click.argument("alert_id", type=int, required=False)
@click.option("--all", "every", is_flag=True, help="Every failed alert.")
@click.pass_context
def alerts_retry(ctx: click.Context, alert_id: int | None, every: bool) -> None:
    """Send failed alerts again (after adding the bot back to the chat, say).

    \b
    Examples:
      page-governor alerts retry 42
      page-governor alerts retry --all
    """
    from page_governor.alerts.outbox import retry_failed

    if (alert_id is None) == (not every):
        raise InputError("name one alert id, or --all")
    app = app_of(ctx)
    with app.db.begin() as conn:
        count = retry_failed(conn, alert_id, now=app.clock.now())
    if alert_id is not None and count == 0:
        raise InputError(f"alert {alert_id} is not a failed alert")
    console.print(f"{count} alert(s) queued again; a running worker sends them within seconds")
