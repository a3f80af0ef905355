"""Each exported thread as it appeared, as escaped HTML: edits, hidden and deleted items
marked, flags and moderation decisions with who, when and why.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from page_governor.archive.bundle import (
    BundleFiles,
)
from page_governor.archive.search import Filters
from page_governor.clock import iso

_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
.item{border-left:3px solid #999;margin:.8rem 0;padding:.3rem .8rem}
.reply{margin-left:2rem}.post{border-color:#225}.deleted{border-color:#b00;background:#fee}
.hidden{border-color:#a60;background:#fff6e5}.edited{border-color:#06a}
.badge{font-size:.75rem;padding:0 .4rem;border-radius:.3rem;background:#eee;margin-left:.3rem}
.versions{font-size:.85rem;color:#333}.meta{color:#555;font-size:.85rem}"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def write_threads(
    files: BundleFiles,
    items: dict[int, dict[str, Any]],
    decisions: list[dict[str, Any]],
    flags: dict[int, list[dict[str, Any]]],
    filters: Filters,
    now: datetime,
    *,
    public: bool,
) -> None:
    by_item: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for decision in decisions:
        by_item[decision["item_id"]].append(decision)
    threads: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items.values():
        anchor = item["post_platform_id"] or item["platform_item_id"]
        threads[(item["page"], anchor)].append(item)
    index = []
    for n, ((page, anchor), members) in enumerate(sorted(threads.items()), 1):
        name = f"threads/{n:05d}.html"
        members.sort(key=lambda i: (i["kind"] != "post", i["created_at"] or "", i["id"]))
        parts = [
            "<!doctype html><html lang=en><meta charset=utf-8>",
            f"<title>{_e(page)} — {_e(anchor)}</title><style>{_CSS}</style>",
            f"<h1>{_e(page)}</h1><p class=meta>Thread {_e(anchor)}; exported {_e(iso(now))}"
            + (" — public release copy: personal information redacted" if public else "")
            + "</p>",
        ]
        for item in members:
            parts.append(_item_html(item, flags.get(item["id"], []), by_item.get(item["id"], [])))
        with files.open(name) as fh:
            fh.write("\n".join(parts) + "\n</html>\n")
        first = members[0]["versions"][-1][3] if members[0]["versions"] else ""
        index.append((name, page, anchor, len(members), first))
    with files.open("threads/index.html") as fh:
        fh.write(
            "<!doctype html><html lang=en><meta charset=utf-8><title>Records bundle</title>"
            f"<style>{_CSS}</style><h1>Records bundle</h1>"
            f"<p class=meta>Exported {_e(iso(now))}; filters: {_e(json.dumps(filters.as_json()))}"
            "</p><ol>"
        )
        for name, page, anchor, count, first in index:
            fh.write(
                f'<li><a href="{_e(name.split("/", 1)[1])}">{_e(page)} / {_e(anchor)}</a> '
                f"({count} items) {_e(first[:120])}</li>"
            )
        fh.write("</ol></html>\n")


def _item_html(
    item: dict[str, Any], flags: list[dict[str, Any]], decisions: list[dict[str, Any]]
) -> str:
    versions = item["versions"]
    state = versions[-1][1] if versions else "live"
    classes = ["item", item["kind"], state]
    if item["parent_platform_id"]:
        classes.append("reply")
    badges = "".join(
        f"<span class=badge>{_e(s)}</span>" for s in {v[1] for v in versions} if s != "live"
    )
    out = [
        f'<div class="{" ".join(classes)}" id=item-{item["id"]}>',
        f"<div class=meta>{_e(item['kind'])} {_e(item['platform_item_id'])} by "
        f"<b>{_e(item['author_name'] or item['author_id'] or 'unknown')}</b> at "
        f"{_e(item['created_at'])}{badges}</div>",
        f"<p>{_e(versions[-1][3] if versions else '')}</p>",
    ]
    if len(versions) > 1:
        out.append("<ol class=versions>")
        for no, vstate, captured, text in versions:
            out.append(
                f"<li>v{_e(no)} <b>{_e(vstate)}</b> captured {_e(captured)}: {_e(text)}</li>"
            )
        out.append("</ol>")
    for flag in flags:
        out.append(f"<div class=meta>flagged: {_e(', '.join(flag['categories']))}</div>")
    for decision in decisions:
        out.append(
            f"<div class=meta>decision <b>{_e(decision['decision'])}</b> by "
            f"{_e(decision['reviewer'])} at {_e(iso(decision['decided_at']))}: "
            f"{_e(decision['reason'])}"
            + (
                f" (policy: {_e(decision['policy_clause'])})"
                if decision.get("policy_clause")
                else ""
            )
            + "</div>"
        )
    out.append("</div>")
    return "\n".join(out)
