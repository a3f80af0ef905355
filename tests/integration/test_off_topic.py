"""Off-topic comments are flagged only on pages whose published policy names them, judged
against the post they answer (issue 18, item 1)."""

from __future__ import annotations

import json

from sqlalchemy import select

from page_governor.capture.polling import poll_job
from page_governor.db import schema as t
from tests.fakes.world import FB_PAGE, NOW
from tests.helpers import run_cli

CHAIN = "Copy and paste this to your wall or Facebook will start charging you next month!"
CRITIC = "Road works again? This city wastes money and the mayor should resign."


def _flags(app) -> dict[str, list[str]]:
    with app.db.connect() as conn:
        rows = conn.execute(
            select(t.archive_items.c.platform_item_id, t.flags.c.categories).join(
                t.archive_items, t.archive_items.c.id == t.flags.c.item_id
            )
        ).all()
    return {item: list(categories) for item, categories in rows}


def test_a_page_whose_policy_names_off_topic_comments_gets_them_flagged(live_app, fake_graph):
    fake_graph.profiles[FB_PAGE]["about"] = (
        "Official page of the Springfield Police Department. Comments that are off-topic, "
        "obscene or threatening may be removed."
    )
    post = f"{FB_PAGE}_111"
    fake_graph.add_comment(post, "111_9101", CHAIN, NOW)
    fake_graph.add_comment(post, "111_9102", CRITIC, NOW)
    assert poll_job(live_app, "spd-fb").ok
    flags = _flags(live_app)
    assert flags.get("111_9101") == ["off_topic"]
    assert "111_9102" not in flags  # criticism of the post's subject is on topic


def test_without_an_off_topic_clause_nothing_is_flagged_off_topic(live_app, fake_graph):
    fake_graph.add_comment(f"{FB_PAGE}_111", "111_9103", CHAIN, NOW)
    assert poll_job(live_app, "spd-fb").ok
    assert "off_topic" not in _flags(live_app).get("111_9103", [])


def test_classify_judges_off_topic_when_the_post_is_given(cli_env):
    rows = [
        {"id": 1, "text": CHAIN, "post": "Road works on Main St this week."},
        {"id": 2, "text": CHAIN},
        {"id": 3, "text": CRITIC, "post": "Road works on Main St this week."},
    ]
    done = run_cli(
        "classify", "-", "--json", env=cli_env, stdin="\n".join(json.dumps(r) for r in rows)
    )
    assert done.returncode == 0, done.stderr
    first, second, third = (json.loads(line) for line in done.stdout.splitlines())
    assert first["categories"] == ["off_topic"] and first["evidence"]
    assert "off_topic" not in second["categories"] and "off_topic" not in third["categories"]
