"""A risky word is a rule for the page only where the sentence, its list's lead-in or its
heading is about what people post or who posts: parade road closures, fireworks bans and
crimes involving "inappropriate" images are not comment rules. Short statements that a page is
not watched at all hours, in bios' shorthand. In other words than the nineteenth session's
probes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def warnings(text: str) -> set[str]:
    report = check_fields({"description": text}, POLICY, official_domains=["x.example"])
    return {w.id for w in report.warnings}


@pytest.mark.parametrize(
    "text",
    [
        "The boat ramp may be blocked while the dredge is working.",
        "Alcohol is banned at the lakefront during the festival.",
        "Vendors who skip inspection may be barred from the market.",
        "Posting inappropriate photos of classmates can lead to charges, so talk to your kids.",
        "The board called the bidder's conduct unacceptable and rejected the bid.",
        "Aggressive or rude panhandling is a citation under city code 9.12.",
        "The Town isn't liable for offensive material others leave in the comments.",
        "We won't block anyone for criticizing us.",
    ],
)
def test_a_risky_word_outside_a_rule_for_what_people_post_raises_no_warning(text: str) -> None:
    assert warnings(text) == set()


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Anyone who keeps violating this policy will be banned.", "blocking_users"),
        ("Disrespectful replies are taken down.", "offensive"),
        ("House rules:\n- nothing we judge inappropriate\n- no ads", "offensive"),
        (
            "Posts that show our staff in an unflattering light may be hidden.",
            "negative_or_derogatory",
        ),
        ("Keep your comments upbeat!", "positive_only"),
        ("Replies must be supportive.", "positive_only"),
    ],
)
def test_a_risky_word_in_a_rule_for_what_people_post_is_warned(text: str, warning: str) -> None:
    assert warning in warnings(text)


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Unmonitored nights.", True),
        ("Limited monitoring on holidays.", True),
        ("Inbox read M/F only.", True),
        ("This feed is not a 24-hour service.", True),
        ("A DM here might not be read for a few days.", True),
        ("Jail visitation M-F 9 to 3.", False),
        ("Not a drill: the siren test is at noon.", False),
    ],
)
def test_shorthand_that_the_page_is_not_watched_at_all_hours_counts(
    text: str, passed: bool
) -> None:
    report = check_fields({"description": text}, POLICY, official_domains=["x.example"])
    assert report.elements["not_monitored_247"].passed is passed


def element(text: str, element_id: str) -> bool:
    report = check_fields({"description": text}, POLICY, official_domains=["x.example"])
    return report.elements[element_id].passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("See what's going on at the Brandt County jail this month.", True),
        ("What's new with the Harbor Patrol: boat checks and lake closures.", True),
        ("All things animal control: strays, bites and licensing.", True),
        ("Recruiting troopers for the spring academy.", True),
        ("We're on here to help you find court dates and fine amounts.", True),
        ("All things considered, it was a quiet weekend.", False),
        ("What's new? Not much.", False),
    ],
)
def test_a_purpose_said_as_whats_happening_all_things_or_recruiting_counts(
    text: str, passed: bool
) -> None:
    assert element(text, "purpose_statement") is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Posts here are the individual views of those posting them.", True),
        ("Messages from the public are their own and not the Authority's.", True),
        ("Nothing a visitor writes here should be understood as our policy.", True),
        ("No reply on this page is to be taken as the Board's view.", True),
        ("The Town neither endorses nor rejects the opinions in these comments.", True),
        ("Replies = views of the people replying.", True),
        ("Our firefighters' opinions on the levy are their own.", False),
        ("Personnel views were gathered in the climate survey.", False),
    ],
)
def test_visitors_opinions_said_in_other_frames_count_and_staff_opinions_do_not(
    text: str, passed: bool
) -> None:
    assert element(text, "opinions_disclaimer") is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Emergency management news for the Borough of Ashcroft.", True),
        ("Trail and weather alerts from the Park Rangers.", True),
        ("News conference at 3 pm today.", False),
    ],
)
def test_a_fragment_naming_news_for_a_place_is_a_purpose(text: str, passed: bool) -> None:
    assert element(text, "purpose_statement") is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Need to know about burn bans? You've come to the right place.", True),
        ("Meet the deputies who keep Route 9 safe.", True),
        ("Bringing the courthouse to your kitchen table.", True),
        ("This page shares the work of our crime lab.", True),
        ("Harlan's one-stop hub for permits and licenses.", True),
        ("Stay connected with the Pine County Fire District.", True),
        ("Official announcements.", True),
        ("Where Dover residents look for snow news.", True),
        ("Keep up with the times, sir.", False),
        ("Where do I pay a parking ticket?", False),
    ],
)
def test_a_purpose_said_as_a_welcome_a_hub_or_where_people_turn_counts(
    text: str, passed: bool
) -> None:
    assert element(text, "purpose_statement") is passed


def test_an_agency_may_write_about_as_a_list_of_patterns(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_CONFIG_DIR, tmp_path / "config")
    path = tmp_path / "config" / "policy.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for rule in data["warnings"]:
        if rule["id"] == "offensive":
            rule["about"] = [r"\bcomments?\b", r"\bremov\w*"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    policy = load_policy(tmp_path / "config")

    def warned(text: str) -> set[str]:
        report = check_fields({"description": text}, policy, official_domains=["x.example"])
        return {w.id for w in report.warnings}

    assert "offensive" in warned("Rude comments are removed.")
    assert "offensive" not in warned("Rude drivers will be ticketed.")
