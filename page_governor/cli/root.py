"""The root ``page-governor`` group and its global options (--config, --data-dir, …)."""

from __future__ import annotations

from pathlib import Path

import click

from page_governor import __version__

EPILOG = """\b
Daily work happens in Telegram (`run`) and the web console (`serve`); see README.md.
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="page-governor")
@click.option(
    "--config-dir",
    type=click.Path(path_type=Path),
    help="Folder with settings.yaml, "
    "pages.yaml, policy.yaml, moderation.yaml (default: ./config or the bundled one).",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    help="Where the embedded database lives (default: ~/.local/share/page_governor).",
)
@click.option(
    "--database-url",
    help="sqlite:///file or postgres://… (default: $DATABASE_URL, else the embedded SQLite file).",
)
@click.option("--log-level", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]))
@click.pass_context
def cli(
    ctx: click.Context,
    config_dir: Path | None,
    data_dir: Path | None,
    database_url: str | None,
    log_level: str | None,
) -> None:
    """Governance for the official social-media pages of government agencies.

    Checks every page for the statements its policy requires, flags comments for human
    review (never hides or deletes by itself), and keeps a tamper-evident public-records
    archive of everything it sees.

    \b
    Example:
      page-governor demo
    """
    ctx.ensure_object(dict)
    ctx.obj["flags"] = {
        "config_dir": config_dir,
        "data_dir": data_dir,
        "database_url": database_url,
        "log_level": log_level,
    }
