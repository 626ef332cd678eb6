"""What the page writes beside each node: names that fit, and for a meeting or a funding flow who and
when, not the long label minted for it ("meeting of International Organization for Migration, Govern…").

    meeting   "IOM – EU + 1 · 2024-03-01" (the best connected two), or "· reported 2019-03-01" when
              the meeting has no date of its own and is placed by its release's, or "· no date"
    funding   "Japan → IOM · USD 43.5 million · 2019"
    framework "EU-IOM Strategic Cooperation Framework · 2012-07"

An organisation is written by its acronym where it has one (the shortest of its names in capitals),
a person by their name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from migragraph.analyse.graph import StoreTables, Tables, table
from migragraph.store.graphstore import GraphStore
from migragraph.visualise.style import clip

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
_MEETING_ROLES = ("host", "participant", "chair")
MAX_NAMED = 2  # counterparts a meeting label names; the rest are counted


def read_names(store: GraphStore, tables: Tables | None = None) -> dict[str, list[str]]:
    """Every name of each organisation, person and framework (queries/network-names.rq), sorted."""
    found: dict[str, set[str]] = defaultdict(set)
    for node, name in table((tables or StoreTables(store)).fetch("network-names")):
        if name.strip():
            found[node].add(" ".join(name.split()))
    return {node: sorted(names) for node, names in found.items()}


def short_name(data: dict[str, Any], names: Iterable[str]) -> str:
    """An organisation's acronym (its shortest name in capitals), else its label, clipped."""
    if data["type"] == "organisation":
        acronyms = sorted((n for n in names if _ACRONYM.match(n)), key=lambda n: (len(n), n))
        if acronyms:
            return acronyms[0]
    return clip(data["label"], 40)


def _when(data: dict[str, Any]) -> str:
    if data.get("date"):
        return str(data["date"])
    if data.get("reported_on"):
        return f"reported {data['reported_on']}"
    return "no date"


def _amount(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            return f"{value / size:,.1f}".removesuffix(".0") + f" {word}"
    return f"{value:,.0f}"


def display_label(graph: nx.MultiDiGraph, node: str, short: dict[str, str]) -> str:
    """The label the page draws for `node` (see the module docstring)."""
    data = graph.nodes[node]
    kind = data["type"]
    if kind == "meeting":
        met = {other for _, other, rel in graph.out_edges(node, data="relation") if rel in _MEETING_ROLES}
        # The best connected first: "IOM – EU + 9" says more than the first two of eleven by name.
        who = sorted(met, key=lambda o: (graph.nodes[o]["type"] != "organisation", -graph.degree(o),
                                         short.get(o, o)))
        names = [clip(short.get(o, o), 20) for o in who[:MAX_NAMED]]
        more = f" + {len(who) - MAX_NAMED}" if len(who) > MAX_NAMED else ""
        return f"{' – '.join(names) or 'meeting'}{more} · {_when(data)}"
    if kind == "funding":
        ends: dict[str, str] = {rel: other for _, other, rel in graph.out_edges(node, data="relation")}
        donor, recipient = short.get(ends.get("funder", ""), "?"), short.get(ends.get("recipient", ""), "?")
        money = f" · {data['currency']} {_amount(data['amount'])}" if "amount" in data else ""
        return f"{donor} → {recipient}{money} · {_when(data)}"
    if kind == "framework":
        return f"{clip(data['label'], 48)} · {_when(data)}"
    return short.get(node) or clip(data["label"])
