"""Storage: SQLAlchemy Core tables, engine set-up and Alembic migrations."""

from page_governor.db.engine import Database, chunked, insert_new, open_database, serialize

__all__ = ["Database", "chunked", "insert_new", "open_database", "serialize"]
