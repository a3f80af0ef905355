"""Policies written as numbered outlines ("3.4 Prohibited Content", "- 3.4.1 Threats: …"), a
vague standard defined by the list the next sentence introduces, and an agency that says it
shares its news through social media."""

from __future__ import annotations

import pytest

from page_governor.compliance.blocks import blocks_from_text
from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)

OUTLINE = """2. Comment Standards
2.1 Removal of Comments
The Harbor Township Police may remove replies that break the following rules:
- 2.1.1 Threats: statements of intent to injure any person.
- 2.1.2 Obscenity: sexually explicit words or images.
2.2 Records
Replies are kept as public records."""


def check(**fields: str):
    return check_fields(fields, POLICY, official_domains=["harbortwp.example"])


def test_an_outline_number_is_numbering_not_a_list_marker_or_words():
    blocks = blocks_from_text(OUTLINE)
    headings = [b.text for b in blocks if b.kind == "heading"]
    items = [b.text for b in blocks if b.kind == "item"]
    assert "Removal of Comments" in headings and "Records" in headings
    assert "Threats: statements of intent to injure any person." in items
    assert not any(text.startswith(("1 ", "2 ", "2.")) for text in items + headings)


def test_a_removal_lead_in_over_outline_numbered_items_is_the_moderation_policy():
    result = check(linked=OUTLINE).elements["moderation_policy"]
    assert result.passed
    assert "Threats: statements of intent to injure" in (result.evidence or "")


def test_a_decimal_figure_at_the_start_of_a_sentence_stays_in_the_sentence():
    blocks = blocks_from_text("4.5 miles of trail are patrolled daily by our bike unit.")
    assert [b.text for b in blocks] == ["4.5 miles of trail are patrolled daily by our bike unit."]


def warning_ids(text: str) -> set[str]:
    return {w.id for w in check(about=text).warnings}


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (
            "Posts are screened for objectionable material. Posts with any of the items "
            "listed below may be hidden:\n- slurs\n- threats\n- spam",
            False,
        ),
        (
            "Replies are checked for inappropriate content. We may hide replies containing "
            "the following:\n- obscenity\n- personal attacks",
            False,
        ),
        # the judgment is the agency's, whatever list follows
        (
            "We hide replies we find inappropriate. We may hide any of the following:\n"
            "- obscenity\n- personal attacks",
            True,
        ),
        (
            "Replies deemed offensive by staff are hidden. Staff may also hide the following:\n"
            "- spam",
            True,
        ),
        # no list introduced after it
        ("Replies are checked for inappropriate content. Thank you for following us.", True),
    ],
)
def test_a_vague_standard_is_defined_by_the_list_the_next_sentence_introduces(text, warned):
    assert ("offensive" in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        (
            "The Harbor Township Police Department regularly posts road closures and photos "
            "through its social media accounts.",
            True,
        ),
        ("The HTPD shares news, alerts and videos with residents on Facebook.", True),
        ("Residents often share photos of the parade through social media.", False),
        ("Please do not post tips through social media; call the tip line.", False),
        ("The city provides no updates on social media about open cases.", False),
    ],
)
def test_an_agency_that_shares_its_news_through_social_media_maintains_it(text, passed):
    assert check(about=text).elements["maintained_by_agency"].passed is passed


def test_content_named_in_a_removal_list_is_not_the_page_purpose():
    text = (
        "Replies that fall into any of these groups will be removed by staff:\n"
        "- Threats against any person.\n"
        "- Photos, videos or drawings that show any of the above."
    )
    assert not check(linked=text).elements["purpose_statement"].passed
    # the same words as what the page offers are still its purpose
    offer = "Photos, videos and news from the Harbor Township Police."
    assert check(about=offer).elements["purpose_statement"].passed


def test_the_agencys_social_networking_pages_are_maintained_by_it():
    text = "The staff of the library's social networking pages follow these rules."
    assert check(linked=text).elements["maintained_by_agency"].passed
    assert (
        not check(linked="The library's social networking policy is below.")
        .elements["maintained_by_agency"]
        .passed
    )


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        (
            "Our social media accounts exist as a channel for dialogue between residents and "
            "the HTPD.",
            True,
        ),
        (
            "These pages serve as a link between the public and the Harbor Township Police "
            "Department.",
            True,
        ),
        ("Tensions between the public and the police are high this year.", False),
    ],
)
def test_a_site_for_communication_between_the_public_and_the_agency_says_whose_it_is(text, passed):
    assert check(about=text).elements["maintained_by_agency"].passed is passed
