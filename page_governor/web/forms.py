"""What the console's pages share: the navigation for a role, reading forms and query strings
(CSRF, numbers, dates, archive filters), safe redirects, and how times and audit details read.
"""

from __future__ import annotations

import hmac
import json
from datetime import datetime
from typing import Any

from starlette.requests import Request

from page_governor.clock import parse_time
from page_governor.errors import InputError
from page_governor.governance.roles import Permission
from page_governor.models import Category, Decision, ItemKind, ItemState, Platform, Target
from page_governor.web.users import WebUser


def nav_links(user: WebUser) -> list[tuple[str, str]]:
    links = [("/", "Dashboard")]
    if user.can(Permission.VIEW_QUEUE):
        links += [("/review", "Review queue"), ("/posts", "Our posts")]
    links.append(("/pages", "Pages"))
    if user.can(Permission.SEARCH_ARCHIVE):
        links += [
            ("/archive", "Archive"),
            ("/archive/holds", "Legal holds"),
            ("/archive/retention", "Retention"),
        ]
    if user.can(Permission.VIEW_AUDIT):
        links.append(("/audit", "Audit log"))
    if user.can(Permission.MANAGE_ACCOUNTS):
        links.append(("/accounts", "Accounts"))
    return links


def audit_fields(details: str, limit: int = 200) -> list[tuple[str, str]]:
    """An audit entry's details (canonical JSON) as short "key: value" pairs to read."""
    try:
        data = json.loads(details)
    except ValueError:
        return [("details", details[:limit])]
    if not isinstance(data, dict):
        return [("details", str(data)[:limit])]
    out = []
    for key, value in data.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        out.append((str(key), text if len(text) <= limit else text[: limit - 1] + "…"))
    return out


async def csrf_ok(request: Request, form: Any = None) -> bool:
    expected = request.session.get("csrf")
    if form is None:
        form = await request.form()
    given = form.get("csrf")
    return bool(expected) and isinstance(given, str) and hmac.compare_digest(given, expected)


def safe_next(value: str | None) -> str:
    """Only a local path (never ``//host`` or a scheme): no open redirect."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def int_or(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def parse_day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_time(value if "T" in value else value + "T00:00:00+00:00")
    except ValueError:
        raise InputError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def archive_filters(values: Any) -> Any:
    """Archive filters from a query string or a form (blank fields ignored)."""
    from page_governor.archive.search import Filters

    def get(name: str) -> str | None:
        value = values.get(name)
        return str(value).strip() or None if value is not None else None

    return Filters(
        text=get("q"),
        department=get("department"),
        page=get("page"),
        platform=get("platform"),
        since=parse_day(get("since")),
        until=parse_day(get("until")),
        author=get("author"),
        kind=get("kind"),
        state=get("state"),
        category=get("category"),
        decision=get("decision"),
    )


def filter_options() -> dict[str, list[str]]:
    return {
        "platform": [p.value for p in Platform],
        "kind": [k.value for k in ItemKind],
        "state": [s.value for s in ItemState],
        "category": [c.value for c in Category],
        "decision": [d.value for d in Decision],
    }


def when(value: Any) -> str:
    if value is None:
        return ""
    at = parse_time(value) if not isinstance(value, datetime) else value
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else ""


# How long an item may have waited, for the queue's "waiting longer than" filter (hours).
WAITED_HOURS = ("1", "4", "24", "72")


def queue_choices() -> dict[str, list[str]]:
    """The values each of the review queue's filters accepts (a page is any registered key)."""
    return {
        "platform": [p.value for p in Platform],
        "category": [c.value for c in Category],
        "target": [t.value for t in Target],
        "older": list(WAITED_HOURS),
    }


def waited(since: Any, now: datetime) -> str:
    """How long since ``since``, the way a reviewer reads it: "45 min", "5 h", "3 d"."""
    if since is None:
        return ""
    at = parse_time(since) if not isinstance(since, datetime) else since
    if at is None:
        return ""
    minutes = max(0, int((now - at).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"
