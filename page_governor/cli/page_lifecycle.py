"""``page-governor pages request|pending|approve|reject|activate|suspend|reinstate|retire|
recertify|report|discover``: the page lifecycle on the command line.

``--by WHO`` names a console account or a person of ``config/roles.yaml`` and acts with their
roles, so only a chief approves, and a request cannot be approved by whoever made it (on the
command line, in the console or in Telegram: all three record the same identity).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from page_governor.cli.base import app_of, by_option, checked, console, read_input, sync_registry_of
from page_governor.cli.pages import pages
from page_governor.errors import InputError
from page_governor.governance.lifecycle import Event
from page_governor.governance.roles import RoleBook
from page_governor.models import Platform
from page_governor.output import listing, whole

if TYPE_CHECKING:
    from page_governor.app import App
    from page_governor.governance.identity import Identity

BY = by_option()


def _registry(ctx: click.Context) -> App:
    """The app, with config/pages.yaml's departments and pages registered first."""
    app = app_of(ctx)
    sync_registry_of(app)
    return app


def _person(ctx: click.Context, name: str) -> Identity:
    """The person ``--by`` names (a console account or a roles.yaml name); the lifecycle
    checks their roles for each step."""
    from page_governor.governance.identity import resolve

    app = _registry(ctx)
    book = RoleBook.from_config_dir(app.settings.config_dir)
    with app.db.connect() as conn:
        return resolve(conn, book, name)


@pages.command("request")
@click.option(
    "--platform", type=click.Choice([p.value for p in Platform]), required=True, help="Platform."
)
@click.option("--department", required=True, help="Department slug (pages.yaml).")
@click.option(
    "--url", help="The page's address, e.g. https://www.facebook.com/SpringfieldPDTraffic"
)
@click.option("--handle", help="Handle or username, e.g. SpringfieldPDTraffic")
@click.option("--platform-id", help="The platform's id of the page, if it exists already.")
@click.option("--token-env", help="Environment variable that will hold its access token.")
@click.option("--key", help="Registry key (default: department-platform-handle).")
@click.option("--purpose", required=True, help="Purpose and scope statement of the page.")
@click.option("--audience", required=True, help="Target audience.")
@click.option("--admin", "admins", multiple=True, required=True, help="An administrator (repeat).")
@click.option("--credentials", required=True, help="Who holds the credentials.")
@click.option(
    "--profile",
    "profile_file",
    help="JSON file of the proposed profile text (for a page not created yet); - for stdin.",
)
@BY
@click.pass_context
def pages_request(ctx: click.Context, profile_file: str | None, by: str, **options: Any) -> None:
    """Request a new official page; the chief is asked to approve it.

    The request is checked for the required elements at once: the live page when its id and
    token are given, else the proposed profile text.

    \b
    Example:
      page-governor pages request --platform facebook --department springfield-pd \\
        --url https://www.facebook.com/SpringfieldPDTraffic --handle SpringfieldPDTraffic \\
        --purpose "Traffic alerts and road closures" --audience "Drivers in Springfield" \\
        --admin "Jane Park" --admin "Sam Lee" --credentials "Jane Park" \\
        --profile proposed.json --by "Jane Park (PIO)"
    """
    from page_governor.governance.pages import PageRequest, request_page

    person = _person(ctx, by)
    proposed: dict[str, Any] = {}
    if profile_file:
        try:
            data = json.loads(read_input(profile_file))
        except ValueError as exc:
            raise InputError(f"{profile_file}: not valid JSON ({exc})") from None
        if not isinstance(data, dict):
            raise InputError(f"{profile_file}: must be a JSON object of profile fields")
        proposed = data
    request = PageRequest(
        platform=Platform(options["platform"]),
        department=options["department"],
        purpose=options["purpose"],
        audience=options["audience"],
        administrators=tuple(options["admins"]),
        credentials_holder=options["credentials"],
        url=options["url"],
        handle=options["handle"],
        platform_id=options["platform_id"],
        token_env=options["token_env"],
        key=options["key"],
        proposed_profile=proposed,
    )
    app = app_of(ctx)
    key = request_page(app, request, by=person.actor, roles=person.roles)
    with app.db.connect() as conn:
        from page_governor.governance.pages import page_detail

        check = page_detail(conn, key)["request"]["precheck"]
    precheck = (
        f"pre-check of the {check['source']} profile {check['passed']}/{check['total']}"
        + (f", missing {', '.join(check['failing'])}" if check["failing"] else "")
        if check.get("source")
        else "no profile to pre-check yet"
    )
    console.print(
        f"requested {key}: {precheck}"
        + (f" ({check['note']})" if check.get("note") else "")
        + "\nthe chief is asked to approve it (`pages approve`, or the button in Telegram)"
    )


@pages.command("pending")
@click.option("--json", "as_json", is_flag=True, help="One JSON document: a list of requests.")
@click.pass_context
def pages_pending(ctx: click.Context, as_json: bool) -> None:
    """Requests waiting for the chief, with their compliance pre-check.

    \b
    Example:
      page-governor pages pending
    """
    from page_governor.clock import jsonable
    from page_governor.governance.pages import pending_requests

    app = _registry(ctx)
    with app.db.connect() as conn:
        rows = pending_requests(conn)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "key": row["key"],
                        "platform": row["platform"],
                        "state": row["state"],
                        "request": jsonable(row["request"] or {}),
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not rows:
        console.print("no requests are waiting")
        return
    table = listing(
        [
            whole("page", (r["key"] for r in rows)),
            "platform",
            "requested by",
            "purpose",
            "pre-check",
            "missing",
        ]
    )
    for row in rows:
        request = row["request"] or {}
        check = request.get("precheck") or {}
        table.add_row(
            row["key"],
            row["platform"],
            request.get("requested_by", ""),
            request.get("purpose", ""),
            f"{check.get('passed', 0)}/{check.get('total', 0)} ({check.get('source')})"
            if check.get("source")
            else "no profile yet",
            ", ".join(check.get("failing") or []),
        )
    console.print(table)


def _transition(
    ctx: click.Context, key: str, event: Event, by: str, reason: str, **extra: Any
) -> None:
    from page_governor.governance.pages import transition

    person = _person(ctx, by)
    state = transition(
        app_of(ctx), key, event, by=person.actor, roles=person.roles, reason=reason, **extra
    )
    console.print(f"{key}: {event.value} by {person.actor}; now {state.value}")


@pages.command("approve")
@click.argument("page_key")
@click.option("--reason", default="", help="Why (recorded).")
@click.option(
    "--acknowledge-failures",
    is_flag=True,
    help="Approve although the pre-check found required elements missing (recorded).",
)
@BY
@click.pass_context
def pages_approve(
    ctx: click.Context, page_key: str, reason: str, acknowledge_failures: bool, by: str
) -> None:
    """Approve a requested page (the chief; not one's own request).

    A page that exists becomes active: the worker starts capturing, checking and moderating it
    within a minute. One still to be created waits for `pages activate`.

    \b
    Example:
      page-governor pages approve springfield-pd-facebook-springfieldpdtraffic \\
        --by "Chief Alvarez" --reason "traffic unit pilot" --acknowledge-failures
    """
    _transition(
        ctx, page_key, Event.APPROVE, by, reason or "approved", acknowledged=acknowledge_failures
    )


@pages.command("reject")
@click.argument("page_key")
@click.option("--reason", required=True, help="Why (recorded, shown to the requester).")
@BY
@click.pass_context
def pages_reject(ctx: click.Context, page_key: str, reason: str, by: str) -> None:
    """Reject a requested page (the chief).

    \b
    Example:
      page-governor pages reject spd-facebook-k9 --by "Chief Alvarez" --reason "use the main page"
    """
    _transition(ctx, page_key, Event.REJECT, by, reason)


@pages.command("activate")
@click.argument("page_key")
@click.option("--platform-id", help="The id the platform gave the new page.")
@click.option("--token-env", help="Environment variable holding its access token.")
@BY
@click.pass_context
def pages_activate(
    ctx: click.Context, page_key: str, platform_id: str | None, token_env: str | None, by: str
) -> None:
    """Activate an approved page once it exists: capture, checks and moderation start.

    \b
    Example:
      page-governor pages activate spd-facebook-traffic --platform-id 1002003004 --by "Jane Park"
    """
    _transition(
        ctx,
        page_key,
        Event.ACTIVATE,
        by,
        "activated",
        platform_id=platform_id,
        token_env=token_env,
    )


@pages.command("suspend")
@click.argument("page_key")
@click.option("--reason", required=True)
@BY
@click.pass_context
def pages_suspend(ctx: click.Context, page_key: str, reason: str, by: str) -> None:
    """Suspend an active page: capture and moderation stop until it is reinstated.

    \b
    Example:
      page-governor pages suspend spd-x --by "Chief Alvarez" --reason "account compromised"
    """
    _transition(ctx, page_key, Event.SUSPEND, by, reason)


@pages.command("reinstate")
@click.argument("page_key")
@click.option("--reason", required=True)
@BY
@click.pass_context
def pages_reinstate(ctx: click.Context, page_key: str, reason: str, by: str) -> None:
    """Make a suspended page active again.

    \b
    Example:
      page-governor pages reinstate spd-x --by "Chief Alvarez" --reason "passwords reset"
    """
    _transition(ctx, page_key, Event.REINSTATE, by, reason)


@pages.command("recertify")
@click.argument("page_key")
@click.option("--reason", required=True, help="What the review found.")
@BY
@click.pass_context
def pages_recertify(ctx: click.Context, page_key: str, reason: str, by: str) -> None:
    """Re-certify an active page after its periodic review (the chief).

    \b
    Example:
      page-governor pages recertify spd-fb --by "Chief Alvarez" --reason "annual audit 2026"
    """
    _transition(ctx, page_key, Event.RECERTIFY, by, reason)


@pages.command("retire")
@click.argument("page_key")
@click.option("--reason", required=True)
@click.option(
    "--skip-final-capture",
    is_flag=True,
    help="Retire even though the page cannot be read one last time (recorded).",
)
@BY
@click.pass_context
def pages_retire(
    ctx: click.Context, page_key: str, reason: str, skip_final_capture: bool, by: str
) -> None:
    """Retire a page: one final full capture, then polling stops. Its archive stays under
    the retention schedule, and the registry keeps the record.

    \b
    Example:
      page-governor pages retire spd-facebook-k9 --by "Chief Alvarez" --reason "unit disbanded"
    """
    from page_governor.governance.pages import retire

    person = _person(ctx, by)
    state, note = retire(
        app_of(ctx),
        page_key,
        by=person.actor,
        roles=person.roles,
        reason=reason,
        final_capture=not skip_final_capture,
    )
    console.print(f"{page_key}: retired by {person.actor} ({note}); now {state.value}")


REPORT_COLUMNS = (
    "key",
    "platform",
    "department",
    "state",
    "approved_by",
    "approved_at",
    "compliance",
    "checked_at",
    "recertify_due",
    "retired_at",
)


@pages.command("x-token")
@click.argument("page_key", required=False)
@click.option(
    "--refresh-token-stdin",
    is_flag=True,
    help="Read the account's OAuth 2.0 refresh token from standard input.",
)
@click.option("--new-key", is_flag=True, help="Print a new PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY.")
@by_option(required=False)
@click.pass_context
def pages_x_token(
    ctx: click.Context, page_key: str | None, refresh_token_stdin: bool, new_key: bool,
    by: str | None,
) -> None:  # fmt: skip
    """Store an X account's OAuth 2.0 refresh token; the worker then keeps its access token
    fresh (X's live two hours) and alerts the admin if a refresh fails.

    Authorize the account once with the scopes tweet.read users.read tweet.moderate.write
    offline.access (X's OAuth 2.0 PKCE flow, e.g. tweepy.OAuth2UserHandler), then give the
    refresh token here. It is exchanged at once, so a wrong one is refused now, and both
    tokens are stored encrypted with PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY.

    \b
    Examples:
      page-governor pages x-token --new-key
      page-governor pages x-token spd-x --refresh-token-stdin --by ada < refresh.txt
    """
    from page_governor.platforms import x_oauth

    if new_key:
        console.print(f"PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY={x_oauth.new_key()}", markup=False)
        console.print("Set it where the worker runs, and keep a copy with your backups.")
        return
    if not page_key or not refresh_token_stdin or not by:
        raise InputError(
            "give the page, --refresh-token-stdin and --by",
            hint="page-governor pages x-token spd-x --refresh-token-stdin --by ada < refresh.txt",
        )
    from page_governor.governance.registry import page_row
    from page_governor.governance.roles import Permission

    app = _registry(ctx)
    with app.db.connect() as conn:
        page = page_row(conn, page_key)
    if page["platform"] != "x":
        raise InputError(f"{page_key} is a {page['platform']} page; OAuth tokens are for X")
    admin = checked(ctx, by, Permission.MANAGE_TOKENS, f"store the X token of {page_key}")
    token = click.get_text_stream("stdin").read().strip()
    if not token:
        raise InputError("no refresh token on standard input")
    stored = x_oauth.store_refresh_token(
        app.db, app.settings, page, token, by=admin, now=app.clock.now()
    )
    console.print(
        f"{page_key}: X token stored encrypted (scopes: {stored.scope or 'not stated'}); "
        f"valid until {stored.expires_at:%Y-%m-%d %H:%M} UTC, refreshed by the worker"
    )


@pages.command("report")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file.")
@click.pass_context
def pages_report(ctx: click.Context, fmt: str, out: Path | None) -> None:
    """The registry report: every official page, its state, approver, last compliance result
    and next re-certification.

    \b
    Example:
      page-governor pages report --format csv --out registry-2026-12.csv
    """
    from page_governor.governance.pages import report

    app = _registry(ctx)
    with app.db.connect() as conn:
        rows = report(conn)
    if fmt == "table" and out is None:
        if console.width < 140:
            # ten columns do not fit a terminal of ordinary width: one block per page instead
            for row in rows:
                console.print(f"[bold]{row['key']}[/]", soft_wrap=True)
                for column in REPORT_COLUMNS[1:]:
                    console.print(
                        f"  {column.replace('_', ' ')}: {row[column] or '-'}", soft_wrap=True
                    )
            console.print(f"{len(rows)} pages")
            return
        table = listing([whole("key", (r["key"] for r in rows)), *REPORT_COLUMNS[1:]])
        for row in rows:
            table.add_row(*[str(row[c] or "-") for c in REPORT_COLUMNS])
        console.print(table)
        return
    if fmt == "json":
        text = json.dumps(rows, indent=2) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=REPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    if out is None:
        click.echo(text, nl=False)
    else:
        if out.exists():
            raise InputError(f"{out} exists already")
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {len(rows)} pages to {out}")


@pages.command("discover")
@click.option("--json", "as_json", is_flag=True, help="One JSON document: a list of pages.")
@click.pass_context
def pages_discover(ctx: click.Context, as_json: bool) -> None:
    """Pages the agency's Meta Business Manager manages that are not registered.

    Needs PAGE_GOVERNOR_META_DISCOVERY_TOKEN: a system-user token with pages_show_list (page
    tokens only see their own page). The worker runs this daily and alerts the admin.

    \b
    Example:
      PAGE_GOVERNOR_META_DISCOVERY_TOKEN=… page-governor pages discover
    """
    from page_governor.governance.pages import find_unregistered

    found = find_unregistered(app_of(ctx))
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))
        return
    if not found:
        console.print("every page the agency's Meta account manages is registered")
        return
    table = listing(["platform", whole("platform id", (i["platform_id"] for i in found)), "name"])
    for item in found:
        table.add_row(item["platform"], item["platform_id"], item.get("name", ""))
    console.print(table)
    console.print(f"{len(found)} page(s) not registered: request them with `pages request`")
