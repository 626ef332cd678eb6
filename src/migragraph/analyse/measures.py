"""Who is central, and which groups hold together: centrality and communities of a view.

Measures run on the undirected simple graph of a view (parallel edges merged, their number or weight
summed as `weight`): a meeting that names IOM as participant and as host still links them once.
Costs grow fast (PERFORMANCE.md: betweenness sampled from 100 nodes took 299 s on 167k nodes,
Louvain 227 s), so betweenness is sampled beyond EXACT_BETWEENNESS nodes, from a fixed seed.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from migragraph.analyse.graph import ACTORS
from migragraph.analyse.table import Cell, Table
from migragraph.errors import ConfigError

MEASURES = ("degree", "betweenness", "eigenvector")
EXACT_BETWEENNESS = 2000
SAMPLE = 100
SEED = 42


def simple(graph: nx.Graph) -> nx.Graph:
    """`graph` undirected, one edge per pair of nodes; `weight` sums the merged edges' weights (1 each
    when they have none)."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, weight in graph.edges(data="weight", default=1):
        if u == v:
            continue
        if out.has_edge(u, v):
            out[u][v]["weight"] += weight
        else:
            out.add_edge(u, v, weight=weight)
    return out


def _betweenness(graph: nx.Graph, sample: int | None, notes: list[str]) -> dict[str, float]:
    n = graph.number_of_nodes()
    k = None
    if sample is not None and sample < n:
        k = sample
    elif sample is None and n > EXACT_BETWEENNESS:
        k = SAMPLE
    if k is not None:
        notes.append(f"betweenness estimated from {k} of {n} nodes (seed {SEED}); --sample sets how many")
    scores: dict[str, float] = nx.betweenness_centrality(graph, k=k, seed=SEED)
    return scores


def _eigenvector(graph: nx.Graph, notes: list[str]) -> dict[str, float]:
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    try:
        scores: dict[str, float] = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-6, weight="weight")
    except nx.PowerIterationFailedConvergence:
        notes.append("eigenvector centrality did not converge in 1000 iterations: left out")
        return {}
    return scores


def centrality(graph: nx.Graph, measures: Sequence[str] = MEASURES, types: Sequence[str] = ACTORS,
               top: int | None = 10, sample: int | None = None) -> Table:
    """The nodes of `types`, ranked by the first of `measures` (then by label)."""
    unknown = [m for m in measures if m not in MEASURES]
    if unknown or not measures:
        raise ConfigError(f"unknown measure {', '.join(unknown) or '(none)'}; "
                          f"measures: {', '.join(MEASURES)}")
    g, notes = simple(graph), list[str]()
    scores: dict[str, dict[str, float]] = {"degree": nx.degree_centrality(g) if len(g) > 1 else {}}
    if "betweenness" in measures:
        scores["betweenness"] = _betweenness(g, sample, notes)
    if "eigenvector" in measures:
        scores["eigenvector"] = _eigenvector(g, notes)
    first = measures[0]
    kept = [n for n, kind in g.nodes(data="type") if kind in types]
    kept.sort(key=lambda n: (-scores[first].get(n, 0.0), g.nodes[n]["label"], n))
    shown = kept[:top] if top else kept
    table = Table(["rank", "label", "type", "neighbours", *measures, "iri"], notes=notes,
                  omitted=len(kept) - len(shown))
    for rank, node in enumerate(shown, start=1):
        row: list[Cell] = [rank, g.nodes[node]["label"], g.nodes[node]["type"], g.degree(node)]
        row += [scores[m].get(node) for m in measures]
        table.rows.append([*row, node])
    return table


def communities(graph: nx.Graph, method: str = "louvain", top: int | None = None) -> Table:
    """Groups of nodes denser inside than between, largest first; each lists all its members, the best
    connected first, by label and by IRI. Louvain runs from a fixed seed, so the same graph gives the
    same groups."""
    g = simple(graph)
    if method == "louvain":
        found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(g, weight="weight")
    else:
        raise ConfigError(f"unknown community method {method!r}; methods: louvain, greedy")
    groups = sorted((sorted(c, key=lambda n: (-g.degree(n), g.nodes[n]["label"], n)) for c in found),
                    key=lambda c: (-len(c), c[0]))
    shown = groups[:top] if top else groups
    table = Table(["community", "size", "members", "member_iris"], below=("members",),
                  hidden=("member_iris",), omitted=len(groups) - len(shown))
    for number, group in enumerate(shown, start=1):
        table.rows.append([number, len(group), [g.nodes[n]["label"] for n in group], list(group)])
    if g.number_of_edges():
        table.notes.append(f"modularity {nx.community.modularity(g, found, weight='weight'):.3f} "
                           f"({method}, {len(found)} communities)")
    return table
