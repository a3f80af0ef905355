"""The public-records archive: append-only, hash-chained capture of everything seen."""

from page_governor.archive.store import Archive, CaptureResult, Change

__all__ = ["Archive", "CaptureResult", "Change"]
