"""Rows read one named graph at a time, so that a build reads again only the graphs it changed: the
`Tables` of analyse/graph.py that a build's page reads, and resolution's (resolve/entities.py).

queries/network-releases, -mentions, -edges and resolve-persons, -meetings read each of their rows in
one graph (GRAPH ?g {...}) and give that graph as their last column. Their rows over the store are the
rows of its graphs put together, and a graph with the same content gives the same rows: so a build
gives the page and resolution the rows it remembers of each graph it did not change (the build state
keeps them by the graph's digest, store/buildstate.py) and asks the store only about the others. The
other network queries read across graphs (a node's labels from every release naming it) and are run
over the store as before.

At 10,000 synthetic releases the page's three take 1.7 s of its 2.7 s of queries (at 100,000: 22 of
33 s), resolution's two 1.5 s; a rebuild with 1 % of the releases changed reads 1 % of their rows.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections import defaultdict
from functools import cache

from migragraph.analyse.graph import Fetched, csv_rows, fetch
from migragraph.resources import data_file
from migragraph.store.graphstore import GraphStore

# The queries whose every row is read in one graph, named in their last column.
PER_GRAPH = ("network-releases", "network-mentions", "network-edges", "resolve-persons", "resolve-meetings")
Rows = list[list[str]]


class GraphRows:
    """Tables for a build's page and resolution: `remembered` holds, for graphs the build did not change,
    the rows each query gave last time (graph -> query -> marshal.dumps of the rows). `read` collects the
    rows read from the store now ((graph, query) -> rows), for the build to remember. The page's thread
    and the build's read different queries at once: each writes keys of its own."""

    def __init__(self, store: GraphStore, remembered: dict[str, dict[str, bytes]]) -> None:
        self.store = store
        self.remembered = remembered
        self.read: dict[tuple[str, str], Rows] = {}
        self._graphs: list[str] | None = None

    def fetch(self, name: str) -> Fetched:
        if name not in PER_GRAPH:
            return fetch(self.store, name)
        if self._graphs is None:  # once: the release graphs do not change while a page is drawn
            self._graphs = sorted(str(g) for g in self.store.named_graphs())
        graphs = self._graphs
        # Most of the store to read (a first build): one query over all of it costs less than naming them,
        # and nothing remembered is read.
        whole = sum(1 for g in graphs if name not in self.remembered.get(g, {})) * 2 > len(graphs)
        known = {} if whole else {g: rows for g in graphs if (rows := self._recall(g, name)) is not None}
        wanted = [g for g in graphs if g not in known]
        by_graph: dict[str, Rows] = defaultdict(list)
        if wanted:
            for row in csv_rows(fetch(self.store, name, graphs=None if whole else wanted)):
                by_graph[row[-1]].append(row)
        found: Rows = []
        for graph in sorted(set(graphs) | by_graph.keys()):
            rows = known.get(graph)
            if rows is None:
                rows = self.read[graph, name] = by_graph.get(graph, [])
            found.extend(rows)
        return found

    def _recall(self, graph: str, name: str) -> Rows | None:
        blob = self.remembered.get(graph, {}).get(name)
        if blob is None:
            return None
        try:
            rows = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):  # damaged: read again
            return None
        return rows if isinstance(rows, list) else None


def remembered_form(rows: Rows) -> bytes:
    """The rows as the build state keeps them (GraphRows.remembered)."""
    return marshal.dumps(rows)


def remembered_key(graph_digest: str, name: str) -> str:
    """What rows remembered of a graph are valid for: its content, the query's text (a query changed
    since gives other rows) and the Python that wrote them (marshal's format is Python's own)."""
    return f"{graph_digest} {_query_stamp(name)}"


@cache
def _query_stamp(name: str) -> str:
    text = data_file("queries", f"{name}.rq").read_text(encoding="utf-8")
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return hashlib.sha256(f"{python}\n{text}".encode()).hexdigest()[:16]
