"""Fetch a comment-policy page that a profile links on an official domain.

Bounded: one timeout, a size limit, only http(s) on the department's official domains, and a
small in-process cache so a daily check of many pages fetches each policy page once. An HTML
page is returned as its markup, so the checker reads its headings and lists
(:mod:`page_governor.compliance.blocks`); a PDF policy is returned as its extracted text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

import httpx

from page_governor.compliance.blocks import pdf_text
from page_governor.compliance.checker import extract_urls, on_domains, url_host

log = logging.getLogger(__name__)
MAX_BYTES = 512 * 1024
MAX_PDF_BYTES = 4 * 1024 * 1024  # policy documents are longer than pages, still bounded
_POLICY_HINTS = (
    "policy",
    "policies",
    "comment",
    "social",
    "terms",
    "disclaimer",
    "guidelines",
    "rules",
    "moderation",
    "privacy",
    "conduct",
)


def policy_links(fields: Mapping[str, str], domains: Iterable[str]) -> list[str]:
    """URLs on official domains that look like a comment or social-media policy page."""
    domains = tuple(domains)
    out: list[str] = []
    for source, text in fields.items():
        if source.startswith("linked:"):
            continue
        for url in extract_urls(text):
            full = url if "://" in url else "https://" + url
            host = url_host(full)
            path = full.split(host, 1)[-1].lower() if host else ""
            if (
                host
                and on_domains(host, domains)
                and any(h in path for h in _POLICY_HINTS)
                and full not in out
            ):
                out.append(full)
    return out[:3]


class LinkedPageFetcher:
    """Callable that returns the visible text of a page, or None on any failure."""

    def __init__(self, *, timeout: float = 10.0, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": "page_governor compliance check"},
        )
        self._cache: dict[str, str | None] = {}

    def __call__(self, url: str) -> str | None:
        if url in self._cache:
            return self._cache[url]
        text: str | None = None
        try:
            with self._client.stream("GET", url) as response:
                kind = response.headers.get("content-type", "text/html").lower()
                is_pdf = "pdf" in kind or url.lower().split("?")[0].endswith(".pdf")
                if response.status_code != 200:
                    log.info("linked policy %s answered %s", url, response.status_code)
                elif is_pdf:
                    text = pdf_text(_read(response, MAX_PDF_BYTES)) or None
                elif "html" in kind or "text" in kind:
                    body = _read(response, MAX_BYTES)
                    text = body.decode(response.encoding or "utf-8", "replace")
                else:
                    log.info("linked policy %s is %s, not a page or a PDF", url, kind)
        except httpx.HTTPError as exc:
            log.info("linked policy %s could not be fetched: %s", url, exc.__class__.__name__)
        self._cache[url] = text
        return text

    def close(self) -> None:
        self._client.close()


def _read(response: httpx.Response, limit: int) -> bytes:
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            break
    return bytes(body[:limit])
