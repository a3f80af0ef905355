"""A strong root masked inside a longer word ("clusterf*ck") is obscene; asterisks used as
decoration, or inside an ordinary word, are not."""

from __future__ import annotations

import pytest

from page_governor.models import Category
from tests.moderation_helpers import CLASSIFIER


@pytest.mark.parametrize(
    ("text", "obscene"),
    [
        ("the budget hearing was a total clusterf*ck", True),
        ("another sh*tstorm from city hall", True),
        ("they can all go f themselves", True),
        ("see the attached photo*** (graphic)", False),
        ("pass*word reset instructions are on the portal", False),
    ],
)
def test_a_masked_strong_root_inside_a_longer_word_is_obscene(text: str, obscene: bool) -> None:
    assert (Category.OBSCENITY in CLASSIFIER.classify(text).categories) is obscene
