"""The contextual threat reader: the sentence encoder (``encoder.py``) and a logistic regression
on its output (``models/threat_encoder.json``, made by ``encoder_training``).

Loading the head costs nothing; the encoder (numpy, the tokenizer and 21 MB of weights, about
0.3 s, 90 MB in memory) is loaded the first time a comment reaches it, once per process, so a
run in which no comment passes the gate never loads it.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from page_governor.errors import ConfigError

if TYPE_CHECKING:
    from page_governor.moderation.encoder import SentenceEncoder

HEAD_PATH = Path(__file__).parent / "models" / "threat_encoder.json"


_SHARED: list[SentenceEncoder] = []
_SHARED_LOCK = threading.Lock()


def shared_encoder() -> SentenceEncoder:
    """One encoder per process, however many classifiers are built (90 MB of float weights)."""
    with _SHARED_LOCK:
        if not _SHARED:
            from page_governor.moderation.encoder import SentenceEncoder

            try:
                _SHARED.append(SentenceEncoder.load())
            except Exception as exc:  # numpy, zipfile and tokenizers each raise their own
                raise ConfigError(
                    f"cannot load the sentence encoder (models/minilm_l6.npz and "
                    f"minilm_l6_tokenizer.json; reinstall page_governor): {exc}"
                ) from exc
        return _SHARED[0]


class ThreatEncoder:
    """``probability(text)``: how surely the encoder reads the comment as a threat."""

    def __init__(
        self, weights: list[float], bias: float, threshold: float, gate: float, digest: str
    ):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.gate = gate  # asked only when the word model's probability reaches this
        self.digest = digest
        self._encoder: SentenceEncoder | None = None
        self._vector: Any = None  # the weights as a numpy vector, made with the encoder
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> ThreatEncoder:
        """Raises ConfigError when the file is missing or not a head."""
        try:
            raw = path.read_bytes()
            data: dict[str, Any] = json.loads(raw)
            return cls(
                weights=[float(w) for w in data["weights"]],
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                gate=float(data["gate"]),
                digest=hashlib.sha256(raw).hexdigest(),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"cannot load the threat encoder head {path}: {exc}") from exc

    def _loaded(self) -> SentenceEncoder:
        with self._lock:
            if self._encoder is None:
                encoder = shared_encoder()  # first: it sets numpy's BLAS threads before import

                import numpy as np

                self._vector = np.asarray(self.weights, dtype=np.float32)
                self._encoder = encoder
            return self._encoder

    def probability(self, text: str) -> float:
        embedding = self._loaded().encode(text)
        z = float(embedding @ self._vector) + self.bias
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
