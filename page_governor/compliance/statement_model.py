"""A learned reader for the statements the patterns miss: the sentence encoder
(:mod:`page_governor.moderation.encoder`) and a logistic regression on its output, one head per
element (``models/<element>.json``, made by :mod:`statement_training`).

Frozen splits written after the patterns kept finding purposes said in words no pattern knew
("Follow along for arrest reports …", "Here you will find …"); a pattern per wording never
caught up. The encoder reads what a sentence means rather than which words it uses.

It is asked only when the patterns find nothing and nothing contradicts the element, about the
profile's own text fields (not linked policy pages, phone, e-mail or web-address fields), at most
``MAX_READINGS`` of them, each read on its own so that a reading's score never depends on its
neighbours. The encoder reads its 90 MB of weights for every sentence (about 20 ms for a short
one) and is loaded (about 0.3 s) the first time a profile reaches it; a profile whose statements
the patterns find never pays, and a page checked again reads its sentences from a cache.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from page_governor.errors import ConfigError

MODELS_DIR = Path(__file__).parent / "models"
MAX_READINGS = 32
# fields whose text is a number, an address or a link: never a statement a reader looks for
NOT_STATEMENTS = frozenset(
    {"website", "url", "phone", "whatsapp_number", "emails", "email", "name"}
    | {"single_line_address", "address", "location"}
)


def statement_fields(source: str) -> bool:
    """Is a reading from this field one the model may read?"""
    return not source.startswith("linked:") and source not in NOT_STATEMENTS


@dataclass(frozen=True, slots=True)
class Scored:
    text: str
    probability: float


class StatementModel:
    """``best(texts)``: the reading the head is surest states the element, with its probability."""

    def __init__(self, weights: list[float], bias: float, threshold: float):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self._vector: Any = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path) -> StatementModel:
        """Raises ConfigError when the file is missing, not a head, or another element's (its
        name is the element's: ``purpose_statement.json``)."""
        try:
            data: dict[str, Any] = json.loads(path.read_bytes())
            if data.get("kind") != "statement_model":
                raise ValueError("not a statement model")
            if data["element"] != path.stem:
                raise ValueError(f"a head for {data['element']}, not {path.stem}")
            return cls(
                weights=[float(w) for w in data["weights"]],
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"cannot load the statement model {path}: {exc}") from exc

    def probability(self, text: str) -> float:
        with self._lock:
            if self._vector is None:
                import numpy as np

                self._vector = np.asarray(self.weights, dtype=np.float32)
        z = float(embedding(text) @ self._vector) + self.bias
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def best(self, texts: Iterable[str]) -> Scored | None:
        """The surest of the first ``MAX_READINGS`` texts (the first of equals); None when
        there are none."""
        best: Scored | None = None
        for text in islice(texts, MAX_READINGS):
            p = self.probability(text)
            if best is None or p > best.probability:
                best = Scored(text, p)
        return best


# Sentence embeddings by text, most recently used last: a page is checked again and again with
# the same profile, and both readers read many of the same sentences. Each is computed on its
# own, so a sentence's embedding is the same whatever was read before it.
CACHE_SIZE = 4096  # about 6 MB
_CACHE: OrderedDict[str, Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def embedding(text: str) -> Any:
    """The encoder's output for ``text``, from the cache when it was read before."""
    with _CACHE_LOCK:
        if text in _CACHE:
            _CACHE.move_to_end(text)
            return _CACHE[text]
    from page_governor.moderation.encoder_head import shared_encoder

    vector = shared_encoder().encode(text)  # shared_encoder first: it sets numpy's threads
    with _CACHE_LOCK:
        _CACHE[text] = vector
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return vector


def clear_cache() -> None:
    """Forget every cached embedding (the speed benchmark's cold rounds)."""
    with _CACHE_LOCK:
        _CACHE.clear()


_LOADED: dict[str, StatementModel] = {}
_LOADED_LOCK = threading.Lock()


def statement_model(element: str, models_dir: Path = MODELS_DIR) -> StatementModel:
    """The element's head, loaded once per process.

    Raises:
        ConfigError: the element has no head, or its file is damaged.
    """
    path = models_dir / f"{element}.json"
    with _LOADED_LOCK:
        key = str(path)
        if key not in _LOADED:
            _LOADED[key] = StatementModel.load(path)
        return _LOADED[key]


class _Reading(Protocol):
    text: str
    source: str


R = TypeVar("R", bound=_Reading)


@dataclass(frozen=True, slots=True)
class ModelFinding(Generic[R]):
    reading: R
    probability: float
    threshold: float


def ask(
    element: str, setting: float | str, readings: Sequence[R], keep: Callable[[R], bool]
) -> ModelFinding[R] | None:
    """The reading the element's head reads as the statement, if it reaches the threshold
    (``setting``: "trained" for the head's own, or a probability); the readings asked are the
    statement fields' readings that ``keep`` keeps (no negation, no question), each text once.

    Raises:
        ConfigError: the element's head is missing or damaged.
    """
    model = statement_model(element)
    threshold = model.threshold if setting == "trained" else float(setting)
    asked: dict[str, R] = {}
    for reading in readings:
        if statement_fields(reading.source) and reading.text not in asked and keep(reading):
            asked[reading.text] = reading
    best = model.best(asked)
    if best is None or best.probability < threshold:
        return None
    return ModelFinding(asked[best.text], best.probability, threshold)
