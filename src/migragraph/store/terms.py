"""rdflib terms <-> pyoxigraph terms.

The mapper speaks rdflib (pyshacl needs it); the store speaks pyoxigraph. Predicates, classes and
datatypes repeat on nearly every triple, so their pyoxigraph nodes are cached rather than rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from migragraph.errors import StoreError

Triple = tuple[Node, Node, Node]
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
_XSD_STRING = str(XSD.string)


@lru_cache(maxsize=4096)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def to_ox(term: Node) -> OxTerm:
    """One rdflib term as pyoxigraph; raises StoreError for an IRI oxigraph refuses."""
    try:
        if isinstance(term, URIRef):
            return _named(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=_named(str(term.datatype)))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
    except ValueError as exc:
        raise StoreError(f"cannot store the term {term.n3()}: {exc}") from None
    raise StoreError(f"cannot store a {type(term).__name__} ({term!r}): only IRIs, blank nodes and literals")


def to_ox_quads(graph_iri: URIRef, triples: Iterable[Triple]) -> Iterator[ox.Quad]:
    graph = _named(str(graph_iri))
    for s, p, o in triples:
        subject, predicate = to_ox(s), to_ox(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise StoreError(f"not a valid triple for the store: {s.n3()} {p.n3()} {o.n3()}")
        yield ox.Quad(subject, predicate, to_ox(o), graph)


def to_rdflib(term: object) -> Node:
    """One pyoxigraph term as rdflib. xsd:string literals become plain literals, as rdflib parses them."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError(f"cannot read a {type(term).__name__} from the store into rdflib")
