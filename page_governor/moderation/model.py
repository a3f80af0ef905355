"""The shipped personal-attack model: logistic regression over binary TF-IDF word features,
stored as plain JSON (``models/attack.json``, made by ``training.py``). Inference is a few
dictionary look-ups per word: no scikit-learn, no numpy, no download."""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from page_governor.errors import ConfigError

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "attack.json"
SPAM_MODEL = Path(__file__).resolve().parent / "models" / "spam.json"
THREAT_MODEL = Path(__file__).resolve().parent / "models" / "threat.json"
CALIBRATION = Path(__file__).resolve().parent / "models" / "calibration.json"


@dataclass(frozen=True, slots=True)
class ModelScore:
    probability: float
    top_words: tuple[str, ...]  # the words that pushed the score up most


class LinearModel:
    """``p = sigmoid(b + Σ w_j·idf_j / sqrt(Σ idf_j²))`` over the features present."""

    def __init__(
        self,
        intercept: float,
        features: dict[str, tuple[float, float]],
        threshold: float,
        digest: str,
    ) -> None:
        self.intercept = intercept
        self.features = features
        self.threshold = threshold
        self.digest = digest

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> LinearModel:
        """Raises:
        ConfigError: the model file is missing or malformed.
        """
        return _load(str(path))

    def probability(self, words: list[str]) -> float:
        """The probability alone (the hot path: no explanation is built)."""
        feats = self.features
        total = norm = 0.0
        for gram in {*words, *map(" ".join, pairwise(words))}:
            entry = feats.get(gram)
            if entry is not None:
                total += entry[0]
                norm += entry[1]
        z = self.intercept + (total / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def score(self, words: list[str], *, min_coefficient: float = 0.0) -> ModelScore:
        """The probability and the words that pushed it up most (only words whose own
        coefficient reaches ``min_coefficient``: strongly insulting words, not "like")."""
        feats = self.features
        positive = []
        for w in set(words):
            entry = feats.get(w)
            if (
                entry is not None
                and entry[0] > 0
                and entry[0] / math.sqrt(entry[1]) >= min_coefficient
            ):
                positive.append((entry[0], w))
        positive.sort(reverse=True)
        return ModelScore(self.probability(words), tuple(w for _, w in positive[:3]))


@lru_cache(maxsize=4)
def _load(path: str) -> LinearModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        features = {k: (v[0], v[1]) for k, v in data["features"].items()}
        from page_governor.hashing import sha256_hex

        return LinearModel(
            float(data["intercept"]), features, float(data["threshold"]), sha256_hex(text)[:12]
        )
    except FileNotFoundError:
        raise ConfigError(f"model file {path} is missing (reinstall the package)") from None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ConfigError(f"model file {path} is malformed ({exc.__class__.__name__})") from None


class Calibration:
    """Per category, what a detector score means: the share of comments with that score that
    carry the category's label in labelled data (isotonic regression, ``training.py``), read
    between the stored points by linear interpolation."""

    def __init__(self, points: dict[str, tuple[tuple[float, ...], tuple[float, ...]]]) -> None:
        self.points = points

    @classmethod
    def load(cls, path: Path = CALIBRATION) -> Calibration:
        """Raises:
        ConfigError: the file is missing or malformed.
        """
        return _load_calibration(str(path))

    def probability(self, category: str, score: float) -> float | None:
        """The calibrated probability for ``score`` (None for a category without data)."""
        found = self.points.get(category)
        if found is None:
            return None
        xs, ys = found
        if score <= xs[0]:
            return ys[0]
        if score >= xs[-1]:
            return ys[-1]
        i = bisect_right(xs, score)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)


@lru_cache(maxsize=2)
def _load_calibration(path: str) -> Calibration:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        points = {
            name: (tuple(float(x) for x in curve["x"]), tuple(float(y) for y in curve["y"]))
            for name, curve in data["categories"].items()
        }
        if any(not xs or len(xs) != len(ys) for xs, ys in points.values()):
            raise ValueError("uneven curve")
        return Calibration(points)
    except FileNotFoundError:
        raise ConfigError(f"calibration file {path} is missing (reinstall the package)") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"calibration file {path} is malformed ({exc.__class__.__name__})"
        ) from None
