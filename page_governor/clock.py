"""Injected clocks: all datetimes are timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Protocol


class Clock(Protocol):
    """Something that tells the time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock for tests and the demo: stands still until moved."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs a timezone-aware datetime")
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def parse_time(value: str | int | float | datetime | None) -> datetime | None:
    """Parse the timestamp forms platforms use into aware UTC datetimes.

    Accepts ISO 8601 (``2026-01-02T09:00:00+0000`` as Graph sends it, or with ``Z``),
    Unix seconds, or a datetime. Naive values are taken as UTC.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, int | float):
        dt = datetime.fromtimestamp(float(value), UTC)
    else:
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        # Graph sends +0000 (no colon); fromisoformat in 3.11 accepts it.
        dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def iso(dt: datetime | None) -> str | None:
    """Format an aware datetime as ISO 8601 UTC with a ``Z``."""
    if dt is None:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def jsonable(value: Any) -> Any:
    """A copy of rows, lists and dicts with every datetime as :func:`iso` text (for ``--json``
    output and export side files)."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value
