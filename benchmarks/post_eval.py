"""The post check (``post_rules`` of config/policy.yaml) on the team's labelled agency posts.

    python benchmarks/post_eval.py --file dev_2026_12 [-v]
    python benchmarks/post_eval.py --file frozen_test_2026_12

Reports how many ordinary posts are flagged (target: at most 5%), and per rule how many posts
that break it are found and how many findings are right. ``-v`` lists misses and false
findings: use it on the tuning set only; the frozen split is read, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_governor.compliance.policy import load_policy
from page_governor.compliance.posts import check_post
from page_governor.config import DEFAULT_CONFIG_DIR

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "posts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="dev_2026_12", help="a set in tests/data/posts")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    path = DATA / f"{args.file}.jsonl"
    if not path.is_file():
        sys.exit(f"error: {path} not found")
    rules = load_policy(DEFAULT_CONFIG_DIR).post_rules
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    ordinary = [r for r in rows if not r["rules"]]
    stats = {rule.id: {"tp": 0, "fp": 0, "fn": 0} for rule in rules}
    flagged_ordinary = 0
    for row in rows:
        found = {f.rule for f in check_post(row["text"], rules)}
        expected = set(row["rules"])
        flagged_ordinary += bool(found) and not expected
        for rule in stats:
            hit, want = rule in found, rule in expected
            stats[rule]["tp"] += hit and want
            stats[rule]["fp"] += hit and not want
            stats[rule]["fn"] += want and not hit
        if args.verbose and found != expected:
            print(
                f"  {row['id']}: expected {sorted(expected)} found {sorted(found)}: {row['text']}"
            )
    print(
        f"{len(rows)} posts ({args.file}): {len(ordinary)} ordinary, flagged "
        f"{flagged_ordinary}/{len(ordinary)} = {flagged_ordinary / max(1, len(ordinary)):.3f} "
        "(target <= 0.05)"
    )
    caught = sum(s["tp"] for s in stats.values())
    wanted = caught + sum(s["fn"] for s in stats.values())
    print(f"breaches found: {caught}/{wanted} = {caught / max(1, wanted):.3f}")
    print(f"{'rule':26} {'found':>7} {'wrong':>6}")
    for rule, s in stats.items():
        print(f"{rule:26} {s['tp']:>3}/{s['tp'] + s['fn']:<3} {s['fp']:>6}")


if __name__ == "__main__":
    main()
