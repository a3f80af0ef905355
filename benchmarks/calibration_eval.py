"""How well the shipped calibration says how often a flag is right, on data it was not fitted
on: the public test buckets (8-9, never read by training) and the team's hold-out sets.

    python benchmarks/calibration_eval.py [--datasets ../shared/datasets]

Per category: Brier score and expected calibration error (10 bins) of the calibrated
confidence, beside the same figures for the raw detector score read as a probability.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_governor.moderation.model import Calibration
from page_governor.moderation.training import (
    DEFAULT_DATASETS,
    TEST_BUCKETS,
    TRAIN_BUCKETS,
    _calibration_rows,
    _reliability,
    bucket,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args()
    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.models import Category
    from page_governor.moderation.classifier import Classifier
    from page_governor.moderation.detectors import Context

    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    calibration = Calibration.load()
    print(f"{'category':16} {'set':22} {'rows':>6}  {'Brier cal/raw':>15}  {'ECE cal/raw':>13}")
    for name, rows in _calibration_rows(args.datasets).items():
        category = Category(name)
        groups = {
            "public test 8-9": [
                r for r in rows if not r.get("team") and bucket(r["id"]) in TEST_BUCKETS
            ],
            "team hold-outs": [r for r in rows if r.get("team") and r["read"]],
        }
        assert not any(bucket(r["id"]) in TRAIN_BUCKETS for r in groups["public test 8-9"])
        for label, group in groups.items():
            if not group:
                continue
            scores = []
            for row in group:
                context = Context(
                    is_reply_to_commenter=bool(row.get("reply")),
                    top_level_on_agency_page=not row.get("reply"),
                )
                scores.append(classifier.classify(row["text"], context).scores[category])
            cal = _reliability(
                lambda s, n=name: calibration.probability(n, s) or 0.0, group, scores
            )
            raw = _reliability(lambda s: s, group, scores)
            print(
                f"{name:16} {label:22} {len(group):6}  {cal['brier']:.4f}/{raw['brier']:.4f}"
                f"  {cal['ece']:.4f}/{raw['ece']:.4f}"
            )


if __name__ == "__main__":
    main()
