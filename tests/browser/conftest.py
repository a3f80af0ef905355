"""The browser tests reuse the console's fixtures (the sample archive and four accounts)."""

from tests.integration.test_console import console_app  # noqa: F401
