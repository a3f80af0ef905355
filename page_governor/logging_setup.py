"""Logging with a redacting filter: tokens never reach a log line.

httpx logs full URLs, and the Telegram bot token is part of every Bot API URL; Graph tokens
travel as ``access_token=`` query parameters. The filter masks both patterns and any secret
value registered at start-up.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

_PATTERNS = (
    re.compile(r"(bot)\d{5,}:[A-Za-z0-9_-]{20,}"),
    re.compile(
        r"((?:access_token|appsecret_proof|client_secret|oauth_token|token)=)[^&\s\"']+",
        re.IGNORECASE,
    ),
    re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE),
)
_SECRETS: set[str] = set()


def register_secret(value: str | None) -> None:
    """Mask this exact value in every log line from now on."""
    if value and len(value) >= 6:
        _SECRETS.add(value)


def redact(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in a record. Arguments are redacted one by one where they are a tuple, so
    formatters that read them (uvicorn's access log reads the request path from them) still
    work; a secret that only appears once the message is formatted collapses it to text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def uvicorn_log_config() -> dict[str, Any]:
    """uvicorn's own logging set-up with the redacting filter on its handlers: its access log
    does not pass through the root logger, and a webhook handshake carries the verify token in
    the query string (``hub.verify_token=…``)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact"] = {"()": RedactingFilter}
    for handler in config.get("handlers", {}).values():
        handler.setdefault("filters", []).append("redact")
    return config


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with the redacting filter on the root handler."""
    root = logging.getLogger()
    if not any(isinstance(f, RedactingFilter) for h in root.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # Library chatter stays at WARNING unless debugging.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram", "urllib3", "alembic"):
        logging.getLogger(noisy).setLevel(level if level == "DEBUG" else "WARNING")
