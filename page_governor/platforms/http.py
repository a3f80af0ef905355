"""HTTP plumbing shared by the requests-based clients (facebook-sdk, tweepy).

Neither client lets us choose its host or a timeout everywhere, so both get a
:class:`RoutedSession`: a ``requests.Session`` that sends the vendor's official base URL to
the configured one (a fake server in tests, a proxy in some deployments), puts a timeout on
every request, and hands each response's headers to an observer (rate-limit usage).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import requests

HeaderObserver = Callable[[requests.Response], None]


class RoutedSession(requests.Session):
    """``requests.Session`` with a base-URL rewrite and a default timeout."""

    def __init__(
        self,
        *,
        official_base: str,
        base: str,
        timeout: float,
        observer: HeaderObserver | None = None,
    ) -> None:
        super().__init__()
        self.official_base = official_base.rstrip("/") + "/"
        self.base = base.rstrip("/") + "/"
        self.timeout = timeout
        if observer is not None:
            self.hooks["response"].append(lambda r, *_a, **_k: observer(r))

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        text = url.decode() if isinstance(url, bytes) else url
        if text.startswith(self.official_base):
            text = self.base + text[len(self.official_base) :]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, text, *args, **kwargs)


def scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """A copy of a JSON value with every occurrence of a secret replaced by ``***``.

    Payloads are archived as records; a token echoed by the platform (paging URLs carry
    ``access_token``) must never be stored with them.
    """
    live = tuple(s for s in secrets if s)
    if not live:
        return value
    text = json.dumps(value, ensure_ascii=False)
    if not any(s in text for s in live):
        return value
    for secret in live:
        text = text.replace(json.dumps(secret)[1:-1], "***")
    return json.loads(text)
