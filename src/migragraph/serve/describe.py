"""What the site says of itself: the home page, search, the ontology's documentation and VoID.

The ontology page is read from ontology/migragraph.ttl, the one place its terms are defined: every
class and property there is documented, with nothing typed twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, VOID, XSD

from migragraph.map.prefixes import vocab_prefixes
from migragraph.resources import data_file
from migragraph.serve.conneg import GRAPHS, HTML, NotAcceptableError, choose, prefers_html
from migragraph.serve.http import Request, Response, text
from migragraph.serve.mount import Mount, View
from migragraph.serve.named import named_queries
from migragraph.serve.protocol import runnable
from migragraph.serve.render import Cell

if TYPE_CHECKING:
    from migragraph.serve.site import Site

_RDF_ONLY = tuple(r for r in GRAPHS if r is not HTML)
_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml"}
# What the query box holds before anything is chosen.
FIRST_QUERY = ("SELECT ?org ?name WHERE {\n  ?org a org:Organization ; skos:prefLabel ?name .\n}\n"
               "ORDER BY ?name\nLIMIT 50")
_KINDS = {OWL.Class: "class", OWL.ObjectProperty: "object property",
          OWL.DatatypeProperty: "datatype property"}


@dataclass
class OntologyTerm:
    name: str
    iri: str
    kind: str
    label: str
    comment: str
    domain: list[Cell] = field(default_factory=list)
    range: list[Cell] = field(default_factory=list)
    parents: list[Cell] = field(default_factory=list)


@dataclass
class Ontology:
    iri: str
    title: str
    comment: str
    version: str
    terms: list[OntologyTerm]
    documents: dict[str, bytes]       # ttl (the file as written), nt, jsonld, rdf
    published_path: str | None        # where a proxied request for the ontology's IRI arrives

    @classmethod
    def load(cls, mount: Mount) -> Ontology:
        path = data_file("ontology", "migragraph.ttl")
        graph = Graph().parse(path, format="turtle")
        iri = next(iter(graph.subjects(RDF.type, OWL.Ontology)))
        namespace = f"{iri}#"
        terms = [_term(graph, s, namespace, kind) for kind_iri, kind in _KINDS.items()
                 for s in sorted(graph.subjects(RDF.type, kind_iri), key=str) if isinstance(s, URIRef)]
        documents = {"ttl": path.read_bytes()}
        documents.update({fmt: graph.serialize(format=name, encoding="utf-8")
                          for fmt, name in _RDFLIB_FORMATS.items() if fmt != "ttl"})
        def text(predicate: URIRef) -> str:
            return str(graph.value(iri, predicate) or "")
        return cls(str(iri), text(DCTERMS.title), text(RDFS.comment), text(OWL.versionInfo), terms, documents,
                   mount.published(str(iri)))


def _term(graph: Graph, subject: URIRef, namespace: str, kind: str) -> OntologyTerm:
    def refs(predicate: URIRef) -> list[Cell]:
        found = sorted(str(o) for o in graph.objects(subject, predicate))
        return [Cell(_curie(o, namespace), f"#{o[len(namespace):]}" if o.startswith(namespace) else o,
                     title=o) for o in found]
    parent = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
    label, comment = (str(graph.value(subject, p) or "") for p in (RDFS.label, RDFS.comment))
    return OntologyTerm(str(subject)[len(namespace):], str(subject), kind, label, comment,
                        refs(RDFS.domain), refs(RDFS.range), refs(parent))


def _curie(iri: str, namespace: str) -> str:
    prefixes = {**vocab_prefixes(), "mg": namespace}
    for name, ns in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if iri.startswith(ns):
            return f"{name}:{iri[len(ns):]}"
    return iri


def ontology(site: Site, request: Request, view: View, fmt: str | None) -> Response:
    try:
        rep = choose(GRAPHS, request.headers.get("Accept"), fmt, graphs=True)
    except NotAcceptableError as exc:
        return text(406, str(exc))
    headers = {"Vary": "Accept"}
    if rep is HTML:
        onto = site.ontology
        classes = [t for t in onto.terms if t.kind == "class"]
        properties = sorted((t for t in onto.terms if t.kind != "class"), key=lambda t: t.name.lower())
        response = site.page(view, "ontology.html", title=onto.title or "Ontology", ontology=onto,
                             classes=classes, properties=properties)
        response.headers.update(headers)
        return response
    return Response(200, site.ontology.documents[rep.name], rep.media_type, headers)


# ---------------------------------------------------------------------- home and search


def home(site: Site, request: Request, view: View) -> Response:
    counts = {str(r[0].value): int(r[1].value) for r in site.cached("count-entities").rows
              if isinstance(r[0], ox.Literal) and isinstance(r[1], ox.Literal)}
    releases = _number(site.cached("releases-count").rows[0][0])
    triples = _number(site.cached("void-counts").rows[0][0])
    questions = list(named_queries().values())
    chosen = named_queries().get(request.param("example") or "")
    box = runnable(chosen) if chosen else FIRST_QUERY
    return site.page(view, "home.html", title="migragraph", counts=counts, releases=releases,
                     triples=triples, quads=site.summary.get("quads", 0), questions=questions, query=box,
                     built=site.summary.get("built_at", ""))


def _number(term: object) -> int:
    return int(term.value) if isinstance(term, ox.Literal) else 0


def _iri(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode) else ""


def search(site: Site, request: Request, view: View) -> Response:
    q = (request.param("q") or "").strip()[:200]
    html = prefers_html(request.headers.get("Accept"), request.param("format"))
    found = site.rows("search", q=ox.Literal(q)).rows if q else []
    hits = [(r[1], r[2].value if isinstance(r[2], ox.Literal) else "") for r in found
            if isinstance(r[1], ox.NamedNode)]
    if not html:
        listing = [{"iri": iri.value, "label": label, "kind": site.kind(iri.value)} for iri, label in hits]
        return Response(200, json.dumps({"q": q, "results": listing}, ensure_ascii=False).encode("utf-8"),
                        "application/json", {"Vary": "Accept"})
    results = [(site.renderer.cell(iri, view, label), site.kind(iri.value) or "") for iri, label in hits]
    return site.page(view, "search.html", title=f"Search: {q}" if q else "Search", q=q, results=results)


# ---------------------------------------------------------------------- VoID


def void(site: Site, request: Request, view: View) -> Response:
    """The VoID description (Turtle, or another RDF syntax by Accept) of the dataset served here."""
    try:
        rep = choose(_RDF_ONLY, request.headers.get("Accept"), request.param("format"), graphs=True)
    except NotAcceptableError:
        rep = _RDF_ONLY[0]  # a browser asking for a page gets Turtle, which it shows as text
    graph = _void_graph(site, view.url)
    return Response(200, graph.serialize(format=_RDFLIB_FORMATS[rep.name], encoding="utf-8"), rep.media_type,
                    {"Vary": "Accept"})


def _void_graph(site: Site, url: str) -> Graph:
    graph = Graph()
    graph.bind("void", VOID)
    for name, namespace in site.prefixes.items():
        graph.bind(name, namespace)
    dataset = URIRef(f"{url}.well-known/void#dataset")
    triples, subjects, properties, objects = (_number(t) for t in site.cached("void-counts").rows[0])
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("migragraph: institutional relations in press releases")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Meetings, posts, cooperation frameworks and funding between organisations and officials, read "
        "from press releases, each statement with the sentence it came from; one named graph per release.")))
    if site.summary.get("built_at"):
        graph.add((dataset, DCTERMS.modified, Literal(site.summary["built_at"], datatype=XSD.dateTime)))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(f"{url}sparql")))
    graph.add((dataset, VOID.uriSpace, Literal(site.mount.base)))
    graph.add((dataset, VOID.uriLookupEndpoint, URIRef(f"{url}search?q=")))
    for predicate, value in ((VOID.triples, triples), (VOID.distinctSubjects, subjects),
                             (VOID.properties, properties), (VOID.distinctObjects, objects)):
        graph.add((dataset, predicate, Literal(value, datatype=XSD.integer)))
    used: set[str] = set()
    for row in site.cached("void-classes").rows:
        part = BNode()
        graph.add((dataset, VOID.classPartition, part))
        graph.add((part, VOID["class"], URIRef(_iri(row[0]))))
        graph.add((part, VOID.entities, Literal(_number(row[1]), datatype=XSD.integer)))
        used.add(_iri(row[0]))
    for row in site.cached("void-properties").rows:
        part = BNode()
        graph.add((dataset, VOID.propertyPartition, part))
        graph.add((part, VOID.property, URIRef(_iri(row[0]))))
        graph.add((part, VOID.triples, Literal(_number(row[1]), datatype=XSD.integer)))
        used.add(_iri(row[0]))
    for namespace in sorted(set(vocab_prefixes().values())):
        if any(iri.startswith(namespace) for iri in used):
            graph.add((dataset, VOID.vocabulary, URIRef(namespace)))
    for row in site.cached("void-examples").rows:
        graph.add((dataset, VOID.exampleResource, URIRef(_iri(row[0]))))
    return graph
