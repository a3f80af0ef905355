"""The Telegram bot's commands: who may use each, how, and what it does; the page-request form
and its parser. Pure data, no Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass

from page_governor.governance.roles import Permission


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    permission: Permission | None  # None: anyone may ask (help, whoami)
    usage: str
    summary: str


COMMANDS = (
    Command("help", None, "/help", "what you can do here"),
    Command("whoami", None, "/whoami", "your Telegram id and roles"),
    Command("queue", Permission.VIEW_QUEUE, "/queue", "flagged comments waiting, oldest first"),
    Command("review", Permission.DECIDE, "/review 12", "show review item 12 with its buttons"),
    Command("pages", Permission.VIEW_PAGES, "/pages", "the official pages and their state"),
    Command(
        "compliance",
        Permission.VIEW_COMPLIANCE,
        "/compliance [page]",
        "required page elements: all pages, or one with evidence and fixes",
    ),
    Command("search", Permission.SEARCH_ARCHIVE, "/search words", "search the public archive"),
    Command(
        "export",
        Permission.EXPORT_ARCHIVE,
        "/export words",
        "a records-request bundle (zip) of what matches",
    ),
    Command(
        "request_page",
        Permission.REQUEST_PAGE,
        "/request_page (then one 'field: value' per line)",
        "ask the chief to approve a new official page; /request_page alone shows the form",
    ),
    Command("pending", Permission.VIEW_PAGES, "/pending", "page requests waiting for the chief"),
    Command("approve", Permission.APPROVE_PAGE, "/approve KEY [reason]", "approve a page request"),
    Command("reject", Permission.APPROVE_PAGE, "/reject KEY reason", "reject a page request"),
)


REQUEST_FORM = """/request_page
platform: facebook
department: springfield-pd
url: https://www.facebook.com/SpringfieldPDTraffic
handle: SpringfieldPDTraffic
id: (the platform's page id, if the page exists)
purpose: Traffic alerts and road closures in Springfield
audience: Drivers and commuters in Springfield
admins: Jane Park, Sam Lee
credentials: Jane Park
profile: (for a page not created yet: its proposed About text)"""


def parse_form(text: str) -> dict[str, str]:
    """``field: value`` lines after the command (the command line itself is skipped)."""
    fields: dict[str, str] = {}
    lines = text.splitlines()
    if lines and lines[0].lstrip().startswith("/"):
        first = lines[0].split(maxsplit=1)
        lines = ([first[1]] if len(first) > 1 else []) + lines[1:]
    for line in lines:
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip().lower()] = value.strip()
    return fields
