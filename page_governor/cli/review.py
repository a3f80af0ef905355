"""``page-governor review list|show|decide|appeal|appeal-decide``: the moderation queue."""

from __future__ import annotations

import json

import click

from page_governor.cli.base import app_of, by_option, checked, console, short
from page_governor.cli.root import cli
from page_governor.models import Decision, ReviewStatus
from page_governor.output import listing, more_line, whole


@cli.group()
def review() -> None:
    """The review queue: flagged comments waiting for a person's decision.

    \b
    Example:
      page-governor review list
    """


@review.command("list")
@click.option(
    "--status",
    type=click.Choice([s.value for s in ReviewStatus] + ["all"]),
    default="open",
    show_default=True,
)
@click.option("--page", "page_key", help="Only this page.")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@click.option(
    "--json", "as_json", is_flag=True, help="JSON Lines: one object per item, most urgent first."
)
@click.pass_context
def review_list(
    ctx: click.Context, status: str, page_key: str | None, limit: int, as_json: bool
) -> None:
    """List review items, most urgent first (and how many more there are).

    \b
    Example:
      page-governor review list --status escalated
    """
    from page_governor.governance.registry import page_row
    from page_governor.moderation.review import count_items, list_items

    app = app_of(ctx)
    wanted = None if status == "all" else ReviewStatus(status)
    with app.db.connect() as conn:
        page_id = page_row(conn, page_key)["id"] if page_key else None
        items = list_items(conn, status=wanted, page_id=page_id, limit=limit)
        total = count_items(conn, status=wanted, page_id=page_id)
    if as_json:
        for item in items:
            click.echo(
                json.dumps(
                    {
                        k: item[k]
                        for k in (
                            "id",
                            "status",
                            "priority",
                            "page_key",
                            "categories",
                            "target",
                            "evidence",
                            "text",
                        )
                    },
                    ensure_ascii=False,
                    default=str,
                )
            )
        return
    if not items:
        console.print(f"No {status} review items.")
        return
    table = listing(
        [
            whole("id", (i["id"] for i in items)),
            whole("page", (i["page_key"] for i in items)),
            "categories",
            "target",
            "comment",
            "triggered by",
        ]
    )
    for item in items:
        urgent = "[red]URGENT[/] " if "threat" in item["categories"] else ""
        table.add_row(
            str(item["id"]),
            item["page_key"],
            urgent + ", ".join(item["categories"]),
            item["target"] or "",
            short(item["text"]),
            ", ".join(sorted({e["text"] for e in item["evidence"]})),
        )
    console.print(table)
    more = more_line(len(items), total, "raise --limit or filter with --page")
    if more:
        console.print(more)


@review.command("show")
@click.argument("item_id", type=int)
@click.pass_context
def review_show(ctx: click.Context, item_id: int) -> None:
    """Show one review item: the comment, its post, why it was flagged, and decisions.

    \b
    Example:
      page-governor review show 12
    """
    from page_governor.moderation.review import get_item

    app = app_of(ctx)
    with app.db.connect() as conn:
        item = get_item(conn, item_id)
    console.print(
        f"[bold]Review item {item['id']}[/] — {item['status']} — page {item['page_key']} "
        f"({item['platform']})"
    )
    if item.get("post_text"):
        console.print(f"On the post: “{short(item['post_text'], 160)}”")
    console.print(f"{item['kind'].capitalize()} by {item['author_name'] or 'unknown'}:")
    console.print(f"  “{item['text']}”", markup=False)
    if item["permalink"]:
        console.print(f"  {item['permalink']}")
    if item["deleted_at"] is not None:
        console.print(
            f"  [red]deleted on the platform at {item['deleted_at']:%Y-%m-%d %H:%M} UTC[/]: "
            "it cannot be hidden; decide keep, not_a_violation or escalate for the record"
        )
    for e in item["evidence"]:
        console.print(f"  flagged [bold]{e['category']}[/] because of: “{e['text']}”")
    scores = ", ".join(f"{k} {v:.2f}" for k, v in item["scores"].items() if v)
    console.print(f"  scores: {scores}  (detector {item['detector_version']})")
    if item.get("confidence"):
        shares = ", ".join(f"{k} {v:.0%}" for k, v in item["confidence"].items())
        console.print(f"  in labelled data, comments scoring this were violations: {shares}")
    if item["target"]:
        console.print(f"  target: {item['target']}")
    for advisory in item["advisories"]:
        console.print(f"  [yellow]advisory[/]: {advisory}")
    from page_governor.moderation.appeals import appeals_of
    from page_governor.moderation.notices import notices_of

    with app.db.connect() as conn:
        appeals = appeals_of(conn, item_id)
        notices = notices_of(conn, item_id)
    for n in notices:
        console.print(
            f"  notice to {n['to'] or 'the commenter'} after the hide at {n['at']:%Y-%m-%d %H:%M} "
            f"UTC ({n['status'].replace('_', ' ')}: {n['detail']}): “{n['text']}”",
            markup=False,
        )
    for a in appeals:
        console.print(
            f"  appeal {a['id']} ({a['status']}): “{a['text']}” recorded by {a['recorded_by']}"
            + (f"; {a['status']} by {a['decided_by']}: {a['reason']}" if a["decided_by"] else ""),
            markup=False,
        )
    for d in item["decisions"]:
        console.print(
            f"  decision: {d['decision']} by {d['reviewer']} at {d['decided_at']:%Y-%m-%d %H:%M} "
            f"UTC — {d['reason']}"
            + (f" (clause: {d['policy_clause']})" if d["policy_clause"] else "")
        )


@review.command("decide")
@click.argument("item_id", type=int)
@click.option("--decision", type=click.Choice([d.value for d in Decision]), required=True)
@by_option("reviewer", "--reviewer")
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@click.option(
    "--clause",
    "policy_clause",
    help="The clause of the page's published comment policy relied on (needed to hide).",
)
@click.pass_context
def review_decide(
    ctx: click.Context,
    item_id: int,
    decision: str,
    reviewer: str,
    reason: str,
    policy_clause: str | None,
) -> None:
    """Decide a review item: keep, hide, escalate or not_a_violation.

    Hide goes through the platform (never delete) and is refused when the page has no
    published moderation policy. Every decision is in the audit log.

    \b
    Example:
      page-governor review decide 12 --decision hide --by jpark \\
        --reason "doxxing of a private person" --clause "IV.A.2.d(1) personal information"
    """
    from page_governor.governance.roles import Permission
    from page_governor.moderation.review import record_decision

    app = app_of(ctx)
    actor = checked(ctx, reviewer, Permission.DECIDE, f"decide review item {item_id}")
    outcome = record_decision(
        app.db,
        item_id=item_id,
        decision=Decision(decision),
        reviewer=actor,
        reason=reason,
        policy_clause=policy_clause,
        now=app.clock.now(),
        adapter_for=app.adapter_for,
        notices=app.notices,
    )
    extra = ""
    if outcome.platform_result.get("action") == "hide":
        extra = f"; platform answered {json.dumps(outcome.platform_result.get('answer'))}"
    console.print(
        f"Review item {item_id}: {decision} by {reviewer} — now {outcome.status.value}"
        f"{extra} (audit #{outcome.audit_id})"
    )


@review.command("appeal")
@click.argument("item_id", type=int)
@click.option("--text", required=True, help="What the commenter wrote to appeal (recorded).")
@by_option()
@click.pass_context
def review_appeal(ctx: click.Context, item_id: int, text: str, by: str) -> None:
    """Record a commenter's appeal against the hide of their comment (audited).

    \b
    Example:
      page-governor review appeal 12 --by jpark --text "I was quoting the suspect's post"
    """
    from page_governor.governance.roles import Permission
    from page_governor.moderation.appeals import file_appeal

    app = app_of(ctx)
    actor = checked(ctx, by, Permission.DECIDE, f"record an appeal on review item {item_id}")
    with app.db.begin() as conn:
        appeal_id = file_appeal(conn, item_id, text=text, by=actor, now=app.clock.now())
    console.print(
        f"appeal {appeal_id} recorded on review item {item_id}; someone other than the person "
        "who hid the comment decides it with `review appeal-decide`"
    )


@review.command("appeal-decide")
@click.argument("appeal_id", type=int)
@click.option("--outcome", type=click.Choice(["upheld", "reversed"]), required=True)
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@by_option()
@click.pass_context
def review_appeal_decide(
    ctx: click.Context, appeal_id: int, outcome: str, reason: str, by: str
) -> None:
    """Decide an appeal: uphold the hide, or reverse it and show the comment again.

    Refused for the person who hid the comment. Reversing goes through the platform (the
    comment is unhidden and archived as a new version).

    \b
    Example:
      page-governor review appeal-decide 3 --outcome reversed --by alvarez \\
          --reason "a quotation, not a personal attack"
    """
    from page_governor.governance.roles import Permission
    from page_governor.moderation.appeals import decide_appeal

    app = app_of(ctx)
    actor = checked(ctx, by, Permission.DECIDE, f"decide appeal {appeal_id}")
    with app.db.begin() as conn:
        result = decide_appeal(
            conn,
            appeal_id,
            reversed_=outcome == "reversed",
            reason=reason,
            by=actor,
            now=app.clock.now(),
            adapter_for=app.adapter_for,
        )
    console.print(f"appeal {appeal_id}: {result}")
