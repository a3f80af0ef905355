"""Who runs a page said with other verbs ("hosted by", "published by"), as where its posts come
from, or as a platform's "(verified)" tag; run by a retired officer is not the agency; a like or
a reply to a visitor's comment is not an endorsement. In other words than the twentieth
session's probes."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def passed(element: str, description: str) -> bool:
    report = check_fields({"description": description}, POLICY, official_domains=["x.example"])
    return report.elements[element].passed


@pytest.mark.parametrize(
    "text",
    [
        "This channel is hosted by the Pell County Sheriff's Office.",
        "Published by the Arnott Police Department's community outreach staff.",
        "Messages on this channel come from the Arnott Fire Department.",
        "Content here is written by the Town of Arnott communications office.",
        "Arnott Police Department (verified)",
    ],
)
def test_the_agency_named_as_host_publisher_or_source_maintains_the_page(text: str) -> None:
    assert passed("maintained_by_agency", text)


@pytest.mark.parametrize(
    "text",
    [
        "Hosted by two retired troopers who still love the job.",
        "Crash photos published by volunteers from the scanner club, not the police.",
        "Forecasts here come from the weather service.",
        "Best chili in town (verified by our regulars)",
    ],
)
def test_retired_officers_volunteers_and_other_sources_are_not_the_agency(text: str) -> None:
    assert not passed("maintained_by_agency", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Responding to a reply is not an endorsement of what it says.", True),
        ("Liking comments does not mean the Town agrees with them.", True),
        ("RTs and shares are not endorsements.", False),
        ("Sharing a restaurant's post is not an endorsement of the restaurant.", False),
    ],
)
def test_a_like_or_reply_to_a_visitors_comment_is_not_an_endorsement(
    text: str, expected: bool
) -> None:
    assert passed("opinions_disclaimer", text) is expected


@pytest.mark.parametrize(
    ("element", "text", "expected"),
    [
        ("moderation_policy", "Vulgar, harassing or spam replies won't stay up.", True),
        ("moderation_policy", "The fireworks photos won't stay up for long.", False),
        ("public_records_notice", "Open records requests must be submitted in writing.", False),
        (
            "public_records_notice",
            "Requests can be made at the clerk's office; comments here are public records.",
            True,
        ),
        ("emergency_contact", "Come learn about 911 at the fire station tour.", False),
        ("emergency_contact", "Tour the dispatch center; for emergencies, always call 911.", True),
        ("purpose_statement", "Informing Lakeside residents about water quality.", True),
        ("purpose_statement", "Please inform the clerk if your address changes.", False),
    ],
)
def test_removal_said_as_not_staying_up_records_requests_911_lessons_and_informing(
    element: str, text: str, expected: bool
) -> None:
    assert passed(element, text) is expected


def warnings_of(text: str) -> set[str]:
    report = check_fields({"description": text}, POLICY, official_domains=["x.example"])
    return {w.id for w in report.warnings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only complimentary replies will be published.", {"positive_only"}),
        ("Only supportive resources for crime victims are linked below.", set()),
        ("Objectionable posts include: slurs, threats and spam.", set()),
        ("Posts the Town finds objectionable will be hidden.", {"offensive"}),
    ],
)
def test_only_supportive_comments_is_warned_and_a_same_line_list_is_not(
    text: str, expected: set[str]
) -> None:
    assert warnings_of(text) == expected


def test_sharing_whats_going_on_is_a_purpose() -> None:
    assert passed("purpose_statement", "Your county deputies, posting what's happening in Rye.")
