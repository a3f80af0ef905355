"""The ``page-governor`` command line, one module per command group.

Every command has ``--help`` with an example. Errors that page_governor raises on purpose are
printed as one line (plus a hint) with the error's exit code; anything else is a bug.

``base`` holds what the command modules share and imports none of them; ``root`` is the
``page-governor`` group; ``main`` imports every command module (each registers its commands
on import) and is the console-script entry point.
"""

from page_governor.cli.main import cli, main

__all__ = ["cli", "main"]
