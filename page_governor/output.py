"""How listings print: tables that never cut what a person must copy, a line saying how many
more there are when a listing is cut, and JSON for scripts.

Rich shortens a column with "…" when a table is wider than the terminal. That is fine for a
comment's text, never for a page key, an id or a hash that someone must type or paste: those
columns keep their full width (the other columns fold onto more lines instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Column, Table


def whole(header: str, values: Iterable[Any] = ()) -> Column:
    """A column printed whole on one line: keys, ids, hashes."""
    width = max([len(header), *(len(str(v)) for v in values)])
    return Column(header, no_wrap=True, min_width=width, overflow="fold")


def folding(header: str) -> Column:
    """A column that wraps onto more lines rather than being cut."""
    return Column(header, overflow="fold")


def listing(columns: Sequence[Column | str]) -> Table:
    """A table whose plain columns fold instead of ending in "…"."""
    return Table(*(folding(c) if isinstance(c, str) else c for c in columns))


def more_line(shown: int, total: int, hint: str) -> str | None:
    """ "N more …" when a listing shows fewer rows than there are, else None."""
    if total <= shown:
        return None
    return f"{total - shown} more not shown ({shown} of {total}); {hint}"
