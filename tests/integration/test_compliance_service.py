"""Compliance of registered pages: stored historically, drift alerts, linked policy pages."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from page_governor.compliance.linked import LinkedPageFetcher, policy_links
from page_governor.compliance.service import check_page
from page_governor.db import schema as t
from page_governor.governance.registry import page_row
from page_governor.platforms.sample import load_bundled
from tests.helpers import count, poll_all, register_sample, run_cli

T1, T2 = load_bundled().timeline


def _check(app, key, at, fetch_linked=None):
    with app.db.begin() as conn:
        return check_page(conn, page_row(conn, key), app.policy, now=at, fetch_linked=fetch_linked)


def test_results_are_stored_with_the_profile_version_they_judged(app):
    register_sample(app)
    poll_all(app, T1)
    result = _check(app, "springfield-pd-facebook", T1)
    assert result.report.passed == 9
    with app.db.connect() as conn:
        row = (
            conn.execute(
                select(t.compliance_results).where(t.compliance_results.c.id == result.result_id)
            )
            .mappings()
            .one()
        )
    assert row["profile_version_id"] is not None
    assert row["elements"]["emergency_contact"]["source"] == "description"


def test_a_lost_element_raises_a_drift_alert_with_the_fix(app):
    register_sample(app)
    poll_all(app, T1)
    assert _check(app, "springfield-pd-x", T1).drift == ()
    poll_all(app, T2)  # the X profile lost its emergency line between the snapshots
    result = _check(app, "springfield-pd-x", T2)
    assert result.drift == ("emergency_contact",)
    with app.db.connect() as conn:
        alert = conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.kind == "compliance_drift")
        ).scalar_one()
    assert alert["page"] == "springfield-pd-x"
    assert alert["was_evidence"] == "Emergencies: call 911."
    assert "911" in alert["suggested_fix"]


def test_checking_again_without_change_raises_no_new_alert(app):
    register_sample(app)
    poll_all(app, T1)
    _check(app, "springfield-pd-x", T1)
    poll_all(app, T2)
    _check(app, "springfield-pd-x", T2)
    _check(app, "springfield-pd-x", T2)
    assert count(app, t.outbox, t.outbox.c.kind == "compliance_drift") == 1
    assert count(app, t.compliance_results) == 3  # history is kept


def test_recovery_is_reported(app):
    register_sample(app)
    poll_all(app, T2)
    _check(app, "springfield-pd-x", T2)
    # an older snapshot (emergency line present) stands in for the PIO restoring the text
    poll_all(app, T1)
    result = _check(app, "springfield-pd-x", T1)
    assert result.recovered == ("emergency_contact",)
    assert count(app, t.outbox, t.outbox.c.kind == "compliance_recovered") == 1


def test_a_page_never_captured_is_reported_not_failed(app):
    register_sample(app)
    result = _check(app, "springfield-pd-x", T1)
    assert result.report is None and "no profile" in result.note


class _PolicyPage(http.server.BaseHTTPRequestHandler):
    body = (
        b"<html><body><h1>Social media policy</h1><p>Comments posted by visitors do not "
        b"reflect the views of the department.</p><p>All content is subject to public "
        b"disclosure under the Public Records Act.</p></body></html>"
    )
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        if self.path.startswith("/social-media-policy"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(self.body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def policy_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PolicyPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_linked_policy_page_on_an_official_domain_is_read_and_cited(policy_server):
    from page_governor.compliance.checker import check_fields
    from page_governor.compliance.policy import load_policy
    from page_governor.config import DEFAULT_CONFIG_DIR

    fields = {"about": f"Official page. Comment policy: http://{policy_server}/social-media-policy"}
    links = policy_links(fields, ["127.0.0.1"])
    assert links == [f"http://{policy_server}/social-media-policy"]
    fetcher = LinkedPageFetcher(timeout=5)
    try:
        text = fetcher(links[0])
        fetcher(links[0])  # cached
    finally:
        fetcher.close()
    assert text and "Public Records Act" in text
    assert _PolicyPage.hits == 1
    report = check_fields(
        {**fields, f"linked:{links[0]}": text},
        load_policy(DEFAULT_CONFIG_DIR),
        official_domains=["127.0.0.1"],
    )
    assert report.elements["public_records_notice"].source == f"linked:{links[0]}"


def test_links_off_the_official_domains_are_never_fetched():
    assert (
        policy_links({"about": "policy: https://evil.example/comment-policy"}, ["anytown.example"])
        == []
    )


def test_an_unreachable_policy_page_is_skipped(policy_server):
    fetcher = LinkedPageFetcher(timeout=2)
    try:
        assert fetcher(f"http://{policy_server}/missing-policy") is None
    finally:
        fetcher.close()


# -- the command line ----------------------------------------------------------------------


def test_check_profile_json_has_exactly_the_nine_elements(cli_env, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(
        json.dumps(
            {
                "platform": "x",
                "name": "Anytown PD",
                "description": "Official account of Anytown PD. Not monitored 24/7. Emergencies: call 911.",
                "website": "https://anytown.example",
            }
        )
    )
    result = run_cli(
        "check-profile", str(profile), "--official-domain", "anytown.example", "--json", env=cli_env
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == {"elements", "warnings"}
    assert len(data["elements"]) == 9
    for value in data["elements"].values():
        assert set(value) == {"passed", "evidence", "source", "block"}
    assert data["elements"]["emergency_contact"] == {
        "passed": True,
        "evidence": "Emergencies: call 911.",
        "source": "description",
        "block": "paragraph",
    }
    assert data["elements"]["opinions_disclaimer"] == {
        "passed": False,
        "evidence": None,
        "source": None,
        "block": None,
    }


def test_check_profile_says_when_the_learned_reader_found_an_element(cli_env, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(
        json.dumps(
            {
                "about": "Harlan Police Department",
                "description": "Harlan police news, straight from the source, every weekday.",
            }
        )
    )
    result = run_cli(
        "check-profile", str(profile), "--official-domain", "harlan.example", env=cli_env
    )
    assert result.returncode == 0, result.stderr
    assert "read by the statement model" in " ".join(result.stdout.split())


def test_check_profile_reads_invalid_utf8_without_crashing(cli_env, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_bytes(b'{"about": "Official page of Anytown PD \xff\xfe call 911"}')
    result = run_cli(
        "check-profile", str(profile), "--official-domain", "anytown.example", "--json", env=cli_env
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["elements"]["emergency_contact"]["passed"]


@pytest.mark.parametrize("content", ["not json", "[1, 2]", ""], ids=["garbage", "array", "empty"])
def test_check_profile_refuses_unreadable_input_with_exit_2(cli_env, tmp_path, content):
    profile = tmp_path / "p.json"
    profile.write_text(content)
    result = run_cli(
        "check-profile", str(profile), "--official-domain", "a.example", "--json", env=cli_env
    )
    assert result.returncode == 2
    assert result.stderr.startswith("page-governor: error:")


def test_check_command_prints_evidence_and_fixes(cli_env):
    assert run_cli("demo", env=cli_env).returncode == 0
    result = run_cli(
        "check", "--page", "riverton-sheriff-instagram", "--no-fetch-linked", env=cli_env
    )
    assert result.returncode == 0, result.stderr
    assert "0/9 elements present" in result.stdout
    assert "Fix:" in result.stdout and "Riverton County Sheriff's Office" in result.stdout
    as_json = run_cli("check", "--json", "--no-fetch-linked", env=cli_env)
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(rows) == 6 and all(len(r["elements"]) == 9 for r in rows)


def test_a_fetched_policy_page_is_archived_and_cited_in_the_stored_result(app, policy_server):
    from page_governor.archive.store import Archive
    from page_governor.clock import FrozenClock
    from page_governor.governance.registry import upsert_department, upsert_page
    from page_governor.models import ItemKind, Platform, Provenance

    now = FrozenClock(T1).now()
    with app.db.begin() as conn:
        dep = upsert_department(
            conn,
            {"slug": "loop", "name": "Loopback Police", "official_domains": ["127.0.0.1"]},
            now,
        )
        upsert_page(
            conn,
            {"key": "loop-fb", "platform": "facebook", "platform_id": "42"},
            dep,
            source="live",
            now=now,
            default_interval=300,
        )
        page = page_row(conn, "loop-fb")
        Archive().capture(
            conn,
            page_id=page["id"],
            kind=ItemKind.PROFILE,
            platform_item_id="42",
            text_value=json.dumps(
                {"about": f"Official page. Policy: http://{policy_server}/social-media-policy"}
            ),
            raw={},
            provenance=Provenance(Platform.FACEBOOK, "test", now, "test"),
            captured_at=now,
        )
    fetcher = LinkedPageFetcher(timeout=5)
    try:
        result = _check(app, "loop-fb", T1, fetch_linked=fetcher)
        _check(app, "loop-fb", T2, fetch_linked=fetcher)  # unchanged text: no second version
    finally:
        fetcher.close()
    assert result.report.elements["public_records_notice"].source.startswith(
        "linked:http://127.0.0.1"
    )
    with app.db.connect() as conn:
        linked = (
            conn.execute(
                select(t.archive_versions.c.text)
                .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
                .where(t.archive_items.c.platform_item_id.startswith("linked:"))
            )
            .scalars()
            .all()
        )
    assert len(linked) == 1 and "Public Records Act" in linked[0]
