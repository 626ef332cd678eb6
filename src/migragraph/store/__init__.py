"""The quad store of a build: pyoxigraph on disk (DIR/store) or in memory."""

from migragraph.store.graphstore import GraphStore, Solutions

__all__ = ["GraphStore", "Solutions"]
