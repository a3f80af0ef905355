"""Who keeps the page: a unit of the agency named as its keeper or author, the agency doing the
page's work "here", and the agency speaking of the page in the first person, are the agency
maintaining it; a union's volunteers, a retirees' group, "our members" and an outlet "not
staffed by, or connected with" the agency are not (and that outlet says nothing about hours)."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def passes(element: str, **fields: str) -> bool:
    report = check_fields(fields, POLICY, official_domains=["brookhaven.example"])
    return report.elements[element].passed


def maintained(**fields: str) -> bool:
    return passes("maintained_by_agency", **fields)


@pytest.mark.parametrize(
    "sentence",
    [
        "This feed is curated by our Traffic Safety Unit.",
        "Alerts on this channel are sent by the county's Emergency Management Division.",
        "Posted by the Brookhaven Fire Marshal's Office of Public Education.",
        "Stories here are written by our deputies and records personnel.",
        "Updates shared by the Brookhaven PIO team.",
    ],
)
def test_a_unit_of_the_agency_named_as_keeper_or_author_is_the_agency_maintaining_it(
    sentence: str,
) -> None:
    assert maintained(description=sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brookhaven Police shares missing-person alerts and road closures on this page.",
        "The sheriff's communications bureau manages this account for the county.",
        "The Brookhaven Township Public Works Office updates this feed during storms.",
        "BHPD publishes arrest logs and press releases here.",
    ],
)
def test_the_agency_or_its_unit_doing_the_pages_work_here_is_maintaining_it(
    sentence: str,
) -> None:
    assert maintained(description=sentence)


def test_the_agency_speaking_of_the_page_in_the_first_person_is_maintaining_it() -> None:
    assert maintained(description="We, the Brookhaven Library Board, run this page for patrons.")
    assert maintained(bio="Brookhaven Fire Dept 🚒 Here's where we share burn-ban news.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Run by volunteers of the Brookhaven Police Benevolent Association.",
        "Posts here come from our members, retired Brookhaven deputies.",
        "We post scanner traffic about the Brookhaven Sheriff's Office here.",
        "We share Brookhaven Police arrest stories every morning.",
    ],
)
def test_members_volunteers_and_outlets_posting_about_the_agency_do_not_maintain_it(
    sentence: str,
) -> None:
    assert not maintained(description=sentence)


def test_first_person_posting_beside_a_name_that_is_not_the_agency_is_not_maintaining_it() -> None:
    assert not maintained(bio="Brookhaven Police Fans 🚔 This is where we post the best photos.")


def test_not_staffed_by_or_connected_with_the_agency_is_about_owners_not_hours() -> None:
    owners = "We are not staffed by, or affiliated with, the Brookhaven Police."
    assert not passes("not_monitored_247", description=owners)
    assert not maintained(description=owners)
    hours = "This page is not staffed by the department on weekends."
    assert passes("not_monitored_247", description=hours)


@pytest.mark.parametrize(
    "sentence",
    [
        "Run by staff of the Brookhaven Tribune.",
        "Our team posts updates here about the police.",
        "Run by a team of local volunteers.",
    ],
)
def test_a_team_or_staff_that_is_not_the_agencys_does_not_maintain_it(sentence: str) -> None:
    assert not maintained(description=sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our account shows what Brookhaven firefighters do between calls.",
        "A space for Brookhaven parents to find school closing news and lunch menus.",
    ],
)
def test_what_the_page_shows_or_whom_it_is_a_place_for_is_its_purpose(sentence: str) -> None:
    assert passes("purpose_statement", description=sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the page named as the agency's own (tuning set zt), in other words
        ("The TikTok of the Brookhaven Police Department: patrol life in 60 seconds.", True),
        ("This account is the Brookhaven Sheriff's Office's way of keeping you posted.", True),
        ("Quick note about this channel: Brookhaven Public Works runs it.", True),
        # and the same shapes said of someone else's page
        ("The TikTok of a Brookhaven police fan, not the department.", False),
        ("This account is a neighbour's way of keeping tabs on Brookhaven police calls.", False),
        ("Quick note about this channel: a retired deputy runs it.", False),
    ],
)
def test_the_page_called_the_agencys_own_way_or_kept_by_it_is_maintained(
    sentence: str, expected: bool
) -> None:
    assert maintained(description=sentence) is expected
