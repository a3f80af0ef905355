"""The worker checks each new post of the page itself against the policy's post rules and
tells the PIO (issue 18, item 2); the command line checks drafts."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from page_governor.alerts.render import notice_message
from page_governor.capture.polling import poll_job
from page_governor.db import schema as t
from tests.fakes.world import FB_PAGE, NOW
from tests.helpers import run_cli


def _post_alerts(app) -> list[dict]:
    with app.db.connect() as conn:
        return [
            dict(p)
            for (p,) in conn.execute(
                select(t.outbox.c.payload).where(t.outbox.c.kind == "post_findings")
            )
        ]


def test_a_new_post_that_breaks_a_rule_reaches_the_pio_with_the_clause(live_app, fake_graph):
    fake_graph.add_post(
        FB_PAGE, f"{FB_PAGE}_777", "Road closed on Elm. Vote yes on Measure B next Tuesday!", NOW
    )
    fake_graph.add_post(FB_PAGE, f"{FB_PAGE}_778", "Coffee with a Cop is Saturday at 10.", NOW)
    assert poll_job(live_app, "spd-fb").ok
    (alert,) = _post_alerts(live_app)
    assert alert["post_id"] == f"{FB_PAGE}_777"
    assert [f["rule"] for f in alert["findings"]] == ["political_endorsement"]
    text = notice_message("post_findings", alert).text
    assert "Vote yes on Measure B next Tuesday!" in text and "ballot measures" in text
    live_app.clock.advance(timedelta(minutes=5))
    assert poll_job(live_app, "spd-fb").ok  # unchanged: no second alert
    assert len(_post_alerts(live_app)) == 1


def test_an_old_post_read_on_a_first_capture_is_archived_without_an_alert(live_app, fake_graph):
    fake_graph.add_post(
        FB_PAGE, f"{FB_PAGE}_779", "Vote yes on Measure B!", NOW - timedelta(days=10)
    )
    assert poll_job(live_app, "spd-fb").ok
    assert _post_alerts(live_app) == []


def test_check_post_prints_one_object_per_draft(cli_env):
    drafts = "\n".join(
        json.dumps(d)
        for d in (
            {"id": 1, "text": "The killer, Brent Hollis, has been charged with murder."},
            {"id": 2, "text": "Snow emergency: no parking on posted routes tonight."},
        )
    )
    done = run_cli("check-post", "-", "--json", env=cli_env, stdin=drafts)
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["id"] == 1 and first["findings"][0]["rule"] == "guilt_before_conviction"
    assert second == {"id": 2, "findings": []}
    bad = run_cli("check-post", "-", env=cli_env, stdin='{"id": 3}')
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
