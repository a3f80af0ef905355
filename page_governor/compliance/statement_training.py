"""Train the compliance check's learned reader (``models/<element>.json``; see
:mod:`statement_model`).

    python -m page_governor.compliance.statement_training --element purpose_statement

Reads the team's compliance tuning sets only (the dev split of ``compliance_profiles.yaml``,
every ``compliance_dev_*.yaml`` and the single sentences of ``compliance_statements_dev.yaml``;
frozen splits and hold-outs are never read). Only readings the reader may be asked about are
used (``checker.model_may_read``: for a purpose, a sentence naming something the page carries).
Each profile's readings are labelled by the policy's patterns and the profile's label: a
reading the patterns take as the statement, on a profile that carries it, is a positive; every
other reading is a negative (a profile that carries the element may say it twice, once in words
the patterns miss: that noise makes the head stricter, not looser). The single sentences carry
their own labels and count ``STATEMENT_WEIGHT`` times.

C and the threshold are chosen together with each tuning set (the single sentences a fifth at a
time) left out of the training in turn:
the most left-out profiles and sentences carrying the element that the head alone finds, among
the settings under which no left-out profile or sentence without it passes. The head is then
fitted on every set.

Reproducible: the encoder is deterministic, liblinear runs with a fixed seed, weights are
stored to 7 decimals. Embedding the 1,100 readings takes about a minute.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from page_governor.compliance.checker import check_fields, model_may_read, read_fields
from page_governor.compliance.evaluation import CODES, _fields, load_profiles
from page_governor.compliance.policy import ELEMENT_IDS, Policy, load_policy
from page_governor.compliance.statement_model import MAX_READINGS, MODELS_DIR, statement_fields

TEAM_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# each element's single-sentence tuning set and the key that labels a sentence in it
SENTENCE_SETS = {
    "purpose_statement": ("compliance_statements_dev.yaml", "purpose"),
    "maintained_by_agency": ("compliance_keepers_dev.yaml", "maintained"),
    "not_monitored_247": ("compliance_unwatched_dev.yaml", "unwatched"),
}
SENTENCES = "sentences:"  # how a single sentence's key begins
C_VALUES = (1.0, 3.0)
# a labelled sentence counts for this many readings labelled by the patterns (its label is
# written for the sentence, where a reading's comes from its profile)
STATEMENT_WEIGHT = 3.0
STATEMENT_FOLDS = 5
THRESHOLDS = tuple(t / 100 for t in range(50, 100, 5))
ELEMENT_CODES = {element: code for code, element in CODES.items()}
# the elements the policy reads with patterns (the other two are read by their own matchers)
PATTERN_ELEMENTS = tuple(
    e for e in ELEMENT_IDS if e not in ("contact_info", "official_website_link")
)


def tuning_sets(data: Path = TEAM_DATA) -> dict[str, list[dict[str, Any]]]:
    """Every compliance tuning set by file name: the dev split of the team set and each
    ``compliance_dev_*.yaml``."""
    team = data / "compliance_profiles.yaml"
    sets = {team.name: [p for p in load_profiles(team) if p.get("split") == "dev"]}
    for path in sorted(data.glob("compliance_dev_*.yaml")):
        sets[path.name] = load_profiles(path)  # every profile of a tuning set is for tuning
    return sets


def _without_models(policy: Policy) -> Policy:
    return replace(
        policy, elements=tuple(replace(r, model_threshold=None) for r in policy.elements)
    )


def labelled_readings(
    element: str, sets: dict[str, list[dict[str, Any]]], policy: Policy
) -> tuple[list[dict[str, Any]], dict[str, bool]]:
    """One row per reading the head would be asked about (set, profile, text, label), and
    every profile the head would be asked about ("set:id" -> whether it carries the element):
    not one that disowns the agency ("not operated by the … Police Department") or that the
    element's own rules contradict ("monitored 24/7"), though it may have no reading the head
    may read."""
    rule = policy.element(element)
    plain = _without_models(policy)
    code = ELEMENT_CODES[element]
    rows: list[dict[str, Any]] = []
    profiles: dict[str, bool] = {}
    for set_name, entries in sets.items():
        for profile in entries:
            fields = _fields(profile.get("profile"))
            report = check_fields(fields, plain, official_domains=profile.get("domains", ()))
            if any(
                report.elements[e].reason.startswith("contradicted")
                for e in (element, "maintained_by_agency")
            ):
                continue  # the checker never asks the reader here
            carries = code in profile.get("pass", "")
            profiles[f"{set_name}:{profile['id']}"] = carries
            seen: set[str] = set()
            for reading in read_fields(fields):
                if (
                    not statement_fields(reading.source)
                    or reading.text in seen
                    or not model_may_read(rule, reading)
                    or len(seen) >= MAX_READINGS
                ):
                    continue
                seen.add(reading.text)
                fires = any(p.search(reading.text) for p in rule.patterns)
                rows.append(
                    {
                        "set": set_name,
                        "profile": profile["id"],
                        "text": reading.text,
                        "label": carries and fires,
                    }
                )
    return rows, profiles


def labelled_statements(
    element: str, policy: Policy, data: Path = TEAM_DATA
) -> tuple[list[dict[str, Any]], dict[str, bool], str | None]:
    """The element's single-sentence tuning set (``SENTENCE_SETS``) as :func:`labelled_readings`
    gives the profiles: each sentence a profile of its own, read as a profile's description
    would be; and the set's file name (None when the element has none)."""
    if element not in SENTENCE_SETS or not (data / SENTENCE_SETS[element][0]).is_file():
        return [], {}, None
    name, key = SENTENCE_SETS[element]
    rule = policy.element(element)
    items = yaml.safe_load((data / name).read_text(encoding="utf-8"))["statements"]
    rows: list[dict[str, Any]] = []
    profiles: dict[str, bool] = {}
    for i, item in enumerate(items):
        text, carries = str(item["text"]), bool(item[key])
        profiles[f"{SENTENCES}{name}:s{i}"] = carries
        readings = read_fields({"description": text})
        if any(model_may_read(rule, r) for r in readings):
            rows.append(
                {
                    "set": f"{SENTENCES}{name}",
                    "fold": f"{SENTENCES}{name}#{i % STATEMENT_FOLDS}",
                    "profile": f"s{i}",
                    "text": text,
                    "label": carries,
                }
            )
    return rows, profiles, name


def _fitter(embedded: Any, labels: Any, weights: Any) -> Callable[[Any, float], Any]:
    from sklearn.linear_model import LogisticRegression

    def fit(mask: Any, c: float) -> Any:
        model = LogisticRegression(
            C=c, max_iter=5000, solver="liblinear", random_state=0, class_weight="balanced"
        )
        return model.fit(embedded[mask], labels[mask], sample_weight=weights[mask])

    return fit


def _counts(
    top: dict[str, float], carries: dict[str, bool], t: float
) -> tuple[tuple[int, int], ...]:
    """(found, of) for profiles with the element, (passed, of) for profiles without it, then the
    same two for the single sentences."""
    out = []
    for sentences in (False, True):
        for wanted in (True, False):
            scores = [
                top[k] for k in top if carries[k] is wanted and k.startswith(SENTENCES) is sentences
            ]
            out.append((sum(p >= t for p in scores), len(scores)))
    return tuple(out)


def train_statement_model(element: str, out: Path, data: Path = TEAM_DATA) -> dict[str, Any]:
    import numpy as np

    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.moderation.encoder import HIDDEN, MAX_TOKENS
    from page_governor.moderation.encoder_training import embed
    from page_governor.moderation.training import file_digest, write_artifact

    policy = load_policy(DEFAULT_CONFIG_DIR)
    sets = tuning_sets(data)
    rows, profiles = labelled_readings(element, sets, policy)
    sentence_rows, sentences, sentence_file = labelled_statements(element, policy, data)
    rows += sentence_rows
    profiles.update(sentences)
    names = [*sets, sentence_file] if sentence_file else list(sets)
    unique = sorted({r["text"] for r in rows})
    index = {text: i for i, text in enumerate(unique)}
    vectors = embed(unique, every=200)
    embedded = vectors[[index[r["text"]] for r in rows]]
    labels = np.array([r["label"] for r in rows])
    # the single sentences are left out a fifth at a time (the head is then trained on the
    # other four fifths, as the shipped head is on all of them); each profile set as a whole
    fold_of = np.array([r.get("fold", r["set"]) for r in rows])
    weights = np.array([STATEMENT_WEIGHT if r["set"].startswith(SENTENCES) else 1.0 for r in rows])
    fit = _fitter(embedded, labels, weights)

    best: tuple[int, float, float, dict[str, str]] | None = None
    for c in C_VALUES:
        left_out = np.zeros(len(rows))
        for name in sorted(set(fold_of)):
            held = fold_of == name
            left_out[held] = fit(~held, c).predict_proba(embedded[held])[:, 1]
        top = dict.fromkeys(profiles, 0.0)  # a profile with nothing the head may read: 0
        for row, p in zip(rows, left_out, strict=True):
            key = f"{row['set']}:{row['profile']}"
            top[key] = max(top[key], float(p))
        for t in THRESHOLDS:
            counts = _counts(top, profiles, t)
            (p_found, p_with), (p_passed, _), (s_found, s_with), (s_passed, s_without) = counts
            print(f"  C={c} t={t}: {counts}", file=sys.stderr)
            if p_passed or s_passed:
                continue
            if best is None or p_found + s_found > best[0]:
                reading = {
                    "left_out_profiles_with_it_found_by_the_head_alone": f"{p_found}/{p_with}",
                    "left_out_profiles_without_it_passed": f"0/{counts[1][1]}",
                    "left_out_sentences_with_it_found": f"{s_found}/{s_with}",
                    "left_out_sentences_without_it_passed": f"{s_passed}/{s_without}",
                }
                best = (p_found + s_found, c, t, reading)
        print(f"C={c}: best so far {best[:3] if best else None}", file=sys.stderr)
    if best is None:
        raise RuntimeError("no setting keeps every left-out profile without the element failing")
    _, c, threshold, reading = best
    model = fit(np.ones(len(rows), dtype=bool), c)
    artifact = {
        "kind": "statement_model",
        "element": element,
        "weights": [round(float(w), 7) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 7),
        "threshold": threshold,
        "training": {
            "encoder": "moderation/models/minilm_l6.json",
            "dimensions": HIDDEN,
            "max_tokens": MAX_TOKENS,
            "policy_digest": policy.digest,
            "files": {name: {"sha256": file_digest(data / name)} for name in names},
            "rows": {"readings": len(rows), "positive": int(labels.sum())},
            "C": c,
            "rule": "most left-out profiles and sentences carrying the element found by the head "
            "alone, no left-out profile or sentence without it passed",
            "reading": reading,
        },
    }
    write_artifact(out, artifact)
    return artifact


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Train the compliance check's learned reader for one element.",
        epilog="example: python -m page_governor.compliance.statement_training "
        "--element purpose_statement",
    )
    parser.add_argument("--element", choices=PATTERN_ELEMENTS, default="purpose_statement")
    parser.add_argument("--out", type=Path, help="where to write (default: the packaged head)")
    args = parser.parse_args()
    if not (TEAM_DATA / "compliance_profiles.yaml").is_file():
        sys.exit(f"error: the team's tuning sets are not at {TEAM_DATA} (run from a checkout)")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit('error: training needs scikit-learn: python -m pip install -e ".[train]"')
    out = args.out or MODELS_DIR / f"{args.element}.json"
    try:
        artifact = train_statement_model(args.element, out)
    except (RuntimeError, ValueError, OSError) as exc:  # one class only, no setting, no disk
        sys.exit(f"error: cannot train a reader for {args.element}: {exc}")
    training = artifact["training"]
    print(
        f"wrote {out}: C={training['C']}, threshold={artifact['threshold']}, "
        f"left-out reading {training['reading']}"
    )


if __name__ == "__main__":
    main()
