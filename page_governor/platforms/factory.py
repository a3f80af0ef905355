"""Build the adapter of a live (real-platform) page from the settings."""

from __future__ import annotations

from typing import Any

from page_governor.clock import Clock
from page_governor.config import Settings
from page_governor.errors import UnsupportedOperation
from page_governor.platforms.base import PlatformAdapter


def build_live_adapter(page: dict[str, Any], settings: Settings, clock: Clock) -> PlatformAdapter:
    """Raises:
    UnsupportedOperation: this build has no adapter for the page's platform yet.
    """
    raise UnsupportedOperation(
        f"no live adapter for {page['platform']} in this version",
        platform=page["platform"],
        page=page["key"],
    )
