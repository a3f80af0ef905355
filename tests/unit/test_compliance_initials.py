"""An agency's initials stand for its name where the profile writes the name out
(``compliance.initials``), and the other readings of the twenty-fourth session's tuning set:
the agency starting the page, the visitors' opinions as "their authors'", the agency's own
"announcements:" list, and a mission said as speaking up for members. In other words than the
tuning set's."""

from __future__ import annotations

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.initials import names_by_initials, spelled_out
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def passes(element: str, **fields: str) -> bool:
    report = check_fields(fields, POLICY, official_domains=["tillmanco.example"])
    return report.elements[element].passed


def test_initials_are_read_as_the_name_the_profile_writes_out() -> None:
    names = names_by_initials(["Welcome to the Tillman County Sheriff's Office page."])
    assert names["TCSO"] == "Tillman County Sheriff's Office"
    assert spelled_out("Page run by TCSO.", names) == "Page run by Tillman County Sheriff's Office."
    assert spelled_out("Page run by ABC.", names) is None


@pytest.mark.parametrize(
    ("fields", "element"),
    [
        (
            {
                "about": "Tillman County Sheriff's Office",
                "description": "This page is run by TCSO.",
            },
            "maintained_by_agency",
        ),
        (
            {
                "about": "Garner Police Department",
                "description": "Replies are from private individuals, not GPD.",
            },
            "opinions_disclaimer",
        ),
        (
            {"bio": "Oakmont Fire Rescue 🔥 Training, calls & station dogs 🐕 Run by OFR"},
            "maintained_by_agency",
        ),
    ],
)
def test_an_agency_named_by_its_initials_counts_where_the_page_spells_them_out(
    fields: dict[str, str], element: str
) -> None:
    assert passes(element, **fields)


@pytest.mark.parametrize(
    "fields",
    [
        # initials nothing on the page spells out stay unknown
        {"about": "Garner news and weather", "description": "Run by GPD."},
        # the initials of someone who is not the agency
        {"about": "Tillman Crime Watch", "description": "Run by TCW volunteers since 2019."},
        {"about": "Garner Police Officers Association", "description": "Managed by GPOA."},
    ],
)
def test_initials_that_are_not_the_agency_spelled_out_do_not_make_the_page_the_agencys(
    fields: dict[str, str],
) -> None:
    assert not passes("maintained_by_agency", **fields)


@pytest.mark.parametrize(
    ("sentence", "element", "expected"),
    [
        (
            "The Tillman County Sheriff's Office launched this page in 2021.",
            "maintained_by_agency",
            True,
        ),
        (
            "Garner PD Boosters created this page to cheer on our officers.",
            "maintained_by_agency",
            False,
        ),
        ("Messages from followers represent their authors' views.", "opinions_disclaimer", True),
        ("Officers reflect their chief's priorities on patrol.", "opinions_disclaimer", False),
        (
            "Tillman County alerts: burn bans, road work and shelter openings.",
            "purpose_statement",
            True,
        ),
        ("Tillman County alerts: none today.", "purpose_statement", False),
        ("We advocate for our members and their families.", "purpose_statement", True),
    ],
)
def test_a_page_started_by_the_agency_opinions_as_their_authors_and_the_agencys_alerts(
    sentence: str, element: str, expected: bool
) -> None:
    assert passes(element, description=sentence) is expected
