"""The one place that talks to the Meta Graph API, through facebook-sdk's ``GraphAPI``.

facebook-sdk 3.1.0 is old: it refuses current API versions in its constructor, waits forever
without a timeout, ignores HTTP status codes, drops response headers and offers a one-call
irreversible delete. :class:`GraphClient` wraps it so that none of that leaks out:

* the version (``v24.0``) is set after construction, every call has a timeout;
* the host comes from the settings (a fake server in tests) through :class:`RoutedSession`;
* the usage headers (``X-App-Usage``, ``X-Business-Use-Case-Usage``) are read on every
  response, so callers can slow down before Meta throttles them;
* Graph errors become :mod:`page_governor.errors`; the token never appears in a message;
* there is **no delete**: only GET and the ``POST`` that hides a comment.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from typing import Any

import facebook
import requests

from page_governor.errors import (
    AuthError,
    NotFoundOnPlatform,
    PermissionDenied,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)
from page_governor.logging_setup import redact, register_secret
from page_governor.platforms.http import RoutedSession

log = logging.getLogger(__name__)

OFFICIAL_GRAPH_URL = "https://graph.facebook.com/"
# Graph error codes (https://developers.facebook.com/docs/graph-api/guides/error-handling)
RATE_LIMIT_CODES = frozenset({4, 17, 32, 341, 613, 80001, 80002, 80004, 80006})
AUTH_CODES = frozenset({102, 190})
TRANSIENT_CODES = frozenset({1, 2})
DEFAULT_RETRY_AFTER = 300.0
# Above this share of a usage budget (percent), ask the scheduler to slow this page down.
USAGE_SLOWDOWN_PERCENT = 80
MAX_PAGES = 10_000  # a paging loop that never ends is a server bug, not a big page


class GraphClient:
    """GET, paged GET and hide over ``facebook.GraphAPI``; errors translated."""

    def __init__(
        self,
        token: str,
        *,
        platform: str,
        page_key: str,
        base_url: str,
        version: str,
        timeout: float,
        app_secret: str | None = None,
    ) -> None:
        register_secret(token)
        self._token = token
        self.platform = platform
        self.page_key = page_key
        self.version = version
        self.usage_percent = 0
        self.regain_seconds = 0.0
        self.served_version: str | None = None
        self._last_status = 200
        session = RoutedSession(
            official_base=OFFICIAL_GRAPH_URL, base=base_url, timeout=timeout, observer=self._observe
        )
        self._api = facebook.GraphAPI(access_token=token, timeout=timeout, session=session)
        # facebook-sdk 3.1.0 only accepts versions up to 3.1 in its constructor; every helper
        # formats paths with this attribute, so setting it afterwards targets a current version.
        self._api.version = version
        self._proof = (
            hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()
            if app_secret
            else None
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self._token, self._proof) if s)

    # -- calls ---------------------------------------------------------------------------

    def get(self, path: str, **args: Any) -> dict[str, Any]:
        return self._call(path, args=args)

    def post(self, path: str, **post_args: Any) -> dict[str, Any]:
        return self._call(path, post_args=post_args)

    def paged(self, path: str, **args: Any) -> Iterator[dict[str, Any]]:
        """Every item of a cursor-paged edge, following ``paging.cursors.after``.

        Our own loop, not ``get_all_connections``: that one drops ``fields`` on page 2 and
        fails when ``paging.next`` lacks the token.
        """
        args = dict(args)
        for _ in range(MAX_PAGES):
            body = self.get(path, **args)
            data = body.get("data")
            if not isinstance(data, list):
                raise PlatformUnavailable(
                    f"Graph answered {path} without a data list",
                    platform=self.platform,
                    page=self.page_key,
                )
            yield from (item for item in data if isinstance(item, dict))
            paging = body.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not data or not paging.get("next") or not after or after == args.get("after"):
                return
            args["after"] = after
        raise PlatformUnavailable(
            f"Graph paging of {path} did not end after {MAX_PAGES} pages",
            platform=self.platform,
            page=self.page_key,
        )

    def _call(
        self,
        path: str,
        *,
        args: dict[str, Any] | None = None,
        post_args: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        args = {k: _param(v) for k, v in (args or {}).items()}
        post = None if post_args is None else {k: _param(v) for k, v in post_args.items()}
        if self._proof:
            (post if post is not None else args)["appsecret_proof"] = self._proof
        self._last_status = 0
        try:
            result = self._api.request(f"{self.version}/{path}", args, post)
        except facebook.GraphAPIError as exc:
            raise self._translate(exc, path) from None
        except requests.Timeout:
            raise self._unavailable(f"Graph call {path} timed out") from None
        except (ValueError, KeyError):
            # malformed JSON (requests' JSONDecodeError is a ValueError), or no content type
            raise self._unavailable(f"Graph answered {path} with an unreadable response") from None
        except requests.RequestException as exc:
            raise self._unavailable(f"Graph call {path} failed: {exc.__class__.__name__}") from None
        if self._last_status >= 500 or not isinstance(result, dict):
            raise self._unavailable(f"Graph answered {path} with HTTP {self._last_status}")
        return result

    # -- errors and usage ----------------------------------------------------------------

    def _unavailable(self, message: str) -> PlatformUnavailable:
        return PlatformUnavailable(message, platform=self.platform, page=self.page_key)

    def _translate(self, exc: facebook.GraphAPIError, path: str) -> PlatformError:
        result = exc.result if isinstance(exc.result, dict) else {}
        error = result.get("error") if isinstance(result.get("error"), dict) else {}
        code = exc.code if isinstance(exc.code, int) else None
        subcode = error.get("error_subcode")
        text = redact(str(error.get("message") or exc.message or "unreadable response"))
        where = dict(platform=self.platform, page=self.page_key, vendor_code=code)
        if code is None:
            return PlatformUnavailable(
                f"Graph answered {path} with an unreadable response", **where
            )
        message = f"Graph error {code}{f'/{subcode}' if subcode else ''} on {path}: {text}"
        if code in AUTH_CODES:
            return AuthError(
                message,
                hint="the page token is invalid or expired: issue a new Page or system-user "
                "token and put it in the page's token_env variable",
                **where,
            )
        if code in RATE_LIMIT_CODES:
            return RateLimited(message, retry_after=self._retry_after(), **where)
        if code in TRANSIENT_CODES or self._last_status >= 500:
            return PlatformUnavailable(message, **where)
        if code == 10 or 200 <= code <= 299 or code == 368:
            return PermissionDenied(message, **where)
        if (code == 100 and subcode == 33) or code == 803:
            return NotFoundOnPlatform(message, **where)
        return PlatformError(message, **where)

    def _retry_after(self) -> float:
        return self.regain_seconds if self.regain_seconds > 0 else DEFAULT_RETRY_AFTER

    def _observe(self, response: requests.Response) -> None:
        self._last_status = response.status_code
        served = response.headers.get("facebook-api-version")
        if served and served != self.served_version:
            self.served_version = served
            if served != self.version:
                log.warning("Graph served %s although %s was asked for", served, self.version)
        usage = 0
        regain = 0.0
        app = _json_header(response.headers.get("x-app-usage"))
        if isinstance(app, dict):
            usage = max([usage, *(_num(v) for v in app.values())])
        buc = _json_header(response.headers.get("x-business-use-case-usage"))
        if isinstance(buc, dict):
            for entries in buc.values():
                for entry in entries if isinstance(entries, list) else []:
                    if not isinstance(entry, dict):
                        continue
                    for key in ("call_count", "total_cputime", "total_time"):
                        usage = max(usage, _num(entry.get(key)))
                    regain = max(regain, 60.0 * _num(entry.get("estimated_time_to_regain_access")))
        self.usage_percent = int(usage)
        self.regain_seconds = regain
        if usage >= USAGE_SLOWDOWN_PERCENT:
            log.warning("%s: Graph usage at %d%% of its budget", self.page_key, usage)

    def slowdown_seconds(self) -> float:
        """How long the scheduler should wait before polling again, given the last usage."""
        if self.regain_seconds > 0:
            return self.regain_seconds
        if self.usage_percent >= USAGE_SLOWDOWN_PERCENT:
            return DEFAULT_RETRY_AFTER * (1 + (self.usage_percent - USAGE_SLOWDOWN_PERCENT) / 5)
        return 0.0


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return value


def _json_header(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _num(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
