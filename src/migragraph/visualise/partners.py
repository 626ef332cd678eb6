"""Who an actor works with: for each organisation or person, the actors it met, signed a framework
with, funded or was funded by, how often, since when, and the releases that say so.

This is the page's partner panel, the question the network is drawn to answer ("who are IOM's main
partners, and through which meetings, agreements and money?"). It is read from the full graph, so
a partner shows even when the page does not draw it (cut, or another view).

A date is the statement's own, or else the date its release was issued ("reported on", marked).
Releases are listed once in `releases` and referred to by index, which keeps the page small.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

import networkx as nx

from migragraph.analyse.graph import ACTORS, Release
from migragraph.visualise.style import safe_url

# A statement's relation -> the role its actor plays in it.
_MET = frozenset({"participant", "host", "chair"})
MAX_EVIDENCE = 4  # release links a partner line shows; the count says how many there are


@dataclass
class Tie:
    """What one actor did with one partner."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dates: list[tuple[str, bool]] = field(default_factory=list)  # (date, reported on its release's date)
    releases: set[str] = field(default_factory=set)


def _actors(graph: nx.MultiDiGraph, statement: str) -> dict[str, set[str]]:
    """The actors of a meeting, framework or funding, by the relation they have to it."""
    found: dict[str, set[str]] = defaultdict(set)
    for _, actor, relation in graph.out_edges(statement, data="relation"):
        if graph.nodes[actor]["type"] in ACTORS:
            found[relation].add(actor)
    return found


def _pairs(kind: str, actors: dict[str, set[str]]) -> Iterable[tuple[str, str, str]]:
    """(actor, partner, what the actor did with the partner) for one statement."""
    if kind == "meeting":
        met = set().union(*(actors[r] for r in _MET if r in actors)) if actors else set()
        for a, b in permutations(sorted(met), 2):
            yield a, b, "met"
    elif kind == "framework":
        for a, b in permutations(sorted(actors.get("party", set())), 2):
            yield a, b, "signed"
    elif kind == "funding":
        for donor in sorted(actors.get("funder", set())):
            for recipient in sorted(actors.get("recipient", set())):
                if donor != recipient:
                    yield donor, recipient, "funded"
                    yield recipient, donor, "funded by"


def ties(graph: nx.MultiDiGraph) -> dict[str, dict[str, Tie]]:
    """actor -> partner -> Tie, over every meeting, framework and funding of `graph`."""
    found: dict[str, dict[str, Tie]] = defaultdict(dict)
    for statement, data in graph.nodes(data=True):
        kind = data["type"]
        if kind not in ("meeting", "framework", "funding"):
            continue
        when = data.get("date") or data.get("reported_on")
        reported = "date" not in data and when is not None
        rels = data.get("releases", "").split()
        for actor, partner, what in _pairs(kind, _actors(graph, statement)):
            tie = found[actor].setdefault(partner, Tie())
            tie.counts[what] += 1
            if when:
                tie.dates.append((when, reported))
            tie.releases.update(rels)
    return found


def panel(graph: nx.MultiDiGraph, releases: dict[str, Release],
          ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, str | None]]]:
    """The partner lines of every actor (strongest first), and the releases they cite by index."""
    index: dict[str, int] = {}
    listed: list[dict[str, str | None]] = []

    def cite(iri: str) -> int:
        if iri not in index:
            r = releases[iri]
            index[iri] = len(listed)
            listed.append({"title": r.title, "date": r.issued, "url": safe_url(r.url)})
        return index[iri]

    lines: dict[str, list[dict[str, Any]]] = {}
    for actor, partners in sorted(ties(graph).items()):
        rows = [_line(graph, partner, tie, releases, cite) for partner, tie in partners.items()]
        rows.sort(key=lambda r: (-r["total"], r["label"].casefold(), r["id"]))
        lines[actor] = rows
    return lines, listed


def _line(graph: nx.MultiDiGraph, partner: str, tie: Tie, releases: dict[str, Release],
          cite: Any) -> dict[str, Any]:
    known = sorted((r for r in tie.releases if r in releases),
                   key=lambda r: (releases[r].issued or "", r), reverse=True)
    since = min(tie.dates) if tie.dates else None
    return {"id": partner, "label": graph.nodes[partner]["label"], "kind": graph.nodes[partner]["type"],
            "counts": dict(sorted(tie.counts.items())), "total": sum(tie.counts.values()),
            "since": since[0] if since else None, "reported": bool(since and since[1]),
            "evidence": [cite(r) for r in known[:MAX_EVIDENCE]], "sources": len(known)}
