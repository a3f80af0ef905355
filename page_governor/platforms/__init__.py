"""Platform adapters: one per platform behind :class:`PlatformAdapter`."""

from page_governor.platforms.base import PlatformAdapter

__all__ = ["PlatformAdapter"]
