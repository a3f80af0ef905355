"""Backups of the whole database, and restoring one into an empty database.

Three kinds, each a folder with ``manifest.json`` (what it holds, row counts, chain heads,
each file's SHA-256):

- ``sqlite-file``: SQLite's online backup API copies the live database, WAL included, into
  ``page_governor.sqlite3`` while the worker keeps writing;
- ``pg_dump``: on PostgreSQL where ``pg_dump`` is installed, its custom format
  (``database.dump``), restored with ``pg_restore``;
- ``logical``: the product's own dump, one gzip-compressed JSON Lines file per table in
  dependency order. It is written from either database and restores into either, so it also
  moves a trial on the embedded SQLite to PostgreSQL.

Restoring needs an empty database (no tables, or only empty ones), checks every file against
the manifest first, and compares each table's row count with the manifest afterwards. Left
out on purpose: worker leases, sign-in attempts and console sessions (nobody stays signed in
across a restore).
"""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, func, insert, inspect, select, text
from sqlalchemy.engine import make_url

from page_governor.db import schema as t
from page_governor.db.engine import Database, head_revision, open_database
from page_governor.db.schema import UtcDateTime
from page_governor.errors import ArchiveError, InputError
from page_governor.hashing import canonical_json, sha256_file

FORMAT = "page_governor backup 1"
MANIFEST = "manifest.json"
SQLITE_FILE = "page_governor.sqlite3"
PG_DUMP_FILE = "database.dump"
SKIPPED = frozenset({"leases", "login_attempts", "web_sessions"})
ROWS_PER_BATCH = 1000
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BackupResult:
    folder: Path
    kind: str
    counts: dict[str, int]


def tables() -> list[Table]:
    """The tables a backup holds, parents before children."""
    return [table for table in t.metadata.sorted_tables if table.name not in SKIPPED]


def row_counts(conn: Connection) -> dict[str, int]:
    return {
        table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for table in tables()
    }


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise InputError(f"{out} is not empty", hint="give a new folder for each backup")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {out}: {exc.strerror}") from None


def backup(
    db: Database, out: Path, *, logical: bool = False, progress: Progress | None = None
) -> BackupResult:
    """Write a backup of ``db`` into the new or empty folder ``out``.

    Raises:
        InputError: ``out`` is not empty or cannot be created.
        ArchiveError: the database could not be read or ``pg_dump`` failed.
    """
    from page_governor.archive.records import chain_heads

    say = progress or (lambda _message: None)
    _prepare(out)
    with db.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        counts = row_counts(conn)
        heads = chain_heads(conn)
    if logical:
        kind = "logical"
        _write_logical(db, out, say)
    elif db.dialect == "sqlite":
        kind = "sqlite-file"
        _write_sqlite_file(db, out / SQLITE_FILE, say)
    elif shutil.which("pg_dump"):
        kind = "pg_dump"
        _write_pg_dump(db, out / PG_DUMP_FILE, say)
    else:
        kind = "logical"
        say("pg_dump is not installed: writing the product's logical dump instead")
        _write_logical(db, out, say)
    files = {
        path.name: {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        for path in sorted(out.iterdir())
        if path.name != MANIFEST
    }
    manifest = {
        "format": FORMAT,
        "kind": kind,
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "source": db.dialect,
        "schema_revision": revision,
        "counts": counts,
        "chain_heads": heads,
        "files": files,
        "skipped_tables": sorted(SKIPPED),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return BackupResult(out, kind, counts)


def _sqlite_path(db: Database) -> Path:
    database = make_url(str(db.engine.url)).database
    if not database or database == ":memory:":
        raise ArchiveError("an in-memory SQLite database cannot be backed up")
    return Path(database)


def _sqlite_copy(source_file: Path, target_file: Path) -> None:
    """SQLite's online backup API: a consistent copy while others keep writing."""
    source = sqlite3.connect(source_file)
    copy = sqlite3.connect(target_file)
    try:
        source.backup(copy, pages=4096)
    finally:
        copy.close()
        source.close()


def _write_sqlite_file(db: Database, target: Path, say: Progress) -> None:
    say(f"copying {_sqlite_path(db)} with SQLite's online backup")
    _sqlite_copy(_sqlite_path(db), target)


def _libpq_url(db: Database) -> str:
    """The SQLAlchemy URL as libpq (pg_dump, pg_restore) reads it."""
    url = make_url(str(db.engine.url)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise ArchiveError(f"{what} failed: {reason[-1] if reason else done.returncode}")


def _write_pg_dump(db: Database, target: Path, say: Progress) -> None:
    say("running pg_dump (custom format)")
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            *(f"--exclude-table-data={name}" for name in sorted(SKIPPED)),
            f"--file={target}",
            f"--dbname={_libpq_url(db)}",
        ],
        "pg_dump",
    )


# -- the logical dump -------------------------------------------------------------------------


def _encoder(table: Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    times = {c.name for c in table.columns if isinstance(c.type, UtcDateTime)}
    blobs = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}

    def encode(row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        for name in times:
            if out[name] is not None:
                out[name] = out[name].isoformat()
        for name in blobs:
            if out[name] is not None:
                out[name] = base64.b64encode(bytes(out[name])).decode("ascii")
        return out

    return encode


def _decoder(table: Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    times = {c.name for c in table.columns if isinstance(c.type, UtcDateTime)}
    blobs = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
    known = {c.name for c in table.columns}

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        unknown = set(row) - known
        if unknown:
            raise InputError(f"{table.name}: unknown column(s) {', '.join(sorted(unknown))}")
        out = dict(row)
        for name in times & set(out):
            if out[name] is not None:
                out[name] = datetime.fromisoformat(out[name])
        for name in blobs & set(out):
            if out[name] is not None:
                out[name] = base64.b64decode(out[name])
        return out

    return decode


def _write_logical(db: Database, out: Path, say: Progress) -> None:
    with db.connect() as conn:
        for table in tables():
            encode = _encoder(table)
            order = [c for c in table.primary_key.columns]
            written = 0
            with gzip.open(out / f"{table.name}.jsonl.gz", "wt", encoding="utf-8") as fh:
                result = conn.execution_options(yield_per=ROWS_PER_BATCH).execute(
                    select(table).order_by(*order)
                )
                for row in result.mappings():
                    fh.write(canonical_json(encode(dict(row))) + "\n")
                    written += 1
            say(f"{table.name}: {written:,} rows")


def _read_logical(folder: Path, table: Table) -> Iterator[dict[str, Any]]:
    path = folder / f"{table.name}.jsonl.gz"
    if not path.exists():
        return
    decode = _decoder(table)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                yield decode(json.loads(line))
            except (ValueError, TypeError) as exc:
                raise InputError(f"{path.name} line {n} is unreadable: {exc}") from None


# -- restore ----------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    """The backup's manifest, after checking every file it lists.

    Raises:
        InputError: not a backup folder, or a file is missing or changed.
    """
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{folder} holds no {MANIFEST}: not a page_governor backup") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path} is unreadable: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(f"{path} is not a {FORMAT} manifest")
    for name, expected in (manifest.get("files") or {}).items():
        file = folder / name
        if not file.is_file():
            raise InputError(f"{name} is listed in the manifest but missing")
        if sha256_file(file) != expected.get("sha256"):
            raise InputError(f"{name} does not match its SHA-256 in the manifest (damaged?)")
    return manifest


def _nonempty_tables(conn: Connection) -> list[str]:
    present = set(inspect(conn).get_table_names())
    return [
        table.name
        for table in t.metadata.sorted_tables
        if table.name in present
        and conn.execute(select(func.count()).select_from(table)).scalar_one()
    ]


def restore(db: Database, folder: Path, *, progress: Progress | None = None) -> dict[str, Any]:
    """Restore the backup in ``folder`` into the empty database ``db``. Returns the manifest.

    Raises:
        InputError: the backup is damaged, of another schema, or does not fit this database.
        ArchiveError: the database is not empty, or loading failed (nothing is kept then).
    """
    say = progress or (lambda _message: None)
    manifest = read_manifest(folder)
    with db.connect() as conn:
        filled = _nonempty_tables(conn)
    if filled:
        raise ArchiveError(
            f"the target database is not empty ({', '.join(filled[:3])} hold rows); "
            "a backup is restored only into an empty database",
            hint="point DATABASE_URL at a new, empty database",
        )
    kind = manifest.get("kind")
    if kind == "pg_dump":
        if db.dialect != "postgresql":
            raise InputError("a pg_dump backup restores only into PostgreSQL")
        if not shutil.which("pg_restore"):
            raise InputError("pg_restore is not installed (it comes with the PostgreSQL client)")
        _drop_empty_schema(db)
        say("running pg_restore")
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={_libpq_url(db)}",
                str(folder / PG_DUMP_FILE),
            ],
            "pg_restore",
        )
    elif kind == "sqlite-file" and db.dialect == "sqlite":
        # the copy carries its own schema revision; a newer page_governor upgrades it on use
        _restore_sqlite_file(db, folder / SQLITE_FILE, say)
    elif kind in ("logical", "sqlite-file"):
        if manifest.get("schema_revision") != head_revision():
            raise InputError(
                f"this backup has schema {manifest.get('schema_revision')}, this version of "
                f"page_governor {head_revision()}",
                hint="restore with the page_governor version that made it, then upgrade",
            )
        db.upgrade()
        if kind == "logical":
            _load(db, lambda table: _read_logical(folder, table), say)
        else:  # an SQLite backup moved into PostgreSQL, row by row
            source = open_database(f"sqlite:///{folder / SQLITE_FILE}")
            try:
                with source.connect() as src:
                    _load(db, lambda table: _read_database(src, table), say)
            finally:
                source.dispose()
    else:
        raise InputError(f"unknown backup kind {kind!r}")
    with db.connect() as conn:
        counts = row_counts(conn)
    expected = manifest.get("counts") or {}
    wrong = [n for n, c in expected.items() if n not in SKIPPED and counts.get(n) != c]
    if wrong:
        raise ArchiveError(
            f"after the restore, {wrong[0]} holds {counts.get(wrong[0])} rows, the backup "
            f"{expected[wrong[0]]}"
        )
    return manifest


def _drop_empty_schema(db: Database) -> None:
    """pg_restore creates the tables itself: drop the empty ones a migration may have made."""
    with db.begin() as conn:
        present = set(inspect(conn).get_table_names())
        for table in reversed(t.metadata.sorted_tables):
            if table.name in present:
                conn.execute(text(f'DROP TABLE "{table.name}" CASCADE'))
        if "alembic_version" in present:
            conn.execute(text("DROP TABLE alembic_version"))


def _restore_sqlite_file(db: Database, source_file: Path, say: Progress) -> None:
    target = _sqlite_path(db)
    db.dispose()
    say(f"copying the backup into {target}")
    _sqlite_copy(source_file, target)


def _read_database(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = conn.execution_options(yield_per=ROWS_PER_BATCH).execute(
        select(table).order_by(*order)
    )
    for row in result.mappings():
        yield dict(row)


def _load(
    db: Database, rows_of: Callable[[Table], Iterator[dict[str, Any]]], say: Progress
) -> None:
    """Insert every table's rows in one transaction, then put the id sequences (PostgreSQL)
    and the search index (SQLite) in order."""
    from page_governor.archive.integrity import rebuild_search_index

    with db.begin() as conn:
        for table in tables():
            batch: list[dict[str, Any]] = []
            loaded = 0
            for row in rows_of(table):
                batch.append(row)
                if len(batch) >= ROWS_PER_BATCH:
                    conn.execute(insert(table), batch)
                    loaded += len(batch)
                    batch.clear()
            if batch:
                conn.execute(insert(table), batch)
                loaded += len(batch)
            say(f"{table.name}: {loaded:,} rows")
        if conn.dialect.name == "postgresql":
            for table in tables():
                column = table.c.get("id")
                if column is not None and column.autoincrement is not False:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                        )
                    )
        rebuild_search_index(conn)
