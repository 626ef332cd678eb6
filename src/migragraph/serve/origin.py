"""Where a request says it came for, and how much of that to believe.

The Host header is read for one thing only: whether it names the published host of the base IRI
(w3id.org), in which case the published paths answer (serve/mount.py). That compares the header with
the configuration; nothing a client sends is ever written into an answer. X-Forwarded-Host and
X-Forwarded-Proto are read only from the proxies named by --trusted-proxy (addresses or networks, read
with `ipaddress`); from anyone else they are ignored. Every host is parsed, never matched as text: an
IPv6 literal by `ipaddress`, an IPv4 address likewise, otherwise a DNS name of letters, digits and
hyphens in labels of at most 63 characters (RFC 1123; internationalised names travel as their xn--
A-labels), with an optional port of at most 65535 (urllib.parse). A header that is none of these is a
400 naming it, never a 500.

The URLs an answer carries (VoID's endpoint, its lookup service) are built from --public-base when it is
given; else from the published base for a proxied request; else from what a trusted proxy forwarded;
else from the address the client connected to, which the server knows without asking the client.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

_LDH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Authority:
    """A host (a lower-case DNS name, or an IP address without brackets) and maybe a port."""

    host: str
    port: int | None = None

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"


def parse_authority(value: str) -> Authority:
    """`value` (host, host:port, [v6]:port) as a Host header gives it; ValueError saying what is wrong."""
    if not value or not value.isascii() or not value.isprintable() or " " in value:
        raise ValueError("a host is printable ASCII without spaces")
    # urlsplit reads the authority; anything after it (a path, a query, user information) is no host.
    parts = urlsplit(f"//{value}")
    if parts.netloc != value or parts.path or parts.query or parts.fragment or "@" in value:
        raise ValueError("a host has no path, query or user information")
    port = parts.port  # ValueError when it is not a number from 0 to 65535
    host = parts.hostname or ""
    if value.startswith("["):
        return Authority(str(ipaddress.IPv6Address(host)), port)
    try:
        return Authority(str(ipaddress.IPv4Address(host)), port)
    except ValueError:
        return Authority(_dns_name(host), port)


def _dns_name(host: str) -> str:
    labels = host.removesuffix(".").split(".")
    if len(host) > 253:
        raise ValueError("a host name has at most 253 characters")
    for label in labels:
        if not 0 < len(label) <= 63 or not set(label) <= _LDH or label[0] == "-" or label[-1] == "-":
            raise ValueError(f"{label!r} is not a label of a host name (letters, digits, inner hyphens)")
    if labels[-1].isdigit():
        raise ValueError("a host name does not end in a number (nor is this an IPv4 address)")
    return host


def parse_scheme(value: str) -> str:
    scheme = value.split(",")[0].strip().lower()
    if scheme not in SCHEMES:
        raise ValueError(f"the scheme is one of {', '.join(SCHEMES)}")
    return scheme


def parse_public_base(url: str) -> str:
    """--public-base: an http(s) URL with a host and a path ending in '/'; ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"--public-base {url!r} must be an http(s) URL without query, fragment or user")
    if not parts.path.endswith("/"):
        raise ValueError(f"--public-base {url!r} must end in '/' (the site's routes hang from it)")
    authority = parse_authority(parts.netloc)
    return SplitResult(parts.scheme, str(authority), parts.path, "", "").geturl()


def parse_networks(values: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """--trusted-proxy values (an address or a network: 10.0.0.0/8, ::1); ValueError naming a bad one."""
    try:
        return tuple(ipaddress.ip_network(v, strict=False) for v in values)
    except ValueError as exc:
        raise ValueError(f"--trusted-proxy: {exc}") from None


class BadForwardingError(ValueError):
    """A trusted proxy forwarded a header that is no host or scheme (answered 400)."""


@dataclass(frozen=True)
class Seen:
    """What a request came for, as far as it is believed."""

    host: Authority | None   # the trusted forwarded host, else the Host header
    scheme: str | None       # the trusted forwarded scheme
    forwarded: bool          # whether host and scheme came from a trusted proxy


@dataclass(frozen=True)
class Origins:
    trusted: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    public_base: str | None = None

    def seen(self, peer: str, host: Authority | None, forwarded_host: str | None,
             forwarded_proto: str | None) -> Seen:
        """What the request from `peer` with this Host came for; BadForwardingError for a bad header."""
        if not self._trusts(peer) or not (forwarded_host or forwarded_proto):
            return Seen(host, None, False)
        try:
            if forwarded_host:
                host = parse_authority(forwarded_host.split(",")[0].strip())
        except ValueError as exc:
            raise BadForwardingError(f"X-Forwarded-Host {forwarded_host!r} from the proxy at {peer} is not a "
                                     f"host: {exc}") from None
        try:
            scheme = parse_scheme(forwarded_proto) if forwarded_proto else None
        except ValueError as exc:
            raise BadForwardingError(f"X-Forwarded-Proto {forwarded_proto!r} from the proxy at {peer} is not "
                                     f"a scheme: {exc}") from None
        return Seen(host, scheme, True)

    def _trusts(self, peer: str) -> bool:
        try:
            address = ipaddress.ip_address(peer.split("%")[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return any(address in network for network in self.trusted)
