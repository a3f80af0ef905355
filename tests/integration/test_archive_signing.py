"""Signed chain heads and signed bundles: a chain rewritten after it was signed is caught even
when every hash was recomputed; a bundle is checked against the department's published key."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from page_governor.app import App
from page_governor.archive import signing
from page_governor.archive.bundle_verify import verify_bundle
from page_governor.archive.export import export_bundle
from page_governor.archive.integrity import verify_chains
from page_governor.archive.search import Filters
from page_governor.archive.store import version_record
from page_governor.config import DEFAULT_CONFIG_DIR, Settings
from page_governor.db import open_database
from page_governor.db import schema as t
from page_governor.hashing import chain_hash
from page_governor.worker.jobs import signing_job
from tests.conftest import NOW
from tests.helpers import add_person, poll_all, register_sample, run_cli

PRIVATE, PUBLIC = signing.generate()


@pytest.fixture
def signed_app(tmp_path, clock, migrated_url):
    settings = Settings(
        config_dir=DEFAULT_CONFIG_DIR,
        data_dir=tmp_path / "data",
        database_url=migrated_url,
        archive_signing_private_key=PRIVATE,
        archive_signing_public_key=PUBLIC,
    )
    app = App(settings, clock=clock)
    register_sample(app)
    poll_all(app, NOW)
    yield app
    app.close()


def _sign(app: App) -> dict:
    with app.db.begin() as conn:
        return signing.sign_heads(conn, signing.private_key_of(app.settings), now=NOW)


def _signed_bundle(app: App, out: Path) -> Path:
    with app.db.connect() as conn:
        export_bundle(
            conn,
            Filters(),
            out,
            exported_by="R. Clerk",
            now=NOW,
            signing_key=signing.private_key_of(app.settings),
        )
    return out


def _rewrite_history(path: Path, version_id: int) -> None:
    """What someone with the database file can do: change an old comment, then recompute every
    hash after it so that the chain verifies again."""
    con = sqlite3.connect(path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute(
        "UPDATE archive_versions SET text = 'nothing to see here' WHERE id = ?", (version_id,)
    )
    con.commit()
    con.close()
    db = open_database(f"sqlite:///{path}")
    with db.begin() as conn:
        rows = conn.execute(select(t.archive_versions).order_by(t.archive_versions.c.id)).mappings()
        prev = "0" * 64
        for row in list(rows):
            record_hash = chain_hash(prev, version_record(dict(row)))
            conn.execute(
                t.archive_versions.update()
                .where(t.archive_versions.c.id == row["id"])
                .values(prev_hash=prev, record_hash=record_hash)
            )
            prev = record_hash
    db.dispose()


def test_a_chain_rewritten_after_signing_is_caught_though_every_hash_was_recomputed(
    signed_app, tmp_path
):
    if signed_app.db.dialect != "sqlite":
        pytest.skip("rewrites the SQLite file directly")
    row = _sign(signed_app)
    trusted = signing.published_keys(signed_app.settings)
    with signed_app.db.connect() as conn:
        assert signing.verify_signed_heads(conn, trusted).ok
    path = Path(signed_app.settings.effective_database_url.removeprefix("sqlite:///"))
    signed_app.db.dispose()
    copy = tmp_path / "rewritten.sqlite3"
    shutil.copy(path, copy)
    _rewrite_history(copy, version_id=3)

    db = open_database(f"sqlite:///{copy}")
    with db.connect() as conn:
        chain = {r.chain: r for r in verify_chains(conn)}
        report = signing.verify_signed_heads(conn, trusted)
    db.dispose()
    assert chain["archive"].ok  # the chain alone cannot tell
    assert not report.ok and report.signature_id == row["id"]
    assert "rewritten after it was signed" in report.problem


def test_a_signature_by_another_key_is_refused(signed_app):
    _sign(signed_app)
    _, other_public = signing.generate()
    with signed_app.db.connect() as conn:
        report = signing.verify_signed_heads(conn, [signing.load_public_key(other_public)])
    assert not report.ok and "not with the department's published key" in report.problem


def test_a_signature_whose_payload_was_altered_does_not_verify(signed_app):
    if signed_app.db.dialect != "sqlite":
        pytest.skip("alters the SQLite file directly")
    row = _sign(signed_app)
    with signed_app.db.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER chain_signatures_no_update")
        conn.execute(
            t.chain_signatures.update()
            .where(t.chain_signatures.c.id == row["id"])
            .values(payload=row["payload"].replace('"audit"', '"audit" '))
        )
    with signed_app.db.connect() as conn:
        report = signing.verify_signed_heads(conn, None)
    assert not report.ok and "does not verify" in report.problem


@pytest.mark.parametrize(
    "statement", ["UPDATE chain_signatures SET key_id = 'x'", "DELETE FROM chain_signatures"]
)
def test_stored_signatures_cannot_be_changed_or_removed(signed_app, statement):
    _sign(signed_app)
    with pytest.raises(DBAPIError, match="append-only"), signed_app.db.engine.begin() as conn:
        conn.execute(text(statement))


def test_the_daily_job_signs_once_a_day_and_only_with_a_key(signed_app, app):
    first = signing_job(signed_app, owner="worker-a")
    assert first is not None
    assert signing_job(signed_app, owner="worker-b") is None  # the same day: done already
    assert signing_job(app, owner="worker-a") is None  # no key configured
    with signed_app.db.connect() as conn:
        payload = json.loads(
            conn.execute(
                select(t.chain_signatures.c.payload).where(t.chain_signatures.c.id == first)
            ).scalar_one()
        )
        newest = conn.execute(
            select(t.archive_versions.c.id).order_by(t.archive_versions.c.id.desc()).limit(1)
        ).scalar_one()
    assert payload["heads"]["archive"]["id"] == newest


def test_a_signed_bundle_verifies_against_the_published_key_and_nothing_else(signed_app, tmp_path):
    trusted = signing.published_keys(signed_app.settings)
    out = _signed_bundle(signed_app, tmp_path / "request.zip")
    report = verify_bundle(out, trusted=trusted)
    assert report.ok and report.signed_by == signing.key_id(trusted[0])

    _, other_public = signing.generate()
    wrong = verify_bundle(out, trusted=[signing.load_public_key(other_public)])
    assert not wrong.ok and "not the expected" in wrong.problems[0]

    unsigned = tmp_path / "unsigned"
    with signed_app.db.connect() as conn:
        export_bundle(conn, Filters(), unsigned, exported_by="R. Clerk", now=NOW)
    assert verify_bundle(unsigned).ok  # an unsigned bundle is still checked...
    assert not verify_bundle(unsigned, trusted=trusted).ok  # ...but is not the department's


def test_a_bundle_whose_manifest_was_rewritten_fails_its_signature(signed_app, tmp_path):
    out = _signed_bundle(signed_app, tmp_path / "bundle")
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["exported_by"] = "someone else"
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    report = verify_bundle(out)
    assert not report.ok and "does not match manifest.json" in report.problems[0]


def test_clerk_and_admin_sign_verify_and_check_a_bundle_from_the_command_line(cli_env, tmp_path):
    keys = run_cli("archive", "keygen", env=cli_env)
    assert keys.returncode == 0
    private = keys.stdout.splitlines()[0].split("=", 1)[1]
    public = keys.stdout.splitlines()[1].split(": ", 1)[1]
    env = {**cli_env, "PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY": private}
    assert run_cli("demo", env=env).returncode == 0

    unsigned = run_cli("archive", "verify", env=env)
    assert unsigned.returncode == 0 and "signed heads: none yet" in unsigned.stdout
    published = {**env, "PAGE_GOVERNOR_ARCHIVE_SIGNING_PUBLIC_KEY": public}
    missing = run_cli("archive", "verify", env=published)  # a published key, nothing signed
    assert missing.returncode == 4 and "no signed chain heads" in missing.stderr
    signed = run_cli("archive", "sign", "--by", "A. Admin", env=env)
    assert signed.returncode == 0, signed.stderr
    assert private not in signed.stdout + signed.stderr
    verified = run_cli(
        "archive", "verify", env={**env, "PAGE_GOVERNOR_ARCHIVE_SIGNING_PUBLIC_KEY": public}
    )
    assert verified.returncode == 0, verified.stderr
    assert "signed heads: 1 signatures verified" in verified.stdout
    assert "(a published key)" in verified.stdout

    bundle = tmp_path / "request.zip"
    add_person(env, "rclerk", "records_clerk")
    exported = run_cli("archive", "export", "--out", str(bundle), "--by", "rclerk", env=env)
    assert exported.returncode == 0 and "signed with the department's key" in exported.stdout
    checked = run_cli("archive", "verify-bundle", str(bundle), "--public-key", public, env=cli_env)
    assert checked.returncode == 0 and "(a published key)" in checked.stdout
    _, other = signing.generate()
    refused = run_cli("archive", "verify-bundle", str(bundle), "--public-key", other, env=cli_env)
    assert refused.returncode == 4 and "Traceback" not in refused.stderr

    bad = run_cli(
        "archive",
        "sign",
        env={**cli_env, "PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY": "not a key!"},
    )
    assert bad.returncode == 2 and "neither base64 nor PEM" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = run_cli("archive", "sign", env=cli_env)
    assert missing.returncode == 2 and "archive keygen" in missing.stderr


def _pem(key, *, private: bool) -> str:
    from cryptography.hazmat.primitives import serialization

    if private:
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def test_keys_are_read_as_base64_or_pem_and_other_keys_are_refused_in_one_line():
    from cryptography.hazmat.primitives.asymmetric import rsa

    from page_governor.errors import ConfigError

    key = signing.load_private_key(PRIVATE)
    expected = signing.key_id(signing.load_public_key(PUBLIC))
    assert (
        signing.key_id(signing.load_private_key(_pem(key, private=True)).public_key()) == expected
    )
    assert (
        signing.key_id(signing.load_public_key(_pem(key.public_key(), private=False))) == expected
    )
    other = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    for value, why in [
        ("not a key!", "neither base64 nor PEM"),
        ("AAAA", "must be 32 bytes"),
        (_pem(other, private=True), "not an Ed25519 key"),
    ]:
        with pytest.raises(ConfigError, match=why):
            signing.load_private_key(value)


def test_signatures_of_a_replaced_key_still_verify_while_it_stays_published(signed_app):
    _sign(signed_app)  # with the first key
    new_private, new_public = signing.generate()
    rotated = signed_app.settings.model_copy(
        update={
            "archive_signing_private_key": new_private,
            "archive_signing_public_key": f"{new_public},{PUBLIC}",
        }
    )
    signed_app.settings = rotated
    _sign(signed_app)  # with the new key
    with signed_app.db.connect() as conn:
        both = signing.verify_signed_heads(conn, signing.published_keys(rotated))
        only_new = signing.verify_signed_heads(conn, signing.load_public_keys(new_public))
    assert both.ok and both.signatures == 2 and len(both.key_ids) == 2
    assert not only_new.ok  # the old signatures need the old key published


def test_a_signing_key_that_is_not_published_is_refused_at_start_up():
    from page_governor.config import load_settings
    from page_governor.errors import ConfigError

    _, other_public = signing.generate()
    environment = {
        "PAGE_GOVERNOR_ARCHIVE_SIGNING_PRIVATE_KEY": PRIVATE,
        "PAGE_GOVERNOR_ARCHIVE_SIGNING_PUBLIC_KEY": other_public,
    }
    with pytest.raises(ConfigError, match="is not among archive_signing_public_key"):
        load_settings({}, environment)


def test_a_bundle_signature_replayed_as_a_chain_signature_is_refused(signed_app, tmp_path):
    out = _signed_bundle(signed_app, tmp_path / "bundle")
    sig = json.loads((out / "manifest.sig").read_text())
    with signed_app.db.begin() as conn:  # the table takes new rows: someone adds one
        conn.execute(
            t.chain_signatures.insert().values(
                signed_at=NOW,
                key_id=sig["key_id"],
                public_key=sig["public_key"],
                payload=(out / "manifest.json").read_text(),
                signature=sig["signature"],
            )
        )
    with signed_app.db.connect() as conn:
        report = signing.verify_signed_heads(conn, signing.published_keys(signed_app.settings))
    assert not report.ok and "does not sign chain heads" in report.problem


def test_an_empty_database_does_not_verify_clean_when_the_department_publishes_a_key(cli_env):
    keys = run_cli("archive", "keygen", env=cli_env)
    public = keys.stdout.splitlines()[1].split(": ", 1)[1]
    assert run_cli("db", "upgrade", env=cli_env).returncode == 0
    result = run_cli(
        "archive", "verify", env={**cli_env, "PAGE_GOVERNOR_ARCHIVE_SIGNING_PUBLIC_KEY": public}
    )
    assert result.returncode == 4
    assert "the archive is empty" in result.stderr and "Traceback" not in result.stderr
