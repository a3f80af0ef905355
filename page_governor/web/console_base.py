"""What every part of the console can rely on: the app, and the two ways of answering a request
that :class:`page_governor.web.console.WebConsole` provides (render a template; set a flash
message and redirect). The console's route mixins inherit from this."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from page_governor.app import App


class ConsoleBase:
    """The shared surface of the console's route mixins."""

    app: App

    def render(
        self, request: Request, name: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        raise NotImplementedError  # provided by WebConsole

    def _flash(self, request: Request, text: str, to: str) -> Response:
        raise NotImplementedError  # provided by WebConsole
