"""Charts for the console, drawn on the server as SVG: no JavaScript, nothing fetched, the
Content-Security-Policy unchanged. Pure: numbers in, markup out.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that lists every value,
so a screen reader reads the numbers, and each bar carries its value as text, so nothing needs
hovering. Every label is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

BAR = "#3a6ea5"
URGENT = "#b00020"


def _svg(title: str, desc: str, width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{body}</svg>"
    )


def bars(
    rows: Sequence[tuple[str, int]],
    *,
    title: str,
    urgent: Sequence[str] = (),
    width: int = 520,
) -> Markup:
    """Horizontal bars, one per (label, count), each with its count written after it."""
    row_height, label_width = 26, 170
    height = max(1, len(rows)) * row_height + 8
    top = max((count for _, count in rows), default=0) or 1
    room = width - label_width - 50
    parts = []
    for i, (label, count) in enumerate(rows):
        y = 4 + i * row_height
        length = round(room * count / top) if count else 0
        colour = URGENT if label in urgent else BAR
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 17}" text-anchor="end" font-size="13">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="{row_height - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 17}" font-size="13">{count}</text>'
        )
    if not rows:
        parts.append('<text x="4" y="20" font-size="13">nothing to show</text>')
    desc = "; ".join(f"{label}: {count}" for label, count in rows) or "nothing to show"
    return _svg(title, desc, width, height, "".join(parts))


def columns(
    rows: Sequence[tuple[str, int]], *, title: str, width: int = 620, height: int = 160
) -> Markup:
    """Vertical columns over time (oldest first), labelled at the first, middle and last column,
    with the largest count written above its column."""
    n = max(1, len(rows))
    left, bottom, top_pad = 6, 22, 18
    slot = (width - left * 2) / n
    top = max((count for _, count in rows), default=0) or 1
    room = height - bottom - top_pad
    peak = max(range(len(rows)), key=lambda i: rows[i][1], default=None)
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" '
        'stroke="#999"/>'
    ]
    for i, (label, count) in enumerate(rows):
        h = round(room * count / top)
        x = left + i * slot
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{height - bottom - h}" width="{max(1.0, slot - 2):.1f}" '
            f'height="{h}" fill="{BAR}"/>'
        )
        if i == peak and count:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - bottom - h - 4}" font-size="12" '
                f'text-anchor="middle">{count}</text>'
            )
        if i in (0, len(rows) // 2, len(rows) - 1):
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - 6}" font-size="11" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    desc = "; ".join(f"{label}: {count}" for label, count in rows) or "nothing to show"
    return _svg(title, desc, width, height, "".join(parts))
