"""``page-governor archive search|show|export|verify-bundle``: finding records and
exporting them for a records request.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from page_governor.cli.archive import archive, filter_options, filters_of
from page_governor.cli.base import app_of, by_option, checked, console, settings_of, short
from page_governor.clock import jsonable
from page_governor.errors import InputError


@archive.command("search")
@click.argument("words", nargs=-1)
@filter_options
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

    filters = filters_of(words, options)
    app = app_of(ctx)
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
            short(row["text"], 60),
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

    app = app_of(ctx)
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
            f"{version['captured_at']:%Y-%m-%d %H:%M}: {escape(short(version['text'], 120))}"
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
                f"{escape(row['author_name'] or '-')}: {escape(short(row['text'], 90))}"
            )


@archive.command("export")
@click.argument("words", nargs=-1)
@filter_options
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

    filters = filters_of(words, options)
    if fmt == "warc" and public:
        raise InputError("--public is for bundles; a WARC copy is always the native record")
    if fmt == "warc" and not out.name.endswith((".warc", ".warc.gz")):
        raise InputError("--format warc needs an --out file name ending in .warc.gz")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent} is not a folder")
    from page_governor.governance.roles import Permission

    app = app_of(ctx)
    exporter = checked(ctx, actor, Permission.EXPORT_ARCHIVE, "export archive records")
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
    from page_governor.archive.bundle_verify import verify_bundle
    from page_governor.errors import ArchiveIntegrityError

    trusted = (
        signing.load_public_keys(public_key)
        if public_key
        else signing.published_keys(settings_of(ctx))
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
