"""Tokens never reach a log line."""

from __future__ import annotations

import logging

from page_governor.logging_setup import RedactingFilter, redact, register_secret

SENTINEL_BOT = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra"


def test_telegram_token_in_a_bot_api_url_is_masked():
    line = f"POST https://api.telegram.org/bot{SENTINEL_BOT}/sendMessage"
    assert SENTINEL_BOT not in redact(line)


def test_graph_access_token_query_parameter_is_masked():
    assert "EAAB-secret" not in redact("GET /v24.0/1/feed?access_token=EAAB-secret&limit=100")


def test_registered_secrets_are_masked_wherever_they_appear():
    register_secret("s3cr3t-app-value")
    assert "s3cr3t-app-value" not in redact("signing with s3cr3t-app-value now")


def test_the_filter_rewrites_the_record_before_it_is_emitted():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "url %s", (f"/bot{SENTINEL_BOT}/",), None
    )
    RedactingFilter().filter(record)
    assert SENTINEL_BOT not in record.getMessage()
