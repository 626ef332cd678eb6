"""Host and forwarded headers an attacker controls, against the real server (raw sockets).

Version 0.2.0 took X-Forwarded-Host and X-Forwarded-Proto from anyone and wrote them into VoID
(`void:sparqlEndpoint <http://attacker.example/sparql>`, `javascript://` IRIs), and a Host with a space,
`>` or `"` made rdflib refuse the IRI: a 500. Now forwarded headers are believed only from a
--trusted-proxy, every host is parsed (serve/origin.py) and a bad one is a 400, and the URLs an answer
carries come from --public-base, the published base, a trusted proxy, or the socket: never from a host a
client merely named.
"""

from __future__ import annotations

import http.client
import socket
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.test_serve_support import Served, serve_once, start_server, stop_server

VOID_ENDPOINT = ox.NamedNode("http://rdfs.org/ns/void#sparqlEndpoint")
ATTACKER = "attacker.example"
BAD_HOSTS = ["a b", "a>b", 'a"b', "a/b", "user@a", "[::1", "a:99999", "a:port", "-a.example", "a..b",
             "\u00e9.example", "a\tb", "a" * 64 + ".example", "1.2.3.999"]


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


@dataclass
class Answer:
    status: int
    body: str


def ask(url: str, path: str, **headers: str) -> Answer:
    """One GET over a raw socket, with exactly the headers given (Host included, when given)."""
    address = urllib.parse.urlsplit(url)
    headers = {"Accept": "application/n-triples", **headers}
    lines = [f"GET {path} HTTP/1.1", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    if "Host" not in headers:
        lines.append(f"Host: {address.netloc}")
    with socket.create_connection((address.hostname or "", address.port or 80), timeout=15) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
        response = http.client.HTTPResponse(sock)
        response.begin()
        return Answer(response.status, response.read().decode("utf-8"))


def endpoint(answer: Answer) -> str:
    assert answer.status == 200, answer.body
    (found,) = {t.object.value for t in ox.parse(answer.body.encode(), format=ox.RdfFormat.N_TRIPLES)
                if t.predicate == VOID_ENDPOINT}
    return str(found)


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_bad_host_is_a_400_never_a_500(host: str, served: Served) -> None:
    answer = ask(served.url, "/.well-known/void", Host=host)
    assert answer.status == 400 and "the Host header" in answer.body and "not a host" in answer.body


def test_untrusted_forwarded_headers_change_nothing(served: Served) -> None:
    own = endpoint(ask(served.url, "/.well-known/void"))
    assert own == f"{served.url}sparql"  # the address the client connected to
    for headers in ({"X_Forwarded_Host": ATTACKER}, {"X_Forwarded_Proto": "javascript"},
                    {"Host": ATTACKER}, {"X_Forwarded_Host": "a b", "X_Forwarded_Proto": "gopher"}):
        void = ask(served.url, "/.well-known/void", **headers)
        assert endpoint(void) == own and ATTACKER not in void.body and "javascript" not in void.body
        for page in ("/", "/id/org/iom", "/sparql", "/search?q=iom"):
            answer = ask(served.url, page, Accept="text/html", **headers)
            assert answer.status == 200 and ATTACKER not in answer.body and "javascript:" not in answer.body


@pytest.fixture(scope="module")
def proxied(served: Served, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Two more servers of the same build: one behind a trusted proxy (loopback), one with a public base."""
    logs = tmp_path_factory.mktemp("proxied")
    trusting, trusting_url = start_server(served.out, logs / "trusting.log", "--trusted-proxy", "127.0.0.0/8")
    public, public_url = start_server(served.out, logs / "public.log", "--trusted-proxy", "127.0.0.1",
                                      "--public-base", "https://data.example.org/mg/")
    yield trusting_url, public_url
    stop_server(trusting)
    stop_server(public)


def test_a_trusted_proxy_is_believed_once_its_headers_parse(proxied: tuple[str, str]) -> None:
    url, _ = proxied
    assert endpoint(ask(url, "/.well-known/void", X_Forwarded_Host="data.example.org",
                        X_Forwarded_Proto="https")) == "https://data.example.org/sparql"
    assert endpoint(ask(url, "/.well-known/void", X_Forwarded_Host="[2001:db8::1]:8443")) == \
        "http://[2001:db8::1]:8443/sparql"
    page = ask(url, "/migragraph/id/org/iom", Accept="text/html", X_Forwarded_Host="w3id.org")
    assert page.status == 200 and 'href="/migragraph/static/style.css"' in page.body
    for bad in ("a b", f"{ATTACKER}/x", f"{ATTACKER}>", "javascript:alert(1)"):
        refused = ask(url, "/.well-known/void", X_Forwarded_Host=bad)
        assert refused.status == 400 and "X-Forwarded-Host" in refused.body and "127.0.0.1" in refused.body
    refused = ask(url, "/", X_Forwarded_Proto="javascript")
    assert refused.status == 400 and "X-Forwarded-Proto" in refused.body


def test_a_public_base_wins_over_every_header(proxied: tuple[str, str]) -> None:
    _, url = proxied
    for headers in ({}, {"X_Forwarded_Host": ATTACKER, "X_Forwarded_Proto": "http"}, {"Host": ATTACKER}):
        assert endpoint(ask(url, "/.well-known/void", **headers)) == "https://data.example.org/mg/sparql"


def test_bad_options_are_refused_at_start(served: Served, tmp_path: Path) -> None:
    for options in (("--trusted-proxy", "not-an-address"), ("--public-base", "javascript://x/"),
                    ("--public-base", "https://a b/"), ("--public-base", "https://example.org/no-slash")):
        with pytest.raises(RuntimeError, match="did not start|printed no address"):
            start_server(served.out, tmp_path / "refused.log", *options)
