"""A small threaded HTTP server on loopback for the fake platform APIs.

Each fake platform subclasses :class:`FakeServer` and implements ``route``. Faults (an HTTP
status, a body, headers, a delay) can be queued for requests whose path contains a string, so
tests drive rate limits, 5xx, timeouts and malformed answers through the real client libraries.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)  # when it arrived

    def form(self) -> dict[str, str]:
        kind = self.headers.get("content-type", "")
        if "json" in kind:
            data = json.loads(self.body or b"{}")
            return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
        return {k: v[-1] for k, v in parse_qs(self.body.decode()).items()}


@dataclass
class Response:
    status: int = 200
    body: Any = None  # dict/list → JSON; bytes/str → as is
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            return self.body.encode(), headers
        headers.setdefault("Content-Type", "application/json; charset=UTF-8")
        return json.dumps(self.body).encode(), headers


@dataclass
class Fault:
    path_contains: str
    response: Response | None  # None: only delay, then answer normally
    times: int = 1
    delay: float = 0.0


class FakeServer:
    """Base of the fake APIs: start/stop, request log, fault queue."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.lock = threading.RLock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def handle(self) -> None:
                # the client may hang up between requests (a refused download, a timeout)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Request(
                    self.command,
                    parts.path,
                    {k: v[-1] for k, v in parse_qs(parts.query).items()},
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                response = fake._dispatch(request)
                payload, headers = response.encoded()
                try:
                    self.send_response(response.status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(
        self,
        path_contains: str,
        status: int = 500,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        times: int = 1,
        delay: float = 0.0,
    ) -> None:
        """Answer the next ``times`` matching requests with this response (after ``delay``)."""
        response = Response(status, body if body is not None else {}, headers or {})
        self.faults.append(Fault(path_contains, response, times, delay))

    def slow(self, path_contains: str, delay: float, *, times: int = 1) -> None:
        self.faults.append(Fault(path_contains, None, times, delay))

    def calls(self, path_contains: str = "") -> list[Request]:
        with self.lock:
            return [r for r in self.requests if path_contains in r.path]

    def _dispatch(self, request: Request) -> Response:
        with self.lock:
            self.requests.append(request)
            fault = next((f for f in self.faults if f.path_contains in request.path), None)
            if fault is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.response is not None:
                return fault.response
        with self.lock:
            return self.route(request)

    def route(self, request: Request) -> Response:  # pragma: no cover - abstract
        raise NotImplementedError
