"""The command line as a user meets it: the demo, help, and one-line errors."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from page_governor.cli import cli
from tests.helpers import add_person, run_cli

ALL_COMMANDS = [
    [],
    ["demo"],
    ["db"],
    ["db", "upgrade"],
    ["db", "current"],
    ["run"],
    ["poll"],
    ["check"],
    ["check-profile"],
    ["classify"],
    ["review"],
    ["review", "list"],
    ["review", "show"],
    ["review", "decide"],
    ["pages"],
    ["pages", "list"],
    ["pages", "show"],
    ["pages", "health"],
    ["pages", "resume"],
    ["serve"],
    ["archive"],
    ["archive", "verify"],
    ["archive", "reindex"],
    ["archive", "keygen"],
    ["archive", "sign"],
    ["archive", "stats"],
    ["archive", "search"],
    ["archive", "show"],
    ["archive", "export"],
    ["archive", "verify-bundle"],
    ["archive", "hold"],
    ["archive", "hold", "add"],
    ["archive", "hold", "list"],
    ["archive", "hold", "release"],
    ["archive", "retention"],
    ["archive", "retention", "sweep"],
    ["archive", "retention", "list"],
    ["archive", "retention", "approve"],
    ["archive", "retention", "reject"],
]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def _counts(text):
    numbers = {}
    for label in (
        "items captured",
        "versions stored",
        "edits captured",
        "deletions captured",
        "open review items",
    ):
        match = re.search(re.escape(label) + r"[^│\n]*│\s+(\d+)", text)
        assert match, f"{label!r} missing from the summary:\n{text}"
        numbers[label] = int(match.group(1))
    return numbers


def test_demo_runs_end_to_end_and_a_second_run_adds_nothing(cli_env):
    first = run_cli("demo", env=cli_env)
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "Data directory:" in out
    assert "springfield-pd-facebook" in out and "9/9" in out
    assert "lakeside-pd-fans-facebook" in out and "0/9" in out
    assert "drift" in out and "emergency_contact" in out
    assert "not a public forum" in out
    for category in ("threat", "personal_info", "personal_attack", "obscenity", "spam"):
        assert category in out
    numbers = _counts(out)
    assert numbers["items captured"] >= 200
    assert numbers["edits captured"] >= 5
    assert numbers["deletions captured"] >= 3
    assert "Try next" in out

    second = run_cli("demo", env=cli_env)
    assert second.returncode == 0, second.stderr
    assert "already captured" in second.stdout
    assert _counts(second.stdout) == numbers


def test_review_commands_work_after_the_demo(cli_env):
    assert run_cli("demo", env=cli_env).returncode == 0
    listed = run_cli("review", "list", "--json", env=cli_env)
    assert listed.returncode == 0
    items = [json.loads(line) for line in listed.stdout.splitlines()]
    assert items and "threat" in items[0]["categories"]
    shown = run_cli("review", "show", str(items[0]["id"]), env=cli_env)
    assert shown.returncode == 0 and "flagged threat because of" in shown.stdout
    add_person(cli_env, "tester", "pio", "Terry Tester")
    decided = run_cli(
        "review",
        "decide",
        str(items[0]["id"]),
        "--decision",
        "escalate",
        "--reviewer",
        "tester",
        "--reason",
        "refer to detectives",
        env=cli_env,
    )
    assert decided.returncode == 0, decided.stderr
    assert "escalated" in decided.stdout
    verify = run_cli("archive", "verify", env=cli_env)
    assert (
        "Terry Tester (web:tester)"
        in run_cli("review", "show", str(items[0]["id"]), env=cli_env).stdout
    )
    assert verify.returncode == 0 and "decisions: 1 records verified" in verify.stdout


def _one_line_error(result, code=None):
    assert result.returncode != 0
    if code is not None:
        assert result.returncode == code
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("page-governor: error:"), result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) <= 2  # the error and at most one hint


def test_unknown_page_is_a_one_line_error(cli_env):
    run_cli("demo", env=cli_env)
    result = run_cli("pages", "show", "no-such-page", env=cli_env)
    _one_line_error(result, 5)
    assert "known pages:" in result.stderr


def test_unknown_review_item_is_a_one_line_error(cli_env):
    assert run_cli("db", "upgrade", env=cli_env).returncode == 0
    _one_line_error(run_cli("review", "show", "99999", env=cli_env), 5)


def test_missing_input_file_is_a_one_line_error(cli_env, tmp_path):
    _one_line_error(run_cli("classify", str(tmp_path / "nope.jsonl"), env=cli_env), 2)
    _one_line_error(
        run_cli(
            "check-profile", str(tmp_path / "nope.json"), "--official-domain", "x.gov", env=cli_env
        ),
        2,
    )


def test_malformed_input_is_a_one_line_error(cli_env, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "fine"}\nnot json\n')
    result = run_cli("classify", str(bad), env=cli_env)
    _one_line_error(result, 2)
    assert "line 2" in result.stderr


def test_deeply_nested_json_is_a_one_line_error_in_classify_and_check_profile(cli_env, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "\n")
    result = run_cli("classify", str(deep), env=cli_env)
    _one_line_error(result, 2)
    assert "nested too deeply" in result.stderr
    result = run_cli("check-profile", str(deep), "--official-domain", "x.gov", env=cli_env)
    _one_line_error(result, 2)
    assert "nested too deeply" in result.stderr


def test_malformed_config_is_a_one_line_error_naming_every_problem(cli_env, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.yaml").write_text("poll_interval_seconds: sometimes\nfoo: 1\n")
    env = {**cli_env, "PAGE_GOVERNOR_CONFIG_DIR": str(config)}
    result = run_cli("pages", "list", env=env)
    _one_line_error(result, 2)
    assert "poll_interval_seconds" in result.stderr and "foo" in result.stderr


def test_run_without_credentials_says_what_is_missing(cli_env):
    result = run_cli("run", env=cli_env)
    _one_line_error(result, 2)
    assert "PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN" in result.stderr
    assert "pages.yaml" in result.stderr


def test_unreachable_database_is_a_one_line_error(cli_env):
    env = {**cli_env, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run_cli("pages", "list", env=env)
    _one_line_error(result, 2)
    assert "cannot open database" in result.stderr


def test_a_server_database_behind_the_code_asks_for_db_upgrade(cli_env):
    if cli_env["DATABASE_URL"].startswith("sqlite"):
        pytest.skip("the embedded database upgrades itself on first use")
    result = run_cli("pages", "list", env=cli_env)
    _one_line_error(result, 2)
    assert "db upgrade" in result.stderr


def test_db_upgrade_migrates_and_reports(cli_env):
    first = run_cli("db", "upgrade", env=cli_env)
    assert first.returncode == 0 and "upgraded" in first.stdout
    second = run_cli("db", "upgrade", env=cli_env)
    assert second.returncode == 0 and "already at revision" in second.stdout


def test_classify_prints_one_json_object_per_line_in_order(cli_env):
    lines = [
        {"id": 1, "text": "Thank you officers!"},
        {"id": "b", "text": "you spineless cowards"},
        {"id": 3, "text": "sh1t"},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = run_cli("classify", "-", "--json", env=cli_env, stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b", 3]
    assert out[0]["flagged"] is False and out[0]["categories"] == [] and out[0]["target"] is None
    assert out[1]["categories"] == ["personal_attack"] and out[1]["target"] == "official"
    assert out[2]["evidence"] == [{"category": "obscenity", "text": "sh1t"}]
    for o in out:
        assert set(o) == {
            "id",
            "flagged",
            "categories",
            "scores",
            "target",
            "evidence",
            "confidence",
        }
        assert set(o["confidence"]) == set(o["categories"])


def test_a_records_clerk_searches_exports_verifies_and_holds_from_the_command_line(
    cli_env, tmp_path
):
    assert run_cli("demo", env=cli_env).returncode == 0
    found = run_cli("archive", "search", "--state", "deleted", "--json", env=cli_env)
    assert found.returncode == 0, found.stderr
    results = json.loads(found.stdout)["results"]
    assert results and all(r["state"] == "deleted" for r in results)
    shown = run_cli("archive", "show", str(results[0]["id"]), env=cli_env)
    assert shown.returncode == 0 and "deleted" in shown.stdout and "thread:" in shown.stdout
    bundle = tmp_path / "request.zip"
    add_person(cli_env, "rclerk", "records_clerk", "R. Clerk")
    exported = run_cli(
        "archive",
        "export",
        "--page",
        "springfield-pd-facebook",
        "--out",
        str(bundle),
        "--by",
        "rclerk",
        env=cli_env,
    )
    assert exported.returncode == 0, exported.stderr
    assert "recorded in the audit log" in exported.stdout
    verified = run_cli("archive", "verify-bundle", str(bundle), env=cli_env)
    assert verified.returncode == 0 and "verify" in verified.stdout
    bundle.write_bytes(bundle.read_bytes()[:-40])  # a damaged download
    broken = run_cli("archive", "verify-bundle", str(bundle), env=cli_env)
    assert broken.returncode != 0 and "Traceback" not in broken.stderr
    again = run_cli(
        "archive", "export", "--out", str(tmp_path / "request.zip"), "--by", "rclerk", env=cli_env
    )
    assert again.returncode == 2 and "exists already" in again.stderr
    nothing = run_cli(
        "archive", "export", "zzzqqq", "--out", str(tmp_path / "x"), "--by", "rclerk", env=cli_env
    )
    assert nothing.returncode == 2 and "nothing matches" in nothing.stderr
    held = run_cli(
        "archive",
        "hold",
        "add",
        "Doe v. City",
        "--page",
        "springfield-pd-facebook",
        "--reason",
        "litigation",
        "--by",
        "rclerk",
        env=cli_env,
    )
    assert held.returncode == 0 and "legal hold 1 placed" in held.stdout
    assert "Doe v. City" in run_cli("archive", "hold", "list", env=cli_env).stdout
    swept = run_cli("archive", "retention", "sweep", env=cli_env)
    assert swept.returncode == 0 and "comments" in swept.stdout
    assert run_cli("archive", "verify", env=cli_env).returncode == 0


def test_deciding_or_releasing_records_needs_a_known_person_with_the_role(cli_env, tmp_path):
    assert run_cli("demo", env=cli_env).returncode == 0
    add_person(cli_env, "jpark", "pio", "Jane Park")
    item = json.loads(run_cli("review", "list", "--json", env=cli_env).stdout.splitlines()[0])
    decide = ["review", "decide", str(item["id"]), "--decision", "keep", "--reason", "fine"]
    attempts = {
        "nobody": run_cli(*decide, "--by", "Officer Nobody", env=cli_env),
        "a pio exporting": run_cli(
            "archive", "export", "--out", str(tmp_path / "b"), "--by", "jpark", env=cli_env
        ),
        "a pio holding": run_cli(
            "archive", "hold", "add", "x", "--reason", "r", "--by", "jpark", env=cli_env
        ),
    }
    for result in attempts.values():
        _one_line_error(result, 5)
    unnamed = run_cli(*decide, env=cli_env)
    assert unnamed.returncode == 2 and "Missing option '--by'" in unnamed.stderr
    assert "needs the records_clerk role" in attempts["a pio exporting"].stderr
    assert not (tmp_path / "b").exists()
    add_person(cli_env, "rclerk", "records_clerk")
    _one_line_error(run_cli(*decide, "--by", "rclerk", env=cli_env), 5)
    assert run_cli(*decide, "--by", "JPARK", env=cli_env).returncode == 0
    from sqlalchemy import select

    from page_governor.db import open_database
    from page_governor.db import schema as t

    db = open_database(cli_env["DATABASE_URL"])
    with db.connect() as conn:
        refused = conn.execute(
            select(t.audit_log.c.actor, t.audit_log.c.subject_id).where(
                t.audit_log.c.action == "cli.refused"
            )
        ).all()
        decided = conn.execute(
            select(t.review_decisions.c.reviewer).where(
                t.review_decisions.c.review_item_id == item["id"]
            )
        ).scalar_one()
    db.dispose()
    assert len(refused) == 4  # each refused attempt above (the unnamed one never ran)
    assert ("Jane Park (web:jpark)", "export archive records") in refused
    assert decided == "Jane Park (web:jpark)"


def test_classify_imports_neither_the_database_nor_the_archive(tmp_path):
    import subprocess
    import sys

    data = tmp_path / "c.jsonl"
    data.write_text('{"id": 1, "text": "you spineless cowards"}\n')
    probe = (
        "import sys\n"
        "from page_governor.cli import main\n"
        "try:\n"
        f"    main(['classify', {str(data)!r}, '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('sqlalchemy', 'alembic', 'page_governor.archive', 'page_governor.db')"
        " if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert "personal_attack" in result.stdout
    assert "LOADED []" in result.stderr, result.stderr


def test_classify_in_parallel_gives_the_serial_results_in_order(tmp_path):
    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.moderation.bulk import CHUNK, classify_json_lines
    from page_governor.moderation.classifier import Classifier

    texts = ["Thank you officers!", "you spineless cowards", "his cell is (717) 555-0143", "sh1t"]
    rows = [(i, texts[i % len(texts)] + f" #{i}", i % 3 == 0, "") for i in range(5 * CHUNK)]
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    serial = "\n".join(classify_json_lines(classifier, rows, jobs=1)).splitlines()
    parallel = "\n".join(classify_json_lines(classifier, rows, jobs=2)).splitlines()
    assert parallel == serial
    assert [json.loads(line)["id"] for line in parallel] == list(range(5 * CHUNK))


def test_classify_reads_the_post_to_find_whom_an_insult_is_aimed_at(cli_env):
    lines = [
        {"id": 1, "text": "what a brainless clown"},
        {
            "id": 2,
            "text": "what a brainless clown",
            "post": "Meet Officer Dale Reyes, our new K9 handler.",
        },
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = run_cli("classify", "-", "--json", env=cli_env, stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["target"] for o in out] == ["unknown", "official"]


def test_accounts_keep_one_telegram_id_each_and_can_be_enabled_and_given_roles(cli_env):
    def users(*args, stdin=None):
        return run_cli("users", *args, env=cli_env, stdin=stdin)

    assert run_cli("db", "upgrade", env=cli_env).returncode == 0
    pw = "correct horse battery staple\n"
    add = ("add", "--name", "Sam Lee", "--role", "pio", "--telegram-id", "4242", "--password-stdin")
    assert users("add", "sam", *add[1:], stdin=pw).returncode == 0
    twin = users(
        "add", "kim", "--name", "Kim", "--role", "pio", "--telegram-id", "4242", "--password-stdin",
        stdin=pw,
    )  # fmt: skip
    _one_line_error(twin, 2)
    assert "belongs to user sam" in twin.stderr
    assert users("disable", "sam").returncode == 0
    _one_line_error(users("disable", "sam"), 5)
    assert users("enable", "sam").returncode == 0
    _one_line_error(users("enable", "sam"), 5)  # not disabled
    changed = users("set-roles", "sam", "--role", "pio", "--role", "records_clerk")
    assert changed.returncode == 0 and "pio, records_clerk" in changed.stdout
    listing = users("list").stdout
    assert "records_clerk" in listing
    from sqlalchemy import create_engine, select

    from page_governor.db import schema as t

    engine = create_engine(cli_env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(t.audit_log.c.action, t.audit_log.c.details).where(
                    t.audit_log.c.subject_id == "sam"
                )
            ).all()
    finally:
        engine.dispose()
    actions = [action for action, _ in rows]
    assert actions == ["user.added", "user.disabled", "user.enabled", "user.roles_set"]
    details = rows[-1][1]
    details = json.loads(details) if isinstance(details, str) else details
    assert details == {"before": ["pio"], "after": ["pio", "records_clerk"]}


def test_listings_at_80_columns_print_keys_and_hashes_whole_and_say_how_many_more(
    cli_env, tmp_path
):
    env = {**cli_env, "COLUMNS": "80"}
    assert run_cli("demo", env=env).returncode == 0
    cut = run_cli("review", "list", "--status", "all", "--limit", "2", env=env)
    assert cut.returncode == 0, cut.stderr
    assert re.search(r"\d+ more not shown \(2 of \d+\)", cut.stdout)
    shown = run_cli("review", "list", "--status", "all", "--limit", "2", "--json", env=env)
    for item in map(json.loads, shown.stdout.splitlines()):
        assert item["page_key"] in cut.stdout  # the key a reviewer types, never cut with "…"
    keys = json.loads(run_cli("pages", "report", "--format", "json", env=env).stdout)
    report = run_cli("pages", "report", env=env).stdout
    for row in keys:
        assert row["key"] in report  # whole, in a block of its own at 80 columns
    out = tmp_path / "bundle"
    add_person(env, "rclerk", "records_clerk")
    exported = run_cli("archive", "export", "--out", str(out), "--by", "rclerk", env=env)
    assert exported.returncode == 0, exported.stderr
    manifest_hash = __import__("hashlib").sha256((out / "manifest.json").read_bytes()).hexdigest()
    assert manifest_hash in exported.stdout.splitlines()


def test_pages_pending_and_users_list_have_json(cli_env):
    assert run_cli("db", "upgrade", env=cli_env).returncode == 0
    pending = run_cli("pages", "pending", "--json", env=cli_env)
    assert pending.returncode == 0, pending.stderr
    assert json.loads(pending.stdout) == []
    users = run_cli("users", "list", "--json", env=cli_env)
    assert users.returncode == 0 and json.loads(users.stdout) == []


def test_archive_stats_and_retention_lists_have_json(cli_env):
    assert run_cli("demo", env=cli_env).returncode == 0
    stats = json.loads(run_cli("archive", "stats", "--json", env=cli_env).stdout)
    assert stats["items_by_kind"]["comment"] > 0 and stats["versions_by_state"]["live"] > 0
    lists = run_cli("archive", "retention", "list", "--json", env=cli_env)
    assert lists.returncode == 0 and isinstance(json.loads(lists.stdout), list)
