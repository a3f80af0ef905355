"""Helpers every command module shares: the consoles, the --by option, settings and the
app, reading input, the one-line error. Imports no command module.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from page_governor.config import Settings, load_settings
from page_governor.errors import InputError, PageGovernorError
from page_governor.logging_setup import configure_logging, register_secret

if TYPE_CHECKING:  # the database stack is imported by the commands that use it
    from page_governor.app import App


console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

# The one checked identity of every command that decides or releases records.
BY_HELP = (
    "Who acts: your console username or your name as roles.yaml lists it; checked for the "
    "role, recorded."
)


def by_option(dest: str = "by", *aliases: str, required: bool = True, note: str = "") -> Any:
    """The ``--by WHO`` option (page_governor.governance.identity checks it): the same flag everywhere."""
    return click.option(
        "--by", *aliases, dest, required=required, metavar="WHO", help=BY_HELP + note
    )


def settings_of(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    if "settings" not in obj:
        obj["settings"] = load_settings(obj["flags"])
        found = obj["settings"]
        for secret in (
            found.telegram_bot_token,
            found.facebook_app_secret,
            found.meta_webhook_verify_token,
            found.meta_discovery_token,
            found.web_secret_key,
            found.archive_signing_private_key,
        ):
            register_secret(secret)
        # Interactive commands stay quiet unless asked; the worker logs at the set level.
        configure_logging(obj["flags"].get("log_level") or "WARNING")
    return obj["settings"]


def migrate_now(settings: Settings) -> tuple[str | None, str]:
    """Apply pending migrations to the configured database; (revision before, after)."""
    from page_governor.db import open_database

    database = open_database(settings.effective_database_url)
    try:
        return database.upgrade()
    finally:
        database.dispose()


def app_of(ctx: click.Context) -> App:
    from page_governor.app import App

    obj = ctx.find_root().obj
    if "app" not in obj:
        obj["app"] = App(settings_of(ctx))
        ctx.call_on_close(obj["app"].close)
    return obj["app"]


def sync_registry_of(app: App, registry: Any = None) -> None:
    """Register or update the pages of ``config/pages.yaml`` (nothing when it lists none)."""
    from page_governor.config import load_registry
    from page_governor.governance.registry import sync_registry

    registry = registry or load_registry(app.settings.config_dir)
    if not registry.pages and not registry.departments:
        return
    with app.db.begin() as conn:
        sync_registry(
            conn,
            registry,
            now=app.clock.now(),
            default_interval=app.settings.poll_interval_seconds,
            recertify_after=app.settings.recertification_period,
        )


def read_input(path: str) -> str:
    """The whole of a file, or of standard input for ``-``, as text (undecodable bytes are
    replaced); a missing or unreadable file is an InputError."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return data.decode("utf-8", errors="replace")


# -- input files ----------------------------------------------------------------------------


def jsonl_rows(text: str, source: str) -> Iterator[tuple[Any, str, bool, str]]:
    """Each line of a JSON Lines input as (id, text, reply, post); a bad line is an InputError
    naming its number."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            raise InputError(f"{source} line {number}: JSON nested too deeply") from None
        except ValueError:
            raise InputError(f"{source} line {number}: not valid JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f'{source} line {number}: expected {{"id": …, "text": "…"}}')
        post = obj.get("post", "")
        if not isinstance(post, str):
            raise InputError(f'{source} line {number}: "post" must be the text of the post')
        yield obj.get("id"), obj["text"], bool(obj.get("reply")), post


def short(text: str, n: int = 70) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def login_name() -> str:
    """Who runs the command, when no --by names them: $PAGE_GOVERNOR_USER or the login."""
    return os.environ.get("PAGE_GOVERNOR_USER") or getpass.getuser()


def checked(ctx: click.Context, who: str, permission: Any, what: str) -> str:
    """How the audit log names ``who``, once they are known to hold a role that may ``what``
    (see page_governor.governance.identity; a refusal is audited)."""
    from page_governor.governance.identity import authorize
    from page_governor.governance.roles import RoleBook

    app = app_of(ctx)
    book = RoleBook.from_config_dir(app.settings.config_dir)
    return authorize(app.db, book, who, permission, what=what, now=app.clock.now()).actor


# -- errors ---------------------------------------------------------------------------------


def fail(exc: PageGovernorError) -> int:
    """Print an error as one line (and its hint); return its exit code."""
    err_console.print(f"page-governor: error: {exc.message}", markup=False, soft_wrap=True)
    if exc.hint:
        err_console.print(f"  hint: {exc.hint}", markup=False, soft_wrap=True)
    return exc.exit_code
