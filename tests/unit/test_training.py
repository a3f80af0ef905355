"""The shipped attack model is reproducible from the public data by the project's script."""

from __future__ import annotations

import hashlib

import pytest

from page_governor.moderation.training import DEFAULT_DATASETS, MODEL_PATH, train


@pytest.mark.slow
def test_training_reproduces_the_shipped_model_byte_for_byte(tmp_path):
    pytest.importorskip("sklearn", reason="needs the train extra")
    if not (DEFAULT_DATASETS / "olid_training_v1.0.tsv").is_file():
        pytest.skip(f"public datasets not found at {DEFAULT_DATASETS}")
    out = tmp_path / "attack.json"
    train(DEFAULT_DATASETS, out)
    assert (
        hashlib.sha256(out.read_bytes()).hexdigest()
        == hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()
    )
