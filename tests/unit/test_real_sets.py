"""Real-text sets: labels in the repository, third-party texts outside it, tied by sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from page_governor.compliance.evaluation import CODES, load_real_set
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.realsets import RealSetError, text_digest

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


COMMENT_SETS = REAL_SETS / "comments"


def test_a_real_comment_set_gives_labelled_rows_of_the_part_asked_for(tmp_path):
    from page_governor.moderation.evaluation import load_real_comments

    texts = {"a": "I know where you live, deputy.", "b": "The chief should resign."}
    items = [
        {"id": i, "source": "https://news.example/story", "sha256": text_digest(t)}
        for i, t in texts.items()
    ]
    items[0] |= {"split": "dev", "labels": ["threat"], "target": "official"}
    items[1] |= {"split": "test", "labels": []}
    manifest = tmp_path / "c.yaml"
    manifest.write_text(yaml.safe_dump({"texts": "c.texts.yaml", "items": items}), "utf-8")
    (tmp_path / "c.texts.yaml").write_text(yaml.safe_dump(texts), encoding="utf-8")
    [row] = load_real_comments(manifest, tmp_path, "dev")
    assert row == {
        "id": "a",
        "text": "I know where you live, deputy.",
        "labels": ["threat"],
        "target": "official",
    }
    assert [r["id"] for r in load_real_comments(manifest, tmp_path)] == ["a", "b"]


@pytest.mark.parametrize("manifest", sorted(COMMENT_SETS.glob("*.yaml")), ids=lambda p: p.stem)
def test_committed_comment_manifests_hold_labels_and_hashes_never_text(manifest):
    from page_governor.models import Category

    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert data["items"]
    for item in data["items"]:
        assert set(item) <= {"id", "source", "sha256", "split", "labels", "target", "reply"}
        assert len(item["sha256"]) == 64 and int(item["sha256"], 16) >= 0
        parity = int(hashlib.sha256(item["id"].encode()).hexdigest(), 16) % 2
        assert item["split"] == ("dev" if parity == 0 else "test")
        for label in item["labels"]:
            Category(label)  # raises ValueError on a category the product does not have
        assert item.get("target") in (None, "official", "private")


@pytest.mark.parametrize(
    "texts_file",
    ["- not\n- a mapping\n", "one: [unclosed\n", "one: 42\n"],
    ids=["a list", "broken yaml", "not text"],
)
def test_a_texts_file_that_is_not_a_mapping_of_texts_is_a_clear_error(tmp_path, texts_file):
    manifest = _write_set(tmp_path, "x", text_digest("x"))
    (tmp_path / "demo.texts.yaml").write_text(texts_file, encoding="utf-8")
    with pytest.raises(RealSetError):
        load_real_set(manifest, tmp_path)
