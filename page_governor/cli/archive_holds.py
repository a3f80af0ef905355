"""``page-governor archive hold …`` and ``archive retention …``: legal holds and
retention with approved disposition.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.table import Table

from page_governor.cli.archive import archive, filter_options, filters_of
from page_governor.cli.base import app_of, by_option, checked, console
from page_governor.clock import jsonable
from page_governor.errors import InputError
from page_governor.output import listing, whole


@archive.group("hold")
def archive_hold() -> None:
    """Legal holds: freeze disposition of everything a search matches until released.

    \b
    Example:
      page-governor archive hold list
    """


@archive_hold.command("add")
@click.argument("name")
@click.argument("words", nargs=-1)
@filter_options
@click.option("--reason", required=True, help="The matter the records are preserved for.")
@by_option("actor")
@click.pass_context
def archive_hold_add(
    ctx: click.Context,
    name: str,
    words: tuple[str, ...],
    reason: str,
    actor: str,
    **options: Any,
) -> None:
    """Place a legal hold on everything matching the filters (and WORDS); audited.

    \b
    Example:
      page-governor archive hold add "Doe v. City" --page springfield-pd-facebook \\
          --since 2026-10-01 --until 2026-12-01 --reason "litigation hold, counsel letter 11/20" \\
          --by sam
    """
    from page_governor.archive.retention import add_hold
    from page_governor.archive.search import matching_items
    from page_governor.governance.roles import Permission

    filters = filters_of(words, options)
    app = app_of(ctx)
    by = checked(ctx, actor, Permission.EXPORT_ARCHIVE, "place a legal hold")
    with app.db.begin() as conn:
        hold_id = add_hold(
            conn,
            name=name,
            reason=reason,
            filters=filters,
            by=by,
            now=app.clock.now(),
        )
        matched = len(conn.execute(matching_items(conn, filters)).all())
    console.print(
        f"legal hold {hold_id} placed: {matched:,} items matched now (and any captured later)"
    )


@archive_hold.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def archive_hold_list(ctx: click.Context, as_json: bool) -> None:
    """List legal holds, active and released.

    \b
    Example:
      page-governor archive hold list
    """
    from page_governor.archive.retention import holds

    app = app_of(ctx)
    with app.db.connect() as conn:
        rows = holds(conn)
    if as_json:
        click.echo(json.dumps(jsonable(rows), indent=2, ensure_ascii=False))
        return
    table = Table("id", "name", "criteria", "placed", "released")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["name"],
            json.dumps(row["criteria"], ensure_ascii=False),
            f"{row['created_at']:%Y-%m-%d} by {row['created_by']}",
            f"{row['released_at']:%Y-%m-%d} by {row['released_by']}"
            if row["released_at"]
            else "active",
        )
    console.print(table)


@archive_hold.command("release")
@click.argument("hold_id", type=int)
@click.option("--reason", required=True, help="Why the hold ends (e.g. case closed).")
@by_option("actor")
@click.pass_context
def archive_hold_release(ctx: click.Context, hold_id: int, reason: str, actor: str) -> None:
    """Release a legal hold; audited.

    \b
    Example:
      page-governor archive hold release 3 --reason "case dismissed 2027-02-01" --by sam
    """
    from page_governor.archive.retention import release_hold
    from page_governor.governance.roles import Permission

    app = app_of(ctx)
    by = checked(ctx, actor, Permission.EXPORT_ARCHIVE, f"release legal hold {hold_id}")
    with app.db.begin() as conn:
        release_hold(conn, hold_id, by=by, reason=reason, now=app.clock.now())
    console.print(f"legal hold {hold_id} released")


@archive.group("retention")
def archive_retention() -> None:
    """Retention schedules: the sweep proposes, a records clerk approves, holds always win.

    \b
    Example:
      page-governor archive retention sweep
    """


@archive_retention.command("sweep")
@click.option("--propose", is_flag=True, help="Create a disposition list per class with items due.")
@by_option("actor", required=False, note=" Needed with --propose.")
@click.pass_context
def archive_retention_sweep(ctx: click.Context, propose: bool, actor: str | None) -> None:
    """List what is past retention under config/retention.yaml (nothing is disposed of here).

    \b
    Example:
      page-governor archive retention sweep --propose --by sam
    """
    from page_governor.archive import retention
    from page_governor.governance.roles import Permission

    app = app_of(ctx)
    proposer = ""
    if propose:
        if not actor:
            raise InputError("--propose needs --by WHO (the records clerk who proposes)")
        proposer = checked(ctx, actor, Permission.EXPORT_ARCHIVE, "propose disposition lists")
    schedule = retention.load_schedule(app.settings.config_dir)
    now = app.clock.now()
    table = Table("class", "period", "authority", "due", "held back", "proposal")
    with app.db.begin() as conn:
        for record_class in schedule.values():
            items, held_back = retention.due(conn, record_class, now)
            proposal = "-"
            if propose and items:
                proposal = f"list {retention.propose(conn, record_class, by=proposer, now=now)}"
            table.add_row(
                record_class.name,
                f"{record_class.period_days} days",
                record_class.authority,
                f"{len(items):,}",
                f"{held_back:,}",
                proposal,
            )
    console.print(table)


@archive_retention.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON document: a list of lists.")
@click.pass_context
def archive_retention_list(ctx: click.Context, as_json: bool) -> None:
    """Disposition lists: proposed, approved, rejected.

    \b
    Example:
      page-governor archive retention list
    """
    from page_governor.archive.retention import dispositions

    app = app_of(ctx)
    with app.db.connect() as conn:
        rows = dispositions(conn)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        **{
                            k: v
                            for k, v in jsonable(row).items()
                            if k not in ("item_ids", "record_hashes")
                        },
                        "items": len(row["item_ids"]),
                        "versions": len(row["record_hashes"]),
                    }
                    for row in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    table = listing(
        [
            whole("id", (r["id"] for r in rows)),
            "class",
            "items",
            "versions",
            "status",
            "proposed",
            "decided",
        ]
    )
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["record_class"],
            f"{len(row['item_ids']):,}",
            f"{len(row['record_hashes']):,}",
            row["status"],
            f"{row['proposed_at']:%Y-%m-%d} by {row['proposed_by']}",
            f"{row['decided_at']:%Y-%m-%d} by {row['decided_by']}" if row["decided_at"] else "-",
        )
    console.print(table)


@archive_retention.command("approve")
@click.argument("disposition_id", type=int)
@by_option("actor")
@click.pass_context
def archive_retention_approve(ctx: click.Context, disposition_id: int, actor: str) -> None:
    """Approve a disposition list: its versions keep their hashes and lose their content.

    Refused when the approver proposed the list or when any item is under legal hold.

    \b
    Example:
      page-governor archive retention approve 4 --by rclerk
    """
    from page_governor.archive.retention import approve
    from page_governor.governance.roles import Permission

    app = app_of(ctx)
    what = f"approve disposition list {disposition_id}"
    by = checked(ctx, actor, Permission.EXPORT_ARCHIVE, what)
    with app.db.begin() as conn:
        disposed = approve(conn, disposition_id, by=by, now=app.clock.now())
    console.print(f"list {disposition_id} approved: {disposed:,} versions disposed of")


@archive_retention.command("reject")
@click.argument("disposition_id", type=int)
@click.option("--reason", required=True)
@by_option("actor")
@click.pass_context
def archive_retention_reject(
    ctx: click.Context, disposition_id: int, reason: str, actor: str
) -> None:
    """Reject a disposition list (nothing is disposed of).

    \b
    Example:
      page-governor archive retention reject 4 --reason "pending records request 2026-114" \\
          --by rclerk
    """
    from page_governor.archive.retention import reject
    from page_governor.governance.roles import Permission

    app = app_of(ctx)
    by = checked(ctx, actor, Permission.EXPORT_ARCHIVE, f"reject disposition list {disposition_id}")
    with app.db.begin() as conn:
        reject(conn, disposition_id, by=by, reason=reason, now=app.clock.now())
    console.print(f"list {disposition_id} rejected")
