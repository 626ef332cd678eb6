"""Who an actor works with: for each organisation or person, the actors it met, signed a framework
with, funded or was funded by, how often, since when, and the releases that say so.

This is the page's partner panel, the question the network is drawn to answer ("who are IOM's main
partners, and through which meetings, agreements and money?"). It is read from the full graph, so
a partner shows even when the page does not draw it (cut, or another view).

A date is the statement's own, or else the date its release was issued ("reported on", marked).
Releases are listed once and referred to by index, and so are the partners (their IRI, label and
type), which keeps the page small: at 10,000 releases the lines written out in full were half of a
30 MB page.
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


@dataclass(slots=True)
class Tie:
    """What one actor did with one partner: how often, since when, and the releases that say so.

    Kept small: a panel holds one for each pair of partners and a release for each statement of each
    pair (at 30,000 synthetic releases 156,000 ties; with a list of every date and a set of releases each,
    the panel took 260 MB). The earliest date is kept, not every date; the releases as a list, told twice
    where two statements of one release tie the pair, and counted once when the line is written."""

    counts: dict[str, int] = field(default_factory=dict)
    since: tuple[str, bool] | None = None  # (date, reported on its release's date), the earliest
    releases: list[str] = field(default_factory=list)


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
            tie.counts[what] = tie.counts.get(what, 0) + 1
            if when and (tie.since is None or (when, reported) < tie.since):
                tie.since = (when, reported)
            tie.releases.extend(rels)
    return found


@dataclass(frozen=True)
class Panel:
    """The page's partner panel. `lines`: actor IRI -> its partner lines, strongest first, each
    [partner (index into `actors`), counts by what was done, since (a date or None), 1 if that date is
    a release's, evidence (indexes into `sources`), how many releases say so]; `actors`: [IRI, label,
    type] of each partner; `sources`: {title, date, url} of each release cited."""

    lines: dict[str, list[list[Any]]]
    actors: list[list[str]]
    sources: list[dict[str, str | None]]


def panel(graph: nx.MultiDiGraph, releases: dict[str, Release]) -> Panel:
    """The partner lines of every actor (strongest first), the partners and the releases they cite."""
    cited: dict[str, int] = {}
    sources: list[dict[str, str | None]] = []
    listed: dict[str, int] = {}
    actors: list[list[str]] = []

    def cite(iri: str) -> int:
        if iri not in cited:
            r = releases[iri]
            cited[iri] = len(sources)
            sources.append({"title": r.title, "date": r.issued, "url": safe_url(r.url)})
        return cited[iri]

    def actor_index(iri: str) -> int:
        if iri not in listed:
            listed[iri] = len(actors)
            actors.append([iri, graph.nodes[iri]["label"], graph.nodes[iri]["type"]])
        return listed[iri]

    lines: dict[str, list[list[Any]]] = {}
    for actor, partners in sorted(ties(graph).items()):
        order = sorted(partners.items(), key=lambda kv: (-sum(kv[1].counts.values()),
                                                         graph.nodes[kv[0]]["label"].casefold(), kv[0]))
        lines[actor] = [_line(actor_index(partner), tie, releases, cite) for partner, tie in order]
    return Panel(lines, actors, sources)


def _line(partner: int, tie: Tie, releases: dict[str, Release], cite: Any) -> list[Any]:
    known = sorted({r for r in tie.releases if r in releases},
                   key=lambda r: (releases[r].issued or "", r), reverse=True)
    since = tie.since
    return [partner, dict(sorted(tie.counts.items())), since[0] if since else None,
            int(bool(since and since[1])), [cite(r) for r in known[:MAX_EVIDENCE]], len(known)]
