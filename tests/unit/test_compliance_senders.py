"""Who sends the page's posts, and what readers will see there: a channel that "comes to you
from" the agency, a line that is the sender alone or the agency's communications office as a
signature, "the team behind this page", the information officer who "handles it", its officers
who run it, are the agency keeping the page; a family's greeting, neighbours behind a page and a
name with nothing after it are not. "Find out what our dispatchers do", "Meet our K9 team",
"Follow the crews of Station 4" and "Share your memories of … here" say what a page is for; an
event to meet officers at, a sign to follow, "find out more at" do not. And whoever reads the
page "checks in during the work week only"; a visitor who checks in at the desk says nothing
about the page (tuning set zx's misses, in other words)."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def passes(element: str, text: str) -> bool:
    report = check_fields({"description": text}, POLICY, official_domains=["delk.example"])
    return report.elements[element].passed


@pytest.mark.parametrize(
    ("text", "keeps"),
    [
        ("This feed comes to you from the Harmon County Sheriff's Office.", True),
        ("Updates brought to you by the Delk Fire District.", True),
        ("From the Delk Fire District.", True),
        ("Delk Police Department Public Affairs Unit", True),
        ("Delk Unified School District Office of Communications", True),
        ("The people behind this account work at the Delk Police Department.", True),
        ("Our PIO updates it for the sheriff.", True),
        ("Maintained by our deputies.", True),
        ("From our family to yours, happy holidays.", False),
        ("The team behind this page is a group of Delk neighbors.", False),
        ("Delk Police Department", False),
        ("Run by volunteers who love Delk.", False),
    ],
)
def test_who_sends_the_posts_is_who_keeps_the_page(text: str, keeps: bool) -> None:
    assert passes("maintained_by_agency", text) is keeps


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("Find out how Delk dispatchers handle a 911 call.", True),
        ("Meet our K9 team and the deputies who train them.", True),
        ("Follow the crews of Station 4 through a shift.", True),
        ("Share your photos of Officer Dale here.", True),
        ("Meet the officers at National Night Out on Tuesday.", False),
        ("Find out more at delk.example.", False),
        ("Follow the signs to the new lobby entrance.", False),
    ],
)
def test_what_readers_will_see_meet_or_follow_is_the_pages_purpose(
    text: str, purpose: bool
) -> None:
    assert passes("purpose_statement", text) is purpose


@pytest.mark.parametrize(
    ("text", "not_monitored"),
    [
        ("Our staff checks in during the work week only.", True),
        ("A moderator logs on during business hours.", True),
        ("Check in at the front desk during business hours.", False),
        ("Visitors sign in at the lobby on weekdays.", False),
    ],
)
def test_whoever_reads_the_page_checking_in_on_weekdays_means_it_is_not_watched_always(
    text: str, not_monitored: bool
) -> None:
    assert passes("not_monitored_247", text) is not_monitored


@pytest.mark.parametrize(
    ("text", "keeps"),
    [
        ("Pell County Library, official.", True),
        ("Brigan Transit official.", True),
        ("Storm closings and school news, from the county communications office.", True),
        ("Forms are on the Brigan Transit official website.", False),
        ("Pell County official forms are online.", False),
        ("A letter from the mayor's communications office went out today.", False),
    ],
)
def test_an_agency_calling_itself_official_or_signing_as_its_press_office_keeps_the_page(
    text: str, keeps: bool
) -> None:
    assert passes("maintained_by_agency", text) is keeps


@pytest.mark.parametrize(
    ("text", "not_monitored"),
    [
        ("Messages may sit a day or two before we see them.", True),
        ("Facebook hours: weekdays 8 to 4.", True),
        ("Comments left on weekends wait until Monday.", True),
        ("Our PIO signs off at 6.", True),
        ("Lobby hours: 8 to 5.", False),
        ("Boxes left at the curb on weekends wait until Monday.", False),
        ("Officers sign off at the end of every shift with a report.", False),
    ],
)
def test_replies_that_wait_page_hours_and_a_team_signing_off_mean_the_page_is_not_always_watched(
    text: str, not_monitored: bool
) -> None:
    assert passes("not_monitored_247", text) is not_monitored
