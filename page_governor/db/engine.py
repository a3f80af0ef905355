"""Engine creation, migrations and the append-only guards."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from page_governor.errors import ArchiveError, ConfigError

T = TypeVar("T")

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """An engine plus the operations every command needs (migrate, transact)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def upgrade(self) -> tuple[str | None, str]:
        """Run every pending migration. Returns (revision before, revision after)."""
        before = self.current_revision()
        cfg = _alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return before, head_revision()

    def ensure_current(self, *, auto_upgrade: bool) -> None:
        """Make sure the schema is at head.

        Raises:
            ConfigError: the schema is behind and may not be upgraded automatically.
        """
        if self.current_revision() == head_revision():
            return
        if auto_upgrade:
            self.upgrade()
            return
        raise ConfigError(
            "the database schema is not up to date",
            hint="run `page-governor db upgrade` (the Procfile release step does this)",
        )

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def optimize(self) -> None:
        """Refresh the query planner's statistics (daily job). SQLite needs it for its planner
        to pick the archive's search indexes; PostgreSQL's autovacuum does it by itself."""
        if self.dialect == "sqlite":
            with self.engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("ANALYZE")  # sampled (analysis_limit): fast at any size

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache: indexes of a large archive
    cur.close()


def insert_new(conn: Connection, table: Any, rows: dict[str, Any] | list[dict[str, Any]]) -> int:
    """Insert ``rows``, leaving any whose key is stored already (on SQLite and PostgreSQL
    alike); returns how many were inserted."""
    if conn.dialect.name == "postgresql":
        # Counted from RETURNING: with an autoincrement key SQLAlchemy returns the new ids
        # itself, and the driver's rowcount is then -1 whether a row was inserted or not.
        statement = pg_insert(table).values(rows).on_conflict_do_nothing()
        return len(conn.execute(statement.returning(*table.primary_key.columns)).all())
    statement = sqlite_insert(table).values(rows).on_conflict_do_nothing()
    return int(conn.execute(statement).rowcount or 0)


def serialize(conn: Connection, key: int) -> None:
    """Hold the writers that pass here with the same ``key`` one at a time until this
    transaction ends, so a read-then-append (a hash chain's head, a login attempt count) is
    never interleaved with another.

    PostgreSQL takes a transaction-scoped advisory lock on ``key``. SQLite has a single writer
    lock, taken here at once: its Python driver begins a transaction only at the first write,
    so a chain head read before any write would otherwise be read outside the transaction and
    two appends could both link to it (a split chain). A write that matches no row takes the
    lock and the transaction, waiting ``busy_timeout`` for another writer.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM leases WHERE 0")


def chunked(values: Sequence[T], size: int = 900) -> Iterator[Sequence[T]]:
    """``values`` in slices small enough for one ``IN (…)`` each (SQLite allows 999 bound
    parameters per statement)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def open_database(url: str, *, connect_args: dict[str, Any] | None = None) -> Database:
    """Create an engine for ``url`` (SQLite file created on first use).

    Raises:
        ConfigError: the URL is malformed or the server cannot be reached.
    """
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError and others
        raise ConfigError(f"database URL is malformed: {exc}") from None
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(
                    f"cannot create the data directory {path.parent}: {exc}"
                ) from None
        kwargs["connect_args"] = {"timeout": 30, **(connect_args or {})}
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        kwargs["pool_pre_ping"] = True
        if connect_args:
            kwargs["connect_args"] = connect_args
        engine = create_engine(parsed, **kwargs)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ConfigError(f"cannot open database {parsed.render_as_string()}: {reason}") from None
    return Database(engine)


def translate_db_error(exc: SQLAlchemyError) -> ArchiveError:
    """Turn a database failure into an :class:`ArchiveError` with one readable line."""
    orig = getattr(exc, "orig", None)
    reason = str(orig or exc).strip().splitlines()[0]
    return ArchiveError(f"database error: {reason}")
