"""Entity IRIs, the ontology, VoID, home, search and the site's edges, over real HTTP."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from markupsafe import escape
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VOID

from migragraph.resources import data_file
from tests.test_serve_support import (
    BROWSER,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    IOM,
    IOM_NAME,
    LABEL_TRIPLE,
    Served,
    fetch,
    parse_rdf,
    serve_once,
)

IOM_PATH = "id/org/iom"

# A unit of IOM in tests/data: "the Council of the International Organization for Migration (IOM)".
LOCAL_COUNCIL = "/id/org/iom--council"
COUNCIL = "https://w3id.org/migragraph" + LOCAL_COUNCIL


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def html(text: str) -> str:
    """`text` as the pages escape it (Jinja2's escaping: & < > " ')."""
    return str(escape(text))


def evidence_of(served: Served, iri: str) -> list[str]:
    """The evidence sentences of the statements an entity takes part in, asked of the endpoint."""
    query = ("SELECT DISTINCT ?sentence WHERE { ?st mg:evidence ?ev ; ?role ?e . ?ev mg:sentence ?sentence }")
    url = f"{served.url}sparql?" + urllib.parse.urlencode({"query": query.replace("?e .", f"<{iri}> .")})
    doc = json.loads(fetch(url).body)
    return [b["sentence"]["value"] for b in doc["results"]["bindings"]]


def test_entity_page_for_a_browser(served: Served) -> None:
    reply = fetch(served.url + IOM_PATH, Accept=BROWSER)
    assert reply.status == 200 and reply.content_type == "text/html"
    page = reply.text
    assert f"<h1><bdi>{IOM_NAME}</bdi></h1>" in page
    assert f'href="{LOCAL_COUNCIL}"' in page  # a relation pointing at IOM, linked locally
    assert "org:subOrganizationOf" in page and "skos:altLabel" in page
    sentences = evidence_of(served, IOM)
    assert sentences and all(html(s) in page for s in sentences)
    drawn = "Council of the International Organization for Migration"  # a neighbour drawn
    assert '<svg class="network"' in page and drawn in page
    assert reply.headers["Vary"] == "Accept" and 'rel="alternate"' in reply.headers["Link"]


def test_release_text_is_escaped_everywhere(served: Served) -> None:
    page = fetch(served.url + IOM_PATH, Accept=BROWSER).text
    assert html(HOSTILE_SENTENCE) in page  # the sentence, as text
    assert "<script>" not in page
    release = fetch(served.url + "id/release/hostile-markup", Accept=BROWSER).text
    assert f"<h1><bdi>{html(HOSTILE_TITLE)}</bdi></h1>" in release and "<script>" not in release
    found = fetch(served.url + "search?q=" + urllib.parse.quote("<script>"), Accept=BROWSER).text
    assert "hostile-markup" in found and "<script>" not in found


@pytest.mark.parametrize(("suffix", "media_type"), [(".ttl", "text/turtle"), (".nt", "application/n-triples"),
                                                    (".jsonld", "application/ld+json"),
                                                    (".rdf", "application/rdf+xml")])
def test_entity_data_by_accept_and_by_suffix(served: Served, suffix: str, media_type: str) -> None:
    by_accept = fetch(served.url + IOM_PATH, Accept=media_type)
    by_suffix = fetch(served.url + IOM_PATH + suffix)
    assert by_accept.content_type == by_suffix.content_type == media_type
    graph = parse_rdf(by_suffix.body, media_type)
    assert graph == parse_rdf(by_accept.body, media_type)
    assert LABEL_TRIPLE in graph
    iom = ox.NamedNode(IOM)
    assert ox.Triple(ox.NamedNode(COUNCIL), ox.NamedNode(
        "http://www.w3.org/ns/org#subOrganizationOf"), iom) in graph  # statements pointing at it too


def test_a_document_carries_its_evidence_and_hash_nodes(served: Served) -> None:
    query = "SELECT ?f WHERE { ?f a mg:Funding } ORDER BY ?f LIMIT 1"
    found = json.loads(fetch(f"{served.url}sparql?" + urllib.parse.urlencode({"query": query})).body)
    funding = found["results"]["bindings"][0]["f"]["value"]
    path = funding.removeprefix("https://w3id.org/migragraph/")
    graph = Graph().parse(data=fetch(served.url + path + ".ttl").body, format="turtle")
    amount = URIRef(funding + "#amount")
    assert (URIRef(funding), URIRef("https://schema.org/amount"), amount) in graph
    assert any(p == URIRef("https://schema.org/value") for p in graph.predicates(amount))
    sentences = list(graph.objects(None, URIRef("https://w3id.org/migragraph/ns#sentence")))
    assert sentences and all(str(s) for s in sentences)


def test_unknown_iris_and_paths_outside_the_site_are_404(served: Served) -> None:
    page = fetch(served.url + "id/org/no-such-organisation", Accept=BROWSER)
    assert page.status == 404 and page.content_type == "text/html" and "no-such-organisation" in page.text
    plain = fetch(served.url + "id/org/no-such-organisation.ttl")
    assert plain.status == 404 and plain.content_type == "text/plain"
    for raw in ("/../../etc/passwd", "/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                "/id/../../etc/passwd", "/static/..%2f..%2fpyproject.toml", "/nowhere"):
        reply = fetch_raw(served, raw)
        assert reply.startswith("HTTP/1.1 404"), raw
        assert "[build-system]" not in reply and "root:" not in reply


def fetch_raw(served: Served, path: str) -> str:
    """A GET with the path exactly as given (urllib would normalise dot segments away)."""
    import http.client

    host, port = urllib.parse.urlsplit(served.url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    head = f"HTTP/1.1 {response.status} {response.reason}\n"
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return head + body


def test_static_files_and_methods(served: Served) -> None:
    css = fetch(served.url + "static/style.css")
    assert css.content_type == "text/css" and b"svg.network" in css.body
    assert fetch(served.url, method="POST", data=b"x", Content_Type="text/plain").status == 405
    assert fetch(served.url + IOM_PATH, method="HEAD").body == b""


def test_ontology_documents_every_term(served: Served) -> None:
    source = Graph().parse(data_file("ontology", "migragraph.ttl"), format="turtle")
    page = fetch(served.url + "ontology", Accept=BROWSER)
    assert page.content_type == "text/html"
    terms = [s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in source.subjects(RDF.type, kind)]
    assert len(terms) > 20
    for term in terms:
        name = str(term).split("#")[1]
        assert f'id="{name}"' in page.text
        for text in (source.value(term, RDFS.label), source.value(term, RDFS.comment)):
            assert html(str(text)) in page.text
    assert 'href="#Evidence"' in page.text  # mg:evidence's range links to the class
    for via in (fetch(served.url + "ontology.ttl"), fetch(served.url + "ontology", Accept="text/turtle")):
        assert via.content_type == "text/turtle"
        assert isomorphic(Graph().parse(data=via.body, format="turtle"), source)


def test_void_describes_the_dataset(served: Served) -> None:
    reply = fetch(served.url + ".well-known/void")
    assert reply.content_type == "text/turtle"
    graph = Graph().parse(data=reply.body, format="turtle")
    dataset = next(graph.subjects(RDF.type, VOID.Dataset))
    count = json.loads(fetch(f"{served.url}sparql?query=" + urllib.parse.quote(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).body)["results"]["bindings"][0]["n"]["value"]
    assert graph.value(dataset, VOID.triples) == Literal(int(count))
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(served.url + "sparql")
    assert graph.value(dataset, VOID.uriSpace) == Literal("https://w3id.org/migragraph/id/")
    vocabularies = set(graph.objects(dataset, VOID.vocabulary))
    assert {URIRef("https://w3id.org/migragraph/ns#"), URIRef(str(SKOS))} <= vocabularies
    assert URIRef(IOM) in set(graph.objects(dataset, VOID.exampleResource))
    classes = {graph.value(p, VOID["class"]): graph.value(p, VOID.entities)
               for p in graph.objects(dataset, VOID.classPartition)}
    assert classes[URIRef("http://www.w3.org/ns/org#Organization")] == Literal(
        served.summary["counts"]["organisations"])  # type: ignore[index]


def test_home_page_counts_and_examples(served: Served) -> None:
    page = fetch(served.url, Accept=BROWSER).text
    counts = served.summary["counts"]
    assert isinstance(counts, dict)
    for kind, n in counts.items():
        assert f"<strong>{n}</strong> {kind}" in page
    assert f"<strong>{served.summary['releases']}</strong> releases" in page
    assert 'href="/named/officials-of-organisation"' in page
    example = fetch(served.url + "?example=officials-of-organisation", Accept=BROWSER).text
    assert 'VALUES ?org { &#34;IOM&#34; }' in example


def test_search_by_label(served: Served) -> None:
    found = json.loads(fetch(served.url + "search?q=iom", Accept="application/json").body)
    assert found["results"][0] == {"iri": IOM, "label": "IOM", "kind": "org"}  # the exact match first
    assert all("iom" in r["label"].lower() for r in found["results"])
    page = fetch(served.url + "search?q=Migration", Accept=BROWSER).text
    assert 'href="/id/org/iom"' in page and IOM_NAME in page


def test_published_iris_answer_when_proxied(served: Served) -> None:
    """A reverse proxy for w3id.org forwards /migragraph/id/org/iom with the published host (a proxy's
    X-Forwarded-Host is believed only with --trusted-proxy: tests/hostile/test_host_headers.py)."""
    for headers in ({"Host": "w3id.org"},):
        page = fetch(served.url + "migragraph/" + IOM_PATH, Accept=BROWSER, **headers)
        assert page.status == 200 and f"<h1><bdi>{IOM_NAME}</bdi></h1>" in page.text
        assert f'href="{COUNCIL}"' in page.text  # links are the published IRIs
        assert 'href="/migragraph/static/style.css"' in page.text
        data = fetch(served.url + "migragraph/" + IOM_PATH + ".ttl", **headers)
        assert LABEL_TRIPLE in parse_rdf(data.body, "text/turtle")
        onto = fetch(served.url + "migragraph/ns", Accept="text/turtle", **headers)
        assert onto.content_type == "text/turtle" and b"owl:Ontology" in onto.body
    local = fetch(served.url + IOM_PATH, Accept=BROWSER).text
    assert f'href="{LOCAL_COUNCIL}"' in local and f'href="{COUNCIL}"' not in local
    untrusted = fetch(served.url + IOM_PATH, Accept=BROWSER, X_Forwarded_Host="w3id.org").text
    assert f'href="{LOCAL_COUNCIL}"' in untrusted  # not a trusted proxy: the header changes nothing


def test_named_pages_and_other_syntaxes(served: Served) -> None:
    listing = fetch(served.url + "named", Accept=BROWSER).text
    for name in ("officials-of-organisation", "sub-units", "evidence", "funding-by-year"):
        assert f'href="/named/{name}"' in listing
    units = fetch(served.url + "named/sub-units?org=IOM", Accept=BROWSER).text
    assert f'href="{LOCAL_COUNCIL}"' in units and 'value="IOM"' in units
    source = Graph().parse(data_file("ontology", "migragraph.ttl"), format="turtle")
    onto = fetch(served.url + "ontology.jsonld")
    assert onto.content_type == "application/ld+json"
    assert len(parse_rdf(onto.body, onto.content_type)) == len(source)
    void = fetch(served.url + ".well-known/void", Accept="application/n-triples")
    assert void.content_type == "application/n-triples"
    assert b"<http://rdfs.org/ns/void#sparqlEndpoint>" in void.body
