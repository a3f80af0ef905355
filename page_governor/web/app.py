"""Starlette application (`page-governor serve`): the web console, the Meta webhook endpoint
and the health check."""

from __future__ import annotations

import logging
import secrets

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from page_governor.app import App
from page_governor.capture.webhooks import (
    process_event,
    readable_payload,
    signature_ok,
    store_event,
)
from page_governor.web.console import WebConsole

log = logging.getLogger(__name__)
MAX_WEBHOOK_BODY = 1_000_000  # Meta batches events; anything near this size is not Meta
SESSION_SECONDS = 8 * 3600  # a working day; then sign in again


async def _capped_body(request: Request, limit: int) -> bytes | None:
    """The request body, read piece by piece and given up as soon as it passes ``limit``
    bytes (None then): a huge post is refused without being held in memory. A declared
    Content-Length over the limit is refused before anything is read."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(app: App, *, secret_key: str | None = None) -> Starlette:
    """The HTTP application. ``secret_key`` signs console sessions (default: the
    ``web_secret_key`` setting, else a random key, so sessions end when the process does)."""
    settings = app.settings
    key = secret_key or settings.web_secret_key
    if not key:
        log.warning(
            "PAGE_GOVERNOR_WEB_SECRET_KEY is not set: console sessions end when serve restarts"
        )
        key = secrets.token_urlsafe(32)
    console = WebConsole(app)

    async def health(request: Request) -> Response:
        try:
            with app.db.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:
            return JSONResponse({"ok": False, "database": "unreachable"}, status_code=503)
        return JSONResponse({"ok": True, "database": "ok"})

    async def meta_verify(request: Request) -> Response:
        """The subscription handshake: echo ``hub.challenge`` when the verify token matches."""
        params = request.query_params
        expected = settings.meta_webhook_verify_token
        if (
            expected
            and params.get("hub.mode") == "subscribe"
            and params.get("hub.verify_token") == expected
        ):
            return PlainTextResponse(params.get("hub.challenge", ""))
        log.warning("webhook verification refused (wrong or missing verify token)")
        return PlainTextResponse("verification refused", status_code=403)

    async def meta_event(request: Request) -> Response:
        secret = settings.facebook_app_secret
        if not secret:
            log.error("webhook event refused: PAGE_GOVERNOR_FACEBOOK_APP_SECRET is not set")
            return PlainTextResponse("webhooks are not configured", status_code=503)
        body = await _capped_body(request, MAX_WEBHOOK_BODY)
        if body is None:
            return PlainTextResponse("too large", status_code=413)
        if not signature_ok(secret, body, request.headers.get("x-hub-signature-256")):
            client = request.client.host if request.client else "?"
            log.warning("webhook event refused: bad X-Hub-Signature-256 from %s", client)
            return PlainTextResponse("bad signature", status_code=403)
        payload = readable_payload(body)
        if payload is None:
            log.warning("webhook event refused: the signed body is not a readable JSON object")
            return PlainTextResponse("unreadable event", status_code=400)
        source = "instagram" if payload.get("object") == "instagram" else "page"
        event_id = store_event(app, source, body)
        if event_id is None:
            log.info("webhook event already stored (a replay or a repeated delivery): ignored")
            return PlainTextResponse("EVENT_RECEIVED")
        # Answer at once (Meta retries slow endpoints); capture after the response is sent.
        return PlainTextResponse(
            "EVENT_RECEIVED", background=BackgroundTask(process_event, app, event_id)
        )

    return Starlette(
        routes=[
            Route("/healthz", health),
            Route("/webhooks/meta", meta_verify, methods=["GET"]),
            Route("/webhooks/meta", meta_event, methods=["POST"]),
            *console.routes(),
        ],
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=key,
                session_cookie="pg_session",
                max_age=SESSION_SECONDS,
                same_site="strict",
                https_only=settings.web_https_only,
            )
        ],
    )
