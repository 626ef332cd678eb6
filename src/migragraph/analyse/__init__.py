"""The graph as networks analysts read: a typed, attributed NetworkX graph of organisations, persons,
meetings, frameworks and funding (graph.py), its views (projections.py), centrality and communities
(measures.py), paths with evidence and ego networks (paths.py), GraphML and GEXF (export.py)."""

from migragraph.analyse.export import write_graph
from migragraph.analyse.graph import read_releases, to_networkx
from migragraph.analyse.measures import centrality, communities
from migragraph.analyse.paths import ego, ego_table, find_actor, path
from migragraph.analyse.projections import affiliation, co_participation, funding_flow, funding_totals, view
from migragraph.analyse.table import Table, render
from migragraph.analyse.window import Window

__all__ = [
    "Table",
    "Window",
    "affiliation",
    "centrality",
    "co_participation",
    "communities",
    "ego",
    "ego_table",
    "find_actor",
    "funding_flow",
    "funding_totals",
    "path",
    "read_releases",
    "render",
    "to_networkx",
    "view",
    "write_graph",
]
