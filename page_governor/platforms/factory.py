"""Build the adapter of a live (real-platform) page from the settings and its token."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from page_governor.clock import Clock
from page_governor.config import Settings
from page_governor.db import Database
from page_governor.errors import AuthError, UnsupportedOperation
from page_governor.platforms.base import PlatformAdapter


def page_token(
    page: dict[str, Any], settings: Settings, environ: Mapping[str, str] | None = None
) -> str:
    """The access token of ``page``, read from the environment variable its config names.

    Telegram pages may omit ``token_env``: they use the bot token.

    Raises:
        AuthError: the variable is not named or not set (the page cannot be read).
    """
    env = os.environ if environ is None else environ
    name = page.get("token_env")
    if name and env.get(name):
        return env[name]
    if page["platform"] == "telegram" and not name and settings.telegram_bot_token:
        return settings.telegram_bot_token
    what = f"environment variable {name}" if name else "a token_env in pages.yaml"
    raise AuthError(
        f"page {page['key']} has no access token: set {what}",
        platform=page["platform"],
        page=page["key"],
        hint="see README, 'Connecting real pages', for the token each platform needs",
    )


def build_live_adapter(
    page: dict[str, Any], settings: Settings, clock: Clock, db: Database
) -> PlatformAdapter:
    """Raises:
    AuthError: the page's token is missing.
    UnsupportedOperation: no adapter exists for the page's platform.
    """
    platform = page["platform"]
    timeout = settings.http_timeout_seconds
    if platform == "x" and db is not None and page.get("id") is not None:
        from page_governor.platforms import x_oauth
        from page_governor.platforms.x import XAdapter

        stored = x_oauth.current_access_token(db, settings, page, now=clock.now())
        if stored is not None:  # an OAuth 2.0 user token the worker keeps refreshed

            def current() -> str:
                fresh = x_oauth.current_access_token(db, settings, page, now=clock.now())
                return fresh or stored

            return XAdapter(
                stored,
                clock,
                page_key=page["key"],
                base_url=settings.x_api_url,
                timeout=timeout,
                token_source=current,
            )
    token = page_token(page, settings)
    if platform in ("facebook", "instagram"):
        from page_governor.platforms.graph import GraphClient
        from page_governor.platforms.meta import FacebookAdapter, InstagramAdapter

        client = GraphClient(
            token,
            platform=platform,
            page_key=page["key"],
            base_url=settings.facebook_graph_url,
            version=settings.facebook_graph_version,
            timeout=timeout,
            app_secret=settings.facebook_app_secret,
        )
        cls = FacebookAdapter if platform == "facebook" else InstagramAdapter
        return cls(client, clock)
    if platform == "x":
        from page_governor.platforms.x import XAdapter

        return XAdapter(
            token, clock, page_key=page["key"], base_url=settings.x_api_url, timeout=timeout
        )
    if platform == "telegram":
        from page_governor.capture.telegram_inbox import DatabaseInbox
        from page_governor.platforms.telegram import TelegramAdapter

        return TelegramAdapter(
            token,
            clock,
            DatabaseInbox(db),
            page_key=page["key"],
            base_url=settings.telegram_api_url,
            timeout=timeout,
        )
    raise UnsupportedOperation(
        f"no adapter for platform {platform!r}", platform=platform, page=page["key"]
    )
