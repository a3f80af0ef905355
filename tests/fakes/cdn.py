"""A fake media CDN on loopback: the files that posts and comments show."""

from __future__ import annotations

from tests.fakes.server import FakeServer, Request, Response


class FakeCDN(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, tuple[bytes, str]] = {}
        self.redirects: dict[str, str] = {}

    def put(self, name: str, data: bytes, content_type: str = "image/jpeg") -> str:
        """Serve ``data`` at /media/<name>; returns its URL (with a signature, as CDNs do)."""
        self.files[name] = (data, content_type)
        return f"{self.url}/media/{name}?oh=00_sig&oe=6760A1B2"

    def redirect(self, name: str, location: str) -> str:
        """Answer /media/<name> with a redirect to ``location``; returns its URL."""
        self.redirects[name] = location
        return f"{self.url}/media/{name}"

    def route(self, request: Request) -> Response:
        name = request.path.removeprefix("/media/")
        if name in self.redirects:
            return Response(302, b"", {"Location": self.redirects[name]})
        if name in self.files:
            data, content_type = self.files[name]
            return Response(200, data, {"Content-Type": content_type})
        return Response(404, b"<html>not found</html>", {"Content-Type": "text/html"})
