"""Throughput of the full classifier (all five categories) against better-profanity's
``contains_profanity`` on the same 20,000 real comments, in one run, plus the worst single
comment up to 10,000 characters.

Both are timed as whole processes, start-up included: ``page-governor classify FILE --json``
(one worker per core, as it runs by default on large inputs, and ``--jobs 1``) against a
process that loads better-profanity and checks every comment. The classifier's in-process
throughput (a long-running worker) is printed too.

    python benchmarks/classify_speed.py [--count 20000] [--datasets ../shared/datasets]

The comments are a fixed mix of the public sets in shared/datasets: Jigsaw talk-page comments
(long), Davidson and OLID tweets (short). Targets: page_governor at least 200x faster than
better-profanity; under 5 ms for any single comment up to 10,000 characters.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.training import DEFAULT_DATASETS


def load_mix(datasets: Path, count: int) -> list[str]:
    jigsaw = [
        r["comment_text"]
        for r in csv.DictReader((datasets / "jigsaw_toxic_train_10k.csv").open(encoding="utf-8"))
    ]
    olid = [
        r["tweet"]
        for r in csv.DictReader(
            (datasets / "olid_training_v1.0.tsv").open(encoding="utf-8"), delimiter="\t"
        )
    ]
    davidson = [
        r["tweet"]
        for r in csv.DictReader((datasets / "davidson_labeled_data.csv").open(encoding="utf-8"))
    ]
    rng = random.Random(20261123)
    pool = rng.sample(jigsaw, min(len(jigsaw), count * 3 // 10))
    pool += rng.sample(olid, min(len(olid), count * 35 // 100))
    pool += rng.sample(davidson, count - len(pool))
    rng.shuffle(pool)
    return pool[:count]


def adversarial(n: int = 10_000) -> dict[str, str]:
    """Long comments built to be slow: every detector busy, odd Unicode, floods."""
    return {
        "plain words": ("the chief should resign and release the footage " * 400)[:n],
        "obscene evasions": ("f u c k sh1t f*ck fuuuuck a$$hole b!tch " * 400)[:n],
        "insults": ("you stupid idiot clown pig is a worthless fat pig " * 400)[:n],
        "threat words": ("i will kill you we know where you live watch your back " * 400)[:n],
        # menace with no word of harm: the one kind the contextual reader is asked about
        "veiled menace": (
            "Officers who tow my truck again are gonna get it back twice over. " * 200
        )[:n],
        "numbers and addresses": ("call 555-314-2718 he lives at 12 Elm Street 123-45-6789 " * 400)[
            :n
        ],
        "links and money": ("earn $500/day bit.ly/x www.spam.example giveaway 100x signals " * 400)[
            :n
        ],
        "non-latin": ("ｆｕｃｋ 𝐟𝐮𝐜𝐤 идиот сука 😡😡😡 مرحبا " * 400)[:n],
        "one word": "a" * n,
        "no spaces": ("abc" * n)[:n],
        "separators": (". " * n)[:n],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python benchmarks/classify_speed.py --count 2000",
    )
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args()
    comments = load_mix(args.datasets, args.count)
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    for text in adversarial().values():  # warm the caches (as in a long-running worker)
        classifier.classify(text)

    runs = []
    for _ in range(3):  # median of three passes: this machine's timing varies
        start = time.perf_counter()
        flagged = sum(classifier.classify(c).flagged for c in comments)
        runs.append(time.perf_counter() - start)
    ours = statistics.median(runs)

    mean_len = statistics.mean(len(c) for c in comments)
    print(f"{len(comments):,} comments (mean {mean_len:.0f} characters)")
    print(
        f"page_governor in-process (a running worker): {len(comments) / ours:10,.0f} comments/s "
        f"({flagged:,} flagged)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "comments.jsonl"
        data.write_text(
            "".join(json.dumps({"id": i, "text": c}) + "\n" for i, c in enumerate(comments)),
            encoding="utf-8",
        )
        whole = {
            label: statistics.median(_process(_classify_command(data, extra)) for _ in range(3))
            for label, extra in (("default jobs", []), ("--jobs 1", ["--jobs", "1"]))
        }
        print(f"better-profanity as a process (about {len(comments) / 40 / 60:.0f} minutes)...")
        theirs = _process([sys.executable, "-c", _BETTER_PROFANITY, str(data)])
    print(
        f"better-profanity contains_profanity, whole process: {theirs:8.1f} s "
        f"({len(comments) / theirs:,.1f} comments/s)"
    )
    for label, seconds in whole.items():
        print(
            f"page-governor classify, whole process ({label}): {seconds:6.2f} s "
            f"({len(comments) / seconds:,.0f} comments/s): {theirs / seconds:,.0f}x faster "
            "(target >= 200x)"
        )

    worst = 0.0
    print("single comments of 10,000 characters (best of 7 runs each):")
    for name, text in adversarial().items():
        best = min(_time_one(classifier, text) for _ in range(7))
        worst = max(worst, best)
        print(f"  {name:24} {best * 1000:6.2f} ms")
    print(f"worst: {worst * 1000:.2f} ms (target < 5 ms)")


_BETTER_PROFANITY = """
import json, sys
from better_profanity import profanity
profanity.load_censor_words()
hits = 0
for line in open(sys.argv[1], encoding="utf-8"):
    hits += profanity.contains_profanity(json.loads(line)["text"])
print(hits)
"""


def _classify_command(data: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "page_governor", "classify", str(data), "--json", *extra]


def _process(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _time_one(classifier: Classifier, text: str) -> float:
    start = time.perf_counter()
    classifier.classify(text)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
