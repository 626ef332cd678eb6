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
from itertools import chain

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from migragraph.errors import StoreError
from migragraph.map import Triple

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


# What N-Triples allows inside <...>, with a scheme. The store loads with oxigraph's lenient parser: its
# strict one checks every occurrence of every IRI and language tag, 7% of a bulk load's time at 100k
# releases. Each IRI and tag is checked here instead, once (cached), by pyoxigraph's own checks (RFC
# 3987, BCP 47): the store takes nothing its strict parser would refuse, and the message names the term.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
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
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"cannot store the IRI <{iri}>: {exc}") from None
    return f"<{iri}>"


@lru_cache(maxsize=1024)
def _language_text(tag: str) -> str:
    try:
        ox.Literal("", language=tag)
    except ValueError as exc:
        raise StoreError(f"cannot store the language tag {tag!r}: {exc}") from None
    return "@" + tag


def _text(term: Node) -> str:
    if type(term) is URIRef:
        return _iri_text(term)
    if isinstance(term, Literal):
        value = '"' + _escaped(str(term)) + '"'
        if term.language:
            return value + _language_text(term.language)
        datatype = term.datatype
        return value if datatype is None or datatype == _XSD_STRING_REF else f"{value}^^{_iri_text(datatype)}"
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    if isinstance(term, BNode) and re.fullmatch(r"[A-Za-z0-9_]+", str(term)):
        return f"_:{term}"
    raise StoreError(f"cannot store a {type(term).__name__} ({term!r}): only IRIs, blank nodes and literals")


def term_text(term: Node) -> str:
    """One term in N-Triples syntax, checked as the store checks it."""
    return _text(term)


@dataclass(frozen=True)
class ReleaseQuads:
    """A release graph for a bulk load: its N-Quads, and its part of the union default graph (the same
    triples as N-Triples statements without their final " ."), kept apart so that a batch writes each
    union triple once."""

    named: bytes
    union: tuple[str, ...]
    triples: int

    @staticmethod
    def batch(releases: Iterable[ReleaseQuads]) -> bytes:
        """The N-Quads of releases loaded together: their lines, each union line once. Releases of a
        batch share their organisations' and persons' triples: a third of the union lines are repeats in
        a batch of 50k triples, and writing each once makes the load a tenth faster."""
        releases = list(releases)
        union = " .\n".join(dict.fromkeys(chain.from_iterable(r.union for r in releases)))
        if not union:  # no release of the batch has a triple
            return b""
        return b"".join(r.named for r in releases) + (union + " .\n").encode("utf-8")


def nquads(graph_iri: URIRef, triples: Iterable[Triple]) -> ReleaseQuads:
    """`triples` as N-Quads in the graph `graph_iri`, and as N-Triples in the default graph (its part of
    the union). Each triple is written once, as text, and joined with the graph's IRI (with the batch's
    union, 580k triples a second against 450k when each N-Quads and N-Triples line was written apart)."""
    lines: list[str] = []
    for s, p, o in triples:
        if isinstance(s, Literal) or type(p) is not URIRef:
            raise StoreError(f"not a valid triple for the store: {s.n3()} {p.n3()} {o.n3()}")
        lines.append(_text(s) + " " + _text(p) + " " + _text(o))
    if not lines:
        return ReleaseQuads(b"", (), 0)
    graph = " " + _iri_text(str(graph_iri)) + " .\n"
    return ReleaseQuads((graph.join(lines) + graph).encode("utf-8"), tuple(lines), len(lines))


def union_of(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads again, in the default graph: their part of the union."""
    default = ox.DefaultGraph()
    return [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads]


def blank_in(quad: ox.Quad) -> bool:
    """Whether a blank node is any term of `quad`."""
    return any(isinstance(term, ox.BlankNode) for term in (quad.subject, quad.object, quad.graph_name))
