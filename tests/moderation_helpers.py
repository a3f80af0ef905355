"""One classifier for the tests that read comments, built once from the shipped config."""

from __future__ import annotations

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.moderation.classifier import Classifier

CLASSIFIER = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)


def categories(text: str) -> set[str]:
    """The categories the shipped classifier flags ``text`` for."""
    return {c.value for c in CLASSIFIER.classify(text).categories}


def threat(text: str) -> bool:
    """Whether the shipped classifier reads ``text`` as a threat."""
    return "threat" in categories(text)
