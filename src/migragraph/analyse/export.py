"""A view written as GraphML or GEXF, for Gephi, Cytoscape, igraph or NetworkX elsewhere.

Every attribute to_networkx and the projections set is a string, number or boolean, and every edge
of the full graph carries its own `id`, so `networkx.read_graphml(path, force_multigraph=True)` and
`networkx.read_gexf(path)` give back the same nodes, edges and attributes.
"""

from __future__ import annotations

from typing import IO

import networkx as nx

from migragraph.errors import ConfigError

FORMATS = ("graphml", "gexf")


def write_graph(graph: nx.Graph, output: IO[bytes], fmt: str) -> None:
    """Write `graph` to the binary stream `output` in `fmt` (graphml or gexf)."""
    if fmt == "graphml":
        nx.write_graphml(graph, output, encoding="utf-8", prettyprint=True)
    elif fmt == "gexf":
        nx.write_gexf(graph, output, encoding="utf-8", prettyprint=True)
    else:
        raise ConfigError(f"unknown graph format {fmt!r}; formats: {', '.join(FORMATS)}")
