"""Storage: SQLAlchemy Core tables, engine set-up and Alembic migrations."""

from page_governor.db.engine import Database, chunked, open_database

__all__ = ["Database", "chunked", "open_database"]
