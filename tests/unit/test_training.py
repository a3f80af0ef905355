"""The shipped models (attack, spam, threat) are reproducible from the public data by the project's
script."""

from __future__ import annotations

import json

import pytest

from page_governor.moderation.training import (
    DEFAULT_DATASETS,
    MODEL_PATH,
    SPAM_MODEL_PATH,
    THREAT_MODEL_PATH,
    THREAT_SOURCES,
    train,
    train_spam,
    train_threat,
)

# Weights are stored rounded to 6 decimals. Different BLAS builds (numpy wheels, CPUs) and
# thread counts differ in the last bits of the solver's result, which can move that rounding by a
# few units: OpenBLAS on one thread (as in a test run that loaded the sentence encoder first,
# which sets OPENBLAS_NUM_THREADS=1) gives spam weights 4 units from those trained on two
# threads. The difference of two 6-decimal numbers is itself inexact in binary (four units can
# read 4.0000000001e-06), hence the last term. A real change of data or code moves weights by
# orders of magnitude more.
ROUNDING_TOLERANCE = 5e-6 + 1e-12


@pytest.mark.slow
@pytest.mark.parametrize(
    "trainer,shipped_path",
    [(train, MODEL_PATH), (train_spam, SPAM_MODEL_PATH), (train_threat, THREAT_MODEL_PATH)],
    ids=["attack", "spam", "threat"],
)
def test_training_reproduces_the_shipped_model_up_to_rounding(tmp_path, trainer, shipped_path):
    pytest.importorskip("sklearn", reason="needs the train extra")
    if not (DEFAULT_DATASETS / "olid_training_v1.0.tsv").is_file():
        pytest.skip(f"public datasets not found at {DEFAULT_DATASETS}")
    if trainer is train_threat and not all(
        (DEFAULT_DATASETS / n).is_file() for n in THREAT_SOURCES
    ):
        pytest.skip(f"ETHOS and HateCheck not found at {DEFAULT_DATASETS} (see public_eval.py)")
    out = tmp_path / shipped_path.name
    trainer(DEFAULT_DATASETS, out)
    fresh = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(shipped_path.read_text(encoding="utf-8"))
    assert {k: v for k, v in fresh.items() if k not in ("features", "intercept")} == {
        k: v for k, v in shipped.items() if k not in ("features", "intercept")
    }
    assert fresh["features"].keys() == shipped["features"].keys()
    assert abs(fresh["intercept"] - shipped["intercept"]) <= ROUNDING_TOLERANCE
    worst = max(
        abs(a - b)
        for name, values in shipped["features"].items()
        for a, b in zip(values, fresh["features"][name], strict=True)
    )
    assert worst <= ROUNDING_TOLERANCE


@pytest.mark.slow
def test_the_shipped_calibration_is_reproduced_exactly(tmp_path):
    pytest.importorskip("sklearn", reason="needs the train extra")
    from page_governor.moderation.training import CALIBRATION_PATH, train_calibration

    if not (DEFAULT_DATASETS / "olid_training_v1.0.tsv").is_file():
        pytest.skip(f"public datasets not found at {DEFAULT_DATASETS}")
    out = tmp_path / "calibration.json"
    fresh = train_calibration(DEFAULT_DATASETS, out)
    shipped = json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))
    assert fresh == shipped


def test_the_shipped_attack_model_has_no_feature_for_who_a_comment_is_about():
    from page_governor.moderation.training import SECOND_PERSON, blinded_terms

    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    blinded = blinded_terms()
    assert set(shipped["training"]["blinded_terms"]) >= blinded
    assert {"gay", "muslims", "deputy", "trump", "women"} <= blinded
    leaked = [
        name
        for name in shipped["features"]
        if not blinded.isdisjoint(name.split(" ")) and name.split(" ")[0] not in SECOND_PERSON
    ]
    assert leaked == []


def test_names_written_after_a_title_are_found_and_ordinary_words_after_one_are_not():
    from page_governor.moderation.training import names_after_titles

    rows = [
        {"text": "Officer Dale is a psycho."},
        {"text": "What a creep that deputy is, sgt. Ross too"},
        {"text": "the chief of staff was late, ask the Chief Of Staff"},
    ]
    assert names_after_titles(rows, {"officer", "deputy", "sgt", "chief"}) == {"dale", "ross"}
