"""The page lifecycle through the command line, as a user runs it: request with a compliance
pre-check, the chief's approval (nobody else's, never one's own, failing elements
acknowledged), activation, re-certification, suspension, retirement with a final capture,
the registry report; reminders, the digest and unregistered pages."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from page_governor.app import App
from page_governor.db import schema as t
from page_governor.governance.pages import recertification_job, unregistered_job
from page_governor.worker.jobs import digest_figures
from tests.fakes.workerharness import FB_PAGE, FB_TOKEN, build_page, write_config
from tests.helpers import run_cli

PROPOSED = {
    "about": "Traffic alerts from the Springfield Police Department.",
    "description": "This page is not monitored 24/7. In an emergency call 911.",
}


@pytest.fixture
def env(tmp_path, migrated_url, fake_graph):
    build_page(fake_graph)
    config = write_config(tmp_path / "config", pages=[])
    (tmp_path / "proposed.json").write_text(json.dumps(PROPOSED), encoding="utf-8")
    return {
        **{k: v for k, v in __import__("os").environ.items() if not k.startswith("PAGE_GOV")},
        "PAGE_GOVERNOR_CONFIG_DIR": str(config),
        "PAGE_GOVERNOR_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": migrated_url,
        "PAGE_GOVERNOR_FACEBOOK_GRAPH_URL": fake_graph.url + "/",
        "SPD_FB_TOKEN": FB_TOKEN,
        "COLUMNS": "200",
    }


def cli(env, *args):
    return run_cli(*args, env=env)


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result, code, words):
    assert result.returncode == code, result.stdout + result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    return result


REQUEST = (
    "pages", "request", "--platform", "facebook", "--department", "springfield-pd",
    "--purpose", "Traffic alerts and road closures", "--audience", "Drivers in Springfield",
    "--admin", "Jane Park", "--admin", "Sam Lee", "--credentials", "Jane Park",
)  # fmt: skip


def audit_actions(env):
    app = App(
        __import__("page_governor.config", fromlist=["load_settings"]).load_settings(environ=env)
    )
    try:
        with app.db.connect() as conn:
            rows = conn.execute(
                select(t.audit_log.c.action, t.audit_log.c.actor, t.audit_log.c.subject_id)
            ).all()
        return [(a, actor, s) for a, actor, s in rows if a.startswith("page.")]
    finally:
        app.close()


def test_a_proposed_page_goes_from_request_to_approval_activation_and_retirement(env):
    out = ok(cli(env, *REQUEST, "--url", "https://www.facebook.com/SpringfieldPDTraffic",
                 "--handle", "SpringfieldPDTraffic", "--profile", env["PAGE_GOVERNOR_CONFIG_DIR"] + "/../proposed.json",
                 "--by", "Jane Park (PIO)"))  # fmt: skip
    key = "springfield-pd-facebook-springfieldpdtraffic"
    assert f"requested {key}" in out and "proposed profile" in out and "missing" in out
    pending = ok(cli(env, "pages", "pending"))
    assert key in pending and "Jane Park (PIO)" in pending

    refused(cli(env, "pages", "approve", key, "--by", "Jane Park (PIO)"), 5, "only the chief")
    refused(cli(env, "pages", "approve", key, "--by", "Chief Alvarez"), 5, "acknowledgement")
    refused(
        cli(env, "pages", "approve", key, "--by", "Nobody Known"),
        5,
        "neither a console account nor a name in roles.yaml",
    )
    ok(cli(env, "pages", "approve", key, "--by", "Chief Alvarez", "--reason", "pilot",
           "--acknowledge-failures"))  # fmt: skip
    shown = ok(cli(env, "pages", "list"))
    assert "approved" in shown  # not active yet: the page does not exist
    polled = ok(cli(env, "poll"))  # an approved page is not read, and the table says so
    assert "skipped" in polled and "approved, not active" in polled
    refused(cli(env, "poll", "--page", key), 2, "not active")
    assert "capture_gap" not in " ".join(a for a, _, _ in audit_actions(env))
    refused(cli(env, "pages", "activate", key, "--by", "Jane Park (PIO)"), 5, "--platform-id")
    ok(cli(env, "pages", "activate", key, "--platform-id", FB_PAGE, "--token-env", "SPD_FB_TOKEN",
           "--by", "Jane Park (PIO)"))  # fmt: skip
    ok(cli(env, "pages", "recertify", key, "--by", "Chief Alvarez", "--reason", "annual audit"))
    ok(cli(env, "pages", "suspend", key, "--by", "Ada Admin", "--reason", "password reset"))
    refused(
        cli(env, "pages", "recertify", key, "--by", "Chief Alvarez", "--reason", "x"), 5, "cannot"
    )
    ok(cli(env, "pages", "reinstate", key, "--by", "Ada Admin", "--reason", "done"))
    retired = ok(cli(env, "pages", "retire", key, "--by", "Chief Alvarez", "--reason", "merged"))
    assert "final capture: 1 posts" in retired and "now retired" in retired
    refused(cli(env, "pages", "reinstate", key, "--by", "Ada Admin", "--reason", "x"), 5, "retired")

    report = json.loads(ok(cli(env, "pages", "report", "--format", "json")))
    row = next(r for r in report if r["key"] == key)
    assert row["state"] == "retired" and row["approved_by"] == "Chief Alvarez (telegram:9002)"
    assert row["retired_at"] and row["recertify_due"]
    assert [a for a, _, s in audit_actions(env) if s == key] == [
        "page.requested",
        "page.approve",
        "page.activate",
        "page.recertify",
        "page.suspend",
        "page.reinstate",
        "page.retire",
    ]


def test_a_request_for_an_existing_page_is_checked_live_and_active_once_approved(env):
    out = ok(cli(env, *REQUEST, "--platform-id", FB_PAGE, "--token-env", "SPD_FB_TOKEN",
                 "--key", "spd-traffic", "--by", "Jane Park (PIO)"))  # fmt: skip
    assert "pre-check of the live profile" in out
    ok(cli(env, "pages", "approve", "spd-traffic", "--by", "Chief Alvarez",
           "--acknowledge-failures"))  # fmt: skip
    assert "active" in ok(cli(env, "pages", "list"))
    polled = ok(cli(env, "poll", "--page", "spd-traffic"))
    assert "ok" in polled


def test_nobody_approves_their_own_request_even_holding_the_chief_role(env):
    ok(cli(env, *REQUEST, "--handle", "SpdBikes", "--by", "Deputy Chief Ruiz"))
    refused(
        cli(env, "pages", "approve", "springfield-pd-facebook-spdbikes", "--by",
            "Deputy Chief Ruiz", "--acknowledge-failures"),
        5,
        "person who made it",
    )  # fmt: skip


def test_a_console_account_acts_on_pages_and_is_the_same_person_as_in_roles_yaml(env):
    from tests.fakes.workerharness import DEPUTY

    made = run_cli("users", "add", "ruiz", "--name", "Deputy Chief Ruiz", "--role", "chief",
                   "--telegram-id", str(DEPUTY[0]), "--password-stdin", env=env,
                   stdin="a long enough password\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    ok(cli(env, *REQUEST, "--handle", "SpdHorses", "--by", "Deputy Chief Ruiz"))
    refused(
        cli(env, "pages", "approve", "springfield-pd-facebook-spdhorses", "--by", "ruiz",
            "--acknowledge-failures"),
        5,
        "person who made it",
    )  # fmt: skip
    ok(cli(env, *REQUEST, "--handle", "SpdDogs", "--by", "Jane Park (PIO)"))
    ok(cli(env, "pages", "approve", "springfield-pd-facebook-spddogs", "--by", "ruiz",
           "--acknowledge-failures"))  # fmt: skip
    assert ("page.approve", f"Deputy Chief Ruiz (telegram:{DEPUTY[0]})",
            "springfield-pd-facebook-spddogs") in audit_actions(env)  # fmt: skip


def test_a_rejected_request_keeps_its_record_and_cannot_be_approved(env):
    ok(cli(env, *REQUEST, "--handle", "SpdK9", "--by", "Jane Park (PIO)"))
    key = "springfield-pd-facebook-spdk9"
    refused(cli(env, "pages", "reject", key, "--by", "Chief Alvarez", "--reason", " "), 5, "reason")
    ok(cli(env, "pages", "reject", key, "--by", "Chief Alvarez", "--reason", "use the main page"))
    refused(cli(env, "pages", "approve", key, "--by", "Chief Alvarez", "--acknowledge-failures"),
            5, "rejected page cannot be approved")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(ok(cli(env, "pages", "report", "--format", "csv")))))
    assert [(r["key"], r["state"]) for r in rows] == [(key, "rejected")]


def test_bad_requests_get_one_line_and_change_nothing(env):
    refused(cli(env, *REQUEST[:-6], "--credentials", " ", "--admin", "x", "--audience", "y",
                "--handle", "A", "--by", "Jane Park (PIO)"), 2, "credentials")  # fmt: skip
    result = refused(
        cli(env, *REQUEST, "--handle", "Y", "--department", "nowhere", "--by", "Jane Park (PIO)"),
        2,
        "unknown department",
    )
    assert len(result.stderr.strip().splitlines()) == 2  # the error and its hint
    refused(cli(env, *REQUEST, "--handle", "Z", "--by", "Sam Lee (Records)"), 5, "only PIO")
    assert "no requests" in ok(cli(env, "pages", "pending"))


def test_pages_from_the_configuration_show_they_were_not_approved_by_request(
    tmp_path, migrated_url, fake_graph
):
    from tests.fakes.workerharness import fb_page_spec

    config = write_config(tmp_path / "c2", pages=[fb_page_spec()])
    env = {
        "PAGE_GOVERNOR_CONFIG_DIR": str(config),
        "PAGE_GOVERNOR_DATA_DIR": str(tmp_path / "d"),
        "DATABASE_URL": migrated_url,
        "PATH": __import__("os").environ["PATH"],
    }
    report = json.loads(ok(cli(env, "pages", "report", "--format", "json")))
    assert report[0]["approved_by"] == "config/pages.yaml (admin)"
    assert report[0]["recertify_due"] > report[0]["approved_at"]


def test_recertification_reminds_the_chief_and_overdue_pages_reach_the_digest(app):
    from page_governor.governance.lifecycle import Event
    from page_governor.governance.pages import transition
    from tests.helpers import register_sample

    register_sample(app)
    with app.db.connect() as conn:
        first = conn.execute(select(t.pages.c.key).order_by(t.pages.c.id)).scalars().first()
    assert recertification_job(app) == []  # sample pages have no due date
    from sqlalchemy import update

    with app.db.begin() as conn:
        conn.execute(
            update(t.pages)
            .where(t.pages.c.key == first)
            .values(recertify_due=app.clock.now() + timedelta(days=10))
        )
    assert recertification_job(app) == [first]
    assert recertification_job(app) == [first]  # still due; the reminder is not queued twice
    app.clock.advance(timedelta(days=11))
    with app.db.connect() as conn:
        figures = digest_figures(
            conn, since=app.clock.now() - timedelta(days=1), until=app.clock.now()
        )
    assert figures["recertification_due"] == [first]
    transition(app, first, Event.RECERTIFY, by="Chief", roles=frozenset({"chief"}), reason="ok")
    with app.db.connect() as conn:
        figures = digest_figures(conn, since=app.clock.now(), until=app.clock.now())
        kinds = conn.execute(select(t.outbox.c.kind)).scalars().all()
    assert figures["recertification_due"] == []
    assert kinds.count("recertification_due") == 1


def test_pages_the_agency_account_manages_but_nobody_registered_are_reported(
    app, fake_graph, settings
):
    fake_graph.manage(
        "EAAG-business-token",
        [
            {"id": "555", "name": "Springfield PD Explorers",
             "instagram_business_account": {"id": "1784", "username": "spd_explorers"}},
        ],
    )  # fmt: skip
    live = App(
        settings.model_copy(
            update={
                "facebook_graph_url": fake_graph.url + "/",
                "meta_discovery_token": "EAAG-business-token",
            }
        ),
        clock=app.clock,
    )
    try:
        found = unregistered_job(live)
        with live.db.connect() as conn:
            alert = conn.execute(
                select(t.outbox.c.payload).where(t.outbox.c.kind == "unregistered_pages")
            ).scalar_one()
    finally:
        live.close()
    assert {(f["platform"], f["platform_id"]) for f in found} == {
        ("facebook", "555"),
        ("instagram", "1784"),
    }
    assert alert["found"] == found


def test_a_refused_activation_leaves_the_page_as_it_was(env):
    ok(cli(env, *REQUEST, "--handle", "SpdBoats", "--by", "Jane Park (PIO)"))
    key = "springfield-pd-facebook-spdboats"
    refused(
        cli(env, "pages", "activate", key, "--platform-id", "42", "--token-env", "SPD_FB_TOKEN",
            "--by", "Jane Park (PIO)"),
        5,
        "cannot be activated",
    )  # fmt: skip
    row = next(
        r for r in json.loads(ok(cli(env, "pages", "report", "--format", "json")))
        if r["key"] == key
    )  # fmt: skip
    assert row["state"] == "requested"
    app = App(__import__("page_governor.config", fromlist=["x"]).load_settings(environ=env))
    try:
        with app.db.connect() as conn:
            token_env = conn.execute(
                select(t.pages.c.token_env).where(t.pages.c.key == key)
            ).scalar()
    finally:
        app.close()
    assert token_env is None


def test_a_token_itself_is_refused_where_its_variable_name_belongs(env):
    refused(
        cli(env, *REQUEST, "--handle", "SpdDogs", "--token-env", "EAAGsecret123",
            "--by", "Jane Park (PIO)"),
        2,
        "never the token itself",
    )  # fmt: skip
