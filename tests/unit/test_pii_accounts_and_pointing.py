"""A person's own social-media account posted so readers go to it is personal information (a
new kind, "account", also redacted in records bundles); a named person's home said as "behind"
or "above" a landmark with a unit number, or with "everybody go", points readers at them. The
agency's, a business's and a thanked neighbour's accounts and homes are not. In other words
than the twentieth session's probes."""

from __future__ import annotations

import pytest

from page_governor.archive.redaction import KINDS
from page_governor.moderation import pii
from tests.moderation_helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "found the sergeant's personal insta: @gomez.fam.private, his daughter's all over it",
        "this is his facebook @tbranch77, he's the one who hit my car",
        "Lena Park lives above the pawn shop on Fifth, apt 2B",
        "Rory Quinn stays next to the Citgo on Route 30, everybody go knock",
    ],
)
def test_accounts_and_homes_pointed_at_are_personal_information(text: str) -> None:
    assert "personal_info" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The sheriff's Instagram @graycountyso posts the warrant list every Friday",
        "my private account is friends only, sorry",
        "Big thanks to @bakerbrothers for the donuts this morning!",
        "Jo Finch lives above the bakery on Main and is the kindest neighbour, thank you Jo",
    ],
)
def test_the_agencys_a_businesss_and_a_thanked_neighbours_are_not(text: str) -> None:
    assert "personal_info" not in categories(text)


def test_an_account_finding_is_its_own_kind_and_is_redacted_by_default() -> None:
    found = pii.find("here's the deputy's private facebook @dale.k.private, his kids are in it")
    assert [m.kind for m in found] == ["account"]
    assert "account" in KINDS


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the trooper's alt is @bmoss_private, his wife posts their address", True),
        ("@privatechef_lou caters the police picnic every year", False),
    ],
)
def test_a_handle_that_calls_itself_private_is_read_beside_an_officer_or_a_family(
    text: str, found: bool
) -> None:
    assert bool(pii.find(text)) is found
