"""Per-element accuracy, precision and recall of the compliance check on the labelled set.

python benchmarks/compliance_eval.py [--set team|dev_2026_12|dev_2026_12b|dev_2026_12c|dev_2026_12d|dev_2026_12e|dev_2026_12g|dev_2026_12j|dev_2026_12l|
    frozen_test_2026_12|
    frozen_test_2026_12b|frozen_test_2026_12c|frozen_test_2026_12d|frozen_test_2026_12f|
    frozen_test_2026_12h|frozen_test_2026_12i|frozen_test_2026_12k]
    [--split dev|test|holdout] [--verbose]
python benchmarks/compliance_eval.py --real agency_comment_policies_2026_12d --split dev --verbose

``--real NAME`` reads a set of real agencies' text: the labels from the manifest
benchmarks/real_sets/NAME.yaml, the texts from the datasets folder (``--datasets``, default
../shared/datasets), each checked against the sha256 the manifest records. Its test part
(``--split test``) is read as totals only.

A set whose name starts with ``frozen`` is a frozen test split: never used to choose patterns or
rules, so --verbose refuses to list its errors (tune on the dev sets).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from page_governor.compliance.evaluation import evaluate, load_profiles, load_real_set
from page_governor.compliance.policy import ELEMENT_IDS, load_policy
from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.errors import ConfigError
from page_governor.realsets import RealSetError

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
REAL_SETS = Path(__file__).resolve().parent / "real_sets"
DEFAULT_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
SETS = {
    "team": DATA_DIR / "compliance_profiles.yaml",
    "dev_2026_12": DATA_DIR / "compliance_dev_2026_12.yaml",
    "dev_2026_12b": DATA_DIR / "compliance_dev_2026_12b.yaml",
    "dev_2026_12c": DATA_DIR / "compliance_dev_2026_12c.yaml",
    "dev_2026_12d": DATA_DIR / "compliance_dev_2026_12d.yaml",
    "dev_2026_12e": DATA_DIR / "compliance_dev_2026_12e.yaml",
    "dev_2026_12g": DATA_DIR / "compliance_dev_2026_12g.yaml",
    "dev_2026_12j": DATA_DIR / "compliance_dev_2026_12j.yaml",
    "dev_2026_12l": DATA_DIR / "compliance_dev_2026_12l.yaml",
    "dev_2026_12n": DATA_DIR / "compliance_dev_2026_12n.yaml",
    "dev_2026_12u": DATA_DIR / "compliance_dev_2026_12u.yaml",
    "dev_2026_12z": DATA_DIR / "compliance_dev_2026_12z.yaml",
    "dev_2026_12zk": DATA_DIR / "compliance_dev_2026_12zk.yaml",
    "dev_2026_12zq": DATA_DIR / "compliance_dev_2026_12zq.yaml",
    "dev_2026_12zt": DATA_DIR / "compliance_dev_2026_12zt.yaml",
    "dev_2026_12zx": DATA_DIR / "compliance_dev_2026_12zx.yaml",
    "dev_2026_12zzb": DATA_DIR / "compliance_dev_2026_12zzb.yaml",
    "frozen_test_2026_12": DATA_DIR / "compliance_frozen_test_2026_12.yaml",
    "frozen_test_2026_12b": DATA_DIR / "compliance_frozen_test_2026_12b.yaml",
    "frozen_test_2026_12c": DATA_DIR / "compliance_frozen_test_2026_12c.yaml",
    "frozen_test_2026_12d": DATA_DIR / "compliance_frozen_test_2026_12d.yaml",
    "frozen_test_2026_12f": DATA_DIR / "compliance_frozen_test_2026_12f.yaml",
    "frozen_test_2026_12h": DATA_DIR / "compliance_frozen_test_2026_12h.yaml",
    "frozen_test_2026_12i": DATA_DIR / "compliance_frozen_test_2026_12i.yaml",
    "frozen_test_2026_12k": DATA_DIR / "compliance_frozen_test_2026_12k.yaml",
    "frozen_test_2026_12m": DATA_DIR / "compliance_frozen_test_2026_12m.yaml",
    "frozen_test_2026_12o": DATA_DIR / "compliance_frozen_test_2026_12o.yaml",
    "frozen_test_2026_12q": DATA_DIR / "compliance_frozen_test_2026_12q.yaml",
    "frozen_test_2026_12r": DATA_DIR / "compliance_frozen_test_2026_12r.yaml",
    "frozen_test_2026_12s": DATA_DIR / "compliance_frozen_test_2026_12s.yaml",
    "frozen_test_2026_12t": DATA_DIR / "compliance_frozen_test_2026_12t.yaml",
    "frozen_test_2026_12v": DATA_DIR / "compliance_frozen_test_2026_12v.yaml",
    "frozen_test_2026_12w": DATA_DIR / "compliance_frozen_test_2026_12w.yaml",
    "frozen_test_2026_12x": DATA_DIR / "compliance_frozen_test_2026_12x.yaml",
    "frozen_test_2026_12y": DATA_DIR / "compliance_frozen_test_2026_12y.yaml",
    "frozen_test_2026_12za": DATA_DIR / "compliance_frozen_test_2026_12za.yaml",
    "frozen_test_2026_12zb": DATA_DIR / "compliance_frozen_test_2026_12zb.yaml",
    "frozen_test_2026_12zn": DATA_DIR / "compliance_frozen_test_2026_12zn.yaml",
    "frozen_test_2026_12zr": DATA_DIR / "compliance_frozen_test_2026_12zr.yaml",
    "frozen_test_2026_12zy": DATA_DIR / "compliance_frozen_test_2026_12zy.yaml",
    "frozen_test_2026_12zz": DATA_DIR / "compliance_frozen_test_2026_12zz.yaml",
    "frozen_test_2026_12zzc": DATA_DIR / "compliance_frozen_test_2026_12zzc.yaml",
    "frozen_test_2026_12zzd": DATA_DIR / "compliance_frozen_test_2026_12zzd.yaml",
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python benchmarks/compliance_eval.py --set frozen_test_2026_12",
    )
    parser.add_argument(
        "--split", choices=["dev", "test", "holdout"], help="only this part of the set"
    )
    parser.add_argument("--set", choices=sorted(SETS), default="team", help="which labelled set")
    parser.add_argument("--data", type=Path, help="another labelled file in the same format")
    parser.add_argument(
        "--real",
        choices=sorted(p.stem for p in REAL_SETS.glob("*.yaml")),
        help="a set of real agencies' text (manifest in benchmarks/real_sets)",
    )
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--verbose", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    if args.verbose and not args.data and args.set.startswith("frozen"):
        parser.error("--verbose lists errors, which a frozen test split must not show")
    if args.verbose and args.real and args.split != "dev":
        parser.error("--verbose on a real set needs --split dev: its test part is totals only")
    try:
        policy = load_policy(DEFAULT_CONFIG_DIR)
    except ConfigError as exc:
        parser.exit(2, f"compliance_eval: {exc}\n")
    if args.real:
        try:
            profiles = load_real_set(REAL_SETS / f"{args.real}.yaml", args.datasets)
        except RealSetError as exc:
            parser.exit(2, f"compliance_eval: {exc}\n")
    else:
        profiles = load_profiles(args.data or SETS[args.set])
    started = time.perf_counter()
    ev = evaluate(profiles, policy, split=args.split)
    elapsed = time.perf_counter() - started
    print(f"{ev.profiles} profiles ({args.split or 'all'}), {elapsed * 1000:.1f} ms in all")
    print(f"{'element':24} {'accuracy':>8} {'precision':>9} {'recall':>7}  tp fp tn fn")
    for element in ELEMENT_IDS:
        s = ev.scores[element]
        print(
            f"{element:24} {s.accuracy:8.3f} {s.precision:9.3f} {s.recall:7.3f}  "
            f"{s.tp:2} {s.fp:2} {s.tn:2} {s.fn:2}"
        )
    worst = min(ev.scores[e].accuracy for e in ELEMENT_IDS)
    print(f"lowest element accuracy: {worst:.3f} (target 0.970)")
    overall = sum(ev.scores[e].accuracy for e in ELEMENT_IDS) / len(ELEMENT_IDS)
    print(f"overall (mean of the elements): {overall:.3f}")
    print(f"warnings expected but not raised: {len(ev.warning_misses)}")
    print(f"false warnings: {len(ev.false_warnings)} (target 0)")
    if args.verbose:
        for line in ev.errors + ev.warning_misses + ev.false_warnings:
            print("  " + line)


if __name__ == "__main__":
    main()
