"""Which IP addresses `migragraph fetch` may connect to, decided on `ipaddress` objects.

    public (ip.is_global)                          always
    loopback, private (RFC 1918, fc00::/7, 100.64/10) only with --allow-private-network
    link-local (169.254/16: cloud metadata), multicast, only inside a network named by --allow-network
    unspecified, reserved, broadcast

An IPv6 address that carries an IPv4 one (::ffff:a.b.c.d, 6to4, Teredo, NAT64 64:ff9b::/96) is judged
by the IPv4 address it reaches. The decision is made on the address a name resolved to, once, and the
connection goes to exactly that address (fetch/client.py): a name that resolves to a public address
when checked and to 127.0.0.1 when connected (DNS rebinding) never gets the second answer used.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def parse_network(text: str) -> IPNetwork:
    """A network as --allow-network takes it ("10.1.0.0/16", "127.0.0.1", "::1"); ValueError naming
    the text when it is none."""
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        raise ValueError(f"{text!r} is not an IP address or network (give e.g. 10.1.0.0/16 or 127.0.0.1)"
                         ) from None


def reached(ip: IPAddress) -> IPAddress:
    """The address a packet to `ip` ends at: the IPv4 address inside an IPv6 wrapper, else `ip`."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]  # the client's address (server, client)
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def _kind(ip: IPAddress) -> str | None:
    """What makes `ip` no public address (None when it is one)."""
    for kind, test in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("reserved", ip.is_reserved)):
        if test:
            return kind
    if ip == ipaddress.IPv4Address("255.255.255.255"):
        return "broadcast"
    return None if ip.is_global else "private"


# Allowed by --allow-private-network; the other kinds only by --allow-network.
_PRIVATE_KINDS = frozenset({"loopback", "private"})


@dataclass(frozen=True)
class AddressPolicy:
    """Where fetching may connect. `allow_private`: loopback and private networks too; `networks`:
    these networks whatever their kind."""

    allow_private: bool = False
    networks: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, allow_private: bool, networks: Iterable[str] = ()) -> AddressPolicy:
        return cls(allow_private, tuple(parse_network(n) for n in networks))

    def refusal(self, address: IPAddress | str) -> str | None:
        """Why a connection to `address` is refused, or None when it is allowed."""
        ip = ipaddress.ip_address(address.split("%", 1)[0]) if isinstance(address, str) else address
        target = reached(ip)
        if any(target in net or ip in net for net in self.networks):
            return None
        kind = _kind(target)
        if kind is None:
            return None
        shown = f"{ip}" if target == ip else f"{ip} (which reaches {target})"
        if kind in _PRIVATE_KINDS:
            if self.allow_private:
                return None
            return f"{shown} is a {kind} address; pass --allow-private-network to fetch from it"
        return f"{shown} is a {kind} address, never fetched from unless named with --allow-network"


__all__ = ["AddressPolicy", "IPAddress", "IPNetwork", "parse_network", "reached"]
