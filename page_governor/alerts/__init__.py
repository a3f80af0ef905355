"""Notification: the durable outbox, rendering, the Telegram sender and the bot."""
