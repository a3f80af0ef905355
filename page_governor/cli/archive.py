"""``page-governor archive verify|keygen|sign|reindex|media|stats``, and the search filters
the other archive command modules share.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.table import Table

from page_governor.cli.base import app_of, console, err_console, login_name
from page_governor.cli.root import cli
from page_governor.clock import iso
from page_governor.errors import InputError


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

    app = app_of(ctx)
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
    from page_governor.archive import audit, signing
    from page_governor.errors import ConfigError

    app = app_of(ctx)
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
            actor=actor or login_name(),
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
    from page_governor.archive import audit
    from page_governor.archive.integrity import rebuild_search_index

    app = app_of(ctx)
    with app.db.begin() as conn:
        versions = rebuild_search_index(conn)
        audit.record(
            conn,
            at=app.clock.now(),
            actor=actor or login_name(),
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
    from page_governor.archive import audit, media

    app = app_of(ctx)
    now = app.clock.now()
    if retry_failed:
        with app.db.begin() as conn:
            again = media.retry_failed(conn, now=now)
            audit.record(
                conn,
                at=now,
                actor=actor or login_name(),
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

    app = app_of(ctx)
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


def filter_options(func: Any) -> Any:
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


def when_option(value: str | None, flag: str) -> Any:
    from page_governor.clock import parse_time

    if not value:
        return None
    try:
        return parse_time(value)
    except ValueError:
        raise InputError(f"{flag}: {value!r} is not a date (use 2026-11-01 or ISO 8601)") from None


def filters_of(words: tuple[str, ...] | str | None, options: dict[str, Any]) -> Any:
    from page_governor.archive.search import Filters

    text = " ".join(words) if isinstance(words, tuple) else words
    return Filters(
        text=text or None,
        department=options.get("department"),
        page=options.get("page_key"),
        platform=options.get("platform"),
        since=when_option(options.get("since"), "--since"),
        until=when_option(options.get("until"), "--until"),
        author=options.get("author"),
        kind=options.get("kind"),
        state=options.get("state"),
        category=options.get("category"),
        decision=options.get("decision"),
    )
