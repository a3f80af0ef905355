"""Quality of the comment classifier on the team's labelled comments.

    python benchmarks/moderation_eval.py [--file NAME|all]

NAME is a labelled set in tests/data/moderation (dev, holdout, holdout2, the dev_2026_12* tuning
sets and the frozen_test_2026_12* frozen splits; see its README). A set whose name starts with
``frozen`` is a frozen test split: it was written before the detectors were changed for it and is
never used to choose rules, lexicon entries or thresholds, so --verbose refuses to list its
misses (tune on the dev sets).

    python benchmarks/moderation_eval.py --real NAME [--split dev|test] [--datasets DIR]

reads a set of comments written by others (quoted word for word in news reports and court
records): the labels from the manifest benchmarks/real_sets/comments/NAME.yaml, the texts from
the datasets folder (third-party text is never committed). Its test part is totals only.

Targets: recall on violations >= 95%; at most 2% of the must-never-flag comments flagged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.evaluation import evaluate, load_comments, load_real_comments
from page_governor.realsets import RealSetError

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "moderation"
SETS = sorted(p.stem for p in DATA.glob("*.jsonl") if not p.stem.startswith(("train", "offtopic")))
REAL_SETS = Path(__file__).resolve().parent / "real_sets" / "comments"
DEFAULT_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python benchmarks/moderation_eval.py --file holdout -v\n"
        "         python benchmarks/moderation_eval.py --real comments_quoted_2026_12u --split test",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--file", choices=[*SETS, "all"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false flags")
    parser.add_argument(
        "--real",
        choices=sorted(p.stem for p in REAL_SETS.glob("*.yaml")),
        help="a set of comments written by others (manifest in benchmarks/real_sets/comments)",
    )
    parser.add_argument("--split", choices=["dev", "test"], help="only this part of a real set")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args()
    if args.split and not args.real:
        parser.error("--split names a part of a real set: use it with --real")
    if args.real:
        if args.verbose and args.split != "dev":
            parser.error("--verbose on a real set needs --split dev: its test part is totals only")
        try:
            rows = load_real_comments(REAL_SETS / f"{args.real}.yaml", args.datasets, args.split)
        except RealSetError as exc:
            parser.exit(2, f"moderation_eval: {exc}\n")
        described = f"{args.real}, {args.split or 'all'}"
    else:
        names = SETS if args.file == "all" else [args.file]
        if args.verbose and any(n.startswith("frozen") for n in names):
            parser.error("--verbose lists misses, which a frozen test split must not show")
        paths = [DATA / f"{n}.jsonl" for n in names]
        rows = load_comments(*paths)
        described = ", ".join(p.stem for p in paths)
    ev = evaluate(rows, Classifier.from_config_dir(DEFAULT_CONFIG_DIR))
    print(
        f"{len(rows)} comments ({described}): {ev.violations} violations, "
        f"{ev.never_flag} must never be flagged"
    )
    print(f"recall on violations: {ev.recall:.3f} ({ev.caught}/{ev.violations}; target >= 0.95)")
    print(
        f"must-never-flag flagged: {ev.false_flag_rate:.3f} ({ev.wrongly_flagged}/{ev.never_flag}; "
        "target <= 0.02)"
    )
    if ev.targets:
        print(f"attack target right: {ev.targets_right}/{ev.targets}")
    print(f"{'category':16} {'precision':>9} {'recall':>7} {'f1':>6}   tp  fp  fn")
    for cat in Category:
        s = ev.categories[cat]
        print(
            f"{cat.value:16} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f}  {s.tp:3} {s.fp:3} {s.fn:3}"
        )
    if args.verbose:
        for line in ev.misses + ev.false_flags:
            print("  " + line)


if __name__ == "__main__":
    main()
