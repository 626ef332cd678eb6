"""/sparql and /named over real HTTP: the SPARQL 1.1 Protocol, its formats, clients, and refusals."""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from tests.test_serve_support import (
    IOM,
    IOM_NAME,
    LABEL_TRIPLE,
    MAX_RESULTS,
    TIMEOUT,
    TOKEN,
    Reply,
    Served,
    fetch,
    parse_rdf,
    serve_once,
)

ORGS = "SELECT ?org ?name WHERE { ?org a org:Organization ; skos:prefLabel ?name } ORDER BY ?name"
LABELS = "CONSTRUCT { ?o skos:prefLabel ?n } WHERE { ?o a org:Organization ; skos:prefLabel ?n }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def get(served: Served, query: str, accept: str | None = None, **params: str) -> Reply:
    url = f"{served.url}sparql?{urllib.parse.urlencode({'query': query, **params})}"
    return fetch(url, **({"Accept": accept} if accept else {}))


def json_pairs(body: bytes) -> set[tuple[str, str]]:
    doc = json.loads(body)
    return {(b["org"]["value"], b["name"]["value"]) for b in doc["results"]["bindings"]}


def test_get_json_has_the_bindings(served: Served) -> None:
    reply = get(served, ORGS, "application/sparql-results+json")
    assert reply.status == 200 and reply.content_type == "application/sparql-results+json"
    doc = json.loads(reply.body)
    assert doc["head"]["vars"] == ["org", "name"]
    assert (IOM, IOM_NAME) in json_pairs(reply.body)
    binding = next(b for b in doc["results"]["bindings"] if b["org"]["value"] == IOM)
    assert binding["org"]["type"] == "uri" and binding["name"] == {"type": "literal", "value": IOM_NAME}
    assert len(doc["results"]["bindings"]) == served.summary["counts"]["organisations"]  # type: ignore[index]


def test_post_form_and_direct_post_answer_as_get(served: Served) -> None:
    by_get = json_pairs(get(served, ORGS).body)  # no Accept: JSON, the first format offered
    form = fetch(f"{served.url}sparql", method="POST", data=urllib.parse.urlencode({"query": ORGS}).encode(),
                 Content_Type="application/x-www-form-urlencoded", Accept="application/sparql-results+json")
    direct = fetch(f"{served.url}sparql", method="POST", data=ORGS.encode(),
                   Content_Type="application/sparql-query", Accept="application/sparql-results+json")
    assert form.status == direct.status == 200
    assert json_pairs(form.body) == json_pairs(direct.body) == by_get
    assert (IOM, IOM_NAME) in by_get


def test_every_results_format_holds_the_same_rows(served: Served) -> None:
    expected = json_pairs(get(served, ORGS, "application/sparql-results+json").body)
    xml = get(served, ORGS, "application/sparql-results+xml")
    assert xml.content_type == "application/sparql-results+xml"
    rows = set()
    for result in ET.fromstring(xml.body).iter(f"{RESULTS_NS}result"):
        cells = {b.get("name"): (b[0].text or "") for b in result.iter(f"{RESULTS_NS}binding")}
        rows.add((cells["org"], cells["name"]))
    assert rows == expected
    table = get(served, ORGS, "text/csv")
    assert table.content_type == "text/csv"
    records = list(csv.reader(io.StringIO(table.text)))
    assert records[0] == ["org", "name"] and set(map(tuple, records[1:])) == expected
    tsv = get(served, ORGS, "text/tab-separated-values")
    assert tsv.content_type == "text/tab-separated-values"
    parsed = ox.parse_query_results(tsv.body, format=ox.QueryResultsFormat.TSV)
    assert {(s["org"].value, s["name"].value) for s in parsed} == expected  # type: ignore[union-attr]


def test_ask_answers_a_boolean(served: Served) -> None:
    reply = get(served, f"ASK {{ <{IOM}> skos:prefLabel \"{IOM_NAME}\" }}")
    assert json.loads(reply.body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/ld+json",
                                    "application/rdf+xml"])
def test_construct_in_every_rdf_format_has_the_label_triple(served: Served, accept: str) -> None:
    reply = get(served, LABELS, accept)
    assert reply.status == 200 and reply.content_type == accept
    graph = parse_rdf(reply.body, accept)
    assert LABEL_TRIPLE in graph
    assert len(graph) == served.summary["counts"]["organisations"]  # type: ignore[index]


def test_format_parameter_overrides_accept(served: Served) -> None:
    reply = get(served, ORGS, "text/html", format="csv")
    assert reply.content_type == "text/csv" and IOM_NAME in reply.text


def test_browser_gets_an_html_table(served: Served) -> None:
    reply = get(served, ORGS, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert reply.content_type == "text/html"
    assert f'<a href="/id/org/iom" title="{IOM}">' in reply.text and IOM_NAME in reply.text


def test_cors_headers_and_preflight(served: Served) -> None:
    assert get(served, ORGS).headers["Access-Control-Allow-Origin"] == "*"
    preflight = fetch(f"{served.url}sparql", method="OPTIONS", Origin="https://example.org",
                      Access_Control_Request_Method="POST", Access_Control_Request_Headers="content-type")
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()


def test_sparqlwrapper_reads_through_the_protocol(served: Served) -> None:
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(f"{served.url}sparql")
    client.setQuery(ORGS)
    client.setReturnFormat(JSON)
    doc = client.queryAndConvert()
    assert isinstance(doc, dict)
    assert (IOM, IOM_NAME) in {(b["org"]["value"], b["name"]["value"]) for b in doc["results"]["bindings"]}
    client.setMethod("POST")
    client.setQuery(LABELS)
    client.setReturnFormat(TURTLE)  # its RDF/XML reader builds a ConjunctiveGraph, which rdflib deprecates
    turtle = client.queryAndConvert()
    assert isinstance(turtle, bytes)
    assert (URIRef(IOM), SKOS.prefLabel, Literal(IOM_NAME)) in Graph().parse(data=turtle, format="turtle")


def test_rdflib_sparqlstore_reads_through_the_protocol(served: Served) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(f"{served.url}sparql")
    graph = Graph(store=store)
    rows = graph.query("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                       f"SELECT ?name WHERE {{ <{IOM}> skos:prefLabel ?name }}")
    assert [str(r[0]) for r in rows] == [IOM_NAME]  # type: ignore[index]
    assert (URIRef(IOM), SKOS.prefLabel, Literal(IOM_NAME)) in graph


def test_updates_are_refused_with_or_without_a_token(served: Served) -> None:
    url = f"{served.url}sparql"
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    bare = fetch(url, method="POST", data=form, Content_Type="application/x-www-form-urlencoded")
    wrong = fetch(url, method="POST", data=b"DROP ALL", Content_Type="application/sparql-update",
                  Authorization="Bearer not-the-token")
    right = fetch(url, method="POST", data=b"DROP ALL", Content_Type="application/sparql-update",
                  Authorization=f"Bearer {TOKEN}")
    assert bare.status == wrong.status == right.status == 403
    assert "valid write token" in bare.text and "valid write token" in wrong.text
    assert "does not implement updates" in right.text
    assert json_pairs(get(served, ORGS).body)  # nothing was dropped


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c . OPTIONAL { service silent <http://127.0.0.1:1/> { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
])
def test_service_is_refused(served: Served, query: str) -> None:
    reply = get(served, query)
    assert reply.status == 403 and "--allow-service" in reply.text


def test_the_word_service_in_comments_and_strings_is_no_service(served: Served) -> None:
    query = '# a SERVICE <http://x/> { } here\nSELECT ?l WHERE { BIND("SERVICE <http://x/> {}" AS ?l) }'
    reply = get(served, query)
    assert reply.status == 200
    assert json.loads(reply.body)["results"]["bindings"][0]["l"]["value"] == "SERVICE <http://x/> {}"


def test_a_query_past_the_time_limit_is_stopped_and_the_endpoint_goes_on(served: Served) -> None:
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    reply = get(served, cross)
    took = time.monotonic() - started
    assert reply.status == 503 and "time limit" in reply.text and reply.headers["Retry-After"]
    assert TIMEOUT <= took < TIMEOUT + 5
    assert (IOM, IOM_NAME) in json_pairs(get(served, ORGS).body)  # a worker is still there


def test_results_past_the_limit_are_refused_with_a_hint(served: Served) -> None:
    reply = get(served, "SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 400 and f"more than {MAX_RESULTS} rows" in reply.text and "LIMIT" in reply.text
    assert get(served, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_RESULTS}").status == 200


@pytest.mark.parametrize(("query", "accept", "status", "says"), [
    ("SELECT WHERE {", None, 400, "not valid"),
    (ORGS, "image/png", 406, "image/png"),
    ("", None, 400, "exactly one query"),
])
def test_bad_requests_say_what_is_wrong(served: Served, query: str, accept: str | None, status: int,
                                       says: str) -> None:
    reply = get(served, query, accept)
    assert reply.status == status and says in reply.text


def test_named_question_binds_its_parameters(served: Served) -> None:
    reply = fetch(f"{served.url}named/sub-units?org=IOM", Accept="application/sparql-results+json")
    units = {b["name"]["value"] for b in json.loads(reply.body)["results"]["bindings"]}
    assert "Council of the International Organization for Migration" in units
    hostile = urllib.parse.urlencode({"org": '"} ; DROP ALL'})
    injected = fetch(f"{served.url}named/sub-units?{hostile}", Accept="application/sparql-results+json")
    assert injected.status == 200 and json.loads(injected.body)["results"]["bindings"] == []


def test_named_questions_list_and_errors(served: Served) -> None:
    listing = json.loads(fetch(f"{served.url}named", Accept="application/json").body)
    assert listing["officials-of-organisation"]["params"][0]["name"] == "org"
    missing = fetch(f"{served.url}named/officials-of-organisation?foo=1", Accept="text/plain")
    assert missing.status == 400 and "foo" in missing.text
    assert fetch(f"{served.url}named/no-such-question").status == 404
