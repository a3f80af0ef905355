"""X OAuth 2.0 user tokens stay alive (issue 20, item 1): stored encrypted, refreshed through
tweepy's OAuth2UserHandler against a fake token endpoint before they expire, used by the
adapter at once, and a failed refresh is recorded and alerted to the admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from page_governor.db import schema as t
from page_governor.errors import AuthError, ConfigError
from page_governor.governance.registry import page_ref, page_row
from page_governor.platforms import x_oauth
from page_governor.worker import jobs
from tests.fakes.fixtures import SENTINEL_X
from tests.fakes.world import NOW
from tests.helpers import add_person, run_cli

CLIENT_ID = "x-app-client-id"


@pytest.fixture
def oauth_app(live_app, fake_x, monkeypatch):
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks http on loopback
    live_app.settings = live_app.settings.model_copy(
        update={"x_client_id": CLIENT_ID, "token_encryption_key": x_oauth.new_key()}
    )
    live_app._adapters.clear()
    return live_app


def _page(app):
    with app.db.connect() as conn:
        return page_row(conn, "spd-x")


def test_a_stored_refresh_token_is_exchanged_at_once_and_kept_only_encrypted(oauth_app, fake_x):
    first = fake_x.authorize(CLIENT_ID)
    stored = x_oauth.store_refresh_token(
        oauth_app.db, oauth_app.settings, _page(oauth_app), first, by="Ada Admin", now=NOW
    )
    assert stored.access_token == fake_x.token == "x-access-1"
    assert stored.expires_at == NOW + timedelta(hours=2)
    assert stored.scope.split() == [
        "tweet.read", "users.read", "tweet.moderate.write", "offline.access"
    ]  # fmt: skip
    with oauth_app.db.connect() as conn:
        row = conn.execute(select(t.oauth_tokens)).mappings().one()
        audit = conn.execute(
            select(t.audit_log.c.details).where(t.audit_log.c.action == "page.x_token_stored")
        ).scalar_one()
    for secret in (stored.access_token, stored.refresh_token, first):
        assert secret not in row["access_token"] + row["refresh_token"] and secret not in audit
    # the adapter now reads with the stored user token, not the page's token_env variable
    adapter = oauth_app.adapter_for(_page(oauth_app))
    assert adapter.fetch_profile(page_ref(_page(oauth_app))).name


def test_the_worker_refreshes_a_token_before_it_expires_and_the_adapter_follows(oauth_app, fake_x):
    fake_x.authorize(CLIENT_ID)
    x_oauth.store_refresh_token(
        oauth_app.db, oauth_app.settings, _page(oauth_app), "x-refresh-0", by="ada", now=NOW
    )
    adapter = oauth_app.adapter_for(_page(oauth_app))
    assert jobs.x_token_job(oauth_app) == {}  # not due: two hours left
    oauth_app.clock.advance(timedelta(minutes=95))  # 25 minutes left: due
    outcome = jobs.x_token_job(oauth_app)
    assert outcome["spd-x"].startswith("refreshed") and fake_x.token == "x-access-2"
    # the same adapter object uses the new token (the old one is refused by the fake now)
    assert adapter.fetch_profile(page_ref(_page(oauth_app))).name
    oauth_app.clock.advance(timedelta(hours=3))  # the worker was down: expired, refreshed on use
    assert adapter.fetch_profile(page_ref(_page(oauth_app))).name
    assert fake_x.token == "x-access-3"


def test_a_refused_refresh_is_recorded_and_alerted_once_an_hour(oauth_app, fake_x):
    fake_x.authorize(CLIENT_ID)
    x_oauth.store_refresh_token(
        oauth_app.db, oauth_app.settings, _page(oauth_app), "x-refresh-0", by="ada", now=NOW
    )
    fake_x.refresh_token = "revoked-by-the-account"  # the user revoked the app on X
    oauth_app.clock.advance(timedelta(minutes=100))
    for _ in range(2):
        outcome = jobs.x_token_job(oauth_app)
        assert outcome["spd-x"].startswith("failed: X refused the refresh token")
    with oauth_app.db.connect() as conn:
        row = conn.execute(select(t.oauth_tokens)).mappings().one()
        alerts = conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.kind == "token_problem")
        ).all()
    assert "X refused the refresh token" in row["last_error"]
    assert len(alerts) == 1 and "expires in 20 minutes" in alerts[0][0]["error"]


def test_tokens_need_the_encryption_key_that_stored_them(oauth_app, fake_x):
    fake_x.authorize(CLIENT_ID)
    x_oauth.store_refresh_token(
        oauth_app.db, oauth_app.settings, _page(oauth_app), "x-refresh-0", by="ada", now=NOW
    )
    other = oauth_app.settings.model_copy(update={"token_encryption_key": x_oauth.new_key()})
    with oauth_app.db.connect() as conn, pytest.raises(ConfigError, match="do not decrypt"):
        x_oauth.load(conn, other, _page(oauth_app)["id"])
    unset = oauth_app.settings.model_copy(update={"token_encryption_key": None})
    with pytest.raises(ConfigError, match="TOKEN_ENCRYPTION_KEY is not set"):
        x_oauth.store_refresh_token(oauth_app.db, unset, _page(oauth_app), "x", by="a", now=NOW)
    assert fake_x.refreshes == 1  # refused before the refresh token was spent


def test_a_wrong_refresh_token_is_refused_when_stored(oauth_app, fake_x):
    fake_x.authorize(CLIENT_ID)
    with pytest.raises(AuthError, match="X refused the refresh token"):
        x_oauth.store_refresh_token(
            oauth_app.db, oauth_app.settings, _page(oauth_app), "typo", by="ada", now=NOW
        )
    with oauth_app.db.connect() as conn:
        assert conn.execute(select(t.oauth_tokens)).first() is None
    assert fake_x.token == SENTINEL_X  # nothing changed


def test_pages_without_a_stored_token_keep_their_token_env_variable(live_app, fake_x):
    page = _page(live_app)
    assert live_app.adapter_for(page).fetch_profile(page_ref(page)).name
    assert fake_x.refreshes == 0


def test_the_command_stores_a_token_for_an_admin_only(cli_env, fake_x, monkeypatch):
    key = x_oauth.new_key()
    env = {
        **cli_env,
        "PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY": key,
        "PAGE_GOVERNOR_X_CLIENT_ID": CLIENT_ID,
        "PAGE_GOVERNOR_X_API_URL": fake_x.url,
        "OAUTHLIB_INSECURE_TRANSPORT": "1",
    }
    printed = run_cli("pages", "x-token", "--new-key", env=env)
    assert printed.returncode == 0 and "PAGE_GOVERNOR_TOKEN_ENCRYPTION_KEY=" in printed.stdout
    assert run_cli("demo", env=env).returncode == 0
    add_person(env, "ada", "admin")
    add_person(env, "jpark", "pio")
    refused = run_cli("pages", "x-token", "springfield-pd-x", "--refresh-token-stdin", "--by",
                      "jpark", env=env, stdin="x-refresh-0\n")  # fmt: skip
    assert refused.returncode == 5 and "needs the admin role" in refused.stderr
    wrong_platform = run_cli("pages", "x-token", "springfield-pd-facebook",
                             "--refresh-token-stdin", "--by", "ada", env=env, stdin="t\n")  # fmt: skip
    assert wrong_platform.returncode == 2 and "OAuth tokens are for X" in wrong_platform.stderr
