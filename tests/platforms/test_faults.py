"""Vendor failures become page_governor errors at the boundary, through the real clients."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import timedelta

import pytest

from page_governor.errors import (
    AuthError,
    NotFoundOnPlatform,
    PermissionDenied,
    PlatformUnavailable,
    RateLimited,
)
from page_governor.governance.registry import page_ref
from page_governor.models import CommentRef
from page_governor.platforms.factory import build_live_adapter
from page_governor.platforms.graph import GraphClient
from tests.fakes.graph import graph_error
from tests.platforms.conftest import FB_PAGE, NOW, X_USER, build_facebook, live_page


@pytest.fixture
def facebook(make_case):
    return make_case("facebook")


@pytest.fixture
def x_case(make_case):
    return make_case("x")


def _post(case):
    return next(p for p in case.adapter.iter_posts(case.page) if p.platform_id == case.post_id)


# -- Graph API ----------------------------------------------------------------------------


def test_expired_graph_token_is_an_auth_error_that_names_no_token(facebook, fake_graph):
    fake_graph.fail("/v24.0/", 400, graph_error(190, "Session has expired", subcode=463).body)
    with pytest.raises(AuthError) as caught:
        facebook.adapter.fetch_profile(facebook.page)
    assert caught.value.vendor_code == 190
    assert "token" in (caught.value.hint or "")
    assert fake_graph.token not in caught.value.message


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_graph_rate_limit_codes_become_rate_limited_with_the_regain_time(
    facebook, fake_graph, code
):
    buc = {FB_PAGE: [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 7}]}
    fake_graph.fail(
        "/published_posts",
        400,
        graph_error(code, "Application request limit reached").body,
        headers={"X-Business-Use-Case-Usage": json.dumps(buc)},
    )
    with pytest.raises(RateLimited) as caught:
        list(facebook.adapter.iter_posts(facebook.page))
    assert caught.value.retry_after == 7 * 60
    assert caught.value.retryable


def test_graph_server_error_with_an_html_page_is_unavailable(facebook, fake_graph):
    fake_graph.fail(
        "/comments", 502, b"<html>Bad Gateway</html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(PlatformUnavailable):
        list(facebook.adapter.iter_comments(_post(facebook)))


def test_graph_malformed_json_is_unavailable(facebook, fake_graph):
    fake_graph.fail("/v24.0/", 200, b'{"data": [', headers={"Content-Type": "application/json"})
    with pytest.raises(PlatformUnavailable, match="unreadable"):
        facebook.adapter.fetch_profile(facebook.page)


def test_graph_transient_error_code_is_unavailable(facebook, fake_graph):
    fake_graph.fail(
        "/v24.0/", 500, graph_error(2, "Service temporarily unavailable", status=500).body
    )
    with pytest.raises(PlatformUnavailable):
        facebook.adapter.fetch_profile(facebook.page)


def test_graph_timeout_is_unavailable(app, fake_graph, live_settings, monkeypatch):
    build_facebook(fake_graph)
    monkeypatch.setenv("FB_TOKEN", fake_graph.token)
    quick = live_settings.model_copy(update={"http_timeout_seconds": 0.3})
    page = live_page("spd-fb", "facebook", FB_PAGE, "SpringfieldPD", "FB_TOKEN")
    adapter = build_live_adapter(page, quick, app.clock, app.db)
    fake_graph.slow("/v24.0/", 1.0)
    started = time.monotonic()
    with pytest.raises(PlatformUnavailable, match="timed out"):
        adapter.fetch_profile(page_ref(page))
    assert time.monotonic() - started < 0.9


def test_graph_missing_permission_and_missing_object(facebook, fake_graph):
    fake_graph.fail("/v24.0/", 403, graph_error(10, "Requires pages_read_user_content").body)
    with pytest.raises(PermissionDenied):
        facebook.adapter.fetch_profile(facebook.page)
    with pytest.raises(NotFoundOnPlatform):
        facebook.adapter.hide_comment(CommentRef(facebook.page, "no_such_comment"))


def test_a_comment_deleted_between_two_pages_of_results_neither_shifts_nor_repeats(
    facebook, fake_graph
):
    post_id = facebook.post_id
    for i in range(250):
        fake_graph.add_comment(
            post_id, f"c{i:04d}", f"comment {i}", NOW - timedelta(minutes=60) + timedelta(seconds=i)
        )
    served = {"pages": 0}

    def delete_midway(request, chunk):
        if "/comments" in request.path:
            served["pages"] += 1
            if served["pages"] == 1:  # after the first page: one already served, one not yet
                fake_graph.delete_comment("c0010")
                fake_graph.delete_comment("c0150")

    fake_graph.on_list = delete_midway
    ids = [c.platform_id for c in facebook.adapter.iter_comments(_post(facebook))]
    assert len(ids) == len(set(ids))
    expected = {f"c{i:04d}" for i in range(250)} - {"c0150"} | {"111_9001", "111_9002", "111_9003"}
    assert set(ids) == expected


def test_five_thousand_comments_on_one_post_are_all_read_with_their_fields(facebook, fake_graph):
    post_id = facebook.post_id
    for i in range(5000):
        fake_graph.add_comment(
            post_id,
            f"k{i:05d}",
            f"comment {i}",
            NOW - timedelta(hours=1) + timedelta(milliseconds=500 * i),
        )
    comments = list(facebook.adapter.iter_comments(_post(facebook)))
    assert len({c.platform_id for c in comments}) == 5003
    calls = fake_graph.calls("/comments")
    assert len(calls) == 51
    assert all(
        "from{id,name}" in c.query["fields"] and c.query["filter"] == "stream" for c in calls
    )
    assert all(c.author_name for c in comments)


def test_graph_usage_near_the_limit_asks_the_scheduler_to_slow_down(facebook, fake_graph):
    assert facebook.adapter.slowdown_seconds() == 0
    fake_graph.usage_headers = {"X-App-Usage": json.dumps({"call_count": 92, "total_time": 10})}
    facebook.adapter.fetch_profile(facebook.page)
    assert facebook.adapter.slowdown_seconds() > 0


def test_graph_client_never_deletes_and_sends_appsecret_proof(fake_graph, facebook):
    client = GraphClient(
        fake_graph.token,
        platform="facebook",
        page_key="p",
        base_url=fake_graph.url + "/",
        version="v24.0",
        timeout=2,
        app_secret="app-secret-value",
    )
    assert not any(hasattr(client, name) for name in ("delete", "delete_object", "put_object"))
    client.get(FB_PAGE, fields="name")
    proof = hmac.new(b"app-secret-value", fake_graph.token.encode(), hashlib.sha256).hexdigest()
    assert fake_graph.calls(f"/{FB_PAGE}")[-1].query["appsecret_proof"] == proof
    assert fake_graph.calls(f"/{FB_PAGE}")[-1].path.startswith("/v24.0/")
    assert not [r for r in fake_graph.requests if r.method == "DELETE"]


# -- X ------------------------------------------------------------------------------------


def test_x_rate_limit_becomes_rate_limited_until_the_reset(x_case, fake_x):
    reset = int(time.time()) + 600
    fake_x.fail(
        "/2/users/",
        429,
        {
            "title": "Too Many Requests",
            "detail": "Too Many Requests",
            "type": "about:blank",
            "status": 429,
        },
        headers={"x-rate-limit-reset": str(reset), "x-rate-limit-remaining": "0"},
    )
    with pytest.raises(RateLimited) as caught:
        x_case.adapter.fetch_profile(x_case.page)
    assert 590 <= caught.value.retry_after <= 601


def test_x_revoked_token_is_an_auth_error(x_case, fake_x):
    fake_x.token = "rotated"
    with pytest.raises(AuthError) as caught:
        x_case.adapter.fetch_profile(x_case.page)
    assert "x-oauth2" not in caught.value.message


def test_x_server_error_and_malformed_json_are_unavailable(x_case, fake_x):
    fake_x.fail("/search/recent", 503, {"title": "Service Unavailable", "status": 503})
    post = _post(x_case)
    with pytest.raises(PlatformUnavailable):
        list(x_case.adapter.iter_comments(post))
    fake_x.fail("/tweets", 200, b"{oops", headers={"Content-Type": "application/json"})
    with pytest.raises(PlatformUnavailable):
        list(x_case.adapter.iter_posts(x_case.page))


def test_x_profile_expands_links_and_reads_the_pinned_post(x_case):
    profile = x_case.adapter.fetch_profile(x_case.page)
    assert profile.fields["url"] == "https://www.springfieldpd.example"
    assert "https://www.springfieldpd.example/social" in profile.fields["description"]
    assert "t.co" not in profile.fields["description"]
    assert profile.fields["pinned_post"].startswith("Our comment policy")


def test_x_edit_keeps_the_original_id_so_it_becomes_a_new_version(x_case, fake_x):
    fake_x.edit_tweet(
        "1850000000000000100", "1850000000000000199", "Road works on Main St until Friday."
    )
    posts = {p.platform_id: p for p in x_case.adapter.iter_posts(x_case.page)}
    assert posts["1850000000000000100"].text == "Road works on Main St until Friday."
    assert posts["1850000000000000100"].raw["id"] == "1850000000000000199"


def test_x_confirms_a_deletion_only_when_the_lookup_says_not_found(x_case, fake_x):
    fake_x.delete_tweet("1850000000000000102")
    gone = x_case.adapter.confirm_gone(x_case.page, ["1850000000000000101", "1850000000000000102"])
    assert gone == {"1850000000000000102"}


def test_x_never_waits_on_rate_limits(x_case):
    assert x_case.adapter.client.wait_on_rate_limit is False


# -- Telegram -----------------------------------------------------------------------------


def test_telegram_flood_limit_becomes_rate_limited(make_case, fake_telegram):
    case = make_case("telegram")
    fake_telegram.fail(
        "/getChat",
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 5",
            "parameters": {"retry_after": 5},
        },
    )
    with pytest.raises(RateLimited) as caught:
        case.adapter.fetch_profile(case.page)
    assert caught.value.retry_after == 5


def test_telegram_refused_bot_token_is_an_auth_error(make_case, fake_telegram):
    case = make_case("telegram")
    fake_telegram.token = "999:rotated-token-value-abcdefghijkl"
    with pytest.raises(AuthError):
        case.adapter.fetch_profile(case.page)


def test_telegram_bad_gateway_is_unavailable(make_case, fake_telegram):
    case = make_case("telegram")
    fake_telegram.down = True
    with pytest.raises(PlatformUnavailable):
        case.adapter.fetch_profile(case.page)


def test_x_user_lookup_of_an_unknown_account_is_not_found(x_case):
    from page_governor.models import PageRef, Platform

    with pytest.raises(NotFoundOnPlatform):
        x_case.adapter.fetch_profile(PageRef("gone", Platform.X, "123"))


def test_x_replies_of_the_agency_itself_are_listed_as_comments_by_the_page(x_case, fake_x):
    fake_x.add_tweet(
        "1850000000000000103",
        X_USER,
        "@jane_c Friday.",
        NOW - timedelta(minutes=30),
        reply_to="1850000000000000101",
        conversation="1850000000000000100",
    )
    comments = {c.platform_id: c for c in x_case.adapter.iter_comments(_post(x_case))}
    assert comments["1850000000000000103"].author_id == X_USER
    assert comments["1850000000000000103"].parent_id == "1850000000000000101"
