"""Real-text sets: the labels in a manifest kept in the repository (``benchmarks/real_sets``),
the third-party texts in a file kept outside it, each text tied to its labels by sha256.

Used by the compliance evaluation (published comment policies) and the moderation evaluation
(comments quoted word for word in news reports and court records)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml


class RealSetError(Exception):
    """A real-text set cannot be read: its texts are missing, or are not the labelled words."""


def text_digest(text: str) -> str:
    """The sha256 a manifest records for an item's text (UTF-8, as written)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_real_set(manifest_path: Path, texts_dir: Path) -> list[tuple[dict[str, Any], str]]:
    """Each item of the manifest with its text, in the manifest's order.

    The manifest names the texts file (``texts:``, a path inside ``texts_dir``) and gives, for
    each item, its id, source address and the sha256 of its text; the texts file maps each id
    to its text. A text whose sha256 differs from the manifest's is not the text that was
    labelled, and the set is refused rather than read with the wrong labels.

    Raises:
        RealSetError: the texts file is missing, lacks an item, or holds other words.
    """
    manifest = _mapping(manifest_path)
    if not isinstance(manifest.get("texts"), str) or not isinstance(manifest.get("items"), list):
        raise RealSetError(f"{manifest_path.name} needs 'texts' (a file name) and 'items' (a list)")
    texts_path = texts_dir / manifest["texts"]
    if not texts_path.is_file():
        raise RealSetError(
            f"{texts_path} is missing: collect the texts from the sources the manifest lists "
            f"({manifest_path.name}) and check them with their sha256"
        )
    texts = _mapping(texts_path)
    items = []
    for item in manifest["items"]:
        if not isinstance(item, dict) or not {"id", "source", "sha256"} <= set(item):
            raise RealSetError(f"{manifest_path.name}: every item needs id, source and sha256")
        text = texts.get(item["id"])
        if not isinstance(text, str):
            raise RealSetError(f"{texts_path.name} has no text for {item['id']}")
        if text_digest(text) != item["sha256"]:
            raise RealSetError(
                f"{item['id']}: the text in {texts_path.name} is not the one labelled "
                f"(sha256 differs); collect it again from {item['source']}"
            )
        items.append((item, text))
    return items


def _mapping(path: Path) -> dict[str, Any]:
    """A YAML file that must hold a mapping (a clear error when it does not)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RealSetError(f"{path.name} cannot be read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise RealSetError(f"{path.name} is not a YAML mapping")
    return data
