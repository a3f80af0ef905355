"""The compliance check's learned purpose reader: asked only where no pattern finds a purpose,
only about the profile's own text, never on a page that disowns the agency, named in the
evidence, off when the policy says so, and a damaged head is one configuration error."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from page_governor.compliance.checker import check_fields
from page_governor.compliance.policy import Policy, load_policy, parse_policy
from page_governor.compliance.statement_model import MODELS_DIR, StatementModel, statement_fields
from page_governor.compliance.statement_training import SENTENCE_SETS, TEAM_DATA, tuning_sets
from page_governor.config import DEFAULT_CONFIG_DIR, load_yaml_file
from page_governor.errors import ConfigError

# A purpose in words none of the policy's patterns name (checked below with the reader off),
# and in none of the reader's training sentences.
BRIEFING = "Harlan police news, straight from the source, every weekday."


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(DEFAULT_CONFIG_DIR)


def _with_model(policy: Policy, setting: float | str | None) -> Policy:
    rules = tuple(
        replace(r, model_threshold=setting) if r.id == "purpose_statement" else r
        for r in policy.elements
    )
    return replace(policy, elements=rules)


def _purpose(policy: Policy, **fields: str):
    return check_fields(fields, policy).elements["purpose_statement"]


def test_a_purpose_no_pattern_names_is_found_by_the_reader_and_said_to_be(policy):
    result = _purpose(policy, about="Harlan Police Department", description=BRIEFING)
    assert result.passed
    assert result.evidence == BRIEFING
    assert result.source == "description"
    assert result.reason.startswith("read by the statement model (")


def test_with_the_reader_off_the_same_profile_has_no_purpose(policy):
    result = _purpose(
        _with_model(policy, None), about="Harlan Police Department", description=BRIEFING
    )
    assert not result.passed
    assert result.reason == "no statement found"


def test_a_stricter_threshold_in_the_policy_turns_a_found_purpose_away(policy):
    assert not _purpose(
        _with_model(policy, 0.999), about="Harlan Police Department", description=BRIEFING
    ).passed


@pytest.mark.parametrize(
    "description",
    [
        "Serving Harlan since 1902.",
        "Honor, courage, integrity.",
        "412 Market Street, Harlan. Open 8 to 4.",
        "Chief Laura Benton, 48 sworn officers, 3 precincts.",
        "Proud to serve the people of Harlan with professionalism and respect.",
        "Comments are the opinions of their authors. Call 911 in an emergency.",
    ],
)
def test_a_motto_an_address_or_a_roster_is_no_purpose_for_the_reader_either(policy, description):
    assert not _purpose(policy, about="Harlan Police Department", description=description).passed


def test_the_reader_is_asked_only_about_a_sentence_naming_what_the_page_carries(policy):
    # at a threshold anything reaches, a motto still has no purpose: it names nothing posted
    eager = _with_model(policy, 0.001)
    motto = "Showing up for the community is what we do."
    assert not _purpose(eager, about="Harlan Police Department", description=motto).passed
    assert _purpose(eager, about="Harlan Police Department", description=BRIEFING).passed


def test_a_page_that_disowns_the_agency_is_not_given_a_purpose_by_the_reader(policy):
    result = _purpose(
        policy,
        about="Harlan Neighborhood Watch",
        description=f"{BRIEFING} This page is not operated by the Harlan Police Department.",
    )
    assert not result.passed


def test_the_reader_reads_the_profile_not_a_linked_page_or_a_number():
    assert statement_fields("description") and statement_fields("pinned_post")
    for source in ("linked:https://harlanpd.example/policy", "phone", "website", "address"):
        assert not statement_fields(source)


def test_a_purpose_found_only_on_a_linked_page_is_left_to_the_patterns(policy):
    fields = {"about": "Harlan Police Department", "linked:https://harlanpd.example/x": BRIEFING}
    assert not check_fields(fields, policy).elements["purpose_statement"].passed


def test_a_damaged_head_is_one_configuration_error(tmp_path: Path):
    bad = tmp_path / "purpose_statement.json"
    bad.write_text('{"kind": "statement_model", "element": "purpose_statement"}')
    with pytest.raises(ConfigError, match="cannot load the statement model"):
        StatementModel.load(bad)
    bad.write_text('{"kind": "threat_encoder", "weights": [], "bias": 0, "threshold": 1}')
    with pytest.raises(ConfigError, match="not a statement model"):
        StatementModel.load(bad)
    with pytest.raises(ConfigError):
        StatementModel.load(tmp_path / "missing.json")


@pytest.mark.parametrize("value", ["sometimes", 0, 1.5, True])
def test_the_policy_refuses_a_reader_setting_it_cannot_use(value):
    data = load_yaml_file(DEFAULT_CONFIG_DIR / "policy.yaml")
    data["elements"]["purpose_statement"]["model"] = value
    with pytest.raises(ConfigError, match=r"purpose_statement\.model"):
        parse_policy(data)


def test_only_a_pattern_element_can_have_a_reader():
    data = load_yaml_file(DEFAULT_CONFIG_DIR / "policy.yaml")
    data["elements"]["contact_info"]["model"] = "trained"
    with pytest.raises(ConfigError, match="only pattern elements"):
        parse_policy(data)


def test_the_policy_refuses_a_reader_for_an_element_that_has_none():
    # found when the configuration is loaded, not in the middle of a check
    data = load_yaml_file(DEFAULT_CONFIG_DIR / "policy.yaml")
    data["elements"]["emergency_contact"]["model"] = "trained"
    with pytest.raises(ConfigError, match="no learned reader is shipped for emergency_contact"):
        parse_policy(data)


def test_the_shipped_head_was_trained_on_the_tuning_sets_as_they_are_now(policy):
    # Adding or changing a tuning set needs the head retrained (statement_training, ~3 min):
    # the head records which files it learned from, and no frozen split is among them.
    head = json.loads((MODELS_DIR / "purpose_statement.json").read_text())
    files = head["training"]["files"]
    assert set(files) == {*tuning_sets(), SENTENCE_SETS["purpose_statement"][0]}
    for name, entry in files.items():
        assert "frozen" not in name
        assert hashlib.sha256((TEAM_DATA / name).read_bytes()).hexdigest() == entry["sha256"]
    assert 0.5 <= head["threshold"] < 1


@pytest.mark.slow
def test_training_reproduces_the_shipped_head_up_to_rounding(tmp_path: Path):
    pytest.importorskip("sklearn", reason="needs the train extra")
    from page_governor.compliance.statement_training import train_statement_model

    fresh = train_statement_model("purpose_statement", tmp_path / "head.json")
    shipped = json.loads((MODELS_DIR / "purpose_statement.json").read_text())
    assert fresh["threshold"] == shipped["threshold"]
    assert fresh["training"] == shipped["training"]
    # BLAS builds and thread counts move the last of the 7 stored decimals
    assert abs(fresh["bias"] - shipped["bias"]) <= 1e-5
    assert (
        max(abs(a - b) for a, b in zip(fresh["weights"], shipped["weights"], strict=True)) <= 1e-5
    )
