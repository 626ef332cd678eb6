"""The server's parts on their own: content negotiation, the results writers, the SERVICE check, the
mount of the base IRI, the update refusals, and the runnable examples of the named questions."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from migragraph.serve import results
from migragraph.serve.conneg import GRAPHS, HTML, SOLUTIONS, NotAcceptableError, choose
from migragraph.serve.guard import RefusedError, uses_service
from migragraph.serve.mount import Mount
from migragraph.serve.named import named_queries
from migragraph.serve.origin import parse_authority
from migragraph.serve.protocol import runnable, update_refusal
from tests.test_serve_support import BROWSER, Served, fetch, serve_once


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


@pytest.mark.parametrize(("accept", "fmt", "graphs", "expected"), [
    (None, None, False, "json"),
    ("*/*", None, True, "ttl"),
    (BROWSER, None, False, "html"),
    ("application/sparql-results+xml;q=0.5, text/csv", None, False, "csv"),
    # csv gets the q of its own, more specific range (0.1); XML results answer to text/xml, so text/*
    ("text/*;q=0.9, text/csv;q=0.1", None, False, "xml"),
    ("text/tab-separated-values;q=0.9, text/*;q=0.5", None, False, "tsv"),
    ("application/json", None, True, "jsonld"),
    ("text/html", "json", False, "json"),
    (None, "xml", True, "rdf"),  # format=xml on a CONSTRUCT means RDF/XML
])
def test_choose(accept: str | None, fmt: str | None, graphs: bool, expected: str) -> None:
    offers = GRAPHS if graphs else SOLUTIONS
    assert choose(offers, accept, fmt, graphs=graphs).name == expected


def test_choose_refuses_what_is_not_offered() -> None:
    with pytest.raises(NotAcceptableError, match="image/png"):
        choose(SOLUTIONS, "image/png")
    with pytest.raises(NotAcceptableError, match="offered"):
        choose(SOLUTIONS, None, "pdf")
    assert choose(GRAPHS, "text/html;q=0, */*;q=0.1") is not HTML


ROWS_QUERY = """SELECT ?s ?label ?n ?none WHERE {
  VALUES (?s ?label ?n) {
    (<http://example.org/a> "plain, with \\"quotes\\"\\tand a tab" 1)
    (<http://example.org/b> "zwei"@de "2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>)
    (<http://example.org/c> "line\\nbreak <&>" UNDEF)
  }
}"""


@pytest.mark.parametrize(("fmt", "ox_format"), [("json", ox.QueryResultsFormat.JSON),
                                                ("xml", ox.QueryResultsFormat.XML),
                                                ("tsv", ox.QueryResultsFormat.TSV)])
def test_results_writers_agree_with_oxigraph(fmt: str, ox_format: ox.QueryResultsFormat) -> None:
    store = ox.Store()
    found = store.query(ROWS_QUERY)
    assert isinstance(found, ox.QuerySolutions)
    names = [v.value for v in found.variables]
    rows = [tuple(s[v] for v in found.variables) for s in found]
    ours = ox.parse_query_results(results.write(fmt, names, rows), format=ox_format)
    assert isinstance(ours, ox.QuerySolutions)
    assert [v.value for v in ours.variables] == names
    assert [tuple(s[v] for v in ours.variables) for s in ours] == rows


def test_csv_writer_keeps_values() -> None:
    found = ox.Store().query(ROWS_QUERY)
    assert isinstance(found, ox.QuerySolutions)
    rows = [tuple(s[v] for v in found.variables) for s in found]
    text = results.write("csv", ["s", "label", "n", "none"], rows).decode()
    assert text.startswith("s,label,n,none\r\n")
    assert 'http://example.org/a,"plain, with ""quotes""\tand a tab",1,\r\n' in text
    assert "http://example.org/b,zwei,2.5,\r\n" in text


@pytest.mark.parametrize(("query", "service"), [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { ?s ?p ?o }", False),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }', False),
    ("SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> {}''' }", False),
    ("SELECT * WHERE { ?s <http://service.example/p> ?service }", False),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE<http://x/>{?a ?b ?c} }", True),
    ("SELECT * WHERE { { SELECT * WHERE { FILTER EXISTS { SERVICE ?x { ?s ?p ?o } } } } }", True),
    ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ?o }", False),  # a name, not the keyword
])
def test_service_check(query: str, service: bool) -> None:
    assert uses_service(query) is service


def test_service_check_refuses_what_it_cannot_parse() -> None:
    with pytest.raises(RefusedError) as refused:
        uses_service("SELECT * WHERE {\n  SERVICE <http://x/> { ?s ?p ?o } ")
    assert refused.value.status == 400
    assert str(refused.value).startswith("the SPARQL query is not valid SPARQL 1.1 at line 2, column")


def test_mount_local_and_proxied() -> None:
    mount = Mount("https://w3id.org/migragraph/id/")
    local, proxied = mount.view(parse_authority("127.0.0.1:8000")), mount.view(parse_authority("W3ID.org"))
    iri = "https://w3id.org/migragraph/id/org/iom"
    assert (local.entities, local.site, local.link(iri)) == ("/id/", "/", "/id/org/iom")
    assert (proxied.entities, proxied.site, proxied.link(iri)) == ("/migragraph/id/", "/migragraph/", iri)
    assert local.link("https://example.org/x") == "https://example.org/x"
    assert mount.published("https://w3id.org/migragraph/ns") == "/migragraph/ns"
    assert Mount("https://data.example.org/id/").view(parse_authority("data.example.org")).site == "/"
    assert proxied.url == "https://w3id.org/migragraph/" and local.url == ""  # the site fills in local URLs
    with pytest.raises(ValueError, match="ending in '/'"):
        Mount("https://example.org/data#")


def test_update_refusals_say_why() -> None:
    assert "read-only" in update_refusal(None, "Bearer x")
    assert "valid write token" in update_refusal("t0k", None)
    assert "valid write token" in update_refusal("t0k", "Bearer nope")
    assert "does not implement updates" in update_refusal("t0k", "Bearer t0k")


def test_every_named_example_runs_as_shown(served: Served) -> None:
    """The home page's examples bind each required parameter by a VALUES line, and answer."""
    for question in named_queries().values():
        text = runnable(question)
        for param in question.params:
            assert (f"VALUES ?{param.name} " in text) is param.required, (question.name, param.name)
        reply = fetch(f"{served.url}sparql?" + urllib.parse.urlencode({"query": text}))
        assert reply.status == 200, (question.name, reply.text)
        assert "results" in json.loads(reply.body)
