"""Name keys: each name of an entity folded (case, runs of white space), stated as mg:nameKey.

The named questions find an entity by the words a researcher types ("iom", "European  Union"). A
case-insensitive FILTER over every label reads all of them (0.9 s on a 100k-release store); a key
folded the same way on both sides is one index lookup (under 1 ms). Keys are stated for every node
of ours that has a name: organisations, persons, roles, posts, frameworks, places, and meetings and
funding flows by their labels (the evidence question finds a meeting's sentences by its label).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDFS, SKOS

from migragraph.map import Triple
from migragraph.map.iris import IriMinter
from migragraph.vocab import MG

NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name)
_NAMES = frozenset(NAME_PREDICATES)


def name_key(text: str) -> str:
    """`text` as a key: Unicode case folding, white space collapsed to single spaces, trimmed."""
    return " ".join(text.casefold().split())


def name_key_triples(triples: Iterable[Triple], minter: IriMinter) -> list[Triple]:
    """The mg:nameKey triples for each name among `triples` of a node of this minter, sorted."""
    keys = {(s, MG.nameKey, Literal(name_key(str(o))))
            for s, p, o in triples
            if p in _NAMES and isinstance(s, URIRef) and isinstance(o, Literal) and str(o).strip()
            and minter.kind_of(str(s))}
    return sorted(keys)


def add_name_keys(graph: Graph, minter: IriMinter) -> None:
    """State a key for each name of each node of this minter in `graph`."""
    for triple in name_key_triples(graph, minter):
        graph.add(triple)
