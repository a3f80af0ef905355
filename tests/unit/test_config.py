from __future__ import annotations

from pathlib import Path

import pytest

from page_governor.config import (
    DEFAULT_CONFIG_DIR,
    load_registry,
    load_settings,
    normalise_database_url,
)
from page_governor.errors import ConfigError


def _config_dir(tmp_path: Path, settings_text: str = "", pages_text: str | None = None) -> Path:
    d = tmp_path / "config"
    d.mkdir()
    (d / "settings.yaml").write_text(settings_text, encoding="utf-8")
    if pages_text is not None:
        (d / "pages.yaml").write_text(pages_text, encoding="utf-8")
    return d


def test_defaults_load_from_the_bundled_config_directory():
    settings = load_settings({"config_dir": DEFAULT_CONFIG_DIR}, environ={})
    assert settings.poll_interval_seconds == 300
    assert settings.facebook_graph_version == "v24.0"
    assert settings.is_embedded_database
    assert settings.effective_database_url.endswith("page_governor.sqlite3")


def test_environment_overrides_file_and_flags_override_environment(tmp_path):
    d = _config_dir(tmp_path, "poll_interval_seconds: 60\nlog_level: INFO\n")
    env = {"PAGE_GOVERNOR_POLL_INTERVAL_SECONDS": "90", "PAGE_GOVERNOR_LOG_LEVEL": "ERROR"}
    settings = load_settings({"config_dir": d, "log_level": "DEBUG"}, environ=env)
    assert settings.poll_interval_seconds == 90
    assert settings.log_level == "DEBUG"


def test_every_problem_is_reported_at_once(tmp_path):
    d = _config_dir(
        tmp_path, "poll_interval_seconds: often\nfacebook_graph_url: graph\nmystery: 1\n"
    )
    with pytest.raises(ConfigError) as info:
        load_settings({"config_dir": d}, environ={"PAGE_GOVERNOR_HTTP_TIMEOUT_SECONDS": "-1"})
    problems = " | ".join(info.value.problems)
    assert len(info.value.problems) == 4
    for name in ("poll_interval_seconds", "facebook_graph_url", "mystery", "http_timeout_seconds"):
        assert name in problems
    assert "PAGE_GOVERNOR_HTTP_TIMEOUT_SECONDS" in problems
    assert info.value.exit_code == 2


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    d = _config_dir(tmp_path, "log_level: INFO\n  bad: [indent\n")
    with pytest.raises(ConfigError) as info:
        load_settings({"config_dir": d}, environ={})
    assert "settings.yaml" in info.value.message
    assert "line" in info.value.message


def test_secrets_in_a_file_are_refused(tmp_path):
    d = _config_dir(tmp_path, "telegram_bot_token: 123:abc\n")
    with pytest.raises(ConfigError) as info:
        load_settings({"config_dir": d}, environ={})
    assert "environment" in info.value.message


def test_secrets_are_read_from_the_environment(tmp_path):
    d = _config_dir(tmp_path)
    settings = load_settings({"config_dir": d}, environ={"PAGE_GOVERNOR_TELEGRAM_BOT_TOKEN": "1:x"})
    assert settings.telegram_bot_token == "1:x"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
    ids=["heroku-style", "plain-postgresql", "sqlite-untouched"],
)
def test_database_urls_are_normalised(given, expected):
    assert normalise_database_url(given) == expected


def test_database_url_from_environment_is_used(tmp_path):
    d = _config_dir(tmp_path)
    settings = load_settings({"config_dir": d}, environ={"DATABASE_URL": "postgres://u@h/db"})
    assert settings.effective_database_url == "postgresql+psycopg://u@h/db"
    assert not settings.is_embedded_database


def test_unsupported_database_url_is_a_config_error(tmp_path):
    d = _config_dir(tmp_path)
    with pytest.raises(ConfigError, match="database_url"):
        load_settings({"config_dir": d}, environ={"DATABASE_URL": "mysql://u@h/db"})


def test_missing_config_directory_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings({"config_dir": tmp_path / "nope"}, environ={})


def test_registry_rejects_unknown_department_and_bad_keys(tmp_path):
    d = _config_dir(
        tmp_path,
        pages_text="""
departments:
  - {slug: spd, name: Springfield PD, official_domains: [spd.example]}
pages:
  - {key: a-page, department: nope, platform: facebook, platform_id: "1"}
  - {key: Bad Key, department: spd, platform: myspace, platform_id: "2"}
""",
    )
    with pytest.raises(ConfigError) as info:
        load_registry(d)
    text = " | ".join(info.value.problems)
    assert "platform" in text and "key" in text


def test_registry_rejects_a_page_whose_department_is_missing(tmp_path):
    d = _config_dir(
        tmp_path,
        pages_text="""
departments:
  - {slug: spd, name: Springfield PD, official_domains: [spd.example]}
pages:
  - {key: a-page, department: other, platform: facebook, platform_id: "1"}
""",
    )
    with pytest.raises(ConfigError, match="unknown department"):
        load_registry(d)


def test_shipped_example_registry_is_valid():
    example = DEFAULT_CONFIG_DIR / "pages.example.yaml"
    d = example.parent
    # load_registry reads pages.yaml; validate the example through the same model
    import yaml

    from page_governor.config import RegistryConfig

    reg = RegistryConfig(**yaml.safe_load(example.read_text()))
    assert reg.pages and reg.departments
    assert load_registry(d).pages == ()  # the shipped pages.yaml registers nothing


def test_every_package_folder_is_listed_for_the_wheel():
    """pyproject.toml lists the packages (so config/ ships as page_governor/default_config):
    a new folder of code must be added there or a plain install would lack it."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    tree = {
        ".".join(path.relative_to(root).parts)
        for path in (root / "page_governor").rglob("*")
        if path.is_dir() and path.name != "__pycache__" and any(path.iterdir())
    } | {"page_governor"}
    assert tree | {"page_governor.default_config"} == listed


def test_a_missing_config_directory_names_both_ways_of_giving_one(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_settings({"config_dir": tmp_path / "nope"}, environ={})
    assert "--config-dir" in err.value.message and "PAGE_GOVERNOR_CONFIG_DIR" in err.value.message


def _leaves(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    else:
        yield path, node


@pytest.mark.parametrize("wrong", [["a", "list"], {"a": "mapping"}, 7, "word", True, None, 2.5])
def test_a_wrong_type_anywhere_in_moderation_yaml_is_a_config_error_not_a_traceback(wrong):
    import contextlib
    import copy

    import yaml

    from page_governor.errors import ConfigError
    from page_governor.moderation.lexicon import build_lexicon

    shipped = yaml.safe_load((DEFAULT_CONFIG_DIR / "moderation.yaml").read_text(encoding="utf-8"))
    paths = [path for path, _ in _leaves(shipped) if path] + [
        ("thresholds",),
        ("thresholds", "spam"),
        ("model", "attack_threshold"),
        ("model", "spam_threshold"),
        ("model", "threat_threshold"),
    ]
    for path in paths:
        data = copy.deepcopy(shipped)
        node = data
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = wrong
        with contextlib.suppress(ConfigError):  # a clear message; anything else fails here
            build_lexicon(data)


def test_a_misspelt_or_wrongly_typed_moderation_setting_is_named():
    import yaml

    from page_governor.errors import ConfigError
    from page_governor.moderation.lexicon import build_lexicon

    shipped = yaml.safe_load((DEFAULT_CONFIG_DIR / "moderation.yaml").read_text(encoding="utf-8"))
    for change, named in [
        ({"preset": ["balanced"]}, "preset must be one of"),
        ({"thresold": {"spam": 0.7}}, "unknown setting(s) thresold"),
        ({"thresholds": {"spam": True}}, "thresholds.spam must be a number"),
        ({"coordinated_spam": {"accounts": True}}, "coordinated_spam.accounts"),
        ({"model": {"threat_threshold": 1.5}}, "model.threat_threshold must be a number"),
    ]:
        with pytest.raises(ConfigError) as refused:
            build_lexicon({**shipped, **change})
        assert named in str(refused.value)
