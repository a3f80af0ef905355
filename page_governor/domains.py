"""Domains in comments and profiles, read with the Public Suffix List (``tldextract`` with the
snapshot it ships; it never fetches a newer list here, so classification stays offline and
deterministic)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _extractor() -> Any:
    import tldextract

    # suffix_list_urls=() and no cache directory: the bundled snapshot, never the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def registrable(host: str) -> str | None:
    """The registrable domain of a host name ("www.cityofx.gov" -> "cityofx.gov"); None when
    the text has no public suffix (a file name, "node.js")."""
    host = host.strip().strip(".").lower()
    if not host or " " in host:
        return None
    parts = _extractor()(host)
    if not parts.suffix or not parts.domain:
        labels = host.split(".")
        if len(labels) >= 2 and labels[-1] in RESERVED_TLDS and all(labels):
            return ".".join(labels[-2:])
        return None
    return f"{parts.domain}.{parts.suffix}"


# Names reserved for documentation and testing (RFC 2606, RFC 6761): not in the Public Suffix
# List, but read as top-level domains so sample pages and examples ("anytownpd.example") work.
RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost"})
