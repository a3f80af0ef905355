"""Wiring: settings → database, classifier, policy, adapters. Built once per command."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from page_governor.capture.ingest import Ingestor
from page_governor.clock import Clock, SystemClock
from page_governor.compliance.policy import Policy, load_policy
from page_governor.config import Registry, Settings
from page_governor.db import Database, open_database
from page_governor.moderation.classifier import Classifier
from page_governor.platforms.base import PlatformAdapter
from page_governor.platforms.sample import SampleAdapter, load_bundled

if TYPE_CHECKING:
    from page_governor.archive.media import Fetcher
    from page_governor.moderation.notices import NoticeConfig

log = logging.getLogger(__name__)


class App:
    """The collaborators one command needs, created lazily from the settings."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock: Clock = clock or SystemClock()
        self._adapters: dict[str, PlatformAdapter] = {}

    @cached_property
    def db(self) -> Database:
        db = open_database(self.settings.effective_database_url)
        # The embedded database is set up on first use; a server database is migrated by the
        # release step (`page-governor db upgrade`), never behind the operator's back.
        try:
            db.ensure_current(auto_upgrade=self.settings.is_embedded_database)
        except BaseException:
            db.dispose()
            raise
        return db

    @cached_property
    def classifier(self) -> Classifier:
        return Classifier.from_config_dir(self.settings.config_dir)

    @cached_property
    def policy(self) -> Policy:
        return load_policy(self.settings.config_dir)

    @cached_property
    def notices(self) -> NoticeConfig:
        """Notice and appeal after a hide (config/notices.yaml; off by default)."""
        from page_governor.moderation.notices import load_notices

        return load_notices(self.settings.config_dir)

    @property
    def sample_state_path(self) -> Any:
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        return self.settings.data_dir / "sample_platform_state.json"

    def ingestor(self) -> Ingestor:
        return Ingestor(
            self.db,
            self.classifier,
            self.clock,
            lookback=timedelta(days=self.settings.deletion_lookback_days),
            capture_media=self.settings.capture_media,
            post_rules=self.policy.post_rules,
        )

    def media_fetcher(self) -> Fetcher:
        """Downloads media files within the configured size limit and timeout."""
        from page_governor.archive.media import Fetcher

        telegram = None
        if self.settings.telegram_bot_token:  # channel and comment files, through the Bot API
            from page_governor.capture.telegram_inbox import DatabaseInbox
            from page_governor.platforms.telegram import TelegramAdapter

            telegram = TelegramAdapter(
                self.settings.telegram_bot_token,
                self.clock,
                DatabaseInbox(self.db),
                page_key="media",
                base_url=self.settings.telegram_api_url,
                timeout=self.settings.http_timeout_seconds,
            )
        return Fetcher(
            timeout=self.settings.http_timeout_seconds,
            max_bytes=self.settings.media_max_bytes,
            hosts=self.settings.media_hosts,
            telegram=telegram,
        )

    def adapter_for(self, page: dict[str, Any]) -> PlatformAdapter:
        """The adapter that serves ``page`` (sample pages get the sample platform).

        Raises:
            AuthError: a live page's token is missing.
            UnsupportedOperation: no adapter exists for the page's platform.
        """
        # Sample pages share one adapter; a live page has its own (its own token).
        key = "sample" if page["source"] == "sample" else f"live:{page['key']}"
        if key not in self._adapters:
            if page["source"] == "sample":
                self._adapters[key] = SampleAdapter(
                    load_bundled(), self.clock, state_path=self.sample_state_path
                )
            else:
                from page_governor.platforms.factory import build_live_adapter

                self._adapters[key] = build_live_adapter(page, self.settings, self.clock, self.db)
        return self._adapters[key]

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.dispose()


def missing_run_settings(
    settings: Settings, registry: Registry, environ: Mapping[str, str]
) -> list[str]:
    """What the worker needs and lacks: a Telegram bot token and chat, pages, page tokens."""
    missing = []
    if not settings.telegram_bot_token:
        missing.append("PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN (the bot that alerts PIO staff)")
    if settings.telegram_pio_chat_id is None:
        missing.append("PAGE_GOVERNOR_TELEGRAM_PIO_CHAT_ID (the PIO chat that receives alerts)")
    if not registry.pages:
        missing.append(
            f"pages in {settings.config_dir / 'pages.yaml'} (no live pages are configured)"
        )
    for page in registry.pages:
        if not page.token_env and page.platform == "telegram":
            continue  # Telegram channels are read by the bot, with its token
        if not page.token_env:
            missing.append(f"token_env for page {page.key} in pages.yaml")
        elif not environ.get(page.token_env):
            missing.append(f"{page.token_env} (access token of page {page.key})")
    return missing
