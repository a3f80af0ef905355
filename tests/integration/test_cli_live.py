"""The operator's commands for live pages: poll with a missing token, health, resume, serve."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from page_governor.config import DEFAULT_CONFIG_DIR
from tests.helpers import run_cli

PAGES_YAML = """
departments:
  - slug: springfield-pd
    name: Springfield Police Department
    official_domains: [springfieldpd.example]
pages:
  - key: spd-fb
    department: springfield-pd
    platform: facebook
    platform_id: "100200300"
    token_env: SPD_FB_TOKEN_NOT_SET
"""


@pytest.fixture
def live_env(cli_env, tmp_path, migrated_url):
    config = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config)
    (config / "pages.yaml").write_text(PAGES_YAML, encoding="utf-8")
    return {**cli_env, "PAGE_GOVERNOR_CONFIG_DIR": str(config)}


def test_polling_a_page_without_its_token_fails_in_one_line_and_records_the_gap(live_env):
    result = run_cli("poll", env=live_env)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "1 of 1 pages could not be read: spd-fb" in result.stderr
    assert "SPD_FB_TOKEN_NOT_SET" in result.stdout  # the table says which variable is missing
    health = run_cli("pages", "health", "--json", env=live_env)
    assert health.returncode == 0, health.stderr
    assert '"status": "paused"' in health.stdout and '"open_gap_since"' in health.stdout
    resumed = run_cli("pages", "resume", "spd-fb", "--by", "admin", env=live_env)
    assert resumed.returncode == 0, resumed.stderr
    unknown = run_cli("pages", "resume", "no-such-page", env=live_env)
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_health_checks_and_stops_cleanly_on_sigterm(cli_env, migrated_url):
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "page_governor",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(
                        proc.stderr.read() if proc.poll() is not None else "no answer"
                    ) from None
                time.sleep(0.2)
        assert response.json() == {"ok": True, "database": "ok"}
        refused = httpx.post(f"http://127.0.0.1:{port}/webhooks/meta", content=b"{}", timeout=5)
        assert refused.status_code == 503  # no app secret configured: events are refused
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=10)
    # uvicorn shuts down gracefully, then re-raises SIGTERM so the exit status tells why
    assert proc.returncode in (0, -signal.SIGTERM)
    assert "Finished server process" in stderr
