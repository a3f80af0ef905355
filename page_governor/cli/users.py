"""``page-governor users add|list|disable|set-password``: web console accounts (admin)."""

from __future__ import annotations

import json
import sys

import click

from page_governor.cli.base import app_of, console, login_name
from page_governor.cli.root import cli
from page_governor.clock import iso
from page_governor.errors import InputError
from page_governor.models import Role
from page_governor.output import listing, whole


@cli.group()
def users() -> None:
    """Web console accounts, with the same roles as the Telegram bot.

    \b
    Examples:
      page-governor users add sam --name "Sam Lee (Records)" --role records_clerk
      page-governor users list
    """


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise InputError("no terminal to ask for a password: use --password-stdin")
    first = click.prompt("Password", hide_input=True)
    if click.prompt("Again", hide_input=True) != first:
        raise InputError("the two passwords differ")
    return str(first)


@users.command("add")
@click.argument("username")
@click.option("--name", required=True, help="Full name, as the audit log shows it.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice([r.value for r in Role]),
    help="A role (repeat for several).",
)
@click.option("--telegram-id", type=int, help="Their Telegram id, to be named alike in both.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def users_add(
    ctx: click.Context,
    username: str,
    name: str,
    roles: tuple[str, ...],
    telegram_id: int | None,
    password_stdin: bool,
) -> None:
    """Create an account (asks for the password; at least 12 characters).

    \b
    Example:
      page-governor users add alvarez --name "Chief Alvarez" --role chief --telegram-id 222222222
    """
    from page_governor.web.users import add_user

    password = _password(password_stdin)
    app = app_of(ctx)
    with app.db.begin() as conn:
        user = add_user(
            conn,
            username=username,
            name=name,
            roles=[Role(r) for r in roles],
            password=password,
            telegram_id=telegram_id,
            by=f"cli:{login_name()}",
            now=app.clock.now(),
        )
    console.print(
        f"added {user.username} ({', '.join(sorted(roles))}); audit names them {user.actor}"
    )


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON document: a list of accounts.")
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """Accounts, their roles and last sign-in.

    \b
    Example:
      page-governor users list --json
    """
    from page_governor.clock import jsonable
    from page_governor.web.users import list_users

    app = app_of(ctx)
    with app.db.connect() as conn:
        rows = list_users(conn)
    if as_json:
        click.echo(json.dumps(jsonable(rows), ensure_ascii=False, indent=2))
        return
    table = listing(
        [
            whole("username", (r["username"] for r in rows)),
            "name",
            "roles",
            whole("telegram id", (r["telegram_id"] or "" for r in rows)),
            "last sign-in",
            "disabled",
        ]
    )
    for row in rows:
        table.add_row(
            row["username"],
            row["display_name"],
            ", ".join(row["roles"]),
            str(row["telegram_id"] or ""),
            iso(row["last_login_at"]) or "",
            iso(row["disabled_at"]) or "",
        )
    console.print(table)


@users.command("disable")
@click.argument("username")
@click.pass_context
def users_disable(ctx: click.Context, username: str) -> None:
    """Disable an account (kept for the record; signed-in sessions end at once).

    \b
    Example:
      page-governor users disable sam
    """
    from page_governor.web.users import disable_user

    app = app_of(ctx)
    with app.db.begin() as conn:
        disable_user(conn, username, by=f"cli:{login_name()}", now=app.clock.now())
    console.print(f"disabled {username}")


@users.command("enable")
@click.argument("username")
@click.pass_context
def users_enable(ctx: click.Context, username: str) -> None:
    """Enable a disabled account again.

    \b
    Example:
      page-governor users enable sam
    """
    from page_governor.web.users import enable_user

    app = app_of(ctx)
    with app.db.begin() as conn:
        enable_user(conn, username, by=f"cli:{login_name()}", now=app.clock.now())
    console.print(f"enabled {username}")


@users.command("set-roles")
@click.argument("username")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice([r.value for r in Role]),
    help="A role (repeat for several); replaces the account's roles.",
)
@click.pass_context
def users_set_roles(ctx: click.Context, username: str, roles: tuple[str, ...]) -> None:
    """Replace an account's roles (the audit log keeps the roles before and after).

    \b
    Example:
      page-governor users set-roles sam --role pio --role records_clerk
    """
    from page_governor.web.users import set_roles

    app = app_of(ctx)
    with app.db.begin() as conn:
        after = set_roles(
            conn, username, [Role(r) for r in roles], by=f"cli:{login_name()}", now=app.clock.now()
        )
    console.print(f"{username} now holds: {', '.join(after)}")


@users.command("set-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def users_set_password(ctx: click.Context, username: str, password_stdin: bool) -> None:
    """Set a new password.

    \b
    Example:
      page-governor users set-password sam
    """
    from page_governor.web.users import set_password

    password = _password(password_stdin)
    app = app_of(ctx)
    with app.db.begin() as conn:
        set_password(conn, username, password, by=f"cli:{login_name()}", now=app.clock.now())
    console.print(f"password of {username} changed")
