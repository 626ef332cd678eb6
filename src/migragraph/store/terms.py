"""rdflib terms <-> pyoxigraph terms, and rdflib graphs as N-Quads for the store's bulk loads.

The mapper speaks rdflib (pyshacl needs it); the store speaks pyoxigraph. Predicates, classes and
datatypes repeat on nearly every triple, so their pyoxigraph nodes are cached rather than rebuilt.

New releases reach the store as N-Quads text rather than as pyoxigraph objects: writing the text takes
a third of the CPU time of building two pyoxigraph quads a triple (one in the release's graph, one in
the union), and oxigraph parses it in Rust (`nquads`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from migragraph.errors import StoreError

Triple = tuple[Node, Node, Node]
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
_XSD_STRING = str(XSD.string)
_XSD_STRING_REF = XSD.string


@lru_cache(maxsize=8192)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def to_ox(term: Node) -> OxTerm:
    """One rdflib term as pyoxigraph; raises StoreError for an IRI oxigraph refuses."""
    try:
        # `type(...) is` first: loading spends most of its time here (PERFORMANCE.md: rdflib -> pyoxigraph
        # is the slow half of a load), and exact type checks are several times cheaper than isinstance.
        kind = type(term)
        if kind is URIRef:
            return _named(term)
        if kind is Literal:
            return _literal(term)  # type: ignore[arg-type]
        if isinstance(term, URIRef):
            return _named(str(term))
        if isinstance(term, Literal):
            return _literal(term)
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
    except ValueError as exc:
        raise StoreError(f"cannot store the term {term.n3()}: {exc}") from None
    raise StoreError(f"cannot store a {type(term).__name__} ({term!r}): only IRIs, blank nodes and literals")


def _literal(term: Literal) -> ox.Literal:
    language = term.language
    if language:
        return ox.Literal(term, language=language)
    datatype = term.datatype
    if datatype is None or datatype == _XSD_STRING_REF:
        return ox.Literal(term)
    return ox.Literal(term, datatype=_named(datatype))


def to_ox_quads(graph_iri: URIRef, triples: Iterable[Triple]) -> Iterator[ox.Quad]:
    graph = _named(str(graph_iri))
    for s, p, o in triples:
        subject, predicate, obj = _triple(s, p, o)
        yield ox.Quad(subject, predicate, obj, graph)


def _triple(s: Node, p: Node, o: Node) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, OxTerm]:
    subject, predicate = to_ox(s), to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise StoreError(f"not a valid triple for the store: {s.n3()} {p.n3()} {o.n3()}")
    return subject, predicate, to_ox(o)


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


# What N-Triples allows inside <...>, with a scheme; oxigraph checks the rest of RFC 3987 when it parses
# (and a batch it refuses is loaded again one release at a time, so the culprit is named).
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_LANGUAGE = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")
_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"))  # backslash first


def _escaped(text: str) -> str:
    """`text` as the inside of an N-Triples string. str.replace, each only when needed: release texts
    are long, and translate() with a table looks up every character in Python."""
    for char, escape in _ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text


@lru_cache(maxsize=65536)
def _iri_text(iri: str) -> str:
    if not _IRI.match(iri):
        raise StoreError(f"cannot store the IRI <{iri}>: not an absolute IRI N-Triples can write")
    return f"<{iri}>"


def _text(term: Node) -> str:
    if type(term) is URIRef:
        return _iri_text(term)
    if isinstance(term, Literal):
        value = '"' + _escaped(str(term)) + '"'
        if term.language:
            if not _LANGUAGE.match(term.language):
                raise StoreError(f"cannot store the language tag {term.language!r} of {term.n3()}")
            return f"{value}@{term.language}"
        datatype = term.datatype
        return value if datatype is None or datatype == _XSD_STRING_REF else f"{value}^^{_iri_text(datatype)}"
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    if isinstance(term, BNode) and re.fullmatch(r"[A-Za-z0-9_]+", str(term)):
        return f"_:{term}"
    raise StoreError(f"cannot store a {type(term).__name__} ({term!r}): only IRIs, blank nodes and literals")


@dataclass(frozen=True)
class ReleaseQuads:
    """A release graph as N-Quads for a bulk load: its own lines, and its part of the union default graph
    (the same triples as N-Triples lines), kept apart so that a batch writes each union triple once."""

    named: bytes
    union: bytes
    triples: int

    @staticmethod
    def batch(releases: Iterable[ReleaseQuads]) -> bytes:
        """The N-Quads of releases loaded together: their lines, each union line once. Releases of a
        batch share their organisations' and persons' triples: a third of the union lines are repeats in
        a batch of 50k triples, and writing each once makes the load a tenth faster."""
        releases = list(releases)
        union = dict.fromkeys(b"".join(r.union for r in releases).split(b"\n"))
        return b"".join(r.named for r in releases) + b"\n".join(union)


def nquads(graph_iri: URIRef, triples: Iterable[Triple]) -> ReleaseQuads:
    """`triples` as N-Quads in the graph `graph_iri`, and as N-Triples in the default graph (its part of
    the union)."""
    graph = " " + _iri_text(str(graph_iri)) + " .\n"
    named: list[str] = []
    union: list[str] = []
    for s, p, o in triples:
        if isinstance(s, Literal) or type(p) is not URIRef:
            raise StoreError(f"not a valid triple for the store: {s.n3()} {p.n3()} {o.n3()}")
        triple = _text(s) + " " + _text(p) + " " + _text(o)
        named.append(triple + graph)
        union.append(triple + " .\n")
    return ReleaseQuads("".join(named).encode("utf-8"), "".join(union).encode("utf-8"), len(named))
