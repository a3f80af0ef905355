"""Small helpers shared by tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from page_governor.app import App
from page_governor.db import schema as t
from page_governor.governance.registry import all_pages, sync_sample
from page_governor.platforms.sample import load_bundled


def run_cli(
    *args: str, env: dict[str, str], stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``page-governor`` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "page_governor", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def count(app: App, table: Any, *where: Any) -> int:
    with app.db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def register_sample(app: App) -> dict[str, dict[str, Any]]:
    dataset = load_bundled()
    with app.db.begin() as conn:
        sync_sample(conn, dataset, now=app.clock.now(), default_interval=300)
        return {p["key"]: p for p in all_pages(conn)}


def poll_all(app: App, at: Any) -> None:
    app.clock.set(at)  # type: ignore[attr-defined]
    with app.db.connect() as conn:
        pages = all_pages(conn)
    ingestor = app.ingestor()
    for page in pages:
        ingestor.poll(page, app.adapter_for(page))


def versions_of(app: App, page_id: int, platform_item_id: str) -> list[dict[str, Any]]:
    with app.db.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(
                select(t.archive_versions)
                .join(t.archive_items, t.archive_items.c.id == t.archive_versions.c.item_id)
                .where(
                    t.archive_items.c.page_id == page_id,
                    t.archive_items.c.platform_item_id == platform_item_id,
                )
                .order_by(t.archive_versions.c.version_no)
            ).mappings()
        ]


def add_person(env: dict[str, str], username: str, role: str, name: str | None = None) -> None:
    """A console account with ``role``, made as an admin would, so that `--by USERNAME` is a
    checked identity on the command line."""
    made = run_cli(
        "users",
        "add",
        username,
        "--name",
        name or username.title(),
        "--role",
        role,
        "--password-stdin",
        env=env,
        stdin="a long enough password\n",
    )
    assert made.returncode == 0, made.stderr


def config_sending_notices(source: Path, folder: Path) -> Path:
    """A copy of the configuration folder ``source`` in ``folder`` with notice and appeal on and
    notices sent through the platforms (``deliver: platform``)."""
    shutil.copytree(source, folder)
    notices = folder / "notices.yaml"
    text = notices.read_text(encoding="utf-8")
    assert "enabled: false" in text and "deliver: by_hand" in text
    notices.write_text(
        text.replace("enabled: false", "enabled: true").replace(
            "deliver: by_hand", "deliver: platform"
        ),
        encoding="utf-8",
    )
    return folder
