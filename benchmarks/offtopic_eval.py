"""Off-topic judgment on the team's labelled comments with the post each answers.

    python benchmarks/offtopic_eval.py --file offtopic_dev_2026_12 [-v]
    python benchmarks/offtopic_eval.py --file offtopic_frozen_test_2026_12

Reports off-topic comments found and on-topic comments (harsh criticism and political argument
about the post's subject among them) wrongly called off topic: target at most 2%. ``-v`` lists
the disagreements: use it on the tuning set only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.detectors import Context

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "moderation"


def as_spam_now(result: object) -> bool:
    return Category.SPAM in getattr(result, "categories", ())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="offtopic_dev_2026_12")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    path = DATA / f"{args.file}.jsonl"
    if not path.is_file():
        sys.exit(f"error: {path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    found = as_spam = wrong = other_flags = 0
    wanted = sum(bool(r["labels"]) for r in rows)
    on_topic = len(rows) - wanted
    for row in rows:
        context = Context(top_level_on_agency_page=True, post_text=row["post"], off_topic_rule=True)
        result = classifier.classify(row["text"], context)
        off = Category.OFF_TOPIC in result.categories
        expected = bool(row["labels"])
        found += off and expected
        as_spam += expected and not off and Category.SPAM in result.categories
        wrong += off and not expected
        other_flags += bool(result.categories) and not off and not expected
        if args.verbose and off != expected and not (expected and as_spam_now(result)):
            print(f"  {'missed' if expected else 'wrong'}: {row['text']!r} (post: {row['post']!r})")
    print(f"{len(rows)} comments ({args.file}): {wanted} off topic, {on_topic} on topic")
    print(f"off topic found: {found}/{wanted} = {found / max(1, wanted):.3f}")
    print(
        f"off topic flagged as off topic or spam (spam wins where both apply): "
        f"{found + as_spam}/{wanted} = {(found + as_spam) / max(1, wanted):.3f}"
    )
    print(
        f"on topic called off topic: {wrong}/{on_topic} = {wrong / max(1, on_topic):.3f} "
        "(target <= 0.02)"
    )
    print(f"on topic flagged in another category: {other_flags}/{on_topic}")


if __name__ == "__main__":
    main()
