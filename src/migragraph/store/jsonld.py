"""JSON-LD that people can read: a @context of the project's prefixes, compact IRIs, one node object a
subject, literals written as their lexical form (never as JSON numbers, so values round-trip exactly).

    {"@context": {"mg": "https://w3id.org/migragraph/ns#", ...},
     "@graph": [{"@id": "release:iom-eu-2025", "@graph": [
         {"@id": "organisation:iom", "@type": "org:Organization", "skos:prefLabel": "International ..."}]}]}

pyoxigraph's JSON-LD writer ignores prefixes (it writes expanded JSON-LD) and rdflib's holds the whole
graph in memory; this writer streams sorted quads, one subject at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO, Any

import pyoxigraph as ox

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Compactor:
    """IRIs as prefix:local where a namespace of the context holds them (the longest one wins)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.context = dict(sorted(prefixes.items()))
        self._by_length = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda p: -len(p[0]))

    def iri(self, iri: str) -> str:
        for namespace, name in self._by_length:
            local = iri[len(namespace):]
            # A local part starting "//" would read as an absolute IRI; an empty one as the prefix alone.
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Any:
        if isinstance(term, ox.NamedNode):
            return {"@id": self.iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"@id": f"_:{term.value}"}
        if isinstance(term, ox.Literal):
            if term.language:
                return {"@value": term.value, "@language": term.language}
            if term.datatype.value == _XSD_STRING:
                return term.value
            return {"@value": term.value, "@type": self.iri(term.datatype.value)}
        raise ValueError(f"JSON-LD 1.1 cannot write the quoted triple {term}")

    def node(self, subject: ox.NamedNode | ox.BlankNode, pairs: Iterable[tuple[ox.NamedNode, Any]]) -> Any:
        out: dict[str, Any] = {"@id": self.term(subject)["@id"]}
        for predicate, objects in groupby(pairs, key=lambda pair: pair[0].value):
            values = [o for _, o in objects]
            if predicate == _RDF_TYPE and all(isinstance(v, ox.NamedNode) for v in values):
                key, written = "@type", [self.iri(v.value) for v in values]
            else:
                key, written = self.iri(predicate), [self.term(v) for v in values]
            out[key] = written[0] if len(written) == 1 else written
        return out


def write_jsonld(quads: Iterable[ox.Quad], prefixes: dict[str, str], output: IO[bytes]) -> None:
    """Quads sorted by graph, then subject, then predicate (as GraphStore.sorted_quads gives them):
    named graphs as {"@id": graph, "@graph": [...]}, default-graph triples as top-level nodes."""
    compact = Compactor(prefixes)
    output.write(b'{\n"@context": ' + _dumps(compact.context) + b',\n"@graph": [')
    first = True
    for graph, in_graph in groupby(quads, key=lambda q: q.graph_name):
        nodes = _nodes(compact, in_graph)
        if isinstance(graph, ox.DefaultGraph):
            items: Iterator[Any] = nodes
        else:
            items = iter([{"@id": compact.iri(graph.value), "@graph": list(nodes)}])
        for item in items:
            output.write((b"\n" if first else b",\n") + _dumps(item))
            first = False
    output.write(b"\n]\n}\n")


def write_jsonld_triples(triples: Iterable[ox.Triple], prefixes: dict[str, str], output: IO[bytes]) -> None:
    """A CONSTRUCT or DESCRIBE result: its triples, sorted, as top-level nodes."""
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    default = ox.DefaultGraph()
    write_jsonld((ox.Quad(t.subject, t.predicate, t.object, default) for t in ordered), prefixes, output)


def _nodes(compact: Compactor, quads: Iterable[ox.Quad]) -> Iterator[Any]:
    for subject, of_subject in groupby(quads, key=lambda q: q.subject):
        if isinstance(subject, ox.Triple):
            raise ValueError(f"JSON-LD 1.1 cannot write the quoted triple {subject}")
        yield compact.node(subject, ((q.predicate, q.object) for q in of_subject))


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
