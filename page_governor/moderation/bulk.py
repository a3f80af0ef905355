"""Classifying many comments at once (``page-governor classify`` on an exported archive):
the same classifier, spread over the machine's cores for large inputs, results in input order.

Workers are forked after the classifier is built, so each shares its lexicon and models
copy-on-write instead of loading them again; a chunk of comments travels to a worker and its
JSON-ready results travel back.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from typing import Any

from page_governor.moderation.classifier import Classifier
from page_governor.moderation.detectors import Context

CHUNK = 1_000  # comments per task: large enough that shipping them costs little
MIN_PARALLEL = 4 * CHUNK  # below this, start-up of the workers costs more than it saves
CONTEXTS = {
    False: Context(top_level_on_agency_page=True),
    True: Context(is_reply_to_commenter=True),
}

Row = tuple[Any, str, bool, str]  # (id, text, reply, text of the post it answers)
_WORKER_CLASSIFIER: Classifier | None = None


def default_jobs(count: int) -> int:
    """Workers for ``count`` comments: one per core (at most 8) for large inputs, else one."""
    if count < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(8, os.cpu_count() or 1))


def classify_rows(classifier: Classifier, rows: Sequence[Row]) -> Iterator[dict[str, Any]]:
    """``Classification.as_json`` of every row, in order (one process: for tables)."""
    for item_id, text, reply, post in rows:
        yield classifier.classify(text, _context(reply, post)).as_json(item_id)


def _context(reply: bool, post: str) -> Context:
    if not post:
        return CONTEXTS[reply]
    # With the post given, off-topic comments are judged too (as on a page whose policy names
    # them): the caller asked for the comment to be read against its post.
    return Context(
        is_reply_to_commenter=reply,
        top_level_on_agency_page=not reply,
        post_text=post,
        off_topic_rule=True,
    )


def classify_json_lines(
    classifier: Classifier, rows: Sequence[Row], jobs: int = 1
) -> Iterator[str]:
    """One JSON document per row, in order; ``jobs`` worker processes for large inputs (each
    worker also encodes its results, so the parent only writes)."""
    if (
        jobs <= 1
        or len(rows) < MIN_PARALLEL
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        for item_id, text, reply, post in rows:
            yield _dumps(classifier.classify(text, _context(reply, post)).as_json(item_id))
        return
    global _WORKER_CLASSIFIER
    _WORKER_CLASSIFIER = classifier  # inherited by the forked workers
    gc.freeze()  # the workers' collections skip what they inherit, so its pages stay shared
    chunks = [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_classify_chunk, chunks)
    finally:
        _WORKER_CLASSIFIER = None
        gc.unfreeze()


def _dumps(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False)


def _classify_chunk(rows: Sequence[Row]) -> str:
    """A chunk's results as one block of JSON lines (one string pickles faster than dicts)."""
    classifier = _WORKER_CLASSIFIER
    assert classifier is not None  # set before the pool forked
    return "\n".join(
        _dumps(classifier.classify(text, _context(reply, post)).as_json(item_id))
        for item_id, text, reply, post in rows
    )
