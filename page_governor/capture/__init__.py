"""Capture: polling a page, webhooks, the Telegram inbox, per-page health and gaps."""
