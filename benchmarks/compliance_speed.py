"""How long the compliance check takes for 100 pages (no fetching of linked pages).

Target: a hundred pages in well under a second. The baseline, measured in the same run, is the
unavoidable part of the work (cleaning and splitting the same text into sentences), so the
ratio shows what the matching itself costs. The learned readers keep the sentences they have
read in a cache: each timed round starts with it empty (a first check of every page); the same
pages checked again (the worker's next run over unchanged profiles) are timed apart.

    python benchmarks/compliance_speed.py [--pages 100] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from page_governor.compliance.checker import check_fields
from page_governor.compliance.evaluation import load_profiles
from page_governor.compliance.policy import load_policy
from page_governor.compliance.statement_model import clear_cache
from page_governor.compliance.text import clean, sentences
from page_governor.config import DEFAULT_CONFIG_DIR

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "compliance_profiles.yaml"


def _pages(n: int) -> list[tuple[dict[str, str], list[str]]]:
    profiles = load_profiles(DATA)
    out = []
    for i in range(n):
        case = profiles[i % len(profiles)]
        fields = {
            k: " ".join(map(str, v)) if isinstance(v, list) else str(v)
            for k, v in (case.get("profile") or {}).items()
        }
        out.append((fields, case["domains"]))
    return out


def _time(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python benchmarks/compliance_speed.py --pages 1000",
    )
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    policy = load_policy(DEFAULT_CONFIG_DIR)
    pages = _pages(args.pages)
    check_fields(*pages[0][:1], policy)  # warm-up (regex caches)

    def run_again() -> None:
        for fields, domains in pages:
            check_fields(fields, policy, official_domains=domains)

    def run_checks() -> None:
        clear_cache()
        run_again()

    def run_baseline() -> None:
        for fields, _ in pages:
            for value in fields.values():
                sentences(clean(value))

    run_again()  # loads the encoder, when a page reaches a reader
    checks = _time(run_checks, args.rounds)
    again = _time(run_again, args.rounds)
    baseline = _time(run_baseline, args.rounds)
    print(f"pages checked: {args.pages} (median of {args.rounds} rounds)")
    print(
        f"compliance check: {checks * 1000:.1f} ms in all, {checks / args.pages * 1000:.3f} ms per page"
    )
    print(f"the same pages checked again (sentences cached): {again * 1000:.1f} ms in all")
    print(
        f"baseline (clean + split only): {baseline * 1000:.1f} ms; check/baseline = {checks / baseline:.1f}x"
    )
    print(
        f"target: 100 pages well under 1 s -> {checks / args.pages * 100:.3f} s per 100 pages "
        f"({1.0 / (checks / args.pages * 100):.0f}x headroom)"
    )
    big = {"description": "Official page. Not monitored 24/7. " * 30_000}
    start = time.perf_counter()
    check_fields(big, policy, official_domains=["x.example"])
    print(
        f"one 1 MB description: {(time.perf_counter() - start) * 1000:.0f} ms (read up to 100,000 characters)"
    )


if __name__ == "__main__":
    main()
