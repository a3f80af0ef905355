"""The console's colours meet WCAG 2.1 AA contrast (4.5:1 for text) on the backgrounds they
are used on; the colours are read from the stylesheet itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BASE = (
    Path(__file__).resolve().parents[2] / "page_governor" / "web" / "templates" / "base.html"
).read_text(encoding="utf-8")
CSS = BASE.split("<style>", 1)[1].split("</style>", 1)[0]


def colour_of(selector: str, prop: str = "color") -> str:
    """The value of ``prop`` in the first rule whose selector list names ``selector``."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS):
        names = [s.strip() for s in selectors.split(",")]
        if selector in names:
            found = re.search(rf"(?<![-\w]){prop}\s*:\s*#([0-9a-fA-F]{{3,6}})\b", body)
            if found:
                value = found.group(1)
                return "#" + ("".join(c * 2 for c in value) if len(value) == 3 else value)
    raise AssertionError(f"no {prop} for {selector}")


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PAGE = "#fafafa"
WHITE = "#ffffff"


@pytest.mark.parametrize(
    ("what", "foreground", "background"),
    [
        ("body text", lambda: colour_of("body"), lambda: colour_of("body", "background")),
        ("links", lambda: colour_of("a"), lambda: PAGE),
        ("links in a table", lambda: colour_of("a"), lambda: WHITE),
        ("present (✓)", lambda: colour_of(".ok"), lambda: WHITE),
        ("missing (✗)", lambda: colour_of(".bad"), lambda: WHITE),
        ("missing on an urgent row", lambda: colour_of(".bad"), lambda: colour_of(".urgent", "background")),
        ("muted notes", lambda: colour_of(".muted"), lambda: PAGE),
        ("muted notes in a table", lambda: colour_of(".muted"), lambda: WHITE),
        ("the header", lambda: colour_of("header"), lambda: colour_of("header", "background")),
        ("chart captions", lambda: colour_of("figcaption"), lambda: PAGE),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_text_colours_meet_aa_contrast(what, foreground, background):
    assert contrast(foreground(), background()) >= 4.5, what
