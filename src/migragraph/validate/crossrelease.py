"""The SHACL constraints that only the union of the release graphs can break, and what they read.

Which constraints need the union? Every shape holds within one release graph, because a release
graph types and labels every node it describes (map/mapper.py). Adding the other releases can only
satisfy more sh:minCount and sh:class constraints, never fewer; it can break only the constraints
that more values of the same node break (`UNION_SENSITIVE`: sh:maxCount, sh:uniqueLang, sh:lessThan,
sh:lessThanOrEquals, sh:equals, sh:disjoint), and only on nodes that several releases describe: those
minted from names (map/iris.py `SHARED_KINDS`: organisations, persons, roles, posts, frameworks,
places), not those minted from a release's key (the release, its meetings, funding, evidence). With
today's shapes that is OrganizationShape's skos:prefLabel sh:maxCount 1 (two releases must not give
one organisation two preferred names) and PostShape's org:postIn sh:maxCount 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.map import Triple
from migragraph.map.iris import IriMinter

UNION_SENSITIVE = (SH.maxCount, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint)
_PAIRED = (SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint)  # their value is another path


@dataclass(frozen=True)
class CrossRelease:
    """The constraints checked on the union, and what they read: target classes -> predicates."""

    shapes: Graph
    reads: dict[URIRef, frozenset[URIRef]]


def cross_release(shapes: Graph) -> CrossRelease:
    """The union-sensitive constraints of `shapes`, as shapes of their own (same node shape IRIs, so
    results name the shape a user knows), with the classes and predicates they read."""
    out = Graph()
    reads: dict[URIRef, set[URIRef]] = {}
    for node_shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = [c for c in shapes.objects(node_shape, SH.targetClass) if isinstance(c, URIRef)]
        for prop in sorted(shapes.objects(node_shape, SH.property), key=str):
            path = shapes.value(prop, SH.path)
            kept = [(p, shapes.value(prop, p)) for p in UNION_SENSITIVE if shapes.value(prop, p) is not None]
            if not targets or not isinstance(path, URIRef) or not kept:
                continue  # a complex path, or nothing the union can break
            copy = BNode()
            out.add((node_shape, RDF.type, SH.NodeShape))
            out.add((node_shape, SH.property, copy))
            out.add((copy, SH.path, path))
            for parameter, value in kept:
                out.add((copy, parameter, value))  # type: ignore[arg-type]
            for target in targets:
                out.add((node_shape, SH.targetClass, target))
                predicates = reads.setdefault(target, set())
                predicates.add(path)
                predicates.update(v for p, v in kept if p in _PAIRED and isinstance(v, URIRef))
    return CrossRelease(out, {c: frozenset(p) for c, p in reads.items()})


def project(triples: Iterable[Triple], reads: dict[URIRef, frozenset[URIRef]],
            minter: IriMinter) -> list[Triple]:
    """The triples of one release graph that the cross-release constraints read: for each node of a
    shared kind typed with one of their target classes, that type and its values on their predicates."""
    triples = list(triples)
    wanted: dict[Node, set[URIRef]] = {}  # node -> the predicates read of it
    out: list[Triple] = []
    for s, p, o in triples:
        if p == RDF.type and o in reads and isinstance(s, URIRef) and minter.shared(s):
            wanted.setdefault(s, set()).update(reads[o])  # type: ignore[index]
            out.append((s, p, o))
    out.extend((s, p, o) for s, p, o in triples if p in wanted.get(s, ()))
    return out
