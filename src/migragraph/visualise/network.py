"""A NetworkX graph of the institutional layer -> a pyvis Network, ready for the page.

Nodes and edges are put in pyvis's lists directly: Network.from_nx and even add_node/add_edge check
each new item against Python lists, which is quadratic (PERFORMANCE.md: 20k nodes, 36 to 370 s).

Browsers cope with ~1-2k nodes with physics on (PERFORMANCE.md); beyond `max_nodes` the graph is
cut to its best connected nodes, and the page says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pyvis.network import Network

from migragraph.analyse.graph import Release
from migragraph.visualise.style import EDGE_COLOUR, STYLE, UNKNOWN, clip, edge_title, node_title

MAX_NODES = 1500
# Above this many nodes the layout starts from vis-network's plain seeding: its "improved layout"
# (Kamada-Kawai on clusters) takes seconds and warns on the console for large graphs.
IMPROVED_LAYOUT_MAX = 150


@dataclass(frozen=True)
class Limited:
    graph: nx.MultiDiGraph
    total_nodes: int
    total_edges: int

    @property
    def cut(self) -> bool:
        return bool(self.graph.number_of_nodes() < self.total_nodes)


def limit(graph: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> Limited:
    """`graph`, or the subgraph of its `max_nodes` best connected nodes (by degree, then IRI)."""
    total = (graph.number_of_nodes(), graph.number_of_edges())
    if graph.number_of_nodes() <= max_nodes:
        return Limited(graph, *total)
    ranked = sorted(graph.degree, key=lambda nd: (-nd[1], nd[0]))[:max_nodes]
    kept: nx.MultiDiGraph = graph.subgraph(n for n, _ in ranked).copy()
    return Limited(kept, *total)


def _node(node: str, data: dict[str, Any], weight: float, zoom: float,
          releases: dict[str, Release]) -> dict[str, Any]:
    """A vis node; `weight` is its degree centrality relative to the highest (0 to 1), `zoom` how far
    out the whole graph is seen (0 for a handful of nodes, 1 from a few hundred)."""
    colour, shape, _ = STYLE.get(data["type"], UNKNOWN)
    # The hubs' labels are larger in a large graph, so that they stay legible when the whole of it is
    # in view (vis skips labels it would draw smaller than 5 px).
    font = {"size": round(12 + 26 * weight * zoom)}
    # Labels are drawn on the canvas as text; the title is escaped HTML (style.node_title).
    return {"id": node, "label": clip(data["label"]), "shape": shape, "color": colour,
            "size": round(8 + 28 * weight, 1), "font": font, "title": node_title(data, releases),
            "kind": data["type"]}


def _edge(u: str, v: str, data: dict[str, Any], releases: dict[str, Release]) -> dict[str, Any]:
    return {"id": data["id"], "from": u, "to": v, "label": clip(data.get("role") or data["relation"], 40),
            "title": edge_title(data, releases), "arrows": "to", "relation": data["relation"],
            "color": EDGE_COLOUR.get(data["relation"], "#8c8c8c")}


def _options(nodes: int) -> dict[str, Any]:
    iterations = 300 if nodes <= 300 else 150 if nodes <= 1000 else 80
    return {
        "layout": {"improvedLayout": nodes <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
        "nodes": {"borderWidth": 1},
        "edges": {"font": {"size": 9, "align": "middle", "color": "#555555"},
                  "smooth": {"enabled": nodes <= 300, "type": "continuous"}, "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": nodes > 500},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25}},
    }


def build_network(graph: nx.MultiDiGraph, releases: dict[str, Release]) -> Network:
    """The pyvis Network of `graph`: colour and shape by type, size by degree centrality, edges labelled
    by relation (a post by its role), hover text with dates and links to the releases."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degrees = dict(graph.degree)
    top = max(degrees.values(), default=0) or 1
    zoom = min(1.0, graph.number_of_nodes() / 300)
    for node, data in sorted(graph.nodes(data=True)):
        net.nodes.append(_node(node, data, math.sqrt(degrees[node] / top), zoom, releases))
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [_edge(u, v, data, releases) for u, v, data in sorted(graph.edges(data=True),
                                                                        key=lambda e: e[2]["id"])]
    net.options = _options(len(net.nodes))
    return net
