"""Views of the full graph that answer one question each. Each takes the full graph (already cut to
a time window by `to_networkx`) and keeps the attributes of the nodes it keeps; every edge has an
`id`, as GEXF wants.

    co-participation  organisations, undirected; an edge per pair that met, weight = meetings shared
    funding           donors -> recipients, one edge per year and currency, weight = amount
                      (amounts in different currencies are never added)
    affiliation       persons and organisations, undirected; an edge per person holding a post in the
                      organisation, with the roles held
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from typing import Any

import networkx as nx

from migragraph.analyse.table import Table
from migragraph.errors import ConfigError

# Relations by which an organisation takes part in a meeting (chair is for persons only).
_MEETING_ROLES = frozenset({"participant", "host"})


def _keep_nodes(full: nx.MultiDiGraph, into: nx.Graph, nodes: set[str]) -> None:
    into.add_nodes_from((n, full.nodes[n]) for n in sorted(nodes))


def _span(dates: list[str]) -> dict[str, str]:
    days = sorted(d for d in dates if d)
    return {"first_date": days[0], "last_date": days[-1]} if days else {}


def co_participation(full: nx.MultiDiGraph) -> nx.Graph:
    """Organisations that took part in meetings, linked by the number of meetings they shared."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    present: set[str] = set()
    for meeting, data in full.nodes(data=True):
        if data["type"] != "meeting":
            continue
        orgs = sorted({v for _, v, rel in full.out_edges(meeting, data="relation")
                       if rel in _MEETING_ROLES and full.nodes[v]["type"] == "organisation"})
        present.update(orgs)
        for a, b in combinations(orgs, 2):
            shared[(a, b)].append(data.get("date", ""))
    out = nx.Graph(view="co-participation")
    _keep_nodes(full, out, present)
    for (a, b), dates in sorted(shared.items()):
        # weight is a float: GEXF stores an edge's weight as a double, and it must read back the same.
        out.add_edge(a, b, id=f"{a} {b}", meetings=len(dates), weight=float(len(dates)), **_span(dates))
    return out


def funding_flow(full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Donor -> recipient, one edge per (year, currency): amount summed, flows counted."""
    totals: dict[tuple[str, str, str, str], list[float]] = defaultdict(list)
    for funding, data in full.nodes(data=True):
        if data["type"] != "funding" or "amount" not in data:
            continue
        ends = {rel: v for _, v, rel in full.out_edges(funding, data="relation")}
        if "funder" in ends and "recipient" in ends:
            year = data.get("date", "")[:4]
            totals[(ends["funder"], ends["recipient"], year, data["currency"])].append(data["amount"])
    out = nx.MultiDiGraph(view="funding")
    _keep_nodes(full, out, {end for key in totals for end in key[:2]})
    for (donor, recipient, year, currency), amounts in sorted(totals.items()):
        attrs: dict[str, Any] = {"amount": sum(amounts), "weight": sum(amounts), "currency": currency,
                                 "flows": len(amounts)}
        if year:
            attrs["year"] = year
        key = f"{year or 'undated'} {currency}"
        out.add_edge(donor, recipient, key=key, id=f"{donor} {key} {recipient}", **attrs)
    return out


def affiliation(full: nx.MultiDiGraph) -> nx.Graph:
    """Persons and the organisations they hold posts in (bipartite), with the roles held."""
    posts: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for person, org, data in full.edges(data=True):
        if data["relation"] == "holds post":
            posts[(person, org)].append((data.get("role", ""), data.get("date", "")))
    out = nx.Graph(view="affiliation")
    _keep_nodes(full, out, {end for pair in posts for end in pair})
    for (person, org), held in sorted(posts.items()):
        roles = "; ".join(sorted({role for role, _ in held if role}))
        out.add_edge(person, org, id=f"{person} {org}", posts=len(held), weight=float(len(held)),
                     roles=roles, **_span([d for _, d in held]))
    return out


VIEWS: dict[str, Callable[[nx.MultiDiGraph], nx.Graph]] = {
    "full": lambda full: full,
    "co-participation": co_participation,
    "funding": funding_flow,
    "affiliation": affiliation,
}


def view(full: nx.MultiDiGraph, name: str) -> nx.Graph:
    """The view `name` of the full graph (one of VIEWS)."""
    if name not in VIEWS:
        raise ConfigError(f"unknown view {name!r}; views: {', '.join(VIEWS)}")
    return VIEWS[name](full)


def funding_totals(full: nx.MultiDiGraph) -> Table:
    """Money from each donor to each recipient by year and currency, the largest first per currency."""
    flow = funding_flow(full)
    table = Table(["donor", "recipient", "year", "currency", "amount", "flows"])
    edges = sorted(flow.edges(data=True),
                   key=lambda e: (e[2]["currency"], -e[2]["amount"], e[2].get("year", "")))
    for donor, recipient, data in edges:
        table.rows.append([flow.nodes[donor]["label"], flow.nodes[recipient]["label"], data.get("year"),
                           data["currency"], data["amount"], data["flows"]])
    return table
