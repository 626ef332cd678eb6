"""The HTTP server: the standard library's ThreadingHTTPServer, one thread a connection.

Why not an ASGI stack (starlette + uvicorn): every request here ends in blocking work (a query in a
worker process, or rendering a page), so an event loop would hand it to a thread pool anyway, and the
server would bring five packages for no gain in what it can answer. What http.server lacks is made up
here: a cap on request bodies, a timeout on idle connections, one response shape with CORS and
security headers on everything. In production it sits behind a reverse proxy (see serve/mount.py).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from urllib.parse import parse_qs, urlsplit

from migragraph import __version__

MAX_BODY = 1 << 20  # a query or form up to 1 MiB
IDLE_SECONDS = 30   # a keep-alive connection that sends nothing this long is closed


@dataclass
class Request:
    method: str
    path: str                    # as sent, without the query string; not percent-decoded
    params: dict[str, list[str]]
    headers: Message
    body: bytes = b""

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[0] if values else None

    @property
    def host(self) -> str | None:
        return self.headers.get("X-Forwarded-Host") or self.headers.get("Host")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def text(status: int, message: str, **headers: str) -> Response:
    return Response(status, (message.rstrip("\n") + "\n").encode("utf-8"), headers=headers)


# Every response: readable from any origin (the data is public, no cookies are used), never sniffed.
_ALWAYS = {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff",
           "Access-Control-Expose-Headers": "Content-Type, Link, Location"}
# Pages run no script at all, load styles only from here, and may not be framed.
_HTML_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                "base-uri 'none'; frame-ancestors 'none'")

Handler = Callable[[Request], Response]


def make_handler(handle: Handler) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: every response has a Content-Length
        server_version = f"migragraph/{__version__}"
        timeout = IDLE_SECONDS
        # Headers and body go out in two writes: with Nagle's algorithm on, the body would wait for the
        # client's delayed ACK of the headers (40 ms a response on Linux).
        disable_nagle_algorithm = True
        _body = b""

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer("GET")

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer("HEAD")

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

        def do_OPTIONS(self) -> None:  # noqa: N802
            self._answer("OPTIONS")

        def _answer(self, method: str) -> None:
            response = self._read_body(method)
            if response is None:
                parts = urlsplit(self.path)
                request = Request(method, parts.path or "/", parse_qs(parts.query, keep_blank_values=True),
                                  self.headers, self._body)
                try:
                    response = handle(request)
                except Exception as exc:  # one bad page must not take the connection down silently
                    self.log_error("error answering %s: %r", self.path, exc)
                    response = text(500, f"internal error: {type(exc).__name__}")
            self._send(response, head=method == "HEAD")

        def _read_body(self, method: str) -> Response | None:
            self._body = b""
            if method != "POST":
                return None
            length = self.headers.get("Content-Length")
            if length is None or not length.isdigit():
                self.close_connection = True
                return text(411, "a POST needs a Content-Length")
            if int(length) > MAX_BODY:
                self.close_connection = True
                return text(413, f"the request body is larger than {MAX_BODY} bytes")
            self._body = self.rfile.read(int(length))
            return None

        def _send(self, response: Response, head: bool) -> None:
            self.send_response(response.status, HTTPStatus(response.status).phrase)
            headers = {**_ALWAYS, "Content-Type": response.content_type, **response.headers}
            if response.content_type.startswith("text/html"):
                headers.setdefault("Content-Security-Policy", _HTML_POLICY)
            headers["Content-Length"] = str(len(response.body))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    return _Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True  # a connection left open does not keep the process alive at shutdown
    allow_reuse_address = True


def run(server: Server, on_close: Callable[[], None]) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop accepting and call `on_close` (the workers)."""
    def stop(signum: int, frame: FrameType | None) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        on_close()
