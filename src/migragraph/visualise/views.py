"""The organisation-level views the page can switch to (analyse/projections.py): co-participation
(organisations linked by the meetings they shared) and funding (donor -> recipient, by year and
currency). Nodes keep the ids, looks and hover text of the full view, so a selected organisation
stays selected and its partner panel stays the same."""

from __future__ import annotations

import html
import math
from typing import Any

import networkx as nx

from migragraph.analyse.graph import Release
from migragraph.analyse.projections import co_participation, funding_flow
from migragraph.visualise.labels import short_name
from migragraph.visualise.network import limit, ranks
from migragraph.visualise.style import EDGE_COLOUR, STYLE, UNKNOWN, node_title

VIEWS = {"co-participation": "organisations that met, by meetings shared",
         "funding": "who funded whom, by year and currency"}


def _span(data: dict[str, Any]) -> str:
    first, last = data.get("first_date"), data.get("last_date")
    if not first:
        return ""
    return f", {first}" if first == last else f", {first} to {last}"


def _met_edge(a: str, b: str, data: dict[str, Any]) -> dict[str, Any]:
    n = data["meetings"]
    what = f"{n} meeting{'s' if n != 1 else ''}"
    return {"id": data["id"], "from": a, "to": b, "label": what, "relation": "met",
            "title": html.escape(what + _span(data)), "color": EDGE_COLOUR["met"],
            "width": round(1 + math.log2(n), 2)}


def _funded_edge(a: str, b: str, data: dict[str, Any]) -> dict[str, Any]:
    year = data.get("year") or "undated"
    what = f"{data['currency']} {data['amount']:,.0f} ({year}, {data['flows']} flow(s))"
    return {"id": data["id"], "from": a, "to": b, "label": f"{data['currency']} {data['amount']:,.0f}",
            "relation": "funded", "title": html.escape(what), "arrows": "to", "color": EDGE_COLOUR["funded"],
            "width": 2}


def view_data(full: nx.MultiDiGraph, name: str, releases: dict[str, Release], names: dict[str, list[str]],
              max_nodes: int) -> dict[str, Any]:
    """The nodes and edges of the view `name`, ready for vis-network, and what it says of itself."""
    graph = co_participation(full) if name == "co-participation" else funding_flow(full)
    limited = limit(graph, max_nodes)
    kept = limited.graph
    degrees = dict(kept.degree)
    top = max(degrees.values(), default=0) or 1
    order = ranks(kept)
    nodes = []
    for node, data in sorted(kept.nodes(data=True)):
        colour, shape, _ = STYLE.get(data["type"], UNKNOWN)
        weight = math.sqrt(degrees[node] / top)
        nodes.append({"id": node, "label": short_name(data, names.get(node, [])), "fullLabel": data["label"],
                      "names": names.get(node) or [data["label"]], "shape": shape, "color": colour,
                      "size": round(8 + 28 * weight, 1), "mass": round(1 + 4 * weight, 2),
                      "title": node_title(data, releases), "kind": data["type"], "rank": order[node]})
    make = _met_edge if name == "co-participation" else _funded_edge
    edges = [make(a, b, data) for a, b, data in sorted(kept.edges(data=True), key=lambda e: e[2]["id"])]
    return {"nodes": nodes, "edges": edges, "about": VIEWS[name], "total": limited.total_nodes}
