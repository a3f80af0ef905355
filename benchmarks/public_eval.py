"""The classifier on public labelled data, against better-profanity, on rows never trained on.

    python benchmarks/public_eval.py [--datasets ../shared/datasets]

OLID (tweets): rows in the test buckets 8-9 (see page_governor/moderation/training.py).
  personal attacks against TIN+IND (targeted insult at an individual); "any flag" against OFF.
Jigsaw 10k (Wikipedia talk): test buckets 8-9; obscenity against `obscene`, attacks against
  `insult`, threats against `threat`. The subset is enriched (about 47% toxic against 9.6% in
  the full data), so precision is also given re-weighted to the real prevalence (non-toxic rows
  count more). Clean rows flagged: non-toxic rows with any flag.
SMS Spam Collection and YouTube Spam Collection: test buckets 8-9 (the spam model trains on
  0-6 and chooses its threshold on 7); spam recall and the share of ham flagged as spam.
Davidson et al. 2017 (tweets labelled hate speech / offensive / neither by annotator majority;
  t-davidson/hate-speech-and-offensive-language @cb50f7e, data/labeled_data.csv, MIT): never
  trained on; test buckets 8-9 (``--davidson-buckets tune`` reads 0-7, the part that may be
  looked at). Offensive and hate tweets flagged (any category, and obscenity), and tweets
  labelled neither that were flagged.
ETHOS (Mollas et al. 2022; YouTube and Reddit comments; intelligence-csd-auth-gr/
  Ethos-Hate-Speech-Dataset @705258e, ethos/ethos_data/Ethos_Dataset_Binary.csv sha256 0cd0050c...
  and Ethos_Dataset_Multi_Label.csv sha256 488c72a1..., GPL-3.0; copy them as
  ethos_Binary.csv and ethos_Multi_Label.csv into the datasets folder): never trained on; test
  buckets 8-9 of sha256("ethos:" + comment) (``--ethos-buckets tune`` reads 0-7). Comments
  whose annotators mostly saw an incitement to violence should be flagged; comments mostly not
  seen as hate speech should not (hate speech that is neither a threat nor an attack on a
  person is protected speech, so no expectation is set for it).
HateCheck (Röttger et al., ACL 2021; functional tests of hate speech detection written from
  templates; paul-rottger/hatecheck-data @d843022, test_suite_cases.csv sha256 ecf0dc1e...,
  CC BY 4.0; copy it as hatecheck_test_suite_cases.csv into the datasets folder): never trained
  on; test buckets 8-9 of sha256("hatecheck:" + template), where a case's template is the one
  it was derived from (so a test case's re-spellings are test cases too); ``--hatecheck-buckets
  tune`` reads 0-7. Direct and normative threats against a group ("I want to kill all ...",
  "... should all be killed") should be flagged as threats; no non-hateful case is a threat,
  and neutral or positive statements about a group, negated hate and dislike of objects should
  not be flagged at all. Hate that is neither a threat nor an attack on a person is protected
  speech: no expectation is set for it, as for ETHOS.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Callable
from pathlib import Path

from better_profanity import profanity

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.training import (
    DEFAULT_DATASETS,
    HATECHECK_THREATS,
    TEST_BUCKETS,
    load_ethos,
    load_hatecheck,
    load_jigsaw,
    load_olid,
    load_sms,
    load_youtube,
    split,
)

REAL_TOXIC_RATE = 0.096


def prf(
    pred: list[bool], gold: list[bool], weights: list[float] | None = None
) -> tuple[float, float, float, float]:
    weights = weights or [1.0] * len(gold)
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    wfp = sum(w for p, g, w in zip(pred, gold, weights, strict=True) if p and not g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    reweighted = tp / (tp + wfp) if tp + wfp else 0.0
    return precision, recall, f1, reweighted


def load_davidson(path: Path) -> list[dict[str, object]]:
    """Davidson's tweets: ``label`` hate, offensive or neither (the annotators' majority)."""
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    with path.open(encoding="utf-8") as handle:
        return [
            {"id": f"davidson:{row['']}", "text": row["tweet"], "label": names[row["class"]]}
            for row in csv.DictReader(handle)
        ]


def davidson(path: Path, classifier: Classifier, buckets: tuple[int, ...]) -> None:
    rows = split(load_davidson(path), buckets)
    results = [classifier.classify(str(r["text"])) for r in rows]
    print(f"\nDavidson tweets, buckets {','.join(map(str, buckets))}: {len(rows)}")
    for label in ("hate", "offensive", "neither"):
        mine = [x for x, r in zip(results, rows, strict=True) if r["label"] == label]
        flagged = sum(x.flagged for x in mine)
        obscene = sum(Category.OBSCENITY in x.categories for x in mine)
        print(
            f"  {label:10} {len(mine):6,} tweets: flagged {flagged / len(mine):.3f}, "
            f"as obscenity {obscene / len(mine):.3f}"
        )


def ethos(folder: Path, classifier: Classifier, buckets: tuple[int, ...]) -> None:
    rows = split(load_ethos(folder), buckets)
    results = [classifier.classify(str(r["text"])) for r in rows]
    print(f"\nETHOS comments, buckets {','.join(map(str, buckets))}: {len(rows)}")
    groups = {
        "violent": lambda r: r["violence"] >= 0.5,
        "hate, not violent": lambda r: r["hate"] >= 0.5 and r["violence"] < 0.5,
        "not hate": lambda r: r["hate"] < 0.5,
    }
    for name, member in groups.items():
        mine = [x for x, r in zip(results, rows, strict=True) if member(r)]
        if not mine:
            continue
        flagged = sum(x.flagged for x in mine)
        threat = sum(Category.THREAT in x.categories for x in mine)
        beyond_obscenity = sum(bool(set(x.categories) - {Category.OBSCENITY}) for x in mine)
        print(
            f"  {name:18} {len(mine):4} comments: flagged {flagged / len(mine):.3f} "
            f"({flagged}), as threat {threat / len(mine):.3f} ({threat}), "
            f"other than obscenity {beyond_obscenity / len(mine):.3f} ({beyond_obscenity})"
        )


HATECHECK_CLEAN = ("ident_neutral_nh", "ident_pos_nh", "negate_neg_nh", "target_obj_nh")


def hatecheck(path: Path, classifier: Classifier, buckets: tuple[int, ...]) -> None:
    rows = split(load_hatecheck(path), buckets)
    results = [classifier.classify(r["text"]) for r in rows]
    print(f"\nHateCheck cases, buckets {','.join(map(str, buckets))}: {len(rows)}")

    def share(pred: list[bool]) -> str:
        return f"{sum(pred) / len(pred):.3f} ({sum(pred)}/{len(pred)})" if pred else "-"

    pairs = list(zip(results, rows, strict=True))
    threats = [x for x, r in pairs if r["functionality"] in HATECHECK_THREATS]
    print(
        f"  threats against a group flagged as threat: {share([Category.THREAT in x.categories for x in threats])}"
    )
    print(f"  threats against a group flagged at all:    {share([x.flagged for x in threats])}")
    benign = [x for x, r in pairs if r["hateful"] == "non-hateful"]
    print(
        f"  non-hateful cases flagged as threat:       {share([Category.THREAT in x.categories for x in benign])}"
    )
    # target_indiv_nh and target_group_nh hold threats too ("I want to kill him"): they are
    # non-hateful only because no protected group is named
    harmless = [
        x
        for x, r in pairs
        if r["hateful"] == "non-hateful"
        and r["functionality"] not in ("target_indiv_nh", "target_group_nh")
    ]
    print(
        "  non-hateful cases that threaten no one, flagged as threat: "
        f"{share([Category.THREAT in x.categories for x in harmless])}"
    )
    clean = [x for x, r in pairs if r["functionality"] in HATECHECK_CLEAN]
    print(f"  neutral, positive, negated, objects flagged: {share([x.flagged for x in clean])}")
    for name in ("target_indiv_nh", "target_group_nh", "counter_quote_nh", "counter_ref_nh"):
        mine = [x for x, r in pairs if r["functionality"] == name]
        print(
            f"  {name:18} flagged {share([x.flagged for x in mine])}, as attack "
            f"{share([Category.PERSONAL_ATTACK in x.categories for x in mine])}"
        )


def run(texts: list[str], fn: Callable[[str], object]) -> tuple[list[object], float]:
    start = time.perf_counter()
    out = [fn(t) for t in texts]
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog="example: python benchmarks/public_eval.py"
    )
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    for name, owner, what in (
        ("davidson", "Davidson's", "the Davidson tweets"),
        ("ethos", "ETHOS's", "ETHOS"),
        ("hatecheck", "HateCheck's", "HateCheck"),
    ):
        parser.add_argument(
            f"--{name}-buckets",
            choices=("test", "tune"),
            default="test",
            help=f"{owner} held-out buckets 8-9 (default) or 0-7",
        )
        parser.add_argument(f"--only-{name}", action="store_true", help=f"read {what} and stop")
    args = parser.parse_args()
    profanity.load_censor_words()
    full = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    rules = Classifier.from_config_dir(DEFAULT_CONFIG_DIR, use_model=False)
    davidson_path = args.datasets / "davidson_labeled_data.csv"
    davidson_buckets = TEST_BUCKETS if args.davidson_buckets == "test" else tuple(range(8))
    ethos_buckets = TEST_BUCKETS if args.ethos_buckets == "test" else tuple(range(8))
    if args.only_davidson:
        davidson(davidson_path, full, davidson_buckets)
        return
    hatecheck_path = args.datasets / "hatecheck_test_suite_cases.csv"
    hatecheck_buckets = TEST_BUCKETS if args.hatecheck_buckets == "test" else tuple(range(8))
    if args.only_ethos:
        ethos(args.datasets, full, ethos_buckets)
        return
    if args.only_hatecheck:
        hatecheck(hatecheck_path, full, hatecheck_buckets)
        return

    olid = split(load_olid(args.datasets / "olid_training_v1.0.tsv"), TEST_BUCKETS)
    texts = [r["tweet"] if "tweet" in r else r["text"] for r in olid]
    bp, bp_time = run(texts, profanity.contains_profanity)
    ours, our_time = run(texts, full.classify)
    ours_rules, _ = run(texts, rules.classify)
    tin_ind = [r["tin_ind"] for r in olid]
    off = [r["offensive"] for r in olid]
    print(f"OLID test buckets: {len(olid)} tweets ({sum(tin_ind)} TIN+IND, {sum(off)} OFF)")
    print(f"  {'system':44} {'precision':>9} {'recall':>7} {'F1':>6}")
    rows = [
        ("better-profanity contains_profanity vs TIN+IND", prf([bool(x) for x in bp], tin_ind)),
        (
            "page_governor personal_attack vs TIN+IND",
            prf([Category.PERSONAL_ATTACK in x.categories for x in ours], tin_ind),
        ),
        (
            "  rules only (model off)",
            prf([Category.PERSONAL_ATTACK in x.categories for x in ours_rules], tin_ind),
        ),
        (
            "page_governor attack or obscenity vs TIN+IND",
            prf(
                [
                    bool({Category.PERSONAL_ATTACK, Category.OBSCENITY} & set(x.categories))
                    for x in ours
                ],
                tin_ind,
            ),
        ),
        ("better-profanity vs OFF", prf([bool(x) for x in bp], off)),
        ("page_governor any flag vs OFF", prf([x.flagged for x in ours], off)),
    ]
    for name, (p, r, f, _) in rows:
        print(f"  {name:44} {p:9.3f} {r:7.3f} {f:6.3f}")
    print(
        f"  speed on these tweets: better-profanity {len(texts) / bp_time:,.0f}/s, "
        f"page_governor {len(texts) / our_time:,.0f}/s"
    )

    jig = split(load_jigsaw(args.datasets / "jigsaw_toxic_train_10k.csv"), TEST_BUCKETS)
    texts = [r["text"] for r in jig]
    toxic_rate = sum(r["toxic"] for r in jig) / len(jig)
    weight = ((1 - REAL_TOXIC_RATE) / REAL_TOXIC_RATE) / ((1 - toxic_rate) / toxic_rate)
    weights = [1.0 if r["toxic"] else weight for r in jig]
    bp, _ = run(texts, profanity.contains_profanity)
    ours, _ = run(texts, full.classify)
    print(
        f"\nJigsaw test buckets: {len(jig)} comments ({toxic_rate:.0%} toxic; non-toxic rows "
        f"weigh {weight:.1f}x in the re-weighted precision)"
    )
    print(f"  {'system':44} {'precision':>9} {'recall':>7} {'F1':>6} {'prec@9.6%':>10}")
    obscene = [r["obscene"] for r in jig]
    insult = [r["attack"] for r in jig]
    for name, pred, gold in (
        ("better-profanity vs obscene", [bool(x) for x in bp], obscene),
        (
            "page_governor obscenity vs obscene",
            [Category.OBSCENITY in x.categories for x in ours],
            obscene,
        ),
        ("better-profanity vs insult", [bool(x) for x in bp], insult),
        (
            "page_governor personal_attack vs insult",
            [Category.PERSONAL_ATTACK in x.categories for x in ours],
            insult,
        ),
    ):
        p, r, f, rw = prf(pred, gold, weights)
        print(f"  {name:44} {p:9.3f} {r:7.3f} {f:6.3f} {rw:10.3f}")
    threat = [r["threat"] for r in jig]
    p, r, f, rw = prf([Category.THREAT in x.categories for x in ours], threat, weights)
    print(f"  {'page_governor threat vs threat':44} {p:9.3f} {r:7.3f} {f:6.3f} {rw:10.3f}")
    clean = [x.flagged for x, row in zip(ours, jig, strict=True) if not row["toxic"]]
    print(
        f"  non-toxic rows flagged (any category): {sum(clean)}/{len(clean)} = {sum(clean) / len(clean):.3f}"
    )

    print("\nSpam collections, test buckets")
    for name, rows in (
        ("SMS", split(load_sms(args.datasets / "sms_spam_collection.tsv"), TEST_BUCKETS)),
        (
            "YouTube",
            split(load_youtube(args.datasets / "youtube_spam_collection.csv"), TEST_BUCKETS),
        ),
    ):
        results = [full.classify(r["text"]) for r in rows]
        spam_rows = [
            Category.SPAM in x.categories for x, r in zip(results, rows, strict=True) if r["spam"]
        ]
        ham_rows = [
            Category.SPAM in x.categories
            for x, r in zip(results, rows, strict=True)
            if not r["spam"]
        ]
        print(
            f"  {name:8} spam recall {sum(spam_rows) / len(spam_rows):.3f} ({sum(spam_rows)}/{len(spam_rows)}), "
            f"ham flagged as spam {sum(ham_rows) / len(ham_rows):.3f} ({sum(ham_rows)}/{len(ham_rows)})"
        )
    if davidson_path.is_file():
        davidson(davidson_path, full, davidson_buckets)
    if (args.datasets / "ethos_Binary.csv").is_file():
        ethos(args.datasets, full, ethos_buckets)
    if hatecheck_path.is_file():
        hatecheck(hatecheck_path, full, hatecheck_buckets)


if __name__ == "__main__":
    main()
