"""``page-governor demo|doctor|run|serve|poll``: running the product."""

from __future__ import annotations

import logging
import os

import click
from rich.table import Table

from page_governor.cli.base import app_of, console, migrate_now, settings_of, sync_registry_of
from page_governor.cli.root import cli
from page_governor.errors import ConfigError, InputError, PageGovernorError, PlatformError
from page_governor.logging_setup import configure_logging, uvicorn_log_config
from page_governor.models import PageState

# -- demo -----------------------------------------------------------------------------------


@cli.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Run the whole pipeline on the bundled sample pages (no credentials, no network).

    Creates the embedded database, captures six sample department pages at two points in
    time (so edits and deletions show), checks compliance, flags comments for review, and
    prints a summary. Running it again adds nothing twice.

    \b
    Example:
      page-governor demo
      page-governor --data-dir /tmp/pg-demo demo
    """
    from page_governor.ops.demo import render_summary, run_demo

    # The demo sets up whatever database it is pointed at (the embedded one by default).
    migrate_now(settings_of(ctx))
    app = app_of(ctx)
    console.print(f"Data directory: {app.settings.data_dir}")
    run = run_demo(app, console)
    render_summary(app, run, console)


@cli.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check this deployment, one line per check, each failure with what to do.

    Configuration files; the database (reachable, newest migration, clock skew); the signing
    key; the Telegram bot and its chats; every active page's token and the permissions the
    product needs (Graph scopes to read and moderate, with facebook_app_id set; the bot an
    administrator of each Telegram channel and its discussion group). Reads only. Exits 1
    when a check fails (warnings do not fail).

    \b
    Example:
      page-governor doctor
    """
    from rich.markup import escape

    from page_governor.ops.doctor import run_checks

    try:
        settings = settings_of(ctx)
    except PageGovernorError as exc:
        console.print(f"[red]fail[/]  settings: {exc.message}", soft_wrap=True)
        raise SystemExit(1) from None
    failed = 0
    marks = {"ok": "[green]ok[/]  ", "warn": "[yellow]warn[/]", "fail": "[red]fail[/]"}
    for check in run_checks(settings, os.environ):
        failed += check.status == "fail"
        line = f"{marks[check.status]}  {check.name}: {escape(check.detail)}"
        if check.fix and check.status != "ok":
            line += f"\n        → {escape(check.fix)}"
        console.print(line, soft_wrap=True)
    if failed:
        console.print(f"{failed} check(s) failed")
        raise SystemExit(1)
    console.print("every check passed")


# -- the worker -----------------------------------------------------------------------------


@cli.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Run the worker: scheduled capture, compliance checks and Telegram alerts (Procfile).

    Refuses to start until every setting it needs is present, and says which are missing.

    \b
    Example:
      PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN=… PAGE_GOVERNOR_TELEGRAM_PIO_CHAT_ID=-100… \\
      SPRINGFIELD_PD_FB_TOKEN=… page-governor run
    """
    from page_governor.app import missing_run_settings
    from page_governor.config import load_registry

    settings = settings_of(ctx)
    registry = load_registry(settings.config_dir)
    missing = missing_run_settings(settings, registry, os.environ)
    if missing:
        raise ConfigError(
            [f"missing {m}" for m in missing],
            hint="see README.md, Configuration; `page-governor demo` runs without any of these",
        )
    app = app_of(ctx)
    sync_registry_of(app, registry)
    from page_governor.worker.process import run_worker

    configure_logging(app.settings.log_level)
    if not run_worker(app):
        # A job outlived the shutdown time: leave now (each poll is one transaction, so the
        # one cut short loses nothing), before the host's SIGKILL does it less cleanly.
        app.close()
        logging.shutdown()
        os._exit(0)


@cli.command()
@click.option("--host", help="Interface to listen on (default: web_host setting, 0.0.0.0).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: $PORT or 8000).")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve HTTP (Procfile `web`): the web console, Meta webhooks, and /healthz.

    The console signs in the accounts made with `users add`; set PAGE_GOVERNOR_WEB_SECRET_KEY
    so sessions survive a restart, and serve it behind HTTPS (PAGE_GOVERNOR_WEB_HTTPS_ONLY=false
    for a trial on http://localhost). Meta calls https://YOUR-HOST/webhooks/meta; set
    PAGE_GOVERNOR_FACEBOOK_APP_SECRET (checks X-Hub-Signature-256) and
    PAGE_GOVERNOR_META_WEBHOOK_VERIFY_TOKEN (the subscription handshake). Events stored before a
    restart are processed at start-up.

    \b
    Examples:
      PORT=8080 page-governor serve
      PAGE_GOVERNOR_WEB_HTTPS_ONLY=false page-governor serve --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from page_governor.capture.webhooks import process_pending
    from page_governor.web.app import create_app

    app = app_of(ctx)
    sync_registry_of(app)
    configure_logging(app.settings.log_level)
    pending = process_pending(app)
    if pending:
        logging.getLogger(__name__).info("processed %d stored webhook events", pending)
    uvicorn.run(
        create_app(app),
        host=host or app.settings.web_host,
        port=port or app.settings.web_port,
        log_level=app.settings.log_level.lower(),
        log_config=uvicorn_log_config(),
        proxy_headers=True,
    )


@cli.command()
@click.option("--page", "page_key", help="Poll only this page (key or id).")
@click.pass_context
def poll(ctx: click.Context, page_key: str | None) -> None:
    """Capture pages once now: profile, posts, comments, edits and deletions.

    \b
    Example:
      page-governor poll --page springfield-pd-facebook
    """
    from page_governor.capture.polling import poll_job
    from page_governor.governance.registry import all_pages, page_row

    app = app_of(ctx)
    sync_registry_of(app)
    with app.db.connect() as conn:
        pages = [page_row(conn, page_key)] if page_key else all_pages(conn)
    if not pages:
        raise InputError(
            "no pages are registered", hint="run `page-governor demo` or fill config/pages.yaml"
        )
    table = Table("page", "posts", "comments", "new", "edits", "deletions", "flags", "result")
    failed = []
    inactive = [p for p in pages if p["state"] != PageState.ACTIVE.value]
    for page in inactive:
        # A page is read only once it is active: polling an approved page would pause it and
        # record a permanent capture gap for a page nobody runs yet.
        table.add_row(page["key"], *("-" * 6), f"[yellow]skipped[/]: {page['state']}, not active")
    if inactive and len(inactive) == len(pages) and page_key:
        console.print(table)
        raise InputError(
            f"page {page_key} is {inactive[0]['state']}, not active: it is not polled",
            hint=f"activate it first: page-governor pages activate {inactive[0]['key']}",
        )
    for page in pages:
        if page["state"] != PageState.ACTIVE.value:
            continue
        outcome = poll_job(app, page["key"], force=True)
        stats = outcome.stats
        if stats is None:
            failed.append(page["key"])
            table.add_row(page["key"], *("-" * 6), f"[red]failed[/] {outcome.note}")
            continue
        numbers = (
            stats.posts,
            stats.comments,
            stats.new_items,
            stats.edits,
            stats.deletions,
            stats.flags,
        )
        table.add_row(page["key"], *(str(x) for x in numbers), "ok")
    console.print(table)
    if failed:
        raise PlatformError(
            f"{len(failed)} of {len(pages)} pages could not be read: {', '.join(failed)}",
            hint="`page-governor pages health` shows why; the capture gap is recorded",
        )
