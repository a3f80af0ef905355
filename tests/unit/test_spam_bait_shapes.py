"""Engagement-bait giveaways, romance openers, and sales paid by PayPal "friends and family" are
spam by their shape; a club's real giveaway, a greeting to residents and a ticket question are
not. In other words than the nineteenth session's probes."""

from __future__ import annotations

import pytest

from page_governor.models import Category
from tests.moderation_helpers import CLASSIFIER


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        (
            "Target is giving away 100 gift baskets to the first 100 people who comment HOLIDAY",
            True,
        ),
        ("hi dear, I saw your nice smile on this page, message me", True),
        ("Selling two playoff tickets, DM me, PayPal FF only", True),
        ("Rotary is giving away bike helmets to the first 100 kids at the rodeo.", False),
        ("Hello dear neighbors, the street sweeper comes Tuesday.", False),
        ("Does anyone know if the gala tickets are sold out?", False),
    ],
)
def test_bait_and_unprotected_payment_shapes_are_spam(text: str, spam: bool) -> None:
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam
