"""`page-governor doctor`: is this deployment healthy? One line per check, with what to do.

Checks, in order: the settings and every configuration file; the database (reachable, at the
newest migration, its clock); the archive signing key; the Telegram bot (its token, every
alert chat); then each active page: its token present and accepted, the permissions the
product needs (Graph: read and moderate Page engagement, with ``facebook_app_id`` set; the
bot administering a Telegram channel and its discussion group). Nothing is written anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from page_governor.clock import SystemClock
from page_governor.config import Settings
from page_governor.errors import AuthError, PageGovernorError, PermissionDenied

Status = Literal["ok", "warn", "fail"]
CLOCK_WARN_SECONDS = 5.0
CLOCK_FAIL_SECONDS = 120.0
# The Graph permissions each platform's work needs (reading profiles, posts and comments with
# their authors, hiding comments a person decided to hide).
GRAPH_SCOPES = {
    "facebook": ("pages_read_engagement", "pages_read_user_content", "pages_manage_engagement"),
    "instagram": ("instagram_basic", "instagram_manage_comments", "pages_read_engagement"),
}
# Needed only when notices.yaml sends the notice after a hide through the platform.
MESSAGING_SCOPES = {
    "facebook": ("pages_messaging",),
    "instagram": ("instagram_manage_messages",),
    "x": ("dm.write",),
}


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str | None = None


def _attempt(name: str, work: Callable[[], str], fix: str | None = None) -> Check:
    """``work`` returns the detail of a passed check; our errors become a failed one."""
    try:
        return Check(name, "ok", work())
    except PageGovernorError as exc:
        return Check(name, "fail", exc.message, exc.hint or fix)


def run_checks(
    settings: Settings, environ: Mapping[str, str], *, now: Callable[[], datetime] | None = None
) -> Iterator[Check]:
    """Every check, as it completes (long ones reach the network)."""
    clock = now or (lambda: datetime.now(UTC))
    yield from _configuration(settings)
    database = None
    try:
        from page_governor.db import open_database

        database = open_database(settings.effective_database_url)
    except PageGovernorError as exc:
        yield Check("database", "fail", exc.message, exc.hint or "check DATABASE_URL")
    if database is not None:
        try:
            current = True
            for check in _database(database, clock):
                current = current and not (check.name == "database" and check.status == "fail")
                yield check
            yield _signing(settings)
            yield from _telegram(settings)
            if current:
                yield from _pages(settings, database, environ)
            else:
                yield Check("pages", "warn", "not checked: the database schema is not current")
        finally:
            database.dispose()
    else:
        yield _signing(settings)
        yield from _telegram(settings)


def _configuration(settings: Settings) -> Iterator[Check]:
    from page_governor.archive.retention import load_schedule
    from page_governor.compliance.policy import load_policy
    from page_governor.config import load_registry
    from page_governor.governance.roles import RoleBook
    from page_governor.moderation.lexicon import load_lexicon
    from page_governor.moderation.notices import load_notices

    folder = settings.config_dir
    yield Check("settings", "ok", f"configuration from {folder}")
    loaders: list[tuple[str, Callable[[], str]]] = [
        ("policy.yaml", lambda: f"{len(load_policy(folder).elements)} required elements"),
        ("moderation.yaml", lambda: f"preset {load_lexicon(folder).preset}"),
        ("retention.yaml", lambda: f"{len(load_schedule(folder))} record classes"),
        ("roles.yaml", lambda: f"{len(RoleBook.from_config_dir(folder).people)} people with roles"),
        ("pages.yaml", lambda: f"{len(load_registry(folder).pages)} pages"),
        ("notices.yaml", lambda: _notices_summary(load_notices(folder))),
    ]
    for name, load in loaders:
        yield _attempt(name, load, f"correct {folder / name}")


def _notices_summary(config: Any) -> str:
    if not config.enabled:
        return "notice and appeal off"
    if config.deliver == "platform":
        return "notice and appeal on; notices sent through the platforms where they allow it"
    return "notice and appeal on; notices sent by the PIO"


def _messaging_wanted(settings: Settings) -> bool:
    """Whether notices are to be sent through the platforms (their permissions checked)."""
    from page_governor.moderation.notices import load_notices

    try:
        config = load_notices(settings.config_dir)
    except PageGovernorError:
        return False  # reported by the configuration check
    return config.enabled and config.deliver == "platform"


def _database(database: Any, clock: Callable[[], datetime]) -> Iterator[Check]:
    from sqlalchemy import text

    from page_governor.db.engine import head_revision

    current = database.current_revision()
    head = head_revision()
    if current == head:
        yield Check("database", "ok", f"{database.dialect}, schema at revision {head}")
    else:
        yield Check(
            "database",
            "fail",
            f"schema at revision {current or 'none (empty)'}, this version needs {head}",
            "run `page-governor db upgrade` (the Procfile release step)",
        )
    if database.dialect != "postgresql":
        yield Check("clock", "ok", "the embedded database runs on this machine's clock")
        return
    with database.connect() as conn:
        server = conn.execute(text("SELECT now()")).scalar_one()
    skew = abs((clock() - server).total_seconds())
    if skew >= CLOCK_FAIL_SECONDS:
        status: Status = "fail"
    elif skew >= CLOCK_WARN_SECONDS:
        status = "warn"
    else:
        status = "ok"
    yield Check(
        "clock",
        status,
        f"{skew:.1f} s apart from the database server's clock",
        None if status == "ok" else "synchronise both machines with NTP (timesyncd, chrony)",
    )


def _signing(settings: Settings) -> Check:
    from page_governor.archive import signing

    def check() -> str:
        private = signing.private_key_of(settings)
        published = signing.published_keys(settings) or []
        if private is None:
            raise AuthError(
                "no archive signing key: chain heads are not signed daily",
                hint="make one with `page-governor archive keygen`; set the private key where "
                "the worker runs and publish the public one",
            )
        own = signing.key_id(private.public_key())
        if not published:
            raise AuthError(
                f"signing key {own} is set but no public key is published in the settings",
                hint="set archive_signing_public_key, so `archive verify` trusts only it",
            )
        return f"signing key {own}, published"

    result = _attempt("signing key", check)
    if result.status == "fail" and result.detail.startswith("no archive signing key"):
        return Check(result.name, "warn", result.detail, result.fix)
    return result


def _telegram_adapter(settings: Settings, token: str, page_key: str) -> Any:
    from page_governor.platforms.telegram import TelegramAdapter

    return TelegramAdapter(
        token,
        SystemClock(),
        _NoInbox(),
        page_key=page_key,
        base_url=settings.telegram_api_url,
        timeout=settings.http_timeout_seconds,
    )


def _telegram(settings: Settings) -> Iterator[Check]:
    token = settings.telegram_bot_token
    if not token:
        yield Check(
            "telegram bot",
            "fail",
            "no bot token: PIO staff get no alerts",
            "set PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN (from @BotFather)",
        )
        return
    bot = _telegram_adapter(settings, token, "telegram bot")
    result = _attempt("telegram bot", lambda: f"token accepted ({bot.bot_name()})")
    yield result
    if result.status != "ok":
        return
    chats = {
        "PIO chat": settings.telegram_pio_chat_id,
        "chief chat": settings.telegram_chief_chat_id,
        "admin chat": settings.telegram_admin_chat_id,
    }
    if chats["PIO chat"] is None:
        yield Check(
            "PIO chat",
            "fail",
            "no PIO chat: alerts have nowhere to go",
            "set PAGE_GOVERNOR_TELEGRAM_PIO_CHAT_ID (add the bot to the chat first)",
        )
    for name, chat_id in chats.items():
        if chat_id is None:
            continue
        yield _attempt(
            name,
            lambda c=chat_id: f"reachable ({bot.chat_title(c)})",
            "add the bot to the chat and check the chat id",
        )


def _pages(settings: Settings, database: Any, environ: Mapping[str, str]) -> Iterator[Check]:
    from page_governor.governance.registry import all_pages, page_ref
    from page_governor.models import PageState
    from page_governor.platforms.factory import page_token

    with database.connect() as conn:
        pages = [p for p in all_pages(conn, states=(PageState.ACTIVE,)) if p["source"] == "live"]
    if not pages:
        yield Check("pages", "warn", "no active live pages", "see README, 'Connecting real pages'")
        return
    messaging = _messaging_wanted(settings)  # notices.yaml read once, not once per page
    for page in pages:
        name = f"page {page['key']}"
        ref = page_ref(page)
        if page["platform"] == "x":
            yield _x_page(settings, database, page, ref, name, messaging)
            continue
        try:
            token = page_token(page, settings, environ)
        except PageGovernorError as exc:
            yield Check(name, "fail", exc.message, exc.hint)
            continue
        if page["platform"] == "telegram":
            yield _telegram_page(settings, token, page, ref, name)
        elif page["platform"] in GRAPH_SCOPES:
            yield _graph_page(settings, token, page, ref, name, messaging)
        else:
            yield _read_check(settings, page, ref, name)


def _x_page(
    settings: Settings,
    database: Any,
    page: dict[str, Any],
    ref: Any,
    name: str,
    messaging: bool,
) -> Check:
    """An X account: read with its token; with a stored OAuth 2.0 user token, its scopes
    (hiding replies needs ``tweet.moderate.write``) and the worker's last refresh."""
    from page_governor.platforms import x_oauth

    checked = _read_check(settings, page, ref, name, database)
    if checked.status != "ok":
        return checked
    try:
        with database.connect() as conn:
            stored = x_oauth.load(conn, settings, int(page["id"]))
    except PageGovernorError as exc:
        return Check(name, "fail", exc.message, exc.hint)
    if stored is None:
        return Check(
            name,
            "warn",
            f"{checked.detail}; a token from token_env, not refreshed by the worker",
            "an OAuth 2.0 user token expires after two hours: store its refresh token with "
            "`page-governor pages x-token`",
        )
    if stored.last_error:
        return Check(name, "fail", f"the last token refresh failed: {stored.last_error}",
                     "authorize again and run `page-governor pages x-token`")  # fmt: skip
    if "tweet.moderate.write" not in stored.scope.split():
        return Check(name, "fail", "the token cannot hide replies (no tweet.moderate.write)",
                     "authorize again with tweet.moderate.write")  # fmt: skip
    if messaging and "dm.write" not in stored.scope.split():
        return Check(name, "fail", "the token cannot send the notice after a hide (no dm.write)",
                     "authorize again with dm.read dm.write, or set deliver: by_hand in "
                     "notices.yaml")  # fmt: skip
    return Check(
        name, "ok", f"{checked.detail}; OAuth token until {stored.expires_at:%H:%M} UTC, "
        "refreshed by the worker"
    )  # fmt: skip


def _read_check(
    settings: Settings, page: dict[str, Any], ref: Any, name: str, database: Any = None
) -> Check:
    """The token reads the page's profile."""
    from page_governor.platforms.factory import build_live_adapter

    def read() -> str:
        adapter = build_live_adapter(page, settings, SystemClock(), database)
        profile = adapter.fetch_profile(ref)
        return f"token accepted, profile read ({profile.name})"

    return _attempt(name, read, "renew the page's token")


def _graph_page(
    settings: Settings, token: str, page: dict[str, Any], ref: Any, name: str, messaging: bool
) -> Check:
    checked = _read_check(settings, page, ref, name)
    if checked.status != "ok":
        return checked
    if not (settings.facebook_app_id and settings.facebook_app_secret):
        return Check(
            name,
            "warn",
            f"{checked.detail}; permissions not checked",
            "set facebook_app_id (settings) and PAGE_GOVERNOR_FACEBOOK_APP_SECRET so doctor "
            "can read the token's permissions",
        )
    from page_governor.platforms.graph import GraphClient

    app = GraphClient(
        f"{settings.facebook_app_id}|{settings.facebook_app_secret}",
        platform=page["platform"],
        page_key=page["key"],
        base_url=settings.facebook_graph_url,
        version=settings.facebook_graph_version,
        timeout=settings.http_timeout_seconds,
    )
    try:
        data = app.get("debug_token", input_token=token).get("data") or {}
    except PageGovernorError as exc:
        return Check(name, "fail", f"permissions unreadable: {exc.message}", exc.hint)
    if not data.get("is_valid"):
        return Check(name, "fail", "Meta says the token is not valid", "renew the page's token")
    granted = set(data.get("scopes") or ())
    wanted = GRAPH_SCOPES[page["platform"]]
    if messaging:
        wanted += MESSAGING_SCOPES[page["platform"]]
    missing = [s for s in wanted if s not in granted]
    if missing:
        return Check(
            name,
            "fail",
            f"token lacks {', '.join(missing)}",
            "grant these permissions to the app and issue the page token again "
            "(hiding comments needs pages_manage_engagement / instagram_manage_comments; "
            "sending notices, pages_messaging / instagram_manage_messages)",
        )
    return Check(name, "ok", f"{checked.detail}; permissions to read and moderate granted")


def _telegram_page(
    settings: Settings, token: str, page: dict[str, Any], ref: Any, name: str
) -> Check:
    adapter = _telegram_adapter(settings, token, page["key"])
    try:
        problems = adapter.admin_problems(ref)
    except PermissionDenied as exc:
        return Check(name, "fail", exc.message, "add the bot to the channel as an administrator")
    except PageGovernorError as exc:
        return Check(name, "fail", exc.message, exc.hint)
    if problems:
        return Check(
            name,
            "fail",
            "; ".join(problems),
            "make the bot an administrator of the channel and of its discussion group",
        )
    return Check(name, "ok", "the bot administers the channel and its discussion group")


class _NoInbox:
    """Doctor reads no updates."""

    def messages(self, chat_ids: tuple[int, ...]) -> list[tuple[str, dict[str, Any]]]:
        return []
