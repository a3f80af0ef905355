"""``page-governor db upgrade|current``, ``backup`` and ``restore``: the database."""

from __future__ import annotations

from pathlib import Path

import click

from page_governor.cli.base import console, err_console, migrate_now, settings_of
from page_governor.cli.root import cli

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
    before, after = migrate_now(settings_of(ctx))
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

    database = open_database(settings_of(ctx).effective_database_url)
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

    database = open_database(settings_of(ctx).effective_database_url)
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

    database = open_database(settings_of(ctx).effective_database_url)
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
