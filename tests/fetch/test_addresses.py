"""Which addresses a fetch may connect to, decided on ipaddress objects (fetch/addresses.py); the
connection-time check itself is exercised against real listeners in test_fetch_site.py."""

from __future__ import annotations

import ipaddress

import pytest

from migragraph.fetch.addresses import AddressPolicy, parse_network, reached

DEFAULT = AddressPolicy()
PRIVATE = AddressPolicy(allow_private=True)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700:4700::1111", "8.8.8.8"])
def test_public_addresses_are_always_allowed(address: str) -> None:
    assert DEFAULT.refusal(address) is None


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
    ("100.64.0.1", "private"),  # carrier-grade NAT: not public either
])
def test_loopback_and_private_need_the_flag(address: str, kind: str) -> None:
    assert DEFAULT.refusal(address) == (f"{address} is a {kind} address; pass --allow-private-network "
                                        "to fetch from it")
    assert PRIVATE.refusal(address) is None


@pytest.mark.parametrize(("address", "kind"), [
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("ff02::1", "multicast"),
])
def test_link_local_and_the_like_stay_refused_with_the_flag(address: str, kind: str) -> None:
    """The cloud metadata service (169.254.169.254) is the classic target of a redirect: allowing
    private networks does not open it."""
    refusal = PRIVATE.refusal(address)
    assert refusal == f"{address} is a {kind} address, never fetched from unless named with --allow-network"


def test_a_named_network_opens_exactly_itself() -> None:
    policy = AddressPolicy.of(False, ["127.0.0.1", "169.254.0.0/16"])
    assert policy.refusal("127.0.0.1") is None
    assert policy.refusal("169.254.169.254") is None
    assert policy.refusal("127.0.0.2") is not None and "loopback" in str(policy.refusal("127.0.0.2"))
    assert policy.refusal("10.0.0.1") is not None


@pytest.mark.parametrize(("wrapped", "inner"), [
    ("::ffff:127.0.0.1", "127.0.0.1"),          # IPv4-mapped
    ("2002:7f00:1::", "127.0.0.1"),             # 6to4 of 127.0.0.1
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),  # NAT64 of the metadata address
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),  # Teredo, client 10.0.0.1 (bits inverted)
])
def test_ipv6_wrappers_are_judged_by_the_ipv4_address_they_reach(wrapped: str, inner: str) -> None:
    assert reached(ipaddress.ip_address(wrapped)) == ipaddress.ip_address(inner)
    refusal = DEFAULT.refusal(wrapped)
    shown = ipaddress.ip_address(wrapped)  # written as Python writes it: ::ffff:7f00:1
    assert refusal is not None and refusal.startswith(f"{shown} (which reaches {inner}) is a ")


def test_an_ipv6_zone_is_not_a_way_around() -> None:
    assert "link-local" in str(PRIVATE.refusal("fe80::1%eth0"))


def test_a_bad_network_names_itself() -> None:
    with pytest.raises(ValueError, match="'10.0.0.0/33' is not an IP address or network"):
        parse_network("10.0.0.0/33")
