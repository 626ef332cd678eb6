"""Actors named by their labels, the path between two of them with the sentence behind each step, and
an actor's ego network.

Labels are matched by SPARQL (queries/network-actor.rq) against every label an entity has (name,
acronym, alias), in any case; the name is bound as an RDF literal, never pasted into the query.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pyoxigraph as ox
from rapidfuzz import process

from migragraph.analyse.graph import Release, read_releases, rows
from migragraph.analyse.table import Table
from migragraph.errors import ConfigError
from migragraph.store.graphstore import GraphStore


def _ask(store: GraphStore, query: str, **values: str) -> list[list[str]]:
    """The rows of queries/<query>.rq with `values` bound as RDF terms (a statement as an IRI, else a
    literal): substituted by the store, never pasted into the query text."""
    bound = {ox.Variable(k): ox.NamedNode(v) if k == "statement" else ox.Literal(v)
             for k, v in values.items()}
    return list(rows(store, query, dict(bound)))


def find_actor(store: GraphStore, graph: nx.Graph, name: str, notes: list[str] | None = None) -> str:
    """The node of `graph` one of whose labels is `name`. When several are, the one whose own name
    (not an alias) it is, then the best connected; the others are named in `notes`."""
    found = {node: preferred == "true" for node, _, preferred in _ask(store, "network-actor", name=name)}
    present = sorted((n for n in found if n in graph), key=lambda n: (not found[n], -graph.degree(n), n))
    if not present:
        close = process.extract(name, dict(graph.nodes(data="label")), limit=3, score_cutoff=80)
        hint = "; close: " + ", ".join(repr(label) for label, _, _ in close) if close else ""
        where = "in this view or time window" if found else "in the store"
        raise ConfigError(f"no entity named {name!r} {where}{hint}")
    if len(present) > 1 and notes is not None:
        others = ", ".join(repr(graph.nodes[n]["label"]) for n in present[1:4])
        notes.append(f"{name!r} also names {others}; using {graph.nodes[present[0]]['label']!r}")
    return present[0]


def _steps(graph: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, dict[str, Any]]]:
    """The edges between u and v in either direction: (relation as read from u to v, attributes).
    "part of →" reads "u is part of v"; "← part of" reads "v is part of u"."""
    forward = [(f"{e.get('role') or e['relation']} →", e)
               for e in graph.get_edge_data(u, v, default={}).values()]
    back = [(f"← {e.get('role') or e['relation']}", e)
            for e in graph.get_edge_data(v, u, default={}).values()]
    return sorted(forward + back, key=lambda pair: (pair[1].get("statement") is None, pair[1]["id"]))


def _evidence(store: GraphStore, edge: dict[str, Any], releases: dict[str, Release]) -> tuple[str, str, str]:
    """(release title, its URL or else its IRI, sentence) for an edge: the first sentence of its statement
    read from a release that states the edge."""
    stated = edge["releases"].split()
    if "statement" in edge:
        for _, release, sentence, _ in _ask(store, "network-evidence", statement=edge["statement"]):
            if not stated or release in stated:
                return _cite(releases, release) + (sentence,)
    if stated:
        return _cite(releases, stated[0]) + ("",)
    return "(gazetteer)", "", ""


def _cite(releases: dict[str, Release], iri: str) -> tuple[str, str]:
    release = releases.get(iri)
    return (release.title, release.url or iri) if release else (iri, iri)


def path(store: GraphStore, graph: nx.MultiDiGraph, a: str, b: str) -> Table:
    """The shortest chain of relations from actor `a` to actor `b`, a row a step, with the release
    and the sentence each step was read from."""
    table = Table(["step", "from", "relation", "to", "date", "release", "source", "sentence"],
                  below=("release", "source", "sentence"))
    source, target = find_actor(store, graph, a, table.notes), find_actor(store, graph, b, table.notes)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    except nx.NetworkXNoPath:
        table.notes.append(f"no path between {a!r} and {b!r}")
        return table
    releases = read_releases(store)
    for step, (u, v) in enumerate(zip(nodes, nodes[1:], strict=False), start=1):
        edges = _steps(graph, u, v)
        relation = ", ".join(sorted({name for name, _ in edges}))
        title, source_, sentence = _evidence(store, edges[0][1], releases)
        table.rows.append([step, graph.nodes[u]["label"], relation, graph.nodes[v]["label"],
                           edges[0][1].get("date"), title, source_, sentence])
    return table


def ego(graph: nx.MultiDiGraph, center: str, radius: int) -> nx.MultiDiGraph:
    """The nodes within `radius` steps of `center` (in either direction) and the edges among them."""
    found: nx.MultiDiGraph = nx.ego_graph(graph, center, radius=radius, undirected=True)
    return found


def ego_table(graph: nx.MultiDiGraph, center: str, radius: int) -> Table:
    near = ego(graph, center, radius)
    distance = nx.single_source_shortest_path_length(near.to_undirected(as_view=True), center)
    order = sorted(near, key=lambda n: (distance[n], -near.degree(n), near.nodes[n]["label"], n))
    table = Table(["distance", "label", "type", "degree", "date", "iri"])
    for node in order:
        data = near.nodes[node]
        table.rows.append([distance[node], data["label"], data["type"], near.degree(node),
                           data.get("date"), node])
    table.notes.append(f"{near.number_of_nodes()} nodes and {near.number_of_edges()} relations within "
                       f"{radius} step(s) of {graph.nodes[center]['label']!r}")
    return table
