"""The quad store of a build: pyoxigraph on disk (DIR/store) or in memory, or a SPARQL 1.1 endpoint."""

from migragraph.store.graphstore import GraphStore, Solutions

__all__ = ["GraphStore", "Solutions"]
