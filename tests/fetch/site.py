"""A real publisher's site on loopback for the fetch tests: the 181 real pages of the article-extraction
benchmark (../shared, gzip HTML, served gzip-encoded as web servers do), a feed and a sitemap naming
them, a robots.txt, and the URLs that misbehave: 304, 429, 500, 503 once, redirects, a redirect to
another loopback address, an oversized body, a slow body, an image, a page gone (410).

Every request is logged with its arrival time (time.monotonic), path, headers and status, so the
tests measure the delays and see exactly what was asked for.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

BENCHMARK = Path(__file__).resolve().parents[3] / "shared" / "data" / "article-extraction-benchmark"
PAGES = BENCHMARK / "html"
LAST_MODIFIED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def page_ids() -> list[str]:
    return sorted(p.name.removesuffix(".html.gz") for p in PAGES.glob("*.html.gz"))


def page_bytes(page_id: str) -> bytes:
    return gzip.decompress((PAGES / f"{page_id}.html.gz").read_bytes())


def ground_truth() -> dict[str, dict[str, str]]:
    text = (BENCHMARK / "ground-truth.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


@dataclass
class Hit:
    at: float
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class Site:
    """What the site serves; the tests change it between runs."""

    feed: list[str] = field(default_factory=list)  # paths the feed names
    sitemap: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # paths robots.txt disallows
    crawl_delay: float | None = None
    home_feed: bool = True  # the home page announces /feed.xml
    changed: dict[str, bytes] = field(default_factory=dict)  # page id -> new HTML
    gone: set[str] = field(default_factory=set)  # page ids answering 410
    no_validators: set[str] = field(default_factory=set)  # page ids served without ETag/Last-Modified
    private_target: str = ""  # where /redirect-private points
    hits: list[Hit] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)  # path -> requests so far
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def requests_to(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def robots(self) -> str:
        lines = ["User-agent: *", "Allow: /"]  # listed first: a first-match parser would allow all
        lines += [f"Disallow: {p}" for p in self.forbidden]
        if self.crawl_delay is not None:
            lines.append(f"Crawl-delay: {self.crawl_delay}")
        lines.append(f"Sitemap: {self.base}/sitemap.xml")
        return "\n".join(lines) + "\n"

    def rss(self) -> str:
        items = "".join(f"<item><title>{i}</title><link>{escape(self.base + p)}</link></item>"
                        for i, p in enumerate(self.feed))
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>")

    def sitemap_xml(self) -> str:
        urls = "".join(f"<url><loc>{escape(self.base + p)}</loc></url>" for p in self.sitemap)
        return ('<?xml version="1.0" encoding="utf-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: Site
    hit: Hit

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        site = self.site
        self.hit = Hit(time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()})
        with site.lock:
            site.hits.append(self.hit)
            site.seen[self.path] = site.seen.get(self.path, 0) + 1
            count = site.seen[self.path]
        self._route(count)

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html",
              headers: dict[str, str] | None = None, gzipped: bool = False) -> int:
        self.hit.status = status  # before the client can have the answer and a test read the log
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return status

    def _route(self, count: int) -> int:
        site, path = self.site, self.path
        if path == "/robots.txt":
            return self._send(200, site.robots().encode(), "text/plain")
        if path == "/":
            link = ('<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                    if site.home_feed else "")
            return self._send(200, f"<html><head>{link}</head><body><p>News</p></body></html>".encode())
        if path == "/feed.xml":
            return self._send(200, site.rss().encode(), "application/rss+xml")
        if path == "/sitemap.xml":
            return self._send(200, site.sitemap_xml().encode(), "application/xml")
        if path.startswith("/pages/") and path.endswith(".html"):
            return self._page(path.removeprefix("/pages/").removesuffix(".html"))
        if path.startswith("/redirect/"):
            return self._send(301, headers={"Location": f"/pages/{path.removeprefix('/redirect/')}.html"})
        if path == "/redirect-private":
            return self._send(302, headers={"Location": site.private_target})
        if path.startswith("/status/429/"):
            if count == 1:
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            return self._page(path.removeprefix("/status/429/"))
        if path.startswith("/status/503-once/"):
            if count == 1:
                return self._send(503, b"busy", "text/plain")
            return self._page(path.removeprefix("/status/503-once/"))
        if path == "/status/500":
            return self._send(500, b"broken", "text/plain")
        if path == "/image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        if path == "/big.html":
            return self._endless(b"<p>" + b"x" * 1000 + b"</p>\n", pause=0.0, seconds=5.0)
        if path == "/slow.html":
            return self._endless(b"<", pause=0.2, seconds=10.0)
        return self._send(404, b"not here", "text/plain")

    def _page(self, page_id: str) -> int:
        site = self.site
        if page_id in site.gone:
            return self._send(410, b"gone", "text/plain")
        if page_id in site.changed:
            body = site.changed[page_id]
        else:
            try:
                body = page_bytes(page_id)
            except FileNotFoundError:
                return self._send(404, b"not here", "text/plain")
        headers = {}
        if page_id not in site.no_validators:
            headers = {"ETag": _etag(body), "Last-Modified": format_datetime(LAST_MODIFIED, usegmt=True)}
            if self._not_modified(headers):
                return self._send(304, headers=headers)
        return self._send(200, gzip.compress(body, mtime=0), "text/html", headers, gzipped=True)

    def _not_modified(self, headers: dict[str, str]) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return headers["ETag"] in [m.strip() for m in match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since is not None:
            return parsedate_to_datetime(since) >= LAST_MODIFIED
        return False

    def _endless(self, chunk: bytes, pause: float, seconds: float) -> int:
        """A body with no Content-Length, sent until the client leaves or `seconds` pass (bounded)."""
        self.hit.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        stop = time.monotonic() + seconds
        try:
            while time.monotonic() < stop:
                self.wfile.write(chunk)
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except OSError:
            pass
        return 200


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that leaves mid-body (the size and time caps do) is expected, not printed."""


@contextmanager
def serving(site: Site, host: str = "127.0.0.1") -> Iterator[Site]:
    handler = type("Handler", (_Handler,), {"site": site})
    server = _Server((host, 0), handler)
    site.base = f"http://{host}:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


class Listener:
    """A bare TCP listener that only counts connections: the private address no fetch may reach."""

    def __init__(self, host: str) -> None:
        import socket

        self.sock = socket.socket()
        self.sock.bind((host, 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()
