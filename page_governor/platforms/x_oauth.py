"""X OAuth 2.0 user tokens that stay alive.

Hiding a reply on X needs a user-context token (scopes ``tweet.read users.read
tweet.moderate.write offline.access``). Such an access token lives two hours; its refresh token
is single-use and rotates at every refresh. So the admin stores the first refresh token once
(``page-governor pages x-token KEY``); from then on the worker refreshes the access token
before it expires (``refresh_due``), through tweepy's ``OAuth2UserHandler`` (requests-oauthlib),
and keeps both tokens in ``oauth_tokens`` encrypted with the Fernet key from
``PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY``. A refresh that fails is recorded and the admin is
alerted; the page's reads keep using a still-valid access token meanwhile.

Two refreshes of one page never race (the old refresh token would be spent twice): each takes
the page's lock and re-reads the row first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from cryptography.fernet import Fernet, InvalidToken
from oauthlib.oauth2 import OAuth2Error
from sqlalchemy import Connection, select, update

from page_governor.alerts import outbox
from page_governor.archive import audit
from page_governor.config import Settings
from page_governor.db import Database, insert_new, serialize
from page_governor.db import schema as t
from page_governor.errors import AuthError, ConfigError
from page_governor.logging_setup import redact, register_secret

log = logging.getLogger(__name__)

# Refresh this long before expiry (the worker looks every REFRESH_EVERY).
REFRESH_MARGIN = timedelta(minutes=30)
REFRESH_EVERY = timedelta(minutes=10)
SCOPES = ("tweet.read", "users.read", "tweet.moderate.write", "offline.access")
_LOCK_BASE = 0x7067780000000000  # "pgx" and the page id


@dataclass(frozen=True, slots=True)
class StoredToken:
    access_token: str
    refresh_token: str
    scope: str
    expires_at: datetime
    last_error: str | None


def new_key() -> str:
    """A new encryption key for PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY."""
    return Fernet.generate_key().decode("ascii")


def _fernet(settings: Settings) -> Fernet:
    if not settings.token_encryption_key:
        raise ConfigError(
            "PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY is not set: OAuth tokens are stored encrypted",
            hint="make a key with `page-governor pages x-token --new-key` and set it where the "
            "worker runs",
        )
    return Fernet(settings.token_encryption_key.encode("ascii"))


def load(conn: Connection, settings: Settings, page_id: int) -> StoredToken | None:
    """The page's stored tokens, decrypted; None when none are stored.

    Raises:
        ConfigError: no key, or a key other than the one they were encrypted with.
    """
    row = (
        conn.execute(select(t.oauth_tokens).where(t.oauth_tokens.c.page_id == page_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        return None
    fernet = _fernet(settings)
    try:
        access = fernet.decrypt(row["access_token"].encode("ascii")).decode()
        refresh = fernet.decrypt(row["refresh_token"].encode("ascii")).decode()
    except InvalidToken:
        raise ConfigError(
            "the stored X tokens do not decrypt with PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY",
            hint="set the key they were stored with, or store a new refresh token with "
            "`page-governor pages x-token`",
        ) from None
    register_secret(access)
    register_secret(refresh)
    return StoredToken(access, refresh, row["scope"], row["expires_at"], row["last_error"])


def _save(
    conn: Connection, settings: Settings, page_id: int, answer: dict[str, Any], now: datetime
) -> StoredToken:
    fernet = _fernet(settings)
    access, refresh = str(answer["access_token"]), str(answer["refresh_token"])
    register_secret(access)
    register_secret(refresh)
    values = {
        "access_token": fernet.encrypt(access.encode()).decode("ascii"),
        "refresh_token": fernet.encrypt(refresh.encode()).decode("ascii"),
        "scope": _scope_text(answer.get("scope")),
        "expires_at": now + timedelta(seconds=int(answer.get("expires_in") or 7200)),
        "refreshed_at": now,
        "last_error": None,
    }
    if not insert_new(conn, t.oauth_tokens, {"page_id": page_id, **values}):
        conn.execute(
            update(t.oauth_tokens).where(t.oauth_tokens.c.page_id == page_id).values(**values)
        )
    return StoredToken(access, refresh, values["scope"], values["expires_at"], None)


def _scope_text(scope: Any) -> str:
    """Scopes as X writes them, space-separated (oauthlib hands them over as a list)."""
    if isinstance(scope, list | tuple):
        return " ".join(str(s) for s in scope)
    return str(scope or "")


def _exchange(settings: Settings, refresh_token: str) -> dict[str, Any]:
    """One call to X's token endpoint: a new access token and the next refresh token.

    Raises:
        AuthError: X refused the refresh token (revoked, spent, or for another app).
        ConfigError: no client id configured.
    """
    import tweepy

    if not settings.x_client_id:
        raise ConfigError(
            "x_client_id is not set: the X app's OAuth 2.0 client id is needed to refresh tokens"
        )
    handler = tweepy.OAuth2UserHandler(
        client_id=settings.x_client_id,
        redirect_uri="https://localhost/",  # not used by a refresh
        scope=list(SCOPES),
        client_secret=settings.x_client_secret,
    )
    extra = {} if settings.x_client_secret else {"client_id": settings.x_client_id}
    try:
        answer = handler.refresh_token(
            settings.x_api_url.rstrip("/") + "/2/oauth2/token",
            refresh_token=refresh_token,
            auth=handler.auth,
            timeout=settings.http_timeout_seconds,
            **extra,
        )
    except OAuth2Error as exc:
        raise AuthError(
            f"X refused the refresh token: {redact(exc.description or exc.error)}",
            platform="x",
            hint="authorize the account again and store the new refresh token with "
            "`page-governor pages x-token KEY`",
        ) from None
    except (requests.RequestException, ValueError) as exc:
        raise AuthError(
            f"the X token endpoint could not be used: {redact(str(exc))[:300]}", platform="x"
        ) from None
    if not answer.get("access_token") or not answer.get("refresh_token"):
        raise AuthError(
            "X answered the refresh without a new refresh token (is offline.access granted?)",
            platform="x",
        )
    return dict(answer)


def store_refresh_token(
    db: Database,
    settings: Settings,
    page: dict[str, Any],
    refresh_token: str,
    *,
    by: str,
    now: datetime,
) -> StoredToken:
    """Exchange a refresh token given by the admin at once (proving it works) and store the
    result; audited (never the token).

    Raises:
        AuthError, ConfigError: as :func:`_exchange`, or no encryption key.
    """
    _fernet(settings)  # refuse before spending the refresh token
    register_secret(refresh_token)
    answer = _exchange(settings, refresh_token.strip())
    with db.begin() as conn:
        serialize(conn, _LOCK_BASE + int(page["id"]))
        stored = _save(conn, settings, int(page["id"]), answer, now)
        audit.record(
            conn,
            at=now,
            actor=by,
            action="page.x_token_stored",
            subject_type="page",
            subject_id=page["key"],
            details={"scope": stored.scope, "expires_at": stored.expires_at.isoformat()},
        )
    return stored


def current_access_token(
    db: Database, settings: Settings, page: dict[str, Any], *, now: datetime
) -> str | None:
    """The page's access token, refreshed first when it is due; None when the page has no
    stored OAuth token (its ``token_env`` variable is used then).

    Raises:
        AuthError: the token expired and could not be refreshed.
    """
    with db.connect() as conn:
        stored = load(conn, settings, int(page["id"]))
    if stored is None:
        return None
    if stored.expires_at - now > REFRESH_MARGIN:
        return stored.access_token
    refreshed = refresh(db, settings, page, now=now)
    return refreshed.access_token


def refresh(
    db: Database, settings: Settings, page: dict[str, Any], *, now: datetime, force: bool = False
) -> StoredToken:
    """Refresh the page's token if it is due (or ``force``); a failure is recorded on the row,
    alerted to the admin, and raised. Returns the token now stored."""
    with db.begin() as conn:
        serialize(conn, _LOCK_BASE + int(page["id"]))
        stored = load(conn, settings, int(page["id"]))
        if stored is None:
            raise AuthError(f"page {page['key']} has no stored X token", platform="x")
        if not force and stored.expires_at - now > REFRESH_MARGIN:
            return stored  # another worker refreshed it meanwhile
        try:
            answer = _exchange(settings, stored.refresh_token)
        except (AuthError, ConfigError) as exc:
            failure = exc
        else:
            return _save(conn, settings, int(page["id"]), answer, now)
    _record_failure(db, page, failure.message, now=now, expires_at=stored.expires_at)
    raise failure


def _record_failure(
    db: Database, page: dict[str, Any], message: str, *, now: datetime, expires_at: datetime
) -> None:
    left = expires_at - now
    when = (
        f"the access token expires in {int(left.total_seconds() // 60)} minutes"
        if left > timedelta(0)
        else "the access token has expired: reads and hides on this page fail"
    )
    with db.begin() as conn:
        conn.execute(
            update(t.oauth_tokens)
            .where(t.oauth_tokens.c.page_id == page["id"])
            .values(last_error=message[:2000])
        )
        outbox.enqueue(
            conn,
            kind="token_problem",
            dedupe_key=f"x_refresh:{page['id']}:{now:%Y-%m-%dT%H}",  # at most one an hour
            payload={
                "page": page["key"],
                "platform": "x",
                "error": f"refreshing the X token failed: {message} ({when})",
            },
            now=now,
        )
    log.warning("X token refresh for %s failed: %s", page["key"], message)


def refresh_due(db: Database, settings: Settings, *, now: datetime) -> dict[str, str]:
    """Refresh every stored token that expires within the margin. Returns page → outcome."""
    with db.connect() as conn:
        rows = conn.execute(
            select(t.pages.c.id, t.pages.c.key, t.oauth_tokens.c.expires_at)
            .join(t.oauth_tokens, t.oauth_tokens.c.page_id == t.pages.c.id)
            .where(t.oauth_tokens.c.expires_at <= now + REFRESH_MARGIN)
        ).all()
    outcomes: dict[str, str] = {}
    for page_id, key, _expires in rows:
        page = {"id": page_id, "key": key}
        try:
            stored = refresh(db, settings, page, now=now)
            outcomes[key] = f"refreshed, valid until {stored.expires_at:%H:%M} UTC"
        except (AuthError, ConfigError) as exc:
            outcomes[key] = f"failed: {exc.message}"
    return outcomes
