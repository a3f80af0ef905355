"""A profile link posted so readers go to it (facebook.com/…, instagram.com/…) is an account
like an @handle; a private person's name given after where they live or work ("…, her name is
…"), or after a grievance ("hit my car", "reported me", "called the cops on us"), points
readers at them; a house "at the corner of" two streets is an address. The agency's and a
city's pages, a thanked principal, crash and suspect reports at a corner are not. In other
words than the twenty-first session's probes."""

from __future__ import annotations

import pytest

from page_governor.moderation import pii
from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "here's the jailer's wife's facebook: facebook.com/kim.oakes.393, say hello",
        "found his personal insta, instagram.com/ty_rollins_priv",
        "the guy who backed into my car lives out past the feed store on Route 6, his name is "
        "Cody Barnes",
        "Nina Ford reported me to the HOA, she works at the credit union on Elm and she lives on "
        "Alder Court",
        "he lives in the green duplex on the corner of 9th and Walnut",
    ],
)
def test_profile_links_and_named_homes_pointed_at_are_personal_information(text: str) -> None:
    assert "personal_info" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "follow the sheriff's office at facebook.com/harlancountyso for closures",
        "the county's instagram is instagram.com/harlancounty, the photos are great",
        "our new librarian works at the Main Street branch, her name is Joy Tan, say hi!",
        "two cars collided at the corner of 9th and Walnut, avoid the area",
        "the suspect was last seen on the corner of Elm and 4th, call 911",
    ],
)
def test_agency_pages_thanks_and_reports_at_a_corner_are_not(text: str) -> None:
    assert "personal_info" not in categories(text)


def test_a_profile_link_is_found_as_an_account_with_its_span() -> None:
    text = "found the deputy's instagram: instagram.com/kel.marsh.77"
    kinds = {(m.kind, text[m.start : m.end]) for m in pii.find(text)}
    assert any(kind == "account" and "instagram.com/kel.marsh.77" in span for kind, span in kinds)
