"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.moderation.classifier import Classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The comment classifier with the shipped configuration (built once)."""
    return Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
