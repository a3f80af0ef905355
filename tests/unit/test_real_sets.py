"""Real-text sets: labels in the repository, third-party texts outside it, tied by sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from page_governor.compliance.evaluation import (
    CODES,
    RealSetError,
    load_real_set,
    text_digest,
)
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

REAL_SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "real_sets"


def _write_set(tmp_path: Path, text: str, digest: str) -> Path:
    manifest = tmp_path / "demo.yaml"
    manifest.write_text(
        yaml.safe_dump(
            {
                "name": "demo",
                "texts": "demo.texts.yaml",
                "items": [
                    {
                        "id": "one",
                        "source": "https://anytown.example/policy",
                        "sha256": digest,
                        "split": "dev",
                        "domains": ["anytown.example"],
                        "pass": "R",
                        "warn": [],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "demo.texts.yaml").write_text(yaml.safe_dump({"one": text}), encoding="utf-8")
    return manifest


def test_a_real_set_is_read_with_its_labels_when_every_text_has_the_recorded_hash(tmp_path):
    text = "Comments may be removed if they contain:\n- obscene language\n"
    manifest = _write_set(tmp_path, text, text_digest(text))
    [profile] = load_real_set(manifest, tmp_path)
    assert profile["pass"] == "R" and profile["split"] == "dev"
    assert profile["profile"] == {"linked:https://anytown.example/policy": text}


def test_a_text_that_is_not_the_one_labelled_is_refused(tmp_path):
    manifest = _write_set(tmp_path, "Comments are welcome.", text_digest("Other words."))
    with pytest.raises(RealSetError, match="sha256 differs"):
        load_real_set(manifest, tmp_path)


def test_missing_texts_are_a_clear_error_naming_what_to_collect(tmp_path):
    manifest = _write_set(tmp_path, "x", text_digest("x"))
    (tmp_path / "demo.texts.yaml").unlink()
    with pytest.raises(RealSetError, match="collect the texts"):
        load_real_set(manifest, tmp_path)


@pytest.mark.parametrize("manifest", sorted(REAL_SETS.glob("*.yaml")), ids=lambda p: p.stem)
def test_committed_manifests_hold_labels_and_hashes_never_text(manifest):
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    warnings = {w.id for w in load_policy(DEFAULT_CONFIG_DIR).warnings}
    assert data["items"]
    for item in data["items"]:
        assert set(item) <= {"id", "source", "sha256", "split", "field", "domains", "pass", "warn"}
        assert len(item["sha256"]) == 64 and int(item["sha256"], 16) >= 0
        parity = int(hashlib.sha256(item["id"].encode()).hexdigest(), 16) % 2
        assert item["split"] == ("dev" if parity == 0 else "test")
        assert set(item["pass"]) <= set(CODES)
        assert set(item["warn"]) <= warnings
