"""What every part of the console can rely on: the app, and the two ways of answering a request
that :class:`page_governor.web.console.WebConsole` provides (render a template; set a flash
message and redirect). The console's route mixins inherit from this."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

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

    def _again(
        self, request: Request, *, form: str, typed: dict[str, str], error: str, to: str
    ) -> Response:
        """Back to the page of a refused form: the next render shows ``error`` beside the form
        named ``form`` and fills it with what was typed (never a password)."""
        request.session["again"] = {"form": form, "typed": typed, "error": error}
        return RedirectResponse(f"{to}#{form}", status_code=303)
