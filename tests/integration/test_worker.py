"""The worker end to end: fake Facebook → capture and classification → alert at the fake
Telegram → a PIO's button press → hidden on the fake Facebook, with the audit log and the
archive showing who, when and why. Telegram outages, role refusals, commands, several workers
on one database, SIGTERM and SIGKILL."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, datetime
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from page_governor.app import App
from page_governor.db import schema as t
from tests.fakes.server import Fault
from tests.fakes.workerharness import (
    ATTACK,
    CLERK,
    NEIGHBOUR,
    PIO,
    PIO_CHAT,
    POST,
    STRANGER,
    ThreadedWorker,
    build_page,
    fb_page_spec,
    register,
    settings_for,
    start_subprocess,
    wait_for,
    write_config,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def worker_app(tmp_path, migrated_url, fake_graph, fake_telegram, monkeypatch):
    monkeypatch.setenv("SPD_FB_TOKEN", "EAAG-worker-test-token")
    build_page(fake_graph)
    config = write_config(tmp_path / "config", pages=[fb_page_spec()])
    settings = settings_for(migrated_url, config, tmp_path / "data", fake_graph, fake_telegram)
    application = App(settings)
    register(application)
    yield application
    application.close()


def _alerts_containing(telegram, words: str) -> list[dict]:
    with telegram.lock:
        return [m for m in telegram.sent if words in m.get("text", "")]


def _count(app: App, table, *where) -> int:
    with app.db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def _audit(app: App, action: str) -> list[dict]:
    with app.db.connect() as conn:
        rows = conn.execute(select(t.audit_log).where(t.audit_log.c.action == action)).mappings()
        return [dict(r) for r in rows]


def test_a_flagged_comment_is_alerted_and_a_pio_hides_it_with_a_button(
    worker_app, fake_graph, fake_telegram
):
    with ThreadedWorker(worker_app):
        wait_for(lambda: fake_graph.calls("/comments"), what="the first poll")
        fake_graph.add_comment(
            POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
        )
        alert = wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))[0]
        buttons = [b["text"] for row in alert["reply_markup"]["inline_keyboard"] for b in row]
        assert buttons == ["Keep", "Hide", "Escalate", "Not a violation"]
        assert alert["parse_mode"] == "HTML"
        assert "aimed at a private person" in alert["text"]
        assert "Road works on Main St" in alert["text"]  # the post it answers

        fake_telegram.press(alert, "Hide", PIO)
        wait_for(lambda: fake_graph.find_comment("111_9100").get("is_hidden"), what="the hide")
        edit = wait_for(lambda: [e for e in fake_telegram.edits if "Hidden by" in e["text"]])[0]
        assert "Jane Park (PIO)" in edit["text"]
        assert not (edit.get("reply_markup") or {}).get("inline_keyboard")
        answer = wait_for(lambda: fake_telegram.answers)[0]
        assert "Hidden on the platform" in answer["text"]

    decided = _audit(worker_app, "review.hide")
    assert len(decided) == 1
    assert decided[0]["actor"] == "Jane Park (PIO) (telegram:9001)"
    details = json.loads(decided[0]["details"])
    assert details["comment_id"] == "111_9100"
    assert "personal attacks" in details["policy_clause"]
    assert details["platform_result"]["answer"] == {"success": True}
    with worker_app.db.connect() as conn:
        states = conn.execute(
            select(t.archive_versions.c.state)
            .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
            .where(t.archive_items.c.platform_item_id == "111_9100")
            .order_by(t.archive_versions.c.version_no)
        ).scalars()
        assert list(states) == ["live", "hidden"]


def test_a_press_by_someone_without_a_role_changes_nothing_and_is_audited(
    worker_app, fake_graph, fake_telegram
):
    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app):
        alert = wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))[0]
        fake_telegram.press(alert, "Hide", STRANGER)
        answer = wait_for(lambda: fake_telegram.answers)[0]
        fake_telegram.press(alert, "Keep", CLERK)  # a role, but not one that decides
        wait_for(lambda: len(fake_telegram.answers) == 2)
    assert "no role" in answer["text"]
    assert "not part of your role" in fake_telegram.answers[1]["text"]
    assert not fake_graph.find_comment("111_9100").get("is_hidden")
    assert not fake_telegram.edits
    assert _count(worker_app, t.review_decisions) == 0
    refused = _audit(worker_app, "telegram.refused")
    assert [r["actor"] for r in refused] == [
        "Mallory @mallory (telegram:6666)",
        "Sam @sam_records (telegram:9003)",
    ]


def test_alerts_queued_while_telegram_is_down_are_all_delivered_once_it_returns(
    worker_app, fake_graph, fake_telegram
):
    with ThreadedWorker(worker_app):
        wait_for(lambda: fake_telegram.calls("/getUpdates"), what="the bot to run")
        fake_telegram.down = True
        for n in range(3):
            fake_graph.add_comment(
                POST,
                f"111_93{n}",
                f"{ATTACK} ({n})",
                datetime.now(UTC),
                author=("77", "Al"),
                parent=NEIGHBOUR,
            )
        wait_for(lambda: _count(worker_app, t.outbox, t.outbox.c.kind == "flag") == 3, timeout=30)
        wait_for(
            lambda: _count(worker_app, t.outbox, t.outbox.c.attempts > 0) >= 1,
            what="failed attempts while Telegram is down",
        )
        assert not fake_telegram.sent
        fake_telegram.down = False
        wait_for(lambda: _count(worker_app, t.outbox, t.outbox.c.status == "sent") >= 3, timeout=40)
        time.sleep(1.5)  # anything sent twice would have arrived by now
    texts = [m["text"] for m in fake_telegram.sent]
    for n in range(3):
        assert sum(f"({n})" in text for text in texts) == 1


def test_flood_limit_answers_are_waited_out_and_nothing_is_lost(
    worker_app, fake_graph, fake_telegram
):
    fake_telegram.flood_wait = 2
    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app):
        started = time.monotonic()
        wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"), timeout=30)
        assert time.monotonic() - started >= 1.9
    with worker_app.db.connect() as conn:
        row = conn.execute(select(t.outbox).where(t.outbox.c.kind == "flag")).mappings().one()
    assert row["attempts"] == 1 and "flood control" in row["last_error"].lower()


def test_roles_commands_answer_their_people_and_refuse_the_rest(
    worker_app, fake_graph, fake_telegram
):
    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app):
        wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))
        fake_telegram.command(PIO_CHAT, "/queue", PIO)
        queue = wait_for(lambda: _alerts_containing(fake_telegram, "waiting for review"))[0]
        fake_telegram.command(CLERK[0], "/search pathetic", CLERK)
        found = wait_for(lambda: _alerts_containing(fake_telegram, "match “pathetic”"))[0]
        fake_telegram.command(STRANGER[0], "/search pathetic", STRANGER)
        refusal = wait_for(lambda: _alerts_containing(fake_telegram, "no role in page_governor"))
        fake_telegram.command(PIO[0], "/whoami", PIO)
        whoami = wait_for(lambda: _alerts_containing(fake_telegram, "You are Jane Park"))[0]
        fake_telegram.command(CLERK[0], "/export pathetic", CLERK)
        wait_for(lambda: fake_telegram.documents, timeout=30)
        fake_telegram.command(PIO_CHAT, "/compliance spd-fb", PIO)
        compliance = wait_for(
            lambda: _alerts_containing(fake_telegram, "required elements"), timeout=30
        )[0]
    assert "spd-fb" in queue["text"] and "/review" in queue["text"]
    assert "pathetic idiot" in found["text"]
    assert int(refusal[0]["chat_id"]) == STRANGER[0]
    assert "pio" in whoami["text"]
    # the worker checked the page at start; each missing element comes with the text to add
    assert "spd-fb" in compliance["text"] and "❌" in compliance["text"]
    assert "Fix:" in compliance["text"]
    document = fake_telegram.documents[0]
    assert document["document"]["content"][:2] == b"PK"  # a zip
    exported = _audit(worker_app, "archive.export")
    assert exported[0]["actor"] == "Sam Lee (Records) (telegram:9003)"
    assert [r["subject_id"] for r in _audit(worker_app, "telegram.refused")] == ["/search"]


def test_a_decision_made_on_the_command_line_updates_the_telegram_message(
    worker_app, fake_graph, fake_telegram
):
    from page_governor.models import Decision
    from page_governor.moderation.review import record_decision

    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app) as running:
        wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))
        with worker_app.db.connect() as conn:
            item_id = conn.execute(select(t.review_items.c.id)).scalar_one()
        record_decision(
            worker_app.db,
            item_id=item_id,
            decision=Decision.KEEP,
            reviewer="J. Park (PIO)",
            reason="heated but a neighbour dispute",
            policy_clause=None,
            now=datetime.now(UTC),
            adapter_for=worker_app.adapter_for,
        )
        running.worker.wake_sender()
        edit = wait_for(lambda: [e for e in fake_telegram.edits if "Kept by" in e["text"]])[0]
    assert "J. Park (PIO)" in edit["text"] and "neighbour dispute" in edit["text"]


def test_the_worker_stops_within_ten_seconds_of_sigterm(
    worker_app, fake_graph, fake_telegram, tmp_path
):
    process = start_subprocess(worker_app.settings, tmp_path / "worker.log")
    try:
        wait_for(lambda: fake_telegram.calls("/getUpdates"), timeout=30, what="the bot to run")
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=12)
        took = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
    assert code == 0, (tmp_path / "worker.log").read_text()
    assert took < 10


def test_a_worker_killed_mid_poll_loses_and_duplicates_nothing_after_restart(
    worker_app, fake_graph, fake_telegram, tmp_path
):
    for n in range(40):
        words = ATTACK if n % 10 == 0 else "Thanks for the update"
        fake_graph.add_comment(
            POST,
            f"111_{n + 10:04d}",
            f"{words} #{n}",
            datetime.now(UTC),
            author=("77", "Al"),
            parent=NEIGHBOUR,
        )
    fake_graph.slow("/comments", 4.0)  # the first poll is in the middle of reading comments
    log = tmp_path / "worker.log"
    first = start_subprocess(worker_app.settings, log)
    try:
        wait_for(lambda: fake_graph.calls("/comments"), timeout=30, what="the poll to start")
        time.sleep(0.5)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert _count(worker_app, t.archive_items, t.archive_items.c.kind == "reply") == 0
    second = start_subprocess(worker_app.settings, log)
    try:
        wait_for(
            lambda: _count(worker_app, t.outbox, t.outbox.c.status == "sent") >= 4,
            timeout=60,
            what="the restarted worker to capture and alert",
        )
        time.sleep(6)  # another poll or two: still nothing twice
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=12)
    assert _count(worker_app, t.archive_items, t.archive_items.c.kind == "reply") == 40
    assert _count(worker_app, t.archive_versions) == _count(worker_app, t.archive_items)
    assert _count(worker_app, t.review_items) == 4
    for n in range(0, 40, 10):
        assert len(_alerts_containing(fake_telegram, f"#{n}")) == 1, log.read_text()[-3000:]


def test_two_workers_on_one_database_poll_each_page_once_per_interval_and_alert_once(
    worker_app, fake_graph, fake_telegram
):
    second_app = App(worker_app.settings)
    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    try:
        with ThreadedWorker(worker_app) as one, ThreadedWorker(second_app) as two:
            wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))
            time.sleep(11)  # two more intervals of 5 s
            owners = {one.worker.bot_running, two.worker.bot_running}
    finally:
        second_app.close()
    assert owners == {True, False}  # exactly one of them runs the bot
    assert fake_telegram.conflicts == 0  # and so never two readers of the updates
    assert len(_alerts_containing(fake_telegram, "pathetic idiot")) == 1
    starts = sorted(r.at for r in fake_graph.calls("/published_posts"))
    gaps = [b - a for a, b in pairwise(starts)]
    assert len(starts) >= 3
    assert min(gaps) >= 2.5, gaps  # never polled again within half an interval


THREAT = "I know where you live and I will shoot you"


def test_a_burst_of_flags_is_summarised_but_threats_are_alerted_one_by_one(
    worker_app, fake_graph, fake_telegram
):
    for n in range(12):
        fake_graph.add_comment(
            POST, f"111_95{n:02d}", f"{ATTACK} {n}", datetime.now(UTC), parent=NEIGHBOUR
        )
    fake_graph.add_comment(POST, "111_9600", THREAT, datetime.now(UTC), parent=NEIGHBOUR)
    with ThreadedWorker(worker_app):
        summary = wait_for(lambda: _alerts_containing(fake_telegram, "comments flagged"))[0]
        threat = wait_for(lambda: _alerts_containing(fake_telegram, "URGENT"))[0]
        time.sleep(1)
    assert "12 comments flagged" in summary["text"] and "/queue" in summary["text"]
    assert "shoot you" in threat["text"]
    assert len(fake_telegram.sent) == 2
    assert _count(worker_app, t.outbox, t.outbox.c.status == "summarised") == 11


def test_review_command_brings_back_an_item_with_its_buttons_in_the_chat_that_asked(
    worker_app, fake_graph, fake_telegram
):
    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app):
        wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))
        fake_telegram.command(PIO[0], "/review 1", PIO)
        again = wait_for(
            lambda: [
                m
                for m in _alerts_containing(fake_telegram, "pathetic")
                if int(m["chat_id"]) == PIO[0]
            ]
        )[0]
        fake_telegram.press(again, "Keep", PIO)
        wait_for(lambda: len([e for e in fake_telegram.edits if "Kept by" in e["text"]]) == 2)
    # both messages about the item (the PIO chat's and the private one) show the outcome
    assert {int(e["chat_id"]) for e in fake_telegram.edits} == {PIO_CHAT, PIO[0]}


def test_a_hide_the_platform_refuses_is_audited_and_leaves_the_item_open(
    worker_app, fake_graph, fake_telegram
):
    from tests.fakes.graph import graph_error

    fake_graph.add_comment(
        POST, "111_9100", ATTACK, datetime.now(UTC), author=("77", "Al"), parent=NEIGHBOUR
    )
    with ThreadedWorker(worker_app):
        alert = wait_for(lambda: _alerts_containing(fake_telegram, "pathetic idiot"))[0]
        refusal = graph_error(10, "(#10) Permission denied: pages_manage_engagement", status=403)
        fake_graph.faults.append(Fault("/111_9100", refusal, 1))
        fake_telegram.press(alert, "Hide", PIO)
        answer = wait_for(lambda: fake_telegram.answers)[0]
    assert answer["text"].startswith("Not done:")
    failed = _audit(worker_app, "review.hide_failed")
    assert len(failed) == 1 and failed[0]["actor"] == "Jane Park (PIO) (telegram:9001)"
    with worker_app.db.connect() as conn:
        assert conn.execute(select(t.review_items.c.status)).scalar_one() == "open"
    assert not fake_graph.find_comment("111_9100").get("is_hidden")


CHIEF_CHAT = -100888


def test_a_page_requested_in_telegram_is_approved_by_the_chief_with_a_button_and_captured(
    worker_app, fake_graph, fake_telegram
):
    from tests.fakes.workerharness import CHIEF, build_page

    app = App(worker_app.settings.model_copy(update={"telegram_chief_chat_id": CHIEF_CHAT}))
    new_page = "100200399"
    build_page(fake_graph, new_page)
    form = (
        "/request_page\nplatform: facebook\ndepartment: springfield-pd\n"
        f"id: {new_page}\ntoken_env: SPD_FB_TOKEN\nkey: spd-traffic\n"
        "url: https://www.facebook.com/SpdTraffic\npurpose: Traffic alerts\n"
        "audience: Drivers\nadmins: Jane Park, Sam Lee\ncredentials: Jane Park"
    )
    try:
        with ThreadedWorker(app):
            wait_for(lambda: fake_telegram.calls("/getUpdates"), what="the bot to run")
            fake_telegram.command(PIO_CHAT, form, PIO)
            request = wait_for(lambda: _alerts_containing(fake_telegram, "New page requested"))[0]
            assert int(request["chat_id"]) == CHIEF_CHAT
            assert "Compliance pre-check (the live page)" in request["text"]
            labels = [b["text"] for row in request["reply_markup"]["inline_keyboard"] for b in row]
            assert labels == ["Approve, missing acknowledged", "Reject"]
            fake_telegram.press(request, "Approve, missing acknowledged", PIO)  # not the chief
            wait_for(lambda: fake_telegram.answers)
            assert "only the chief" in fake_telegram.answers[0]["text"]
            fake_telegram.press(request, "Approve, missing acknowledged", CHIEF)
            edit = wait_for(lambda: [e for e in fake_telegram.edits if "Approved by" in e["text"]])
            wait_for(
                lambda: fake_graph.calls(f"/{new_page}/published_posts"),
                timeout=20,
                what="the approved page to be polled",
            )
            fake_telegram.command(PIO_CHAT, "/pending", PIO)
            wait_for(lambda: _alerts_containing(fake_telegram, "No page requests are waiting"))
    finally:
        app.close()
    assert "Chief Alvarez" in edit[0]["text"] and "Now: active" in edit[0]["text"]
    actions = [(r["action"], r["actor"]) for r in _audit_all(worker_app, "page.")]
    assert actions == [
        ("page.registered", "config/pages.yaml (admin)"),
        ("page.requested", "Jane Park (PIO) (telegram:9001)"),
        ("page.approve", "Chief Alvarez (telegram:9002)"),
    ]
    refused = _audit(worker_app, "telegram.refused")
    assert [r["subject_id"] for r in refused] == ["page.approve:spd-traffic"]


def _audit_all(app: App, prefix: str) -> list[dict]:
    with app.db.connect() as conn:
        rows = conn.execute(
            select(t.audit_log)
            .where(t.audit_log.c.action.startswith(prefix))
            .order_by(t.audit_log.c.id)
        ).mappings()
        return [dict(r) for r in rows]
