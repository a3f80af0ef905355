"""One contract, every adapter: what the rest of page_governor relies on from a platform."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from page_governor.errors import NotFoundOnPlatform, PlatformError, UnsupportedOperation
from page_governor.models import Capability, CommentRef, ItemKind, Platform
from page_governor.platforms.base import PlatformAdapter
from tests.fakes.graph import FakeGraph
from tests.fakes.x import FakeX
from tests.platforms.conftest import PLATFORMS, PROFILE_PHRASE


@pytest.fixture(params=PLATFORMS)
def case(request, make_case):
    built = make_case(request.param)
    built.sync()
    return built


def _dump(value) -> str:
    return json.dumps(value, default=str)


def test_adapter_implements_the_platform_interface(case):
    assert isinstance(case.adapter, PlatformAdapter)
    caps = case.adapter.capabilities(case.page)
    assert caps & Capability.READ_PROFILE and caps & Capability.READ_POSTS
    assert caps & Capability.READ_COMMENTS


def test_profile_carries_the_pages_text_with_provenance(case):
    profile = case.adapter.fetch_profile(case.page)
    assert profile.page == case.page
    text = " ".join(profile.fields.values()).lower()
    assert PROFILE_PHRASE.lower() in text or "not monitored" in text
    assert all(isinstance(v, str) and v for v in profile.fields.values())
    json.dumps(profile.raw)  # archivable as JSON
    assert profile.provenance.platform is case.page.platform
    assert profile.provenance.fetched_at.tzinfo is not None


def test_posts_are_listed_with_stable_ids_and_aware_times(case):
    first = list(case.adapter.iter_posts(case.page))
    second = list(case.adapter.iter_posts(case.page))
    ids = [p.platform_id for p in first]
    assert case.post_id in ids
    assert ids == [p.platform_id for p in second]
    assert len(ids) == len(set(ids))
    for post in first:
        assert post.page == case.page
        assert post.created_at is not None and post.created_at.tzinfo is not None
        json.dumps(post.raw)


def test_comments_and_replies_keep_their_thread_structure(case):
    post = next(p for p in case.adapter.iter_posts(case.page) if p.platform_id == case.post_id)
    comments = {c.platform_id: c for c in case.adapter.iter_comments(post)}
    assert case.comment_id in comments and case.reply_id in comments
    top, reply = comments[case.comment_id], comments[case.reply_id]
    assert top.parent_id is None and top.kind is ItemKind.COMMENT
    assert reply.parent_id == case.comment_id and reply.kind is ItemKind.REPLY
    for comment in comments.values():
        assert comment.post_id == case.post_id
        assert comment.created_at is not None and comment.created_at.tzinfo is not None
        assert comment.author_id or comment.author_name
        json.dumps(comment.raw)


def test_hidden_state_is_reported_where_the_platform_shows_it(case):
    caps = case.adapter.capabilities(case.page)
    if not caps & Capability.SEE_HIDDEN_STATE:
        pytest.skip(f"{case.name} does not report hidden state")
    posts = {p.platform_id: p for p in case.adapter.iter_posts(case.page)}
    hidden_post = posts[case.hidden_post_id or case.post_id]
    comments = {c.platform_id: c for c in case.adapter.iter_comments(hidden_post)}
    assert comments[case.hidden_id].is_hidden
    thread = {c.platform_id: c for c in case.adapter.iter_comments(posts[case.post_id])}
    assert not thread[case.comment_id].is_hidden


def test_hide_goes_through_the_platform_or_is_refused_as_unsupported(case):
    caps = case.adapter.capabilities(case.page)
    ref = CommentRef(case.page, case.comment_id)
    if not caps & Capability.HIDE_COMMENT:
        with pytest.raises(UnsupportedOperation):
            case.adapter.hide_comment(ref)
        return
    answer = case.adapter.hide_comment(ref, hidden=True)
    json.dumps(answer)
    assert case.hidden_on_platform(case.comment_id)
    case.adapter.hide_comment(ref, hidden=False)
    assert not case.hidden_on_platform(case.comment_id)


def test_a_commenter_gets_one_private_message_or_a_refusal_as_unsupported(case):
    caps = case.adapter.capabilities(case.page)
    post = next(p for p in case.adapter.iter_posts(case.page) if p.platform_id == case.post_id)
    comment = next(c for c in case.adapter.iter_comments(post) if c.platform_id == case.comment_id)
    ref = CommentRef(case.page, case.comment_id)
    send = lambda: case.adapter.message_commenter(  # noqa: E731
        ref, author_id=comment.author_id, created_at=None, text="Notice."
    )  # the time window has its own test below
    if not caps & Capability.MESSAGE_COMMENTER:
        with pytest.raises(UnsupportedOperation):
            send()
        return
    if isinstance(case.server, FakeGraph):
        case.server.scopes += ["pages_messaging", "instagram_manage_messages"]
    json.dumps(send())
    if isinstance(case.server, FakeGraph):
        assert case.server.private_replies[case.comment_id]["text"] == "Notice."
    elif isinstance(case.server, FakeX):
        assert case.server.dms == [{"to": comment.author_id, "text": "Notice."}]
    if case.page.platform in (Platform.FACEBOOK, Platform.INSTAGRAM):
        with pytest.raises(PlatformError):  # Meta: one private reply per comment
            send()


def test_meta_private_replies_close_seven_days_after_the_comment(case):
    if case.page.platform not in (Platform.FACEBOOK, Platform.INSTAGRAM):
        pytest.skip("Meta's rule")
    ref = CommentRef(case.page, case.comment_id)
    written = datetime(2020, 1, 1, tzinfo=UTC)  # long before any case's clock
    with pytest.raises(UnsupportedOperation, match="within seven days"):
        case.adapter.message_commenter(ref, author_id="1", created_at=written, text="Notice.")
    if case.server is not None:
        assert case.server.calls("/messages") == []


def test_a_page_that_does_not_exist_is_not_found(case):
    with pytest.raises(NotFoundOnPlatform):
        case.adapter.fetch_profile(case.missing_page)


def test_no_token_reaches_what_is_archived(case):
    if not case.token:
        pytest.skip("the sample platform has no token")
    profile = case.adapter.fetch_profile(case.page)
    posts = list(case.adapter.iter_posts(case.page))
    comments = [c for p in posts for c in case.adapter.iter_comments(p)]
    archived = _dump([profile.raw, profile.provenance.as_dict()])
    for item in [*posts, *comments]:
        archived += _dump([item.raw, item.provenance.as_dict(), asdict(item.page)])
    assert case.token not in archived
