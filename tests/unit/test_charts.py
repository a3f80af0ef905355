"""The console's server-drawn SVG charts: every value readable as text, every label escaped."""

from __future__ import annotations

from page_governor.web import charts


def test_a_bar_chart_writes_each_count_and_lists_them_for_screen_readers():
    svg = str(charts.bars([("threat", 3), ("spam", 12)], title="Waiting", urgent=("threat",)))
    assert svg.startswith('<svg class="chart" role="img"') and "<title>Waiting</title>" in svg
    assert "<desc>threat: 3; spam: 12</desc>" in svg
    assert ">3</text>" in svg and ">12</text>" in svg
    assert charts.URGENT in svg  # the threat bar stands out


def test_the_longest_bar_is_the_largest_count():
    svg = str(charts.bars([("a", 1), ("b", 4)], title="t", width=520))
    widths = [int(w) for w in __import__("re").findall(r'<rect x="170" y="\d+" width="(\d+)"', svg)]
    assert widths[1] == max(widths) and widths[0] < widths[1]


def test_labels_are_escaped():
    svg = str(charts.bars([("<script>alert(1)</script>", 1)], title="<b>x</b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg


def test_an_empty_chart_says_so():
    assert "nothing to show" in str(charts.bars([], title="t"))
    assert "nothing to show" in str(charts.columns([], title="t"))


def test_a_column_chart_labels_the_first_middle_and_last_day_and_writes_the_peak():
    rows = [(f"12-{d:02d}", d % 5) for d in range(1, 31)]
    svg = str(charts.columns(rows, title="Flags per day"))
    assert svg.count("<rect") == 30
    for label in ("12-01", "12-16", "12-30"):
        assert f">{label}</text>" in svg
    assert ">4</text>" in svg
