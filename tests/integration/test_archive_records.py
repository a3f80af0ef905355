"""Records clerks' archive: exact search, bundles that verify (and fail when tampered with),
WARC that standard tools read, redacted public copies, retention with holds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from page_governor.archive import retention
from page_governor.archive.bundle_verify import verify_bundle
from page_governor.archive.export import export_bundle
from page_governor.archive.export_warc import write_warc
from page_governor.archive.integrity import verify_chains
from page_governor.archive.redaction import Redactor
from page_governor.archive.search import Filters, item_thread, search
from page_governor.compliance.service import check_page
from page_governor.db import schema as t
from page_governor.errors import InputError, WorkflowError
from page_governor.governance.registry import page_row
from page_governor.models import Decision
from page_governor.moderation.review import decide, list_items
from page_governor.platforms.sample import load_bundled
from tests.helpers import poll_all, register_sample

T1, T2 = load_bundled().timeline


@pytest.fixture
def archived(app):
    pages = register_sample(app)
    poll_all(app, T1)
    with app.db.begin() as conn:
        for page in pages.values():
            check_page(conn, page_row(conn, page["id"]), app.policy, now=T1)
        item = next(i for i in list_items(conn, limit=1000) if "threat" in i["categories"])
        decide(
            conn,
            item_id=item["id"],
            decision=Decision.ESCALATE,
            reviewer="J. Park",
            reason="threat to an officer",
            policy_clause=None,
            now=T1,
            adapter_for=app.adapter_for,
        )
    poll_all(app, T2)
    return app


def _everything(app) -> list[dict]:
    """An independent view of every item, for the search oracle."""
    with app.db.connect() as conn:
        items = [
            dict(r)
            for r in conn.execute(
                select(
                    t.archive_items,
                    t.item_status.c.state,
                    t.pages.c.key.label("page"),
                    t.pages.c.platform,
                    t.departments.c.slug.label("department"),
                )
                .join(t.item_status, t.item_status.c.item_id == t.archive_items.c.id)
                .join(t.pages, t.pages.c.id == t.archive_items.c.page_id)
                .join(t.departments, t.departments.c.id == t.pages.c.department_id)
            ).mappings()
        ]
        texts: dict[int, list[str]] = {}
        for item_id, text in conn.execute(
            select(t.archive_versions.c.item_id, t.archive_versions.c.text)
        ):
            texts.setdefault(item_id, []).append(text)
        categories: dict[int, set[str]] = {}
        for item_id, cats in conn.execute(select(t.flags.c.item_id, t.flags.c.categories)):
            categories.setdefault(item_id, set()).update(cats)
        decisions: dict[int, set[str]] = {}
        for item_id, decision in conn.execute(
            select(t.review_items.c.item_id, t.review_decisions.c.decision).join(
                t.review_decisions, t.review_decisions.c.review_item_id == t.review_items.c.id
            )
        ):
            decisions.setdefault(item_id, set()).add(decision)
    for item in items:
        item["texts"] = texts.get(item["id"], [])
        item["categories"] = categories.get(item["id"], set())
        item["decisions"] = decisions.get(item["id"], set())
        item["when"] = item["created_at"] or item["first_captured_at"]
    return items


def _ids(app, filters: Filters) -> set[int]:
    with app.db.connect() as conn:
        page = search(conn, filters, limit=1000)
    assert len(page.rows) == page.total
    return {r["id"] for r in page.rows}


def _has_words(texts: list[str], words: list[str]) -> bool:
    return any(
        all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I) for w in words) for text in texts
    )


CASES = [
    (Filters(page="springfield-pd-facebook"), lambda i: i["page"] == "springfield-pd-facebook"),
    (Filters(department="riverton-sheriff"), lambda i: i["department"] == "riverton-sheriff"),
    (Filters(platform="x"), lambda i: i["platform"] == "x"),
    (Filters(kind="reply"), lambda i: i["kind"] == "reply"),
    (Filters(state="deleted"), lambda i: i["state"] == "deleted"),
    (Filters(state="edited"), lambda i: i["state"] == "edited"),
    (Filters(category="threat"), lambda i: "threat" in i["categories"]),
    (
        Filters(category="spam", platform="instagram"),
        lambda i: "spam" in i["categories"] and i["platform"] == "instagram",
    ),
    (Filters(decision="escalate"), lambda i: "escalate" in i["decisions"]),
    (Filters(author="Angela Price"), lambda i: (i["author_name"] or "").lower() == "angela price"),
    (Filters(text="officer"), lambda i: _has_words(i["texts"], ["officer"])),
    (
        Filters(text="bridge", kind="post"),
        lambda i: i["kind"] == "post" and _has_words(i["texts"], ["bridge"]),
    ),
    (Filters(text="release footage"), lambda i: _has_words(i["texts"], ["release", "footage"])),
]


@pytest.mark.parametrize(
    ("filters", "oracle"), CASES, ids=[json.dumps(c[0].as_json()) for c in CASES]
)
def test_search_filters_are_exact_on_the_sample_archive(archived, filters, oracle):
    expected = {i["id"] for i in _everything(archived) if oracle(i)}
    assert expected, "the fixture must contain matches"
    assert _ids(archived, filters) == expected


def test_search_date_range_is_exact_and_half_open(archived):
    items = _everything(archived)
    since, until = T1 - timedelta(days=5), T1 - timedelta(days=2)
    expected = {i["id"] for i in items if since <= i["when"] < until}
    assert expected and _ids(archived, Filters(since=since, until=until)) == expected


def test_search_finds_deleted_comments_by_words_they_once_contained(archived):
    deleted = [i for i in _everything(archived) if i["state"] == "deleted" and i["kind"] != "post"]
    word = next(w for w in re.findall(r"[a-z]{5,}", deleted[0]["texts"][0].lower()))
    assert deleted[0]["id"] in _ids(archived, Filters(text=word))


def test_search_pages_through_results_without_overlap(archived):
    with archived.db.connect() as conn:
        first = search(conn, Filters(platform="facebook"), limit=7)
        second = search(conn, Filters(platform="facebook"), limit=7, offset=7)
    assert first.total == second.total > 14
    assert not {r["id"] for r in first.rows} & {r["id"] for r in second.rows}


def test_show_puts_a_comment_in_its_thread_with_versions_and_decisions(archived):
    escalated = next(i for i in _everything(archived) if "escalate" in i["decisions"])
    with archived.db.connect() as conn:
        shown = item_thread(conn, escalated["id"])
    assert shown["decisions"][0]["decision"] == "escalate"
    assert any(row["kind"] == "post" for row in shown["thread"])
    assert escalated["id"] in {row["id"] for row in shown["thread"]}


def test_unusable_filters_are_refused_in_one_line():
    with pytest.raises(InputError):
        Filters(state="gone")
    with pytest.raises(InputError):
        Filters(since=T2, until=T1)


# -- bundles ------------------------------------------------------------------------------


def _export(app, out: Path, filters: Filters | None = None, **kw):
    filters = filters or Filters()
    with app.db.connect() as conn:
        return export_bundle(conn, filters, out, exported_by="R. Clerk", now=T2, **kw)


def test_bundle_round_trips_and_holds_every_version_decision_and_gap(archived, tmp_path):
    result = _export(archived, tmp_path / "bundle")
    report = verify_bundle(tmp_path / "bundle")
    assert report.ok, report.problems
    with archived.db.connect() as conn:
        versions = conn.execute(select(t.archive_versions.c.id)).all()
    assert report.records == result.versions == len(versions)
    manifest = json.loads((tmp_path / "bundle" / "manifest.json").read_text())
    assert manifest["exported_by"] == "R. Clerk" and manifest["chain_heads"]["archive"]
    assert set(manifest["files"]) >= {
        "records.jsonl",
        "records.csv",
        "decisions.jsonl",
        "audit.jsonl",
        "capture_gaps.json",
        "media.csv",
        "threads/index.html",
    }
    decisions = (tmp_path / "bundle" / "decisions.jsonl").read_text()
    assert "escalate" in decisions and "J. Park" in decisions
    audit = [
        json.loads(line) for line in (tmp_path / "bundle" / "audit.jsonl").read_text().splitlines()
    ]
    assert any(entry["action"].startswith("review.") for entry in audit)
    states = {
        json.loads(line)["record"]["state"]
        for line in (tmp_path / "bundle" / "records.jsonl").read_text().splitlines()
    }
    assert {"live", "edited", "deleted", "hidden"} <= states


def test_a_zip_bundle_verifies_and_a_tampered_one_does_not(archived, tmp_path):
    _export(archived, tmp_path / "b.zip", Filters(page="springfield-pd-facebook"))
    assert verify_bundle(tmp_path / "b.zip").ok
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(tmp_path / "b.zip") as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "records.csv":
                data = data.replace(b"officer", b"0fficer", 1)
            dst.writestr(name, data)
    report = verify_bundle(tampered)
    assert not report.ok and any("records.csv" in p for p in report.problems)


@pytest.mark.parametrize("tamper", ["change_byte", "remove_file", "add_file", "rehashed_record"])
def test_verify_bundle_catches_tampering(archived, tmp_path, tamper):
    folder = tmp_path / "bundle"
    _export(archived, folder, Filters(platform="facebook"))
    records = folder / "records.jsonl"
    if tamper == "change_byte":
        data = bytearray((folder / "threads" / "00001.html").read_bytes())
        data[len(data) // 2] ^= 0x01
        (folder / "threads" / "00001.html").write_bytes(bytes(data))
    elif tamper == "remove_file":
        (folder / "capture_gaps.json").unlink()
    elif tamper == "add_file":
        (folder / "threads" / "extra.html").write_text("<p>planted</p>")
    else:  # change a record's text and fix up the manifest: the record's own hash still fails
        lines = records.read_text().splitlines()
        entry = json.loads(lines[5])
        entry["record"]["text"] += " (edited by someone)"
        lines[5] = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        records.write_text("\n".join(lines) + "\n")
        manifest = json.loads((folder / "manifest.json").read_text())
        import hashlib

        manifest["files"]["records.jsonl"] = {
            "sha256": hashlib.sha256(records.read_bytes()).hexdigest(),
            "bytes": records.stat().st_size,
        }
        (folder / "manifest.json").write_text(json.dumps(manifest))
    report = verify_bundle(folder)
    assert not report.ok, tamper


def test_exported_html_escapes_what_commenters_wrote(app, tmp_path):
    from page_governor.archive.store import Archive
    from page_governor.models import ItemKind, Platform, Provenance

    pages = register_sample(app)
    page = pages["springfield-pd-facebook"]
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with app.db.begin() as conn:
        for kind, pid in ((ItemKind.POST, "p1"), (ItemKind.COMMENT, "c1")):
            Archive().capture(
                conn,
                page_id=page["id"],
                kind=kind,
                platform_item_id=pid,
                text_value=hostile,
                raw={"message": hostile},
                provenance=Provenance(Platform.FACEBOOK, "t", T1, "t"),
                captured_at=T1,
                post_platform_id="p1",
                author_name='"><b>Mallory</b>',
                created_at=T1,
            )
    _export(app, tmp_path / "b")
    pages_html = "".join(p.read_text() for p in (tmp_path / "b" / "threads").glob("*.html"))
    assert (
        "<script>" not in pages_html and "<img" not in pages_html and "<b>Mallory" not in pages_html
    )
    assert "&lt;script&gt;" in pages_html


def test_public_copy_redacts_personal_information_and_logs_it_while_native_stays_complete(
    archived, tmp_path
):
    _export(archived, tmp_path / "native")
    result = _export(archived, tmp_path / "public", redactor=Redactor())
    native = (tmp_path / "native" / "records.jsonl").read_text()
    public = (tmp_path / "public" / "records.jsonl").read_text()
    assert "412 Elm Street" in native and "412 Elm Street" not in public
    assert "[REDACTED ADDRESS]" in public and result.redactions > 0
    log = [
        json.loads(x) for x in (tmp_path / "public" / "redactions.jsonl").read_text().splitlines()
    ]
    assert log and all("removed" in entry for entry in log)
    assert "412" not in (tmp_path / "public" / "redactions.jsonl").read_text()
    assert verify_bundle(tmp_path / "public").ok
    assert json.loads((tmp_path / "public" / "manifest.json").read_text())["public_release"] is True


def test_warc_export_passes_warcio_check(archived, tmp_path):
    out = tmp_path / "records.warc.gz"
    with archived.db.connect() as conn:
        result = write_warc(conn, Filters(platform="facebook"), out, exported_by="R. Clerk", now=T2)
    assert result.versions > 0
    warcio = shutil.which("warcio") or str(Path(sys.executable).parent / "warcio")
    checked = subprocess.run(
        [warcio, "check", "-v", str(out)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("digest pass") >= 2 * result.versions
    from warcio.archiveiterator import ArchiveIterator

    with out.open("rb") as fh:
        kinds = [record.rec_type for record in ArchiveIterator(fh)]
    assert kinds[0] == "warcinfo" and kinds.count("resource") == result.versions


def test_export_refuses_to_overwrite(archived, tmp_path):
    (tmp_path / "b").mkdir()
    with pytest.raises(InputError):
        _export(archived, tmp_path / "b")


# -- retention and holds ----------------------------------------------------------------------


@pytest.fixture
def schedule(app):
    return retention.load_schedule(app.settings.config_dir)


def test_disposition_needs_a_second_clerk_keeps_hashes_and_the_chain_verifies(archived, schedule):
    later = T2 + timedelta(days=365 * 3 + 30)
    with archived.db.begin() as conn:
        list_id = retention.propose(conn, schedule["comments"], by="retention-sweep", now=later)
    assert list_id is not None
    with archived.db.begin() as conn, pytest.raises(WorkflowError):
        retention.approve(conn, list_id, by="retention-sweep", now=later)
    with archived.db.begin() as conn, pytest.raises(WorkflowError):
        retention.approve(conn, list_id, by="Retention-Sweep ", now=later)
    with archived.db.begin() as conn:
        disposed = retention.approve(conn, list_id, by="R. Clerk", now=later)
    assert disposed > 0
    with archived.db.connect() as conn:
        assert all(r.ok for r in verify_chains(conn)), [r.problem for r in verify_chains(conn)]
        texts = (
            conn.execute(
                select(t.archive_versions.c.text).where(
                    t.archive_versions.c.disposition_id == list_id
                )
            )
            .scalars()
            .all()
        )
        assert set(texts) == {retention.DISPOSED_TEXT}
        actions = conn.execute(select(t.audit_log.c.action)).scalars().all()
    assert "retention.propose" in actions and "retention.approve" in actions
    assert not _ids(archived, Filters(text="oink"))  # disposed text is gone from the index


def test_a_legal_hold_freezes_disposition_until_released(archived, schedule):
    later = T2 + timedelta(days=365 * 3 + 30)
    with archived.db.begin() as conn:
        list_id = retention.propose(conn, schedule["comments"], by="retention-sweep", now=later)
        hold_id = retention.add_hold(
            conn,
            name="Doe v. City",
            reason="litigation",
            filters=Filters(page="springfield-pd-facebook"),
            by="counsel",
            now=later,
        )
    with archived.db.begin() as conn, pytest.raises(WorkflowError, match="legal hold"):
        retention.approve(conn, list_id, by="R. Clerk", now=later)
    with archived.db.connect() as conn:
        assert (
            conn.execute(
                select(t.archive_versions.c.id).where(t.archive_versions.c.disposed_at.is_not(None))
            ).all()
            == []
        )
        items, held_back = retention.due(conn, schedule["comments"], later)
    assert held_back > 0
    held = {i["id"] for i in _everything(archived) if i["page"] == "springfield-pd-facebook"}
    assert not held & set(items)
    with archived.db.begin() as conn:
        retention.reject(conn, list_id, by="R. Clerk", reason="hold placed", now=later)
        retention.release_hold(conn, hold_id, by="counsel", reason="settled", now=later)
        again = retention.propose(conn, schedule["comments"], by="retention-sweep", now=later)
    with archived.db.begin() as conn:
        assert retention.approve(conn, again, by="R. Clerk", now=later) > 0


def test_nothing_is_due_before_its_period_ends(archived, schedule):
    with archived.db.connect() as conn:
        items, _ = retention.due(conn, schedule["comments"], T2 + timedelta(days=30))
    assert items == []


def test_the_database_refuses_any_other_change_to_a_version(archived):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError, match="append-only"), archived.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE archive_versions SET text = '', disposed_at = captured_at WHERE id = 1")
        )


def test_verify_finds_text_missing_from_the_search_index_and_reindex_restores_it(archived, cli_env):
    if archived.db.dialect != "sqlite":
        pytest.skip("PostgreSQL's GIN index is kept by the server")
    word = "officer"
    found = _ids(archived, Filters(text=word))
    with archived.db.begin() as conn:
        version_id, text = conn.execute(
            select(t.archive_versions.c.id, t.archive_versions.c.text)
            .where(t.archive_versions.c.text.ilike(f"%{word}%"))
            .limit(1)
        ).one()
        conn.exec_driver_sql(
            "INSERT INTO archive_fts(archive_fts, rowid, text) VALUES ('delete', ?, ?)",
            (version_id, text),
        )
    assert _ids(archived, Filters(text=word)) < found  # search now misses a record
    with archived.db.connect() as conn:
        reports = {r.chain: r for r in verify_chains(conn)}
    assert reports["archive"].ok and reports["audit"].ok
    assert not reports["search index"].ok

    verify = subprocess.run(
        [sys.executable, "-m", "page_governor", "archive", "verify"],
        env=cli_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 4
    assert "search index" in verify.stderr and "archive reindex" in verify.stderr
    assert "Traceback" not in verify.stderr

    rebuilt = subprocess.run(
        [sys.executable, "-m", "page_governor", "archive", "reindex", "--by", "R. Clerk"],
        env=cli_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _ids(archived, Filters(text=word)) == found
    with archived.db.connect() as conn:
        assert all(r.ok for r in verify_chains(conn))
        entry = conn.execute(
            select(t.audit_log.c.actor).where(t.audit_log.c.action == "archive.reindex")
        ).one()
    assert entry.actor == "R. Clerk"


def test_nothing_the_classifier_flags_as_personal_information_survives_a_public_copy(app, tmp_path):
    from page_governor.archive.store import Archive
    from page_governor.models import Category, ItemKind, Platform, Provenance

    page = register_sample(app)["springfield-pd-facebook"]
    texts = [
        "his personal number is +52 55 1234 5678, call him",
        "su celular es 55 1234 5678, llámenle",
        "her mobile is 07700 900456, ring her",
        "His plate is 7KXM482, silver Camry. Follow him.",
        "Her social is 524-61-9083",
        "That rat lives at 1187 Harmon Road, apartment 3B. Go say hi.",
        "Kayla Brennan, 14, goes to Westfield Middle School.",
        "Mark Dillard, born 03/14/1979, keyed my car",
        "Spam this guy's inbox: derek.haines77@gmail.com",
        "Use his card 5425 2334 3010 9903",
    ]
    flagged_evidence = []
    with app.db.begin() as conn:
        for n, text in enumerate(texts):
            result = app.classifier.classify(text)
            assert Category.PERSONAL_INFO in result.categories, text
            flagged_evidence += [
                e.text for e in result.evidence if e.category is Category.PERSONAL_INFO
            ]
            Archive().capture(
                conn,
                page_id=page["id"],
                kind=ItemKind.COMMENT,
                platform_item_id=f"pii-{n}",
                text_value=text,
                raw={"message": text},
                provenance=Provenance(Platform.FACEBOOK, "t", T1, "t"),
                captured_at=T1,
                post_platform_id="p1",
                created_at=T1,
            )
    _export(app, tmp_path / "public", redactor=Redactor())
    public = (tmp_path / "public" / "records.jsonl").read_text(encoding="utf-8")
    for evidence in flagged_evidence:
        assert evidence not in public, evidence
    log = (tmp_path / "public" / "redactions.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in log.splitlines()]
    each = [r for entry in entries for r in entry["text_redactions"]]
    assert len(each) >= len(texts)
    assert {r["kind"] for r in each} >= {"phone", "plate", "ssn", "address", "minor", "dob", "card"}
    for evidence in flagged_evidence:
        assert evidence not in log  # the log says where and what kind, never the value


def test_records_csv_never_hands_a_spreadsheet_a_formula_while_the_jsonl_keeps_the_text(
    app, tmp_path
):
    import csv

    from page_governor.archive.store import Archive
    from page_governor.models import ItemKind, Platform, Provenance

    page = register_sample(app)["springfield-pd-facebook"]
    formula = '=HYPERLINK("http://evil.example/x","click me")'
    with app.db.begin() as conn:
        Archive().capture(
            conn,
            page_id=page["id"],
            kind=ItemKind.COMMENT,
            platform_item_id="f1",
            text_value=formula,
            raw={"message": formula},
            provenance=Provenance(Platform.FACEBOOK, "t", T1, "t"),
            captured_at=T1,
            post_platform_id="p1",
            author_name="@cmd|' /C calc'!A0",
            created_at=T1,
        )
    _export(app, tmp_path / "b")
    with (tmp_path / "b" / "records.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["platform_item_id"] == "f1"]
    assert rows and all(
        not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values()
    )
    assert rows[0]["text"] == "'" + formula
    lines = (tmp_path / "b" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["record"]["text"] for line in lines]
    assert formula in texts  # the record itself keeps exactly what was written
    assert verify_bundle(tmp_path / "b").ok
