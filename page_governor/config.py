"""Settings: one validated object built from CLI flags > environment > ``config/`` files > defaults.

Secrets (tokens, keys) come only from the environment. Files may *name* the environment
variable that holds a secret (``token_env: SPRINGFIELD_PD_FB_TOKEN``), never hold its value.
Every problem found is reported at once in a single :class:`ConfigError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from page_governor.errors import ConfigError

ENV_PREFIX = "PAGE_GOVERNOR_"


def _default_config_dir() -> Path:
    """The configuration used when none is given: the repository's ``config/`` in a checkout
    (an editable install), else the copy shipped inside the package (``page_governor/
    default_config``: the same files, mapped there by pyproject.toml when a wheel is built)."""
    checkout = Path(__file__).resolve().parent.parent / "config"
    if (checkout / "settings.yaml").is_file():
        return checkout
    return Path(str(resources.files("page_governor") / "default_config"))


DEFAULT_CONFIG_DIR = _default_config_dir()
SECRET_WORDS = ("token", "secret", "password", "api_key", "private_key")


def default_data_dir() -> Path:
    """Where the embedded database lives unless told otherwise (XDG data home)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "page_governor"


def normalise_database_url(url: str) -> str:
    """Accept the URL forms hosting platforms hand out and pick our drivers.

    ``postgres://`` (Heroku-style) and ``postgresql://`` become ``postgresql+psycopg://``.
    """
    url = url.strip()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class Settings(BaseModel):
    """Every setting of page_governor, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    data_dir: Path = Field(default_factory=default_data_dir)
    config_dir: Path = DEFAULT_CONFIG_DIR
    database_url: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    http_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    poll_interval_seconds: int = Field(default=300, ge=5, le=86400)
    deletion_lookback_days: int = Field(default=30, ge=1, le=3650)
    capture_media: bool = True  # download the photos and videos that posts and comments show
    media_max_bytes: int = Field(default=100_000_000, ge=1_000, le=2_000_000_000)
    # the only hosts (and their subdomains) media are downloaded from: the platforms' CDNs
    media_hosts: list[str] = Field(
        default_factory=lambda: [
            "fbcdn.net",
            "facebook.com",
            "cdninstagram.com",
            "instagram.com",
            "twimg.com",
        ],
        min_length=1,
    )

    facebook_graph_url: str = "https://graph.facebook.com/"
    facebook_graph_version: str = "v24.0"
    x_api_url: str = "https://api.twitter.com"
    telegram_api_url: str = "https://api.telegram.org/bot"

    telegram_bot_token: str | None = None  # secret: environment only
    telegram_pio_chat_id: int | None = None
    telegram_chief_chat_id: int | None = None  # escalations, page approvals (default: PIO chat)
    telegram_admin_chat_id: int | None = None  # paused pages, token problems (default: PIO chat)
    telegram_poll_timeout_seconds: int = Field(default=8, ge=0, le=50)  # getUpdates long poll
    digest_time: str = "07:00"  # UTC, HH:MM
    compliance_time: str = "06:00"  # UTC, HH:MM: the daily compliance check
    lease_seconds: int = Field(default=30, ge=2, le=600)  # how long a dead worker's claims last
    recertification_months: int = Field(default=12, ge=1, le=60)  # review of every active page
    facebook_app_secret: str | None = None  # secret: environment only
    facebook_app_id: str | None = None  # with the secret, lets `doctor` read each token's scopes
    meta_webhook_verify_token: str | None = None  # secret: environment only
    meta_discovery_token: str | None = None  # secret: a Business Manager token, /me/accounts
    # X OAuth 2.0 user tokens (hiding replies): refreshed before they expire, stored encrypted
    x_client_id: str | None = None  # the X app's OAuth 2.0 client id (not secret)
    x_client_secret: str | None = None  # secret: confidential clients only
    token_encryption_key: str | None = None  # secret: Fernet key for tokens stored at rest

    web_host: str = "0.0.0.0"
    web_port: int = Field(default=8000, ge=1, le=65535)  # PORT (set by hosting platforms) wins
    web_secret_key: str | None = None  # secret: signs console sessions
    web_https_only: bool = True  # session cookie only over HTTPS (false for local trials)

    # Ed25519 signatures over the chain heads (daily) and over exported bundles.
    archive_signing_private_key: str | None = None  # secret: environment only
    archive_signing_public_key: str | None = None  # published keys, comma-separated

    @field_validator("facebook_graph_url", "x_api_url", "telegram_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("digest_time", "compliance_time")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ValueError("must be a UTC time of day like 07:30")
        return value

    @field_validator("token_encryption_key")
    @classmethod
    def _fernet_key(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from cryptography.fernet import Fernet

        try:
            Fernet(value.strip())
        except (ValueError, TypeError):
            raise ValueError(
                "must be a Fernet key (32 bytes in URL-safe base64); make one with "
                "`page-governor pages x-token --new-key`"
            ) from None
        return value.strip()

    @field_validator("facebook_graph_version")
    @classmethod
    def _graph_version(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"v\d{1,2}\.\d", value):
            raise ValueError("must look like v24.0")
        return value

    @field_validator("media_hosts", mode="before")
    @classmethod
    def _host_list(cls, value: Any) -> Any:
        if isinstance(value, str):  # from the environment: comma-separated
            return [host.strip() for host in value.split(",") if host.strip()]
        return value

    @field_validator("archive_signing_private_key", "archive_signing_public_key")
    @classmethod
    def _ed25519(cls, value: str | None, info: Any) -> str | None:
        if not value:
            return None
        from page_governor.archive import signing

        load = (
            signing.load_private_key
            if info.field_name == "archive_signing_private_key"
            else signing.load_public_keys
        )
        try:
            load(value)
        except ConfigError as exc:
            raise ValueError("; ".join(exc.problems)) from None
        return value

    @model_validator(mode="after")
    def _signing_key_is_published(self) -> Settings:
        if self.archive_signing_private_key and self.archive_signing_public_key:
            from page_governor.archive import signing

            own = signing.key_id(
                signing.load_private_key(self.archive_signing_private_key).public_key()
            )
            published = {
                signing.key_id(k) for k in signing.load_public_keys(self.archive_signing_public_key)
            }
            if own not in published:
                raise ValueError(
                    f"the archive signing key (id {own}) is not among archive_signing_public_key "
                    "(its signatures would never verify): publish its public key"
                )
        return self

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = normalise_database_url(value)
        if not value.startswith(("sqlite:", "postgresql+psycopg:")):
            raise ValueError("only sqlite:/// and postgres(ql):// URLs are supported")
        return value

    @property
    def effective_database_url(self) -> str:
        """The database to use: ``DATABASE_URL`` or the embedded SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'page_governor.sqlite3'}"

    @property
    def recertification_period(self) -> timedelta:
        """How long a page's approval lasts before it must be re-certified."""
        return timedelta(days=round(self.recertification_months * 30.44))

    @property
    def is_embedded_database(self) -> bool:
        return self.effective_database_url.startswith("sqlite:")


_FILE_ONLY_FORBIDDEN = {
    "telegram_bot_token",
    "facebook_app_secret",
    "meta_webhook_verify_token",
    "meta_discovery_token",
    "web_secret_key",
    "archive_signing_private_key",
    "x_client_secret",
    "token_encryption_key",
}


def _read_yaml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read ({exc.__class__.__name__})")
        return {}
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problems.append(f"{path}:{where} is not valid YAML")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path}: must be a mapping of setting: value")
        return {}
    return data


# libyaml's loader when PyYAML was built with it (about ten times faster on moderation.yaml,
# which every `classify` run reads), the pure-Python one otherwise; both load the same safe subset
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, with libyaml where it is available."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def load_yaml_file(path: Path) -> Any:
    """Parse a required YAML file of ``config/``.

    Raises:
        ConfigError: the file is missing, unreadable or not YAML.
    """
    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc.__class__.__name__})") from None


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    names = set(Settings.model_fields)
    for key, value in environ.items():
        if key.startswith(ENV_PREFIX):
            name = key[len(ENV_PREFIX) :].lower()
            if name in names:
                values[name] = value
    if environ.get("DATABASE_URL") and "database_url" not in values:
        values["database_url"] = environ["DATABASE_URL"]
    if environ.get("PORT") and "web_port" not in values:
        values["web_port"] = environ["PORT"]
    return values


def resolve_config_dir(flag: str | Path | None, environ: Mapping[str, str]) -> Path:
    """Config directory: flag > ``PAGE_GOVERNOR_CONFIG_DIR`` > ``./config`` > the bundled one."""
    if flag:
        return Path(flag)
    if environ.get(ENV_PREFIX + "CONFIG_DIR"):
        return Path(environ[ENV_PREFIX + "CONFIG_DIR"])
    local = Path.cwd() / "config"
    if (local / "settings.yaml").is_file():
        return local
    return DEFAULT_CONFIG_DIR


def load_settings(
    flags: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build the settings from flags, environment and ``config/settings.yaml``.

    Raises:
        ConfigError: listing every problem found.
    """
    environ = os.environ if environ is None else environ
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    problems: list[str] = []
    config_dir = resolve_config_dir(flags.get("config_dir"), environ)
    if not config_dir.is_dir():
        raise ConfigError(
            f"config directory {config_dir} does not exist (it was given by --config-dir or "
            "PAGE_GOVERNOR_CONFIG_DIR; leave both unset to use the bundled defaults)"
        )
    settings_file = config_dir / "settings.yaml"
    file_values = _read_yaml(settings_file, problems)
    for key in sorted(file_values):
        if key in _FILE_ONLY_FORBIDDEN or any(w in key for w in SECRET_WORDS):
            problems.append(
                f"{settings_file}: {key}: secrets are read only from the environment "
                f"({ENV_PREFIX}{key.upper()}); remove it from the file"
            )
    file_values = {k: v for k, v in file_values.items() if not any(w in k for w in SECRET_WORDS)}
    merged: dict[str, Any] = {**file_values, **_env_values(environ), **flags}
    merged["config_dir"] = config_dir
    origin = {k: "flag" for k in flags} | {
        k: f"{ENV_PREFIX}{k.upper()}" for k in _env_values(environ) if k not in flags
    }
    try:
        settings = Settings(**merged)
    except ValidationError as exc:
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "settings"
            where = origin.get(name, str(settings_file))
            msg = err["msg"].replace("Value error, ", "")
            if err["type"] == "extra_forbidden":
                msg = "unknown setting"
            problems.append(f"{where}: {name}: {msg}")
        raise ConfigError(problems) from None
    if problems:
        raise ConfigError(problems)
    return settings


# --- registered departments and pages (config/pages.yaml) -------------------------------


class DepartmentConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")
    name: str = Field(min_length=1)
    official_domains: list[str] = Field(min_length=1)
    phone: str | None = None
    email: str | None = None
    address: str | None = None


class PageConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,149}$")
    department: str
    platform: Literal["facebook", "instagram", "x", "telegram"]
    platform_id: str = Field(min_length=1)
    handle: str | None = None
    display_name: str | None = None
    url: str | None = None
    token_env: str | None = Field(default=None, pattern=r"^[A-Z_][A-Z0-9_]*$")
    poll_interval_seconds: int | None = Field(default=None, ge=5, le=86400)


class RegistryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    departments: list[DepartmentConfig] = Field(default_factory=list)
    pages: list[PageConfig] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Registry:
    departments: tuple[DepartmentConfig, ...] = ()
    pages: tuple[PageConfig, ...] = ()
    source: Path | None = field(default=None)


def load_registry(config_dir: Path) -> Registry:
    """Read ``pages.yaml`` (departments and the live pages to govern).

    Raises:
        ConfigError: listing every problem found.
    """
    path = config_dir / "pages.yaml"
    problems: list[str] = []
    data = _read_yaml(path, problems)
    if problems:
        raise ConfigError(problems)
    try:
        reg = RegistryConfig(**data)
    except ValidationError as exc:
        raise ConfigError(
            [
                f"{path}: {'.'.join(str(p) for p in e['loc'])}: "
                + ("unknown key" if e["type"] == "extra_forbidden" else e["msg"])
                for e in exc.errors()
            ]
        ) from None
    slugs = {d.slug for d in reg.departments}
    seen: set[str] = set()
    for page in reg.pages:
        if page.department not in slugs:
            problems.append(f"{path}: page {page.key}: unknown department {page.department!r}")
        if page.key in seen:
            problems.append(f"{path}: page {page.key}: listed twice")
        seen.add(page.key)
    if problems:
        raise ConfigError(problems)
    return Registry(tuple(reg.departments), tuple(reg.pages), path)
