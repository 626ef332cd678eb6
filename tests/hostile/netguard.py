"""A network guard for tests: no connection leaves this machine while it is on, and every attempt is
recorded, so a test can assert that nothing even tried.

Two layers, because either alone can be dodged:
- socket.socket.connect/connect_ex, socket.create_connection and socket.getaddrinfo are patched to
  raise for any address that is not loopback (a library that calls them fails fast, with a reason);
- an audit hook (PEP 578) sees every socket.connect, socket.getaddrinfo and urllib.Request raised
  by the interpreter itself, even from code holding references taken before the patch.
Code outside Python's socket module (a Rust or C library with its own resolver) is not seen; the
tests say where they rely on that.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"})


class NetworkBlockedError(ConnectionRefusedError):
    """Raised for a connection the guard refuses."""


@dataclass
class Attempts:
    """What tried to reach out while the guard was on: (what, where)."""

    seen: list[tuple[str, str]] = field(default_factory=list)


_active: list[Attempts] = []
_hooked = False


def _loopback(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host in ("localhost", "") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _address_is_local(address: Any) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX: a path on this machine
        return True
    if isinstance(address, tuple) and address:
        return _loopback(address[0])
    return False


def _record(what: str, where: object) -> None:
    for attempts in _active:
        attempts.seen.append((what, repr(where)))


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _active or event not in _EVENTS:
        return
    if event == "socket.connect":
        address = args[1]
        if not _address_is_local(address):
            _record(event, address)
            raise NetworkBlockedError(f"network blocked by the test: connect to {address!r}")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
        if not _loopback(args[0]):
            _record(event, args[0])
            raise NetworkBlockedError(f"network blocked by the test: name lookup of {args[0]!r}")
    elif event == "urllib.Request":
        url = str(args[0])
        if not url.startswith(("file:", "data:")):
            _record(event, url)
            raise NetworkBlockedError(f"network blocked by the test: request for {url}")


@contextmanager
def blocked() -> Iterator[Attempts]:
    """Within the block, connections other than loopback raise NetworkBlockedError and are recorded."""
    global _hooked
    if not _hooked:
        sys.addaudithook(_hook)  # permanent by design; it does nothing while no guard is on
        _hooked = True
    attempts = Attempts()
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo)
    real_connect, real_connect_ex, real_create, real_getaddrinfo = saved

    def connect(self: socket.socket, address: Any) -> None:
        if not _address_is_local(address):
            _record("connect", address)
            raise NetworkBlockedError(f"network blocked by the test: connect to {address!r}")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _address_is_local(address):
            _record("connect_ex", address)
            raise NetworkBlockedError(f"network blocked by the test: connect to {address!r}")
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not _address_is_local(address):
            _record("create_connection", address)
            raise NetworkBlockedError(f"network blocked by the test: connect to {address!r}")
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(host):
            _record("getaddrinfo", host)
            raise NetworkBlockedError(f"network blocked by the test: name lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    socket.create_connection = create_connection
    socket.getaddrinfo = getaddrinfo
    _active.append(attempts)
    try:
        yield attempts
    finally:
        _active.remove(attempts)
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex  # type: ignore[method-assign]
        socket.create_connection, socket.getaddrinfo = real_create, real_getaddrinfo
