"""The console-script entry point: registers every command module and turns errors into one
line and an exit code.
"""

from __future__ import annotations

import logging
import sys

import click

from page_governor.cli import (  # noqa: F401  (each module registers its commands)
    alerts,
    archive,
    archive_holds,
    archive_search,
    check,
    db,
    page_lifecycle,
    pages,
    review,
    run,
    users,
)
from page_governor.cli.base import err_console, fail
from page_governor.cli.root import cli
from page_governor.errors import PageGovernorError


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: one line per error, the error's exit code."""
    logging.captureWarnings(True)
    code = 0
    try:
        cli.main(args=argv, prog_name="page-governor", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        err_console.print("page-governor: aborted")
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except PageGovernorError as exc:
        code = fail(exc)
    except Exception as exc:
        # A database error can only come from a command that imported SQLAlchemy.
        sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
        if sqlalchemy_exc is None or not isinstance(exc, sqlalchemy_exc.SQLAlchemyError):
            raise
        from page_governor.db.engine import translate_db_error

        code = fail(translate_db_error(exc))
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    sys.exit(code)
