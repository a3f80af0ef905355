"""Spam shapes: tickets the seller "can't go" to, a thing given away for its shipping, a hacker
who recovers accounts reached by handle, the soldier abroad who wants a friend; and a visitor
pointing at the page's own video or post is not spam. In other words than the twentieth
session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "Selling my playoff tickets, can't go after all, text me quick",
        "giving away a washer and dryer, you just cover the shipping",
        "this hacker got my Snapchat back in a day!! contact him on telegram",
        "Hello I am an army engineer on an oil rig and I want to know you",
    ],
)
def test_scam_shapes_are_spam(text: str) -> None:
    assert "spam" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Watch out for 'hackers' offering to recover your account on telegram, it's a scam",
        "The FOP is selling raffle tickets for the picnic, see you there",
        "We are giving away free smoke alarms, no shipping, pick up at Station 3",
        "My daughter is an Army nurse deployed overseas, proud mom here",
        "Check out the fire department's new video about smoke alarms",
        "Loved your post about the K9 graduation, check it out everyone",
    ],
)
def test_warnings_charity_family_and_the_pages_own_posts_are_not_spam(text: str) -> None:
    assert "spam" not in categories(text)
