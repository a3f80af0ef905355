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


def test_uvicorns_access_log_masks_the_webhook_verify_token(capsys):
    import logging.config

    from page_governor.logging_setup import uvicorn_log_config

    access = logging.getLogger("uvicorn.access")
    saved = (access.handlers[:], access.propagate, access.level)
    try:
        logging.config.dictConfig(uvicorn_log_config())
        access.info(  # exactly as uvicorn's h11/httptools protocols log a request
            '%s - "%s %s HTTP/%s" %d',
            "203.0.113.9:50000",
            "GET",
            "/webhooks/meta?hub.mode=subscribe&hub.verify_token=VT-secret-4242&hub.challenge=77",
            "1.1",
            200,
        )
    finally:
        access.handlers[:], access.propagate, access.level = saved
    line = capsys.readouterr().out
    assert "GET /webhooks/meta?hub.mode=subscribe" in line and " 200" in line
    assert "VT-secret-4242" not in line


def test_a_telegram_error_quoting_the_bot_url_reaches_us_without_the_token():
    from telegram import error as tg_error

    from page_governor.platforms.telegram import translate_error

    raw = tg_error.NetworkError(f"httpx.ConnectError: https://api.telegram.org/bot{SENTINEL_BOT}/x")
    translated = translate_error(raw, "reading updates", page=None)
    assert SENTINEL_BOT not in translated.message and "reading updates" in translated.message
