"""The agency's own posts against the policy's post rules (issue 18, item 2)."""

from __future__ import annotations

import pytest

from page_governor.compliance.policy import load_policy, parse_policy
from page_governor.compliance.posts import check_post
from page_governor.config import DEFAULT_CONFIG_DIR, load_yaml_file
from page_governor.errors import ConfigError

RULES = load_policy(DEFAULT_CONFIG_DIR).post_rules


def rules_of(text: str) -> list[str]:
    return [f.rule for f in check_post(text, RULES)]


@pytest.mark.parametrize(
    "post",
    [
        "Jordan Pike, 38, was arrested Friday and charged with aggravated assault.",
        "WANTED on a felony warrant: Ray Coles, 52. Call 911; do not approach.",
        "MISSING: 12-year-old Nia Brooks was last seen near the park. Her mother asked us to share.",
        'Chief Ortega said in a statement, "I think our officers did well."',
        "Polls are open until 8 p.m.; find your polling place on the county website.",
        "A jury found Leon Marsh guilty of arson; he was sentenced today.",
        "The shooting suspect fled in a silver sedan. Call 911 if you see it.",
    ],
)
def test_ordinary_agency_posts_are_not_flagged(post):
    assert rules_of(post) == []


@pytest.mark.parametrize(
    ("post", "rule"),
    [
        ("Officers caught the thief who broke into the pharmacy, Dale Ruiz.", None),
        ("Nora Quill is guilty of embezzling from the food bank.", "guilt_before_conviction"),
        ("This is an open-and-shut case against Mr. Pike.", "pending_case_comment"),
        ("Detectives spoke with Ella Marsh, 14, about the fire.", "juvenile_identified"),
        ("The victim, Rosa Delgado, was treated at the hospital.", "victim_or_witness_named"),
        ("A confidential informant told us where the drugs were stored.", "confidential_detail"),
        ("Please vote no on Question 3 next week.", "political_endorsement"),
        ("I personally believe the new mayor is doing a terrible job.", "personal_opinion"),
    ],
)
def test_each_rule_finds_what_its_clause_forbids(post, rule):
    if rule is None:  # "the thief who" names someone caught, not convicted
        assert rules_of(post) == ["guilt_before_conviction"]
    else:
        assert rule in rules_of(post)


def test_a_finding_quotes_the_clause_the_words_and_a_suggestion():
    (finding,) = check_post("Road closed on Elm. Vote yes on Measure B!", RULES)
    assert finding.as_json().keys() == {"rule", "clause", "evidence", "suggestion"}
    assert finding.evidence == "Vote yes on Measure B!"  # the sentence, not the whole post
    assert "ballot measures" in finding.clause and finding.suggestion


def test_an_agency_can_edit_the_rules_and_a_broken_rule_is_named(tmp_path):
    data = load_yaml_file(DEFAULT_CONFIG_DIR / "policy.yaml")
    data["post_rules"] = [
        {"id": "no_emoji_hype", "clause": "Our style guide.", "suggestion": "Calm words.",
         "patterns": ["\\bomg\\b"]},
    ]  # fmt: skip
    policy = parse_policy(data)
    assert [f.rule for f in check_post("OMG what a night", policy.post_rules)] == ["no_emoji_hype"]
    data["post_rules"] = [{"id": "x", "clause": "", "patterns": ["(unclosed"]}]
    with pytest.raises(ConfigError) as refused:
        parse_policy(data)
    problems = str(refused.value)
    assert "post_rules[0].clause" in problems and "invalid regular expression" in problems
