"""A NetworkX graph of the institutional layer -> a pyvis Network, ready for the page.

Nodes and edges are put in pyvis's lists directly: Network.from_nx and even add_node/add_edge check
each new item against Python lists, which is quadratic (PERFORMANCE.md: 20k nodes, 36 to 370 s).

Browsers cope with ~1-2k nodes with physics on (PERFORMANCE.md); beyond `max_nodes` the graph is
cut to its best connected nodes, every type kept, and the page says what it left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.network import Network

from migragraph.analyse.graph import Release
from migragraph.visualise.labels import display_label, short_name
from migragraph.visualise.style import EDGE_COLOUR, OTHER_EDGE, STYLE, UNKNOWN, clip, edge_title, node_title

MAX_NODES = 1500
# Above this many nodes the layout starts from vis-network's plain seeding: its "improved layout"
# (Kamada-Kawai on clusters) takes seconds and warns on the console for large graphs.
IMPROVED_LAYOUT_MAX = 150


@dataclass(frozen=True)
class Limited:
    graph: nx.Graph
    total_nodes: int
    total_edges: int
    dropped: dict[str, int] = field(default_factory=dict)  # type -> entities left out

    @property
    def cut(self) -> bool:
        return bool(self.graph.number_of_nodes() < self.total_nodes)


def limit(graph: nx.Graph, max_nodes: int = MAX_NODES) -> Limited:
    """`graph`, or the subgraph of `max_nodes` of its nodes that keeps every type: each type first gets
    its best connected nodes up to an equal share (or all it has, if fewer), then the best connected
    of the rest fill the page. A cut by degree alone dropped every funding node of a large corpus."""
    total = (graph.number_of_nodes(), graph.number_of_edges())
    if graph.number_of_nodes() <= max_nodes:
        return Limited(graph, *total)
    by_type: dict[str, list[str]] = {}
    ranked = sorted(graph.degree, key=lambda nd: (-nd[1], nd[0]))
    for node, _ in ranked:
        by_type.setdefault(graph.nodes[node]["type"], []).append(node)
    share = max_nodes // (2 * len(by_type))
    kept = {n for nodes in by_type.values() for n in nodes[:share]}
    for node, _ in ranked:
        if len(kept) >= max_nodes:
            break
        kept.add(node)
    dropped = {kind: len(nodes) - sum(1 for n in nodes if n in kept) for kind, nodes in by_type.items()}
    sub: nx.Graph = graph.subgraph(kept).copy()
    return Limited(sub, *total, {k: n for k, n in dropped.items() if n})


def ranks(graph: nx.Graph) -> dict[str, int]:
    """Each node's place by degree centrality (0 the most central; ties by IRI): the order in which the
    page gives nodes their labels."""
    return {node: i for i, (node, _) in enumerate(sorted(graph.degree, key=lambda nd: (-nd[1], nd[0])))}


def _node(node: str, data: dict[str, Any], weight: float, rank: int, label: str, names: list[str],
          releases: dict[str, Release]) -> dict[str, Any]:
    """A vis node; `weight` is its degree centrality relative to the highest (0 to 1). page.js sets the
    label's size from `rank` and the zoom, so that the most central stay legible and apart."""
    colour, shape, _ = STYLE.get(data["type"], UNKNOWN)
    # Labels are drawn on the canvas as text; the title is escaped HTML (style.node_title).
    return {"id": node, "label": label, "fullLabel": data["label"], "names": names, "shape": shape,
            "color": colour, "size": round(8 + 28 * weight, 1), "mass": round(1 + 4 * weight, 2),
            "title": node_title(data, releases), "kind": data["type"], "rank": rank}


def _edge(u: str, v: str, data: dict[str, Any], releases: dict[str, Release]) -> dict[str, Any]:
    relation = data["relation"]
    return {"id": data["id"], "from": u, "to": v, "label": clip(data.get("role") or relation, 40),
            "title": edge_title(data, releases), "arrows": "to", "relation": relation,
            "color": EDGE_COLOUR.get(relation, OTHER_EDGE)}


def _options(nodes: int) -> dict[str, Any]:
    iterations = 300 if nodes <= 300 else 150 if nodes <= 1000 else 80
    return {
        "layout": {"improvedLayout": nodes <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
        "nodes": {"borderWidth": 1, "font": {"size": 12}},
        # Edge labels only when zoomed in far enough to read them (vis skips text under 5 px).
        "edges": {"font": {"size": 9, "align": "middle", "color": "#555555"},
                  "smooth": {"enabled": nodes <= 300, "type": "continuous"}, "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": nodes > 500},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 100,
                                         "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25}},
    }


def build_network(graph: nx.MultiDiGraph, releases: dict[str, Release],
                  names: dict[str, list[str]] | None = None) -> Network:
    """The pyvis Network of `graph`: colour and shape by type, size by degree centrality, labels that
    say who and when (visualise/labels.py), edges labelled by relation (a post by its role), hover text
    with dates and links to the releases. `names` are every entity's names, for the search box."""
    names = names or {}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degrees = dict(graph.degree)
    top = max(degrees.values(), default=0) or 1
    order = ranks(graph)
    short = {n: short_name(d, names.get(n, [])) for n, d in graph.nodes(data=True)}
    for node, data in sorted(graph.nodes(data=True)):
        label = display_label(graph, node, short)
        found = names.get(node) or [data["label"]]
        weight = math.sqrt(degrees[node] / top)
        net.nodes.append(_node(node, data, weight, order[node], label, found, releases))
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [_edge(u, v, data, releases) for u, v, data in sorted(graph.edges(data=True),
                                                                        key=lambda e: e[2]["id"])]
    net.options = _options(len(net.nodes))
    return net
