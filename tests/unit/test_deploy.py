"""The container files (issue 20, item 4) say what the Procfile says: one image, the release
step before the worker and the web process, PostgreSQL beside them, a non-root user and a
health check on /healthz for the web process only. Where Docker is installed, CI also runs
`docker compose config` and builds the image (.ci/run)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "docs" / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def _procfile() -> dict[str, list[str]]:
    lines = (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
    return {name: command.split() for name, command in (line.split(": ", 1) for line in lines)}


def test_compose_runs_the_procfile_processes_on_one_image_after_migrations():
    services = _compose()["services"]
    assert set(services) == {"db", "release", "worker", "web"}
    for name, command in _procfile().items():
        assert services[name]["command"] == command
        assert services[name]["image"] == "page-governor:local"
        build = services[name]["build"]
        assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == (
            DEPLOY / "Dockerfile"
        ).resolve()
    assert services["release"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    for name in ("worker", "web"):
        assert services[name]["depends_on"] == {
            "release": {"condition": "service_completed_successfully"}
        }
    assert services["db"]["image"].startswith("postgres:")


def test_every_process_reaches_postgresql_and_only_the_web_process_has_a_health_check():
    services = _compose()["services"]
    for name in ("release", "worker", "web"):
        url = services[name]["environment"]["DATABASE_URL"]
        assert url.startswith("postgresql://page_governor:") and url.endswith(
            "@db:5432/page_governor"
        )
        assert services[name]["environment"]["PAGE_GOVERNOR_CONFIG_DIR"] == "/etc/page_governor"
    assert services["release"]["healthcheck"] == {"disable": True}
    assert services["worker"]["healthcheck"] == {"disable": True}
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["web"]["environment"]["PORT"] == "8000"


def test_the_image_runs_as_a_non_root_user_with_a_health_check_and_the_package_it_builds():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", dockerfile, re.M)
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    # what `pip install .` needs: the project file, its readme, the package and its config
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["readme"] == "README.md"
    assert {"pyproject.toml", "config", "page_governor"} <= copied
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignored and {"!config/", "!page_governor/", "!pyproject.toml"} <= set(ignored)


def test_the_example_environment_names_every_secret_the_settings_refuse_in_files():
    from page_governor.config import _FILE_ONLY_FORBIDDEN

    example = (DEPLOY / "example.env").read_text(encoding="utf-8")
    for secret in _FILE_ONLY_FORBIDDEN - {"meta_discovery_token"}:
        assert f"PAGE_GOVERNOR_{secret.upper()}=" in example
