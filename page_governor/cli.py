"""The ``page-governor`` command line.

Every command has ``--help`` with an example. Errors that page_governor raises on purpose are
printed as one line (plus a hint) with the error's exit code; anything else is a bug.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from page_governor import __version__
from page_governor.clock import iso, jsonable
from page_governor.config import Settings, load_settings
from page_governor.errors import ConfigError, InputError, PageGovernorError, PlatformError
from page_governor.logging_setup import configure_logging, register_secret, uvicorn_log_config
from page_governor.models import Decision, PageState, ReviewStatus
from page_governor.output import listing, more_line, whole

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
    """The ``--by WHO`` option (page_governor.identity checks it): the same flag everywhere."""
    return click.option(
        "--by", *aliases, dest, required=required, metavar="WHO", help=BY_HELP + note
    )


EPILOG = """\b
Daily work happens in Telegram (`run`) and the web console (`serve`); see README.md.
"""


def _settings(ctx: click.Context) -> Settings:
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


def _migrate(settings: Settings) -> tuple[str | None, str]:
    """Apply pending migrations to the configured database; (revision before, after)."""
    from page_governor.db import open_database

    database = open_database(settings.effective_database_url)
    try:
        return database.upgrade()
    finally:
        database.dispose()


def _app(ctx: click.Context) -> App:
    from page_governor.app import App

    obj = ctx.find_root().obj
    if "app" not in obj:
        obj["app"] = App(_settings(ctx))
        ctx.call_on_close(obj["app"].close)
    return obj["app"]


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="page-governor")
@click.option(
    "--config-dir",
    type=click.Path(path_type=Path),
    help="Folder with settings.yaml, "
    "pages.yaml, policy.yaml, moderation.yaml (default: ./config or the bundled one).",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    help="Where the embedded database lives (default: ~/.local/share/page_governor).",
)
@click.option(
    "--database-url",
    help="sqlite:///file or postgres://… (default: $DATABASE_URL, else the embedded SQLite file).",
)
@click.option("--log-level", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]))
@click.pass_context
def cli(
    ctx: click.Context,
    config_dir: Path | None,
    data_dir: Path | None,
    database_url: str | None,
    log_level: str | None,
) -> None:
    """Governance for the official social-media pages of government agencies.

    Checks every page for the statements its policy requires, flags comments for human
    review (never hides or deletes by itself), and keeps a tamper-evident public-records
    archive of everything it sees.

    \b
    Example:
      page-governor demo
    """
    ctx.ensure_object(dict)
    ctx.obj["flags"] = {
        "config_dir": config_dir,
        "data_dir": data_dir,
        "database_url": database_url,
        "log_level": log_level,
    }


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
    from page_governor.demo import render_summary, run_demo

    # The demo sets up whatever database it is pointed at (the embedded one by default).
    _migrate(_settings(ctx))
    app = _app(ctx)
    console.print(f"Data directory: {app.settings.data_dir}")
    run = run_demo(app, console)
    render_summary(app, run, console)


# -- database -------------------------------------------------------------------------------


@cli.group()
def db() -> None:
    """Database schema (Alembic migrations).

    \b
    Example:
      DATABASE_URL=postgres://user@host/db page-governor db upgrade
    """


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Apply every pending migration (the Procfile release step).

    \b
    Example:
      page-governor db upgrade
    """
    before, after = _migrate(_settings(ctx))
    if before == after:
        console.print(f"Database already at revision {after}.")
    else:
        console.print(f"Database upgraded from {before or 'empty'} to {after}.")


@db.command("current")
@click.pass_context
def db_current(ctx: click.Context) -> None:
    """Show the database's schema revision and the newest one this version knows.

    \b
    Example:
      page-governor db current
    """
    from page_governor.db import open_database
    from page_governor.db.engine import head_revision

    database = open_database(_settings(ctx).effective_database_url)
    try:
        current = database.current_revision()
    finally:
        database.dispose()
    console.print(f"current: {current or 'empty'}  head: {head_revision()}")


@cli.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="A new (or empty) folder for the backup.",
)
@click.option(
    "--logical",
    is_flag=True,
    help="Write the product's own dump (JSON Lines per table), which restores into SQLite or "
    "PostgreSQL alike, instead of a SQLite file copy or pg_dump.",
)
@click.pass_context
def backup(ctx: click.Context, out: Path, logical: bool) -> None:
    """Back up the whole database into a folder, while the worker keeps running.

    SQLite: its online backup API. PostgreSQL: pg_dump where installed, else the logical dump.
    The folder's manifest.json lists row counts, chain heads and each file's SHA-256. Copy
    the folder off site: see "Backups" in the README.

    \b
    Examples:
      page-governor backup --out /backups/pg-$(date +%F)
      page-governor backup --out /tmp/move-to-postgres --logical
    """
    from page_governor.db import open_database
    from page_governor.db.backup import backup as make_backup

    database = open_database(_settings(ctx).effective_database_url)
    try:
        result = make_backup(
            database, out, logical=logical, progress=lambda m: err_console.print(m, markup=False)
        )
    finally:
        database.dispose()
    rows = sum(result.counts.values())
    console.print(f"backup written to {result.folder} ({result.kind}, {rows:,} rows)")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.pass_context
def restore(ctx: click.Context, folder: Path) -> None:
    """Restore a backup into the configured database, which must be empty; then verify it.

    Every file is checked against the backup's manifest first, every table's row count
    after, and the archive's chains are verified as `archive verify` does (exit 4 if they
    fail).

    \b
    Example:
      DATABASE_URL=postgresql://pg@db-new/page_governor page-governor restore /backups/pg-2026-12-04
    """
    from page_governor.archive.integrity import verify_chains
    from page_governor.db import open_database
    from page_governor.db.backup import restore as restore_backup
    from page_governor.errors import ArchiveIntegrityError

    database = open_database(_settings(ctx).effective_database_url)
    try:
        manifest = restore_backup(
            database, folder, progress=lambda m: err_console.print(m, markup=False)
        )
        with database.connect() as conn:
            reports = verify_chains(conn)
    finally:
        database.dispose()
    rows = sum(int(n) for n in (manifest.get("counts") or {}).values())
    console.print(
        f"restored {rows:,} rows from {folder} ({manifest['kind']}, made "
        f"{manifest.get('created_at')})"
    )
    broken = [r for r in reports if not r.ok]
    if broken:
        raise ArchiveIntegrityError(
            f"the restored copy does not verify: {broken[0].chain}: {broken[0].problem}"
        )
    console.print("archive verify: every chain and check passes on the restored copy")


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

    from page_governor.doctor import run_checks

    try:
        settings = _settings(ctx)
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

    settings = _settings(ctx)
    registry = load_registry(settings.config_dir)
    missing = missing_run_settings(settings, registry, os.environ)
    if missing:
        raise ConfigError(
            [f"missing {m}" for m in missing],
            hint="see README.md, Configuration; `page-governor demo` runs without any of these",
        )
    app = _app(ctx)
    _sync_registry(app, registry)
    from page_governor.worker import run_worker

    configure_logging(app.settings.log_level)
    if not run_worker(app):
        # A job outlived the shutdown time: leave now (each poll is one transaction, so the
        # one cut short loses nothing), before the host's SIGKILL does it less cleanly.
        app.close()
        logging.shutdown()
        os._exit(0)


def _sync_registry(app: App, registry: Any = None) -> None:
    """Register or update the pages of ``config/pages.yaml`` (nothing when it lists none)."""
    from page_governor.config import load_registry
    from page_governor.registry import sync_registry

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

    from page_governor.web.app import create_app
    from page_governor.webhooks import process_pending

    app = _app(ctx)
    _sync_registry(app)
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
    from page_governor.jobs import poll_job
    from page_governor.registry import all_pages, page_row

    app = _app(ctx)
    _sync_registry(app)
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


# -- compliance -----------------------------------------------------------------------------


def _element_table(report: Any, policy: Any, page: dict[str, Any] | None) -> Table:
    from page_governor.compliance.checker import suggested_fix

    table = Table("element", "", "evidence (source) or what to fix", show_lines=True)
    for element_id, result in report.elements.items():
        rule = policy.element(element_id)
        if result.passed:
            detail = f"“{result.evidence}” ({result.source})"
        else:
            domains = (page or {}).get("official_domains") or [None]
            fix = suggested_fix(
                rule,
                agency=(page or {}).get("department_name"),
                phone=(page or {}).get("department_phone"),
                email=(page or {}).get("department_email"),
                domain=domains[0],
                platform=(page or {}).get("platform"),
            )
            detail = f"{result.reason}\n[bold]Fix:[/] {fix}\n[dim]{rule.seed_clause}[/]"
        table.add_row(element_id, "[green]✓[/]" if result.passed else "[red]✗[/]", detail)
    return table


@cli.command()
@click.option("--page", "page_key", help="Check only this page (key or id).")
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object per page, a line each."
)
@click.option(
    "--fetch-linked/--no-fetch-linked",
    default=True,
    show_default=True,
    help="Also read a comment-policy page the profile links on an official domain.",
)
@click.pass_context
def check(ctx: click.Context, page_key: str | None, as_json: bool, fetch_linked: bool) -> None:
    """Check registered pages for every required element, with evidence and fixes.

    Reads each page's profile from the platform (archiving it first), checks it, stores the
    result, and queues a drift alert when an element that passed now fails.

    \b
    Example:
      page-governor check --page springfield-pd-x
      page-governor check --json > compliance.jsonl
    """
    from page_governor.compliance.linked import LinkedPageFetcher
    from page_governor.compliance.service import check_page
    from page_governor.registry import all_pages, page_row

    app = _app(ctx)
    with app.db.connect() as conn:
        pages = [page_row(conn, page_key)] if page_key else all_pages(conn)
    if not pages:
        raise InputError(
            "no pages are registered", hint="run `page-governor demo` or fill config/pages.yaml"
        )
    fetcher = LinkedPageFetcher(timeout=app.settings.http_timeout_seconds) if fetch_linked else None
    ingestor = app.ingestor()
    try:
        for page in pages:
            ingestor.capture_profile(page, app.adapter_for(page))
            with app.db.begin() as conn:
                result = check_page(
                    conn, page, app.policy, now=app.clock.now(), fetch_linked=fetcher
                )
            if result.report is None:
                continue
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "page": page["key"],
                            "platform": page["platform"],
                            **result.report.as_json(),
                            "drift": list(result.drift),
                            "recovered": list(result.recovered),
                        },
                        ensure_ascii=False,
                    )
                )
                continue
            console.print(
                f"\n[bold]{page['key']}[/] ({page['platform']}): "
                f"{result.report.passed}/{result.report.total} elements present"
            )
            console.print(_element_table(result.report, app.policy, page))
            for warning in result.report.warnings:
                console.print(
                    f"[yellow]⚠ wording for counsel[/]: “{warning.text}” — {warning.note}"
                )
            for element in result.drift:
                console.print(
                    f"[red]drift[/]: {element} passed before and fails now (alert queued)"
                )
            for element in result.recovered:
                console.print(f"[green]recovered[/]: {element} is present again")
    finally:
        if fetcher is not None:
            fetcher.close()


def _read_input(path: str) -> str:
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


@cli.command("check-profile")
@click.argument("file")
@click.option(
    "--official-domain",
    "domains",
    multiple=True,
    required=True,
    help="An official web domain of the agency (repeat for several).",
)
@click.option("--agency-name", help="The agency's name, used in suggested fixes.")
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON object.")
@click.option(
    "--fetch-linked/--no-fetch-linked",
    default=False,
    show_default=True,
    help="Also read a comment-policy page the profile links on an official domain.",
)
@click.pass_context
def check_profile(
    ctx: click.Context,
    file: str,
    domains: tuple[str, ...],
    agency_name: str | None,
    as_json: bool,
    fetch_linked: bool,
) -> None:
    """Check one profile given as a JSON file (or - for standard input).

    Fields: platform, name, about, description, website, phone, email, address, pinned_post
    (missing fields count as empty; other text fields are read too).

    \b
    Example:
      page-governor check-profile profile.json --official-domain springfieldpd.gov --json
    """
    from page_governor.compliance.checker import check_fields, fields_from_json
    from page_governor.compliance.policy import load_policy

    text = _read_input(file)
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"{file}: JSON nested too deeply to be a profile") from None
    except ValueError as exc:
        raise InputError(f"{file}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{file}: must be a JSON object of profile fields")
    fields = fields_from_json(data)
    policy = load_policy(_settings(ctx).config_dir)
    if fetch_linked:
        from page_governor.compliance.linked import LinkedPageFetcher, policy_links

        fetcher = LinkedPageFetcher(timeout=_settings(ctx).http_timeout_seconds)
        try:
            for url in policy_links(fields, domains):
                linked = fetcher(url)
                if linked:
                    fields[f"linked:{url}"] = linked
        finally:
            fetcher.close()
    report = check_fields(fields, policy, official_domains=domains)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False))
        return
    page = {
        "department_name": agency_name,
        "official_domains": list(domains),
        "platform": data.get("platform") if isinstance(data.get("platform"), str) else None,
    }
    console.print(f"{report.passed}/{report.total} required elements present")
    console.print(_element_table(report, policy, page))
    for warning in report.warnings:
        console.print(f"[yellow]⚠ wording for counsel[/]: “{warning.text}” — {warning.note}")


# -- moderation -----------------------------------------------------------------------------


def _jsonl(text: str, source: str) -> Iterator[tuple[Any, str, bool, str]]:
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


@cli.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input line, in order.")
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    default=0,
    show_default=True,
    help="Worker processes; 0: one per core for 4,000 comments or more, else one.",
)
@click.pass_context
def classify(ctx: click.Context, file: str, as_json: bool, jobs: int) -> None:
    """Classify comments from a JSON Lines file (or - for standard input).

    Each line is {"id": …, "text": "…"}, optionally with "reply": true for a comment that
    answers another visitor (otherwise it is read as a comment to the agency) and "post": the
    text of the post it answers (an insult under a post naming an officer is aimed at the
    officer). Nothing is
    stored: this is for trying the classifier and for bulk review of exported comments. The
    whole input is read and checked before anything is printed; results come in input order.

    \b
    Example:
      echo '{"id": 1, "text": "you spineless cowards"}' | page-governor classify - --json
    """
    from page_governor.moderation.bulk import classify_json_lines, classify_rows, default_jobs
    from page_governor.moderation.classifier import Classifier

    rows = list(_jsonl(_read_input(file), "standard input" if file == "-" else file))
    classifier = Classifier.from_config_dir(_settings(ctx).config_dir)
    if as_json:
        out = sys.stdout
        for block in classify_json_lines(classifier, rows, jobs or default_jobs(len(rows))):
            out.write(block + "\n")
        out.flush()
        return
    results = classify_rows(classifier, rows)
    table = Table("id", "flagged", "categories", "target", "evidence")
    for result in results:
        table.add_row(
            str(result["id"]),
            "yes" if result["flagged"] else "-",
            ", ".join(result["categories"]),
            result["target"] or "",
            "; ".join(f"{e['category']}: {e['text']}" for e in result["evidence"]),
        )
    console.print(table)


@cli.command("check-post")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input line, in order.")
@click.pass_context
def check_post_command(ctx: click.Context, file: str, as_json: bool) -> None:
    """Check the agency's own posts (or drafts) against the policy's post rules.

    Each line of FILE (JSON Lines, or - for standard input) is {"id": …, "text": "…"}. A
    finding names the rule, quotes the clause of the policy (config/policy.yaml post_rules)
    and the words that matched, and suggests what to write instead: statements of guilt
    before a conviction, comments on a pending case, a named juvenile, victim or witness,
    confidential details, endorsements, personal opinion in the agency's voice. Nothing is
    stored or posted. Exits 0 whether or not something was found.

    \b
    Example:
      echo '{"id": "draft", "text": "Vote yes on Measure B!"}' | page-governor check-post - --json
    """
    from page_governor.compliance.policy import load_policy
    from page_governor.compliance.posts import check_post

    rows = list(_jsonl(_read_input(file), "standard input" if file == "-" else file))
    rules = load_policy(_settings(ctx).config_dir).post_rules
    results = [
        {"id": item_id, "findings": [f.as_json() for f in check_post(text, rules)]}
        for item_id, text, _reply, _post in rows
    ]
    if as_json:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    for result in results:
        if not result["findings"]:
            console.print(f"{result['id']}: nothing to change", markup=False)
        for finding in result["findings"]:
            console.print(f"{result['id']}: [bold]{finding['rule']}[/]")
            console.print(f"  “{finding['evidence']}”", markup=False)
            console.print(f"  policy: {finding['clause']}", markup=False)
            console.print(f"  instead: {finding['suggestion']}", markup=False)


@cli.group()
def review() -> None:
    """The review queue: flagged comments waiting for a person's decision.

    \b
    Example:
      page-governor review list
    """


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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
    from page_governor.moderation.review import count_items, list_items
    from page_governor.registry import page_row

    app = _app(ctx)
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
            _short(item["text"]),
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

    app = _app(ctx)
    with app.db.connect() as conn:
        item = get_item(conn, item_id)
    console.print(
        f"[bold]Review item {item['id']}[/] — {item['status']} — page {item['page_key']} "
        f"({item['platform']})"
    )
    if item.get("post_text"):
        console.print(f"On the post: “{_short(item['post_text'], 160)}”")
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

    with app.db.connect() as conn:
        appeals = appeals_of(conn, item_id)
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
    from page_governor.moderation.review import record_decision
    from page_governor.roles import Permission

    app = _app(ctx)
    actor = _checked(ctx, reviewer, Permission.DECIDE, f"decide review item {item_id}")
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


# -- pages and archive --------------------------------------------------------------------


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
    from page_governor.registry import all_pages

    app = _app(ctx)
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

    from page_governor import health
    from page_governor.compliance.service import previous_result
    from page_governor.db import schema as t
    from page_governor.registry import page_row

    app = _app(ctx)
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
    from page_governor import health
    from page_governor.registry import all_pages

    app = _app(ctx)
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
    from page_governor import health
    from page_governor.registry import page_row

    app = _app(ctx)
    with app.db.begin() as conn:
        page = page_row(conn, page_key)
        health.resume(conn, page, actor=actor or _login(), now=app.clock.now())
    console.print(f"{page['key']} will be polled again at its next interval")


def _login() -> str:
    return os.environ.get("PAGE_GOVERNOR_USER") or getpass.getuser()


def _checked(ctx: click.Context, who: str, permission: Any, what: str) -> str:
    """How the audit log names ``who``, once they are known to hold a role that may ``what``
    (see page_governor.identity; a refusal is audited)."""
    from page_governor.identity import authorize
    from page_governor.roles import RoleBook

    app = _app(ctx)
    book = RoleBook.from_config_dir(app.settings.config_dir)
    return authorize(app.db, book, who, permission, what=what, now=app.clock.now()).actor


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
    from page_governor.moderation.appeals import file_appeal
    from page_governor.roles import Permission

    app = _app(ctx)
    actor = _checked(ctx, by, Permission.DECIDE, f"record an appeal on review item {item_id}")
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
    from page_governor.moderation.appeals import decide_appeal
    from page_governor.roles import Permission

    app = _app(ctx)
    actor = _checked(ctx, by, Permission.DECIDE, f"decide appeal {appeal_id}")
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


@cli.group()
def archive() -> None:
    """The public-records archive.

    \b
    Example:
      page-governor archive verify
    """


@archive.command("verify")
@click.pass_context
def archive_verify(ctx: click.Context) -> None:
    """Walk the hash chains of the archive and the audit log; name the first broken record.

    Also checks that every item's current version is in place, that each version's item
    (page, author, thread, link) is the one it was archived with, that every decision and
    flag matches the audit chain, that disposed records were disposed under a list approved
    in the audit chain, and (SQLite) that the search index holds the text of every version.
    Exits 4 when anything fails.

    \b
    Example:
      page-governor archive verify
    """
    from page_governor.archive import signing
    from page_governor.archive.integrity import verify_chains
    from page_governor.errors import ArchiveIntegrityError

    app = _app(ctx)
    trusted = signing.published_keys(app.settings)
    with app.db.connect() as conn:
        reports = verify_chains(conn)
        signed = signing.verify_signed_heads(conn, trusted)
    broken = [r for r in reports if not r.ok]
    for r in reports:
        if r.ok:
            head = f"; head {r.head[:16]}…" if r.head != "-" else ""
            note = f" ({r.note})" if r.note else ""
            console.print(f"{r.chain}: {r.records} records verified{head}{note}")
    if broken:
        r = broken[0]
        where = f" chain broken at record {r.broken_at}" if r.broken_at is not None else ""
        raise ArchiveIntegrityError(f"{r.chain}{where}: {r.problem}")
    if not signed.ok:
        raise ArchiveIntegrityError(f"signed heads: {signed.problem}")
    if trusted and not signed.signatures:
        # With a published key, an archive without signed heads is not "clean": an emptied,
        # deleted or replaced database looks exactly like this.
        empty = not any(r.records for r in reports)
        raise ArchiveIntegrityError(
            "no signed chain heads in this database although the department publishes a "
            "signing key" + ("; the archive is empty" if empty else ""),
            hint="a deleted or replaced database looks like this; on a new deployment, sign "
            "now with `page-governor archive sign`",
        )
    if signed.signatures:
        keys = ", ".join(signed.key_ids)
        pinned = "a published key" if trusted else "not checked against a published key"
        console.print(
            f"signed heads: {signed.signatures} signatures verified, newest "
            f"{iso(signed.newest)}; key {keys} ({pinned})"
        )
    else:
        console.print("signed heads: none yet (see `page-governor archive keygen`)")


@archive.command("keygen")
def archive_keygen() -> None:
    """Make a new Ed25519 key pair for signing the chain heads and exported bundles.

    Put the private key in PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY where the worker (and
    the console, for signed downloads) runs, and nowhere else. Publish the public key (the
    department's website, records policy) and set it as archive_signing_public_key in
    config/settings.yaml, so that `archive verify` trusts only that key.

    \b
    Example:
      page-governor archive keygen
    """
    from page_governor.archive import signing

    private, public = signing.generate()
    click.echo(f"PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY={private}")
    click.echo(f"archive_signing_public_key: {public}")
    click.echo(
        f"key id {signing.key_id(signing.load_public_key(public))}: keep the first line secret "
        "(environment only); publish the second and put it in config/settings.yaml",
        err=True,
    )


@archive.command("sign")
@click.option("--by", "actor", help="Who signs (default: your login); recorded.")
@click.pass_context
def archive_sign(ctx: click.Context, actor: str | None) -> None:
    """Sign the heads of the archive and audit chains now (the worker does it daily).

    Needs PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY. Audited.

    \b
    Example:
      page-governor archive sign
    """
    from page_governor import audit
    from page_governor.archive import signing
    from page_governor.errors import ConfigError

    app = _app(ctx)
    if not app.settings.archive_signing_private_key:
        raise ConfigError(
            "no signing key: PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY is not set",
            hint="make one with `page-governor archive keygen`",
        )
    key = signing.load_private_key(app.settings.archive_signing_private_key)
    with app.db.begin() as conn:
        row = signing.sign_heads(conn, key, now=app.clock.now())
        audit.record(
            conn,
            at=app.clock.now(),
            actor=actor or _login(),
            action="archive.sign",
            subject_type="chain_signature",
            subject_id=row["id"],
            details={"key_id": row["key_id"]},
        )
    heads = json.loads(row["payload"])["heads"]
    console.print(
        f"signed archive head {heads['archive']['id']} and audit head {heads['audit']['id']} "
        f"with key {row['key_id']} (signature {row['id']})"
    )


@archive.command("reindex")
@click.option("--by", "actor", help="Who rebuilds it (default: your login); recorded.")
@click.pass_context
def archive_reindex(ctx: click.Context, actor: str | None) -> None:
    """Rebuild the full-text search index from the stored versions (SQLite; PostgreSQL's
    index keeps itself). The archive is only read; the rebuild is audited.

    \b
    Example:
      page-governor archive reindex --by "Dana Records"
    """
    from page_governor import audit
    from page_governor.archive.integrity import rebuild_search_index

    app = _app(ctx)
    with app.db.begin() as conn:
        versions = rebuild_search_index(conn)
        audit.record(
            conn,
            at=app.clock.now(),
            actor=actor or _login(),
            action="archive.reindex",
            subject_type="archive",
            subject_id="search-index",
            details={"versions": versions, "database": app.db.dialect},
        )
    console.print(f"search index rebuilt over {versions:,} versions")


@archive.command("media")
@click.option(
    "--fetch", is_flag=True, help="Download what is due now (the worker does it every minute)."
)
@click.option("--retry-failed", is_flag=True, help="Give failed downloads another round of tries.")
@click.option("--by", "actor", help="Who asks for the retry (default: your login); recorded.")
@click.pass_context
def archive_media(ctx: click.Context, fetch: bool, retry_failed: bool, actor: str | None) -> None:
    """Media files (photos, videos) of archived posts and comments: captured, pending, failed.

    \b
    Examples:
      page-governor archive media
      page-governor archive media --retry-failed --fetch
    """
    from page_governor import audit
    from page_governor.archive import media

    app = _app(ctx)
    now = app.clock.now()
    if retry_failed:
        with app.db.begin() as conn:
            again = media.retry_failed(conn, now=now)
            audit.record(
                conn,
                at=now,
                actor=actor or _login(),
                action="archive.media_retry",
                subject_type="archive",
                subject_id="media",
                details={"references": again},
            )
        console.print(f"{again:,} failed downloads will be tried again")
    if fetch:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            console=err_console,
            transient=True,
        ) as bar:
            task = bar.add_task("downloading media", total=None)
            run = media.fetch_pending(
                app.db,
                app.media_fetcher(),
                now=now,
                limit=100_000,
                on_total=lambda total: bar.update(task, total=total),
                progress=lambda: bar.advance(task),
            )
        console.print(
            f"downloaded {run.captured:,}; {run.retried:,} to try again later; "
            f"{run.failed:,} given up"
        )
    with app.db.connect() as conn:
        found = media.counts(conn)
        failures = media.failed(conn, limit=20)
    console.print(
        f"media: {found['captured']:,} captured, {found['pending']:,} pending, "
        f"{found['failed']:,} failed, {found['disposed']:,} disposed of under retention"
    )
    if failures:
        table = Table("id", "item", "tries", "why", "url")
        for row in failures:
            table.add_row(
                str(row["id"]),
                str(row["item_id"]),
                str(row["attempts"]),
                row["last_error"] or "",
                row["url"][:60],
            )
        console.print(table)


@archive.command("stats")
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON document: counts by kind and state."
)
@click.pass_context
def archive_stats(ctx: click.Context, as_json: bool) -> None:
    """Counts of captured items and versions by kind and state.

    \b
    Example:
      page-governor archive stats
    """
    from sqlalchemy import func, select

    from page_governor.db import schema as t

    app = _app(ctx)
    with app.db.connect() as conn:
        kinds = conn.execute(
            select(t.archive_items.c.kind, func.count()).group_by(t.archive_items.c.kind)
        ).all()
        states = conn.execute(
            select(t.archive_versions.c.state, func.count()).group_by(t.archive_versions.c.state)
        ).all()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "items_by_kind": {k: int(c) for k, c in kinds},
                    "versions_by_state": {st: int(c) for st, c in states},
                },
                indent=2,
            )
        )
        return
    table = Table("what", "count")
    for kind, count in kinds:
        table.add_row(f"items: {kind}", str(count))
    for state, count in states:
        table.add_row(f"versions: {state}", str(count))
    console.print(table)


def _filter_options(func: Any) -> Any:
    """The archive filters shared by search, export and legal holds."""
    options = [
        click.option("--department", help="Department slug."),
        click.option("--page", "page_key", help="Page key."),
        click.option("--platform", type=click.Choice(["facebook", "instagram", "x", "telegram"])),
        click.option("--since", help="Created on the platform at or after (2026-11-01 or ISO)."),
        click.option("--until", help="Created before (exclusive)."),
        click.option("--author", help="Author name or platform id (exact)."),
        click.option("--kind", type=click.Choice(["post", "comment", "reply", "profile"])),
        click.option(
            "--state", type=click.Choice(["live", "edited", "hidden", "deleted", "restored"])
        ),
        click.option(
            "--category",
            type=click.Choice(["obscenity", "personal_attack", "threat", "personal_info", "spam"]),
            help="Flagged in this category.",
        ),
        click.option(
            "--decision",
            type=click.Choice(["keep", "hide", "escalate", "not_a_violation"]),
            help="A reviewer decided this.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _when(value: str | None, flag: str) -> Any:
    from page_governor.clock import parse_time

    if not value:
        return None
    try:
        return parse_time(value)
    except ValueError:
        raise InputError(f"{flag}: {value!r} is not a date (use 2026-11-01 or ISO 8601)") from None


def _filters(words: tuple[str, ...] | str | None, options: dict[str, Any]) -> Any:
    from page_governor.archive.search import Filters

    text = " ".join(words) if isinstance(words, tuple) else words
    return Filters(
        text=text or None,
        department=options.get("department"),
        page=options.get("page_key"),
        platform=options.get("platform"),
        since=_when(options.get("since"), "--since"),
        until=_when(options.get("until"), "--until"),
        author=options.get("author"),
        kind=options.get("kind"),
        state=options.get("state"),
        category=options.get("category"),
        decision=options.get("decision"),
    )


@archive.command("search")
@click.argument("words", nargs=-1)
@_filter_options
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def archive_search(
    ctx: click.Context,
    words: tuple[str, ...],
    limit: int,
    offset: int,
    as_json: bool,
    **options: Any,
) -> None:
    """Search everything captured: every version of every item, deleted and hidden included.

    WORDS must all occur (in any version). Results are items, newest first; `archive show ID`
    shows one in its thread with its versions and decisions.

    \b
    Examples:
      page-governor archive search bridge closed --page springfield-pd-facebook
      page-governor archive search --state deleted --since 2026-11-01 --json
    """
    from page_governor.archive.search import search

    filters = _filters(words, options)
    app = _app(ctx)
    with app.db.connect() as conn:
        found = search(conn, filters, limit=limit, offset=offset)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "filters": filters.as_json(),
                    "total": found.total,
                    "total_capped": found.total_capped,
                    "offset": offset,
                    "results": jsonable(found.rows),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    table = Table("id", "page", "kind", "created (UTC)", "author", "state", "text")
    for row in found.rows:
        table.add_row(
            str(row["id"]),
            row["page"],
            row["kind"],
            f"{row['created_at']:%Y-%m-%d %H:%M}" if row["created_at"] else "-",
            row["author_name"] or "-",
            row["state"] + (f" (v{row['versions']})" if row["versions"] > 1 else ""),
            _short(row["text"], 60),
        )
    console.print(table)
    shown = f"{offset + 1}-{offset + len(found.rows)}" if found.rows else "none"
    more = "+" if found.total_capped else ""
    console.print(
        f"{shown} of {found.total:,}{more}"
        + (f"; next: --offset {offset + limit}" if offset + limit < found.total else "")
    )


@archive.command("show")
@click.argument("item_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def archive_show(ctx: click.Context, item_id: int, as_json: bool) -> None:
    """Show one archived item in its thread, with every version, flag and decision.

    \b
    Example:
      page-governor archive show 42
    """
    from rich.markup import escape

    from page_governor.archive.search import item_thread

    app = _app(ctx)
    with app.db.connect() as conn:
        item = item_thread(conn, item_id)
    if as_json:
        click.echo(json.dumps(jsonable(item), indent=2, ensure_ascii=False, default=str))
        return
    console.print(
        f"[bold]item {item['id']}[/] {item['kind']} {escape(item['platform_item_id'])} on "
        f"{item['page']} by {escape(item['author_name'] or '-')} — {item['state']}"
    )
    for version in item["versions"]:
        mark = " (disposed)" if version.get("disposed_at") else ""
        console.print(
            f"  v{version['version_no']} {version['state']}{mark} captured "
            f"{version['captured_at']:%Y-%m-%d %H:%M}: {escape(_short(version['text'], 120))}"
        )
    for flag in item["flags"]:
        console.print(f"  flagged: {', '.join(flag['categories'])}")
    for decision in item["decisions"]:
        console.print(
            f"  decision: {decision['decision']} by {escape(decision['reviewer'])} at "
            f"{decision['decided_at']:%Y-%m-%d %H:%M} — {escape(decision['reason'])}"
        )
    for found in item["media"]:
        detail = ""
        if found["state"] == "captured":
            detail = f" ({found['content_type']}, {found['size']:,} bytes, {found['sha256'][:12]}…)"
        console.print(f"  media: {found['state']}{detail} {escape(found['url'])}")
    if item["thread"]:
        console.print("  thread:")
        for row in item["thread"]:
            pointer = "→" if row["id"] == item["id"] else " "
            indent = "    " if row["parent_platform_id"] else "  "
            console.print(
                f"  {pointer}{indent}[{row['id']}] {row['kind']} {row['state']} "
                f"{escape(row['author_name'] or '-')}: {escape(_short(row['text'], 90))}"
            )


@archive.command("export")
@click.argument("words", nargs=-1)
@_filter_options
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="A new folder, a new .zip file, or (with --format warc) a new .warc.gz file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["bundle", "warc"]),
    default="bundle",
    show_default=True,
    help="bundle: JSON Lines, CSV, HTML threads, audit, gaps, manifest; warc: ISO 28500.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Public-release copy: personal information redacted (config/redaction.yaml).",
)
@by_option("actor")
@click.pass_context
def archive_export(
    ctx: click.Context,
    words: tuple[str, ...],
    out: Path,
    fmt: str,
    public: bool,
    actor: str,
    **options: Any,
) -> None:
    """Export a records-request bundle of everything the filters match (audited).

    Every version of every matching item is included: edits, hidden and deleted comments,
    moderation decisions, capture gaps. `archive verify-bundle` re-checks it offline.

    \b
    Examples:
      page-governor archive export --page springfield-pd-facebook --since 2026-11-01 \\
          --by sam --out request-2026-114.zip
      page-governor archive export bridge --public --by sam --out request-2026-115-public
      page-governor archive export --author "Jane Citizen" --format warc --by sam \\
          --out jane.warc.gz
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from page_governor.archive import signing
    from page_governor.archive.export import export_records
    from page_governor.archive.redaction import Redactor

    filters = _filters(words, options)
    if fmt == "warc" and public:
        raise InputError("--public is for bundles; a WARC copy is always the native record")
    if fmt == "warc" and not out.name.endswith((".warc", ".warc.gz")):
        raise InputError("--format warc needs an --out file name ending in .warc.gz")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent} is not a folder")
    from page_governor.roles import Permission

    app = _app(ctx)
    exporter = _checked(ctx, actor, Permission.EXPORT_ARCHIVE, "export archive records")
    redactor = None
    if public:
        with app.db.connect() as conn:
            keep = _department_contacts(conn)
        redactor = Redactor.from_config(app.settings.config_dir, keep)
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task("exporting versions", total=None)
        result = export_records(
            app.db,
            filters,
            out,
            exported_by=exporter,
            now=app.clock.now(),
            fmt=fmt,
            redactor=redactor,
            on_total=lambda total: bar.update(task, total=total),
            progress=lambda n: bar.advance(task, n),
            signing_key=signing.private_key_of(app.settings),
        )
    what = "manifest" if fmt == "bundle" else "file"
    key = signing.private_key_of(app.settings) if fmt == "bundle" else None
    console.print(
        f"exported {result.items:,} items ({result.versions:,} versions) to {out}"
        + (f"; {result.redactions:,} redactions logged" if public else "")
    )
    # the hash on a line of its own, never wrapped: it is copied into letters and court filings
    click.echo(f"{what} SHA-256 (recorded in the audit log):")
    click.echo(result.manifest_sha256)
    if key is not None:
        click.echo(f"signed with the department's key {signing.key_id(key.public_key())}")


def _department_contacts(conn: Any) -> list[str]:
    from sqlalchemy import select

    from page_governor.db import schema as t

    keep: list[str] = []
    for phone, email in conn.execute(select(t.departments.c.phone, t.departments.c.email)):
        for value in (phone or "").split(","):
            digits = "".join(ch for ch in value if ch.isdigit())
            if digits:
                keep.append(digits[-10:])
        keep.extend(e.strip() for e in (email or "").split(",") if e.strip())
    return keep


@archive.command("verify-bundle")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--public-key",
    help="The department's published Ed25519 key, as `archive keygen` prints it (44 base64 "
    "characters) or PEM; several comma-separated. The bundle must be signed with one of them. "
    "Default: archive_signing_public_key from the settings, if set.",
)
@click.pass_context
def archive_verify_bundle(ctx: click.Context, path: Path, public_key: str | None) -> None:
    """Re-check an exported bundle offline: files against the manifest, records against hashes,
    and its signature (manifest.sig) when it has one.

    \b
    Examples:
      page-governor archive verify-bundle request-2026-114.zip
      page-governor archive verify-bundle request-2026-114.zip --public-key "$PUBLISHED_KEY"
    """
    from page_governor.archive import signing
    from page_governor.archive.export import verify_bundle
    from page_governor.errors import ArchiveIntegrityError

    trusted = (
        signing.load_public_keys(public_key)
        if public_key
        else signing.published_keys(_settings(ctx))
    )
    report = verify_bundle(path, trusted=trusted)
    if not report.ok:
        for problem in report.problems[1:]:
            click.echo(f"  {problem}", err=True)
        raise ArchiveIntegrityError(
            f"{path} does not verify: {report.problems[0]}"
            + (f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else "")
        )
    console.print(f"{path}: {report.files} files and {report.records:,} records verify")
    if report.signed_by:
        checked = "a published key" if trusted else "not checked against a published key"
        console.print(f"signed with key {report.signed_by} ({checked})")
    else:
        console.print("not signed")


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
@_filter_options
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
    from page_governor.roles import Permission

    filters = _filters(words, options)
    app = _app(ctx)
    by = _checked(ctx, actor, Permission.EXPORT_ARCHIVE, "place a legal hold")
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

    app = _app(ctx)
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
    from page_governor.roles import Permission

    app = _app(ctx)
    by = _checked(ctx, actor, Permission.EXPORT_ARCHIVE, f"release legal hold {hold_id}")
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
    from page_governor.roles import Permission

    app = _app(ctx)
    proposer = ""
    if propose:
        if not actor:
            raise InputError("--propose needs --by WHO (the records clerk who proposes)")
        proposer = _checked(ctx, actor, Permission.EXPORT_ARCHIVE, "propose disposition lists")
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

    app = _app(ctx)
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
    from page_governor.roles import Permission

    app = _app(ctx)
    what = f"approve disposition list {disposition_id}"
    by = _checked(ctx, actor, Permission.EXPORT_ARCHIVE, what)
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
    from page_governor.roles import Permission

    app = _app(ctx)
    by = _checked(
        ctx, actor, Permission.EXPORT_ARCHIVE, f"reject disposition list {disposition_id}"
    )
    with app.db.begin() as conn:
        reject(conn, disposition_id, by=by, reason=reason, now=app.clock.now())
    console.print(f"list {disposition_id} rejected")


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

    app = _app(ctx)
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
            _short(row["last_error"] or "", 60),
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
    from page_governor.outbox import retry_failed

    if (alert_id is None) == (not every):
        raise InputError("name one alert id, or --all")
    app = _app(ctx)
    with app.db.begin() as conn:
        count = retry_failed(conn, alert_id, now=app.clock.now())
    if alert_id is not None and count == 0:
        raise InputError(f"alert {alert_id} is not a failed alert")
    console.print(f"{count} alert(s) queued again; a running worker sends them within seconds")


# -- entry point ----------------------------------------------------------------------------


def _fail(exc: PageGovernorError) -> int:
    err_console.print(f"page-governor: error: {exc.message}", markup=False, soft_wrap=True)
    if exc.hint:
        err_console.print(f"  hint: {exc.hint}", markup=False, soft_wrap=True)
    return exc.exit_code


# The page-lifecycle commands live in their own module and join the `pages` group.
from page_governor import cli_pages, cli_users  # noqa: E402, F401


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: one line per error, the error's exit code."""
    logging.captureWarnings(True)
    code = 0
    try:
        cli.main(args=argv, prog_name="page-governor", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        err_console.print("page-governor: aborted")
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except PageGovernorError as exc:
        code = _fail(exc)
    except Exception as exc:
        # A database error can only come from a command that imported SQLAlchemy.
        sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
        if sqlalchemy_exc is None or not isinstance(exc, sqlalchemy_exc.SQLAlchemyError):
            raise
        from page_governor.db.engine import translate_db_error

        code = _fail(translate_db_error(exc))
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    sys.exit(code)
