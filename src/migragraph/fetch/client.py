"""One HTTP request at a time, safe by construction: urllib3 with connections that resolve a host
once, check every address against the AddressPolicy (fetch/addresses.py) and connect to exactly an
address that passed, so nothing is sent to a refused address and DNS rebinding between the check and
the connection has nothing to act on. TLS still verifies the certificate against the host name.

Why not trafilatura's `fetch_url`/`fetch_response`: they take no request headers (so no conditional
request, no 304), follow redirects inside urllib3 where no robots.txt or per-host delay can be applied
to each hop, refuse every non-public address or none (nothing between, for --allow-private-network),
retry once with TLS verification off after a certificate error, and cap the time of each socket read
but not of a whole response (a body that trickles a byte a second never ends). urllib3 is what they
use underneath; here it is used with redirects and retries off, and fetch/crawler.py follows each hop.

Every response is capped in size (decoded bytes, so a gzip bomb stops at the cap) and in time (the
connection, the headers and the whole body within one deadline); only HTML, XML and plain text are
read at all, other types are refused on their headers.
"""

from __future__ import annotations

import email.message
import socket
import time
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3connection

from migragraph.errors import FetchError
from migragraph.fetch.addresses import AddressPolicy

# Kept (content types): pages, feeds and sitemaps, text. Anything else is refused unread.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                       "application/rdf+xml"})
TEXT_TYPES = frozenset({"text/plain"})
KEPT_TYPES = HTML_TYPES | XML_TYPES | TEXT_TYPES
_CHUNK = 64 * 1024
C = TypeVar("C", bound=HTTPConnection)


class RefusedAddressError(Exception):
    """Raised by a connection whose host resolves only to refused addresses (never an OSError, so
    urllib3 does not turn it into a retry)."""


class AddressRefusedError(FetchError):
    """The URL's host is at an address the policy refuses: nothing was sent."""


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    reason: str
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("content-type", ""))

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def media_type(value: str) -> str:
    """"text/html" of 'text/HTML; charset=utf-8', read by the email package's header parser."""
    message = email.message.Message()
    message["content-type"] = value or "application/octet-stream"
    return message.get_content_type()


def _guarded(base: type[C], policy: AddressPolicy) -> type[C]:
    class Guarded(base):  # type: ignore[valid-type, misc]
        def _new_conn(self) -> socket.socket:
            try:
                found = socket.getaddrinfo(self._dns_host, self.port, type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise NameResolutionError(self.host, self, exc) from exc
            allowed = [info[4][0] for info in found if policy.refusal(str(info[4][0])) is None]
            if not allowed:
                reasons = dict.fromkeys(policy.refusal(str(info[4][0])) for info in found)
                raise RefusedAddressError("; ".join(r for r in reasons if r))
            last: OSError | None = None
            for address in dict.fromkeys(allowed):  # the checked address itself: no second lookup
                try:
                    return u3connection.create_connection((str(address), self.port), self.timeout,
                                                          source_address=self.source_address,
                                                          socket_options=self.socket_options)
                except OSError as exc:
                    last = exc
            raise NewConnectionError(self, f"cannot connect: {last}") from last

    return Guarded


def _pool_manager(policy: AddressPolicy) -> urllib3.PoolManager:
    http, https = _guarded(HTTPConnection, policy), _guarded(HTTPSConnection, policy)

    class HTTPPool(urllib3.HTTPConnectionPool):
        ConnectionCls = http

    class HTTPSPool(urllib3.HTTPSConnectionPool):
        ConnectionCls = https

    manager = urllib3.PoolManager(num_pools=20)  # no proxy: the address checked is the one reached
    manager.pool_classes_by_scheme = {"http": HTTPPool, "https": HTTPSPool}
    return manager


def check_url(url: str) -> str | None:
    """Why `url` is never requested (None when it may be): only http(s) to a host, no credentials."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"the scheme {parts.scheme or '(none)'}: is not fetched, only http and https"
    if not parts.hostname:
        return "no host in the URL"
    if parts.username is not None or parts.password is not None:
        return "a URL with a user name or password is not fetched"
    return None


class Client:
    """GET one URL, no redirect followed, within `max_bytes` and `timeout` seconds."""

    def __init__(self, policy: AddressPolicy, user_agent: str, max_bytes: int, timeout: float) -> None:
        self.pool = _pool_manager(policy)
        self.headers = {**urllib3.util.make_headers(accept_encoding=["gzip", "deflate"]),
                        "User-Agent": user_agent,
                        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8"}
        self.max_bytes, self.timeout = max_bytes, timeout

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """The response (any status; a body only for 200); FetchError(url, reason) when there is none:
        refused address, no connection, timeout, over the size cap, a content type not kept."""
        why = check_url(url)
        if why:
            raise FetchError(url, why)
        deadline = time.monotonic() + self.timeout
        try:
            raw = self.pool.urlopen("GET", url, headers={**self.headers, **(headers or {})}, redirect=False,
                                    retries=False, preload_content=False, decode_content=True,
                                    timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout))
        except RefusedAddressError as exc:
            raise AddressRefusedError(url, f"refused: {exc}") from None
        except HTTPError as exc:
            raise FetchError(url, _network_reason(exc), retry=True) from None
        whole = False  # a connection goes back to the pool only after a body read to its end
        try:
            heads = {k.lower(): v for k, v in raw.headers.items()}
            response = Response(url, raw.status, raw.reason or "", heads)
            if raw.status != 200:
                return response
            body = self._body(url, raw, response, deadline)
            whole = True
            return Response(url, raw.status, response.reason, heads, body)
        finally:
            if not whole:
                raw.close()
            raw.release_conn()

    def _body(self, url: str, raw: Any, response: Response, deadline: float) -> bytes:
        kind = response.content_type
        if kind not in KEPT_TYPES:
            raise FetchError(url, f"the content type {kind} is not HTML, XML or text: not kept")
        declared = raw.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"{int(declared):,} bytes (Content-Length) is over the limit of "
                                  f"{self.max_bytes:,}; raise --max-bytes to fetch it")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise FetchError(url, f"the response took over {self.timeout:g} s (--timeout); "
                                          "left unread")
                sock = getattr(raw.connection, "sock", None)
                if sock is not None:
                    sock.settimeout(left)  # a stalled body times out at the deadline, not a read later
                chunk = raw.read1(_CHUNK)
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"over the limit of {self.max_bytes:,} bytes; raise --max-bytes "
                                          "to fetch it")
                chunks.append(chunk)
        except (HTTPError, OSError) as exc:
            if time.monotonic() >= deadline:
                raise FetchError(url, f"the response took over {self.timeout:g} s (--timeout); "
                                      "left unread") from None
            raise FetchError(url, f"the response broke off: {_network_reason(exc)}", retry=True) from None

    def close(self) -> None:
        self.pool.clear()


def _network_reason(exc: BaseException) -> str:
    """A short reason for a network failure, by the kind of exception urllib3 raised."""
    if isinstance(exc, urllib3.exceptions.TimeoutError | TimeoutError):
        return "timed out"
    if isinstance(exc, NameResolutionError):
        return f"the host name could not be resolved ({exc.__cause__ or exc})"
    if isinstance(exc, NewConnectionError):
        cause = exc.__cause__
        return f"cannot connect: {cause.strerror if isinstance(cause, OSError) and cause.strerror else exc}"
    return str(exc)


__all__ = ["HTML_TYPES", "KEPT_TYPES", "TEXT_TYPES", "XML_TYPES", "AddressRefusedError", "Client",
           "RefusedAddressError", "Response", "check_url", "media_type"]
