"""The HTTP server: llhttp reads the requests (through httptools), one thread a connection answers them.

Why a parser library: the standard library's http.server reads headers with the e-mail parser, which
takes a duplicate Content-Length, a Transfer-Encoding beside a Content-Length, or a Content-Length of
"²" (a digit to str.isdigit, not to int), where a proxy in front reads them another way: the way to
request smuggling. llhttp, Node.js's HTTP/1.1 parser, refuses each of these by construction (strict
mode, no leniencies turned on), as it refuses obs-folded lines, bare LF line ends, spaces before a colon
and invalid characters in the target; chunked bodies are decoded by it. What is left to this module is
what a parser cannot know: which methods and versions this server implements (501, 505), the size of a
request (431, 413), and one response shape, with CORS and security headers on every answer, refusals
included.

Why not an ASGI server (uvicorn, hypercorn) or a WSGI one (waitress): every request here ends in
blocking work (a query in a worker process, a page), so an event loop would hand it to a thread pool
anyway; and each answers a request it cannot parse with a page of its own, without the headers this
server promises. Waitress also takes a Transfer-Encoding beside a Content-Length. In production the
server sits behind a reverse proxy (see serve/origin.py for what it trusts of one).
"""

from __future__ import annotations

import signal
import socket
import socketserver
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httptools

from migragraph import __version__
from migragraph.lines import printable
from migragraph.serve.origin import Authority, parse_authority

MAX_BODY = 1 << 20  # a query or form up to 1 MiB
MAX_HEAD = 64 << 10  # the request line and headers up to 64 KiB
IDLE_SECONDS = 30   # a connection that sends nothing this long is closed
METHODS = ("GET", "HEAD", "POST", "OPTIONS")
VERSIONS = ("1.0", "1.1")


class Headers:
    """A request's header fields, names case-insensitive, repeats kept in order."""

    def __init__(self, items: list[tuple[str, str]] | None = None) -> None:
        self.items = items or []

    def get(self, name: str, default: str | None = None) -> str | None:
        found = self.get_all(name)
        return found[0] if found else default

    def get_all(self, name: str) -> list[str]:
        key = name.lower()
        return [value for field_name, value in self.items if field_name.lower() == key]


class RepeatedParameterError(ValueError):
    """A parameter given more than once where one value is meant (?org=IOM&org=UNHCR)."""

    def __init__(self, name: str, values: list[str]) -> None:
        shown = ", ".join(f"{name}={v!r}" for v in values[:3])
        super().__init__(f"the parameter {name} is given {len(values)} times ({shown}); give it once")


@dataclass
class Request:
    method: str
    path: str                    # as sent, without the query string; not percent-decoded
    params: dict[str, list[str]]
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""
    host: Authority | None = None  # the Host header, parsed
    peer: str = ""               # the address the request came from
    local: str = ""              # the address it came to (host:port of this server's socket)

    def param(self, name: str) -> str | None:
        """The one value of `name`; RepeatedParameterError when it is given twice."""
        values = self.params.get(name)
        if values and len(values) > 1:
            raise RepeatedParameterError(name, values)
        return values[0] if values else None


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


class _Refusal(Exception):  # noqa: N818 (a response to send, raised from callbacks)
    """A request answered with an error before it reaches the site; the connection is closed after."""

    def __init__(self, status: int, message: str, **headers: str) -> None:
        super().__init__(message)
        self.response = text(status, message, **headers)


@dataclass
class _Message:
    method: str
    target: str
    version: str
    headers: list[tuple[str, str]]
    body: bytes
    keep_alive: bool


class _Reader:
    """httptools' callbacks for one connection: collects each request as it completes."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection
        self.parser = httptools.HttpRequestParser(self)
        self.done: list[_Message] = []
        self._start()

    def _start(self) -> None:
        self.target, self.head, self.body = b"", 0, bytearray()
        self.headers: list[tuple[str, str]] = []

    def on_message_begin(self) -> None:
        self._start()

    def on_url(self, url: bytes) -> None:
        self.target += url
        self._count(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value))
        # Field values are octets; Latin-1 maps each to one character, so nothing is lost or guessed.
        self.headers.append((name.decode("latin-1"), value.decode("latin-1")))

    def _count(self, size: int) -> None:
        self.head += size
        if self.head > MAX_HEAD:
            raise _Refusal(431, f"the request line and headers are larger than {MAX_HEAD} bytes")

    def on_headers_complete(self) -> None:
        length = next((v for k, v in self.headers if k.lower() == "content-length"), None)
        if length is not None and int(length) > MAX_BODY:  # llhttp has checked it is one run of digits
            raise _Refusal(413, f"the request body is larger than {MAX_BODY} bytes")
        expect = next((v for k, v in self.headers if k.lower() == "expect"), None)
        if expect is not None:
            if expect.lower() != "100-continue":
                raise _Refusal(417, f"Expect: {expect} is not understood here")
            self.connection.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self.body += body
        if len(self.body) > MAX_BODY:  # a chunked body, whose size is not said in advance
            raise _Refusal(413, f"the request body is larger than {MAX_BODY} bytes")

    def on_message_complete(self) -> None:
        self.done.append(_Message(self.parser.get_method().decode("ascii"), self.target.decode("latin-1"),
                                  self.parser.get_http_version(), self.headers, bytes(self.body),
                                  self.parser.should_keep_alive()))

    def feed(self, data: bytes) -> _Refusal | None:
        """Parse `data`; the refusal to send after the requests completed so far, if it is bad."""
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            cause = exc.__context__
            return cause if isinstance(cause, _Refusal) else _Refusal(500, f"internal error: {cause!r}")
        except httptools.HttpParserUpgrade:
            return None  # the requests so far are answered; the rest is another protocol: close
        except httptools.HttpParserError as exc:
            return _Refusal(400, f"the request is not valid HTTP/1.1: {exc}")
        return None


def make_handler(handle: Handler) -> type[socketserver.BaseRequestHandler]:
    class _Connection(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            connection: socket.socket = self.request
            connection.settimeout(IDLE_SECONDS)
            # Headers and body go out in one write, but a client's next request must not wait for
            # the ACK of the last segment either (Nagle's algorithm; 40 ms a response on Linux).
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            reader = _Reader(connection)
            while True:
                try:
                    data = connection.recv(65536)
                except OSError:  # the idle timeout, or the client went away
                    return
                refused = reader.feed(data) if data else None
                while reader.done:
                    if not self._answer(connection, reader.done.pop(0)):
                        return
                if refused is not None:
                    self._send(connection, "-", refused.response, head=False, close=True)
                    return
                if not data or reader.parser.should_upgrade():
                    return

        def _answer(self, connection: socket.socket, message: _Message) -> bool:
            """Answer one request; whether the connection stays open."""
            try:
                request = self._request(message)
                response = self._respond(request)
                keep = message.keep_alive
            except _Refusal as refused:
                response, keep = refused.response, False
            line = f"{message.method} {message.target} HTTP/{message.version}"
            return self._send(connection, line, response, message.method == "HEAD", not keep)

        def _request(self, message: _Message) -> Request:
            if message.version not in VERSIONS:
                raise _Refusal(505, f"HTTP/{message.version} is not supported here; use HTTP/1.1")
            if message.method not in METHODS:
                raise _Refusal(501, f"{message.method} is not implemented here", Allow=", ".join(METHODS))
            headers = Headers(message.headers)
            hosts = headers.get_all("Host")
            if len(hosts) > 1 or (not hosts and message.version == "1.1"):  # RFC 9112 §3.2
                raise _Refusal(400, "an HTTP/1.1 request needs exactly one Host header")
            try:
                host = parse_authority(hosts[0]) if hosts else None
            except ValueError as exc:
                raise _Refusal(400, f"the Host header {hosts[0]!r} is not a host: {exc}") from None
            parts = urlsplit(message.target)
            peer, local = self.client_address[0], self.request.getsockname()
            return Request(message.method, parts.path or "/", parse_qs(parts.query, keep_blank_values=True),
                           headers, message.body, host, str(peer), str(Authority(local[0], local[1])))

        def _respond(self, request: Request) -> Response:
            try:
                return handle(request)
            except Exception as exc:  # one bad page must not take the connection down silently
                problem = f"error answering {request.method} {request.path}: {exc!r}"
                sys.stderr.write(printable(problem) + "\n")
                return text(500, f"internal error: {type(exc).__name__}")

        def _send(self, connection: socket.socket, line: str, response: Response, head: bool,
                  close: bool) -> bool:
            headers = {**_ALWAYS, "Content-Type": response.content_type, **response.headers}
            if response.content_type.startswith("text/html"):
                headers.setdefault("Content-Security-Policy", _HTML_POLICY)
            headers["Content-Length"] = str(len(response.body))
            headers["Server"] = f"migragraph/{__version__}"
            if close:
                headers["Connection"] = "close"
            phrase = HTTPStatus(response.status).phrase
            head_lines = [f"HTTP/1.1 {response.status} {phrase}"] + [f"{k}: {v}" for k, v in headers.items()]
            payload = ("\r\n".join(head_lines) + "\r\n\r\n").encode("latin-1")
            try:
                connection.sendall(payload if head else payload + response.body)
            except OSError:
                return False
            sys.stderr.write(printable(f'{self.client_address[0]} - "{line}" {response.status} -') + "\n")
            return not close

    return _Connection


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True  # a connection left open does not keep the process alive at shutdown
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[socketserver.BaseRequestHandler],
                 **kwargs: Any) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler, **kwargs)

    @property
    def server_port(self) -> int:
        return int(self.server_address[1])


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
