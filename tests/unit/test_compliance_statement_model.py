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


@pytest.mark.parametrize("element", ["purpose_statement", "not_monitored_247"])
def test_the_shipped_head_was_trained_on_the_tuning_sets_as_they_are_now(element):
    # Adding or changing a tuning set, a sentence set or policy.yaml needs the heads retrained
    # (statement_training, about a minute each): a head records which files and which policy
    # it learned from, and no frozen split is among them.
    head = json.loads((MODELS_DIR / f"{element}.json").read_text())
    files = head["training"]["files"]
    assert set(files) == {*tuning_sets(), SENTENCE_SETS[element][0]}
    for name, entry in files.items():
        assert "frozen" not in name
        assert hashlib.sha256((TEAM_DATA / name).read_bytes()).hexdigest() == entry["sha256"]
    assert head["training"]["policy_digest"] == load_policy(DEFAULT_CONFIG_DIR).digest
    assert 0.5 <= head["threshold"] < 1


@pytest.mark.slow
@pytest.mark.parametrize("element", ["purpose_statement", "not_monitored_247"])
def test_training_reproduces_the_shipped_head_up_to_rounding(tmp_path: Path, element: str):
    pytest.importorskip("sklearn", reason="needs the train extra")
    from page_governor.compliance.statement_training import train_statement_model

    fresh = train_statement_model(element, tmp_path / "head.json")
    shipped = json.loads((MODELS_DIR / f"{element}.json").read_text())
    assert fresh["threshold"] == shipped["threshold"]
    assert fresh["training"] == shipped["training"]
    # BLAS builds and thread counts move the last of the 7 stored decimals
    assert abs(fresh["bias"] - shipped["bias"]) <= 1e-5
    assert (
        max(abs(a - b) for a, b in zip(fresh["weights"], shipped["weights"], strict=True)) <= 1e-5
    )


# A page's hours said in words no pattern names (checked with the reader off), and lines about
# a place's hours or about messages that say nothing about when the page is tended.
UNTENDED = "The inbox is looked after in between other duties at the front desk."


def _unwatched(policy: Policy, text: str):
    return check_fields({"description": text}, policy).elements["not_monitored_247"]


def test_a_page_tended_between_other_duties_is_found_by_the_reader_and_said_to_be(policy):
    result = _unwatched(policy, UNTENDED)
    assert result.passed
    assert result.reason.startswith("read by the statement model (")
    off = replace(
        policy,
        elements=tuple(
            replace(r, model_threshold=None) if r.id == "not_monitored_247" else r
            for r in policy.elements
        ),
    )
    assert not _unwatched(off, UNTENDED).passed


@pytest.mark.parametrize(
    "text",
    [
        "Office hours: 8 to 5.",
        "We don't take reports online.",
        "We read every message, every day, all day.",
        "The lobby is open 24 hours.",
    ],
)
def test_a_place_s_hours_or_a_promise_to_read_everything_is_not_an_untended_page(policy, text):
    assert not _unwatched(policy, text).passed


@pytest.mark.parametrize(
    "text",
    [
        "We monitor this channel 24 hours a day.",
        "Our operations center watches this page around the clock.",
        "The watch desk keeps an eye on this page day and night.",
    ],
)
def test_a_page_said_to_be_watched_around_the_clock_fails_and_the_reader_is_not_asked(policy, text):
    result = _unwatched(policy, f"{text} Replies may be slow on weekends.")
    assert not result.passed
    assert result.reason.startswith("contradicted")


def test_a_sentence_read_again_comes_from_the_cache_with_the_same_score(policy):
    from page_governor.compliance import statement_model as sm

    sm.clear_cache()
    first = _purpose(policy, about="Harlan Police Department", description=BRIEFING)
    assert BRIEFING in sm._CACHE
    again = _purpose(policy, about="Harlan Police Department", description=BRIEFING)
    assert again == first
    sm.clear_cache()
    assert not sm._CACHE


def test_a_stored_result_names_the_readers_heads_as_well_as_the_policy(policy):
    # a retrained head can change a result under the same policy.yaml
    heads = {
        e: hashlib.sha256((MODELS_DIR / f"{e}.json").read_bytes()).hexdigest()
        for e in ("purpose_statement", "not_monitored_247")
    }
    assert dict(policy.readers) == heads
    assert policy.results_digest != policy.digest
    data = load_yaml_file(DEFAULT_CONFIG_DIR / "policy.yaml")
    for element in heads:
        data["elements"][element]["model"] = "off"
    without = parse_policy(data)
    assert without.readers == ()
    assert without.results_digest == without.digest
