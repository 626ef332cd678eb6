"""`migragraph validate`: every named graph of a built store validated again (nothing remembered), each
graph read from the store as N-Quads and validated on its own in worker processes, then the
cross-release constraints on the union of their projections (validate/parallel.py). A build validates
through its own workers and remembers each graph's outcome by content (validate/outcomes.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import URIRef

from migragraph.store.graphstore import GraphStore
from migragraph.validate.engines import DEFAULT_ENGINE
from migragraph.validate.parallel import validate_nquads
from migragraph.validate.shacl import ValidationReport


def validate_all(store: GraphStore, base: str, engine: str = DEFAULT_ENGINE,
                 jobs: int | None = None) -> ValidationReport:
    """Every named graph of the store: the releases' first and the others' (the gazetteer's) after them,
    as a build does."""
    releases = store.release_graphs()
    others = sorted(set(store.named_graphs()) - set(releases))

    def graphs() -> Iterator[tuple[str, bytes]]:
        for graph in [*releases, *others]:
            yield str(graph), graph_nquads(store, graph)

    return validate_nquads(graphs(), engine=engine, base=base, jobs=jobs)


def graph_nquads(store: GraphStore, graph: URIRef) -> bytes:
    """One named graph as N-Quads, serialised by oxigraph: the validation worker parses it."""
    return ox.serialize(store.quads(graph), format=ox.RdfFormat.N_QUADS) or b""
