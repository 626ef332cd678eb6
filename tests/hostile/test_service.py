"""SERVICE in every encoding an attacker would try, against `migragraph query` and the served endpoint.

Each query of the corpus has a SERVICE clause that Oxigraph runs for real: with --allow-service, each
one reaches the loopback listener (the corpus is real), and without it none does, through the CLI or
the endpoint. Version 0.2.0 decided on a regular-expression pass over the text, and the first two
entries (an escaped `#` or `'` in a prefixed name, which it took for a comment or a string) went
through: the listener received the connection and the answer came back.
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migragraph.cli.main import cli
from migragraph.serve.guard import MAX_DEPTH, RefusedError, check_query, uses_service
from tests.test_serve_support import Served, serve_once

# {url} is the listener's; every SERVICE stands where Oxigraph evaluates it whatever the store holds.
CORPUS = {
    "escaped hash in a prefixed name":
        "PREFIX ex: <http://x/> SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } OPTIONAL { ?a ex:a\\# ?b } }",
    "escaped quote in a prefixed name":
        "PREFIX ex: <http://x/> SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } OPTIONAL { ?a ex:a\\' ?b } }",
    "issue 15 as filed": "PREFIX ex: <http://x/> SELECT ?s WHERE { OPTIONAL { ?a ex:a\\# ?b } "
                         "SERVICE <{url}> { ?s ?p ?o } }",
    "lower case": "select * where { service <{url}> { ?s ?p ?o } }",
    "mixed case, tabs": "SELECT * WHERE {\tSeRvIcE\t<{url}>\t{ ?s ?p ?o } }",
    "silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "escape inside the IRI": "SELECT * WHERE { SERVICE <{url}\\u0061> { ?s ?p ?o } }",
    "prefixed endpoint": "PREFIX p: <{url}> SELECT * WHERE { SERVICE p:x { ?s ?p ?o } }",
    "relative to BASE": "BASE <{url}> SELECT * WHERE { SERVICE <x> { ?s ?p ?o } }",
    "after a comment line": "# SELECT nothing \nSELECT * WHERE {\n# }\nSERVICE <{url}> { ?s ?p ?o } }",
    "after a string with quotes":
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } BIND('''a'' \" # ''' AS ?x) }",
    "after an IRI with a hash": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } BIND(<http://x/#> AS ?x) }",
    "nested groups": "SELECT * WHERE { { { SERVICE <{url}> { ?s ?p ?o } } } }",
    "subquery": "SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    "EXISTS": "SELECT * WHERE { BIND(1 AS ?x) FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "NOT EXISTS": "SELECT * WHERE { BIND(1 AS ?x) FILTER NOT EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "MINUS": "SELECT * WHERE { BIND(1 AS ?x) MINUS { SERVICE <{url}> { ?x ?p ?o } } }",
    "UNION": "SELECT * WHERE { { BIND(1 AS ?x) } UNION { SERVICE <{url}> { ?s ?p ?o } } }",
    "OPTIONAL": "SELECT * WHERE { BIND(1 AS ?x) OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } }",
    "ASK": "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "CONSTRUCT": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "DESCRIBE": "DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }",
}
# Oxigraph does not expand codepoint escapes in keywords (a syntax error there) where SPARQL 1.1 §19.2
# says to, and rdflib does: refused all the same, the check reading the query as the standard does.
NOT_RUN_BY_OXIGRAPH = {"codepoint escape": "SELECT * WHERE { SERVIC\\u0045 <{url}> { ?s ?p ?o } }"}
REFUSED = {**CORPUS, **NOT_RUN_BY_OXIGRAPH}
# The word where it is no keyword, and the characters that fooled 0.2.0 where no SERVICE follows.
HARMLESS = [
    "# SERVICE <http://127.0.0.1:9/> { }\nSELECT ?x WHERE { BIND('SERVICE <http://x/> { }' AS ?x) }",
    "SELECT ?service WHERE { BIND(<http://x/#SERVICE> AS ?service) }",
    "PREFIX ex: <http://x/> SELECT ?x WHERE { BIND(ex:a\\' AS ?x) }",
]


class Listener:
    """A loopback socket that accepts and hangs up at once, counting who came."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/internal"
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    ear = Listener()
    yield ear
    ear.socket.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def _query(*args: str) -> Result:
    return CliRunner().invoke(cli, ["query", *args], catch_exceptions=False)


@pytest.mark.parametrize("name", REFUSED)
def test_the_parse_sees_it_or_refuses(name: str) -> None:
    query = REFUSED[name].replace("{url}", "http://127.0.0.1:9/")
    try:
        assert uses_service(query)
    except RefusedError as refused:  # what rdflib cannot parse is not run unchecked either
        assert refused.status == 400 and "not valid SPARQL 1.1" in str(refused)


@pytest.mark.parametrize("name", REFUSED)
def test_the_cli_refuses_and_nothing_connects(name: str, controlled: Path, listener: Listener) -> None:
    result = _query(str(controlled), REFUSED[name].replace("{url}", listener.url))
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "--allow-service" in line or "not valid SPARQL 1.1" in line
    assert listener.connections == 0


@pytest.mark.parametrize("name", CORPUS)
def test_allowed_each_one_does_connect(name: str, controlled: Path, listener: Listener) -> None:
    # The corpus is real: each query reaches out when the user asks for it.
    _query(str(controlled), CORPUS[name].replace("{url}", listener.url), "--allow-service")
    assert listener.connections >= 1


@pytest.mark.parametrize("name", REFUSED)
def test_the_endpoint_refuses_and_nothing_connects(name: str, served: Served, listener: Listener) -> None:
    query = REFUSED[name].replace("{url}", listener.url)
    # http.client straight to loopback: the guard of this folder refuses urllib's requests.
    address = urllib.parse.urlsplit(served.url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=30)
    connection.request("GET", f"/sparql?{urllib.parse.urlencode({'query': query})}")
    reply = connection.getresponse()
    text = reply.read().decode("utf-8")
    connection.close()
    assert reply.status in (400, 403), text
    assert "--allow-service" in text or "not valid SPARQL 1.1" in text
    assert listener.connections == 0


@pytest.mark.parametrize("query", HARMLESS)
def test_the_word_or_the_characters_alone_run(query: str, controlled: Path) -> None:
    assert not uses_service(query)
    result = _query(str(controlled), query, "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2  # a header and one row


def test_deep_nesting_is_refused_before_parsing(controlled: Path) -> None:
    deep = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    result = _query(str(controlled), deep)
    assert result.exit_code == 2
    assert result.stderr == (f"error: the query nests brackets 5002 deep, more than the {MAX_DEPTH} allowed: "
                             "flatten it (a VALUES block or a UNION instead of nested groups)\n")
    with pytest.raises(RefusedError):
        check_query(deep, allow_service=True)  # allowed SERVICE or not: no parser sees it
    # Within the limit, even deep for rdflib's recursive parser, it is parsed and runs.
    fine = "SELECT ?x WHERE { BIND(" + "(" * 60 + "1" + ")" * 60 + " AS ?x) }"
    ran = _query(str(controlled), fine, "--format", "csv")
    assert ran.exit_code == 0 and ran.stdout.splitlines() == ["x", "1"]


def test_brackets_in_strings_do_not_count() -> None:
    query = "SELECT * WHERE { BIND('" + "(" * 500 + "' AS ?x) }"
    assert not uses_service(query)
