"""Scams told as testimonials and offers: an account "recovered with the help of" a handle, a
loan for anyone who will message, a named helper who turned a small sum into a large one, a
stranger's photo that "caught my eye" with a lure to message, tickets with a few "left" and "DM
me". Beside them the warnings, thanks and the agency's own fundraiser. In other words than the
twenty-first session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "my locked instagram was restored by @unlock.wizard, hit him up on whatsapp",
        "anyone looking for a quick loan? message me, same-day approval",
        "Sir Peter Okafor showed me forex and I earned $11,000 in ten days",
        "your photo grabbed my attention, dear. inbox me",
        "selling 3 tickets to the Chiefs game, only 1 left, pm me",
    ],
)
def test_scam_testimonials_and_offers_are_spam(text: str) -> None:
    assert "spam" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "my account was hacked; I got it back through the official help center. Never pay a "
        "'recovery expert'",
        "need a loan for repairs? the credit union on 3rd has a disaster program",
        "Mrs. Ortiz showed me how to budget, and I saved $300 this year",
        "your smile caught my eye at the fun run, Officer Diaz, thank you for high-fiving my kid",
        "selling raffle tickets for the K9 fund at the lobby desk, 50 left",
    ],
)
def test_warnings_thanks_and_fundraisers_are_not_spam(text: str) -> None:
    assert "spam" not in categories(text)
