"""The institutional layer of a store as a NetworkX graph: entities and the relations between them,
not raw triples (no literals as nodes, no rdf:type edges, no evidence or provenance nodes).

    nodes  organisation, person, meeting, framework, funding, keyed by IRI, with the attributes
           iri, label, type, date (a meeting's day, a framework's date, a funding's year),
           first_seen / last_seen (issue dates of the releases mentioning it), releases (their IRIs,
           space-separated), release_count; funding also amount and currency; a meeting, framework or
           funding with no date of its own has reported_on, the first issue date of its releases;
           nodes that owl:sameAs links (resolve/) are one node, under the least of their IRIs, the
           others in same_as
    edges  participant, chair, host, framework (meeting -> framework), party, funder, recipient,
           holds post (person -> organisation, with role) and part of (org:subOrganizationOf), each
           with id, relation, date (the first it is known to hold), releases (the graphs stating
           it) and statement (the meeting, framework, funding or post whose mg:evidence holds the
           sentence)

Edges keep the direction of the RDF statement (a funding points at its funder and its recipient;
`projections.funding_flow` turns that into donor -> recipient). Every attribute is a string, number
or boolean, so GraphML and GEXF carry the graph without loss.

The window decides which nodes and edges are in: an entity by its own date, or else by the issue
dates of the releases mentioning it; a relation by its statement's date, or else by the issue dates
of the releases stating it (for a post, the dates it was reported held); the hierarchy (part of)
whenever both ends are in.
So an undated meeting, framework or funding is placed by the date it was reported on (its
release's): its node says so (reported_on), and so do its edges (reported: true). What has no date
at all, neither its own nor a release's, is left out of any window but the open one, and the graph
counts it (graph attribute undated_<type>, e.g. undated_meeting). Attributes describe nodes and
edges as the whole store does.

Each part is read with one SPARQL query (queries/network-*.rq), never triple by triple, in the W3C
CSV results format: the values are all that is needed, and oxigraph writes them ~10x faster than
terms are made into rdflib objects. A build gives the rows it remembers of the graphs it did not
change instead (`Tables`, analyse/graphrows.py).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import networkx as nx

from migragraph.analyse.window import Window
from migragraph.resources import data_file
from migragraph.store.graphstore import GraphStore, Substitutions

# In this order a node typed twice (a person also called an organisation by a release) takes the first.
KINDS = ("organisation", "person", "meeting", "framework", "funding")
ACTORS = ("organisation", "person")
# The hierarchy has no time of its own: it stays in every window where both ends are.
TIMELESS = frozenset({"part of"})
# What happens at a time: dated by itself, or else by the release that reported it ("reported on").
EVENTS = ("meeting", "framework", "funding")


@dataclass(frozen=True)
class Release:
    iri: str
    title: str
    issued: str | None
    url: str | None


# The result of a query: in the W3C CSV format as oxigraph writes it, or rows read already.
Fetched = bytes | list[list[str]]


class Tables(Protocol):
    """Where the rows of the network's and resolution's queries (queries/network-*.rq, resolve-*.rq)
    come from: each query run over the store (StoreTables), or a build's remembered rows (GraphRows)."""

    def fetch(self, name: str) -> Fetched: ...


@dataclass(frozen=True)
class StoreTables:
    """Each query run over the whole store."""

    store: GraphStore

    def fetch(self, name: str) -> Fetched:
        return fetch(self.store, name)


def rows(store: GraphStore, name: str, substitutions: Substitutions | None = None) -> Iterator[list[str]]:
    """The rows of queries/<name>.rq as strings ('' for an unbound value), without the header."""
    return csv_rows(fetch(store, name, substitutions))


def fetch(store: GraphStore, name: str, substitutions: Substitutions | None = None,
          graphs: list[str] | None = None) -> bytes:
    """The result of queries/<name>.rq in the W3C CSV format, as oxigraph writes it (csv_rows reads it);
    with `graphs`, read in those named graphs only."""
    text = data_file("queries", f"{name}.rq").read_text(encoding="utf-8")
    return store.query_to(text, "csv", substitutions=substitutions, graphs=graphs)


def table(found: Fetched) -> Iterator[list[str]]:
    """The rows of a result, however it was fetched."""
    return csv_rows(found) if isinstance(found, bytes) else iter(found)


def csv_rows(found: bytes) -> Iterator[list[str]]:
    # Decoded as read: a StringIO of the whole text would hold it again at 4 bytes a character.
    reader = csv.reader(io.TextIOWrapper(io.BytesIO(found), encoding="utf-8", newline=""))
    next(reader, None)
    # Interned: an IRI comes back once per row it is in, and the graph keeps a copy of it per edge and
    # per adjacency entry (40 of the page's 340 MB at 10,000 releases).
    return ([sys.intern(value) for value in row] for row in reader)


def read_releases(store: GraphStore, tables: Tables | None = None) -> dict[str, Release]:
    """Every release of the store by IRI (queries/network-releases.rq)."""
    found: dict[str, list[str]] = {}
    for iri, *values, _graph in table((tables or StoreTables(store)).fetch("network-releases")):
        known = found.setdefault(iri, values)
        if known is not values:  # a release with two titles (or dates, URLs): the least of each
            found[iri] = [min(a, b) if a and b else a or b for a, b in zip(known, values, strict=True)]
    return {iri: Release(iri, title or label or iri, issued or None, url or None)
            for iri, (title, label, issued, url) in found.items()}


def one_of(store: GraphStore, entities: set[str]) -> dict[str, str]:
    """Each entity that owl:sameAs links to others (resolve/: one person, one meeting named apart by
    two releases) -> the least IRI of its group: the node that stands for them all."""
    group: dict[str, str] = {}

    def find(x: str) -> str:
        while group.get(x, x) != x:
            x = group[x]
        return x

    for a, b in rows(store, "network-same"):
        ra, rb = find(a), find(b)
        if ra != rb:
            group[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for iri in list(group):
        members[find(iri)].append(iri)
    for root, linked in list(members.items()):
        linked.append(root)
    out: dict[str, str] = {}
    for linked in members.values():
        present = sorted(x for x in set(linked) if x in entities)
        out.update((x, present[0]) for x in present[1:])
    return out


def _nodes(store: GraphStore, found: dict[str, dict[str, Any]],
           ) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The nodes `found` (_node_rows), those linked as one merged into one; and which IRI stands for which."""
    one = one_of(store, set(found))
    nodes: dict[str, dict[str, Any]] = {}
    for iri, attrs in sorted(found.items()):
        into = one.get(iri)
        if into is None:
            nodes.setdefault(iri, {}).update(attrs)
            continue
        merged = nodes.setdefault(into, {})
        merged["same_as"] = " ".join(sorted({*merged.get("same_as", "").split(), iri}))
        for key in ("label", "date"):  # the least, as for one node's several labels
            if attrs.get(key) and (key not in merged or attrs[key] < merged[key]):
                merged[key] = attrs[key]
    return nodes, one


def _node_rows(tables: Tables) -> dict[str, dict[str, Any]]:
    """Each node with its kind (the first of KINDS it has) and its least label, date and amount (of several,
    as releases differ: the same graph, the same attributes); its IRI for a label where it has none."""
    rank = {kind: i for i, kind in enumerate(KINDS)}
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    dates: dict[str, str] = {}
    amounts: dict[str, tuple[float, str]] = {}
    for iri, kind, label, date, amount, currency in table(tables.fetch("network-nodes")):
        if kind:
            if iri not in kinds or rank[kind] < rank[kinds[iri]]:
                kinds[iri] = kind
            if label and (iri not in labels or label < labels[iri]):
                labels[iri] = label
        elif date:
            if iri not in dates or date < dates[iri]:
                dates[iri] = date
        elif amount and currency:
            money = (float(amount), currency)
            if iri not in amounts or money < amounts[iri]:
                amounts[iri] = money
    nodes: dict[str, dict[str, Any]] = {}
    for iri, kind in kinds.items():
        attrs = nodes[iri] = {"iri": iri, "label": labels.get(iri, iri), "type": kind}
        if iri in dates:
            attrs["date"] = dates[iri]
        if iri in amounts:
            attrs["amount"], attrs["currency"] = amounts[iri]
    return nodes


def _mentions(fetched: Fetched, one: dict[str, str]) -> dict[str, list[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for node, release, _graph in table(fetched):
        found[one.get(node, node)].add(release)
    return {node: sorted(rels) for node, rels in found.items()}


def _with_releases(attrs: dict[str, Any], rels: list[str], releases: dict[str, Release]) -> None:
    attrs["releases"] = " ".join(rels)
    attrs["release_count"] = len(rels)
    days = sorted(d for d in (releases[r].issued for r in rels if r in releases) if d)
    if days:
        attrs["first_seen"], attrs["last_seen"] = days[0], days[-1]


def _issued(rels: list[str], releases: dict[str, Release]) -> list[str]:
    return sorted(d for d in (releases[r].issued if r in releases else None for r in rels) if d)


def _node_in(attrs: dict[str, Any], rels: list[str], releases: dict[str, Release], window: Window) -> bool:
    """A dated entity is in the window by its own date; any other by the releases mentioning it."""
    if "date" in attrs:
        return window.contains(attrs["date"])
    return window.any(_issued(rels, releases))


def to_networkx(store: GraphStore, window: Window | None = None, *,
                releases: dict[str, Release] | None = None,
                before_links: Callable[[], None] | None = None,
                tables: Tables | None = None) -> nx.MultiDiGraph:
    """The full typed, attributed graph of `store` within `window` (all dates by default); `releases`
    the store's, where the caller has read them already. `before_links` is called once the release
    graphs' nodes are read and before anything that depends on the links across releases (owl:sameAs,
    resolve/) is: a build draws its page while it works out those links, and waits there for them.
    `tables` gives the rows of the network queries (default: each run over the store)."""
    window = window or Window()
    tables = tables or StoreTables(store)
    releases = read_releases(store, tables) if releases is None else releases
    found = _node_rows(tables)
    # Fetched before the links, read after: what the release graphs state needs none of them.
    mentioned, related = tables.fetch("network-mentions"), tables.fetch("network-edges")
    if before_links is not None:
        before_links()
    nodes, one = _nodes(store, found)
    mentions = _mentions(mentioned, one)
    del mentioned  # read: its bytes need not wait for the edges'
    graph = nx.MultiDiGraph(view="full")
    for iri, attrs in sorted(nodes.items()):
        rels = mentions.get(iri, [])
        if _node_in(attrs, rels, releases, window):
            _with_releases(attrs, rels, releases)
            if attrs["type"] in EVENTS and "date" not in attrs and "first_seen" in attrs:
                attrs["reported_on"] = attrs["first_seen"]
            graph.add_node(iri, **attrs)
        elif "date" not in attrs and attrs["type"] in EVENTS and not _issued(rels, releases):
            key = f"undated_{attrs['type']}"
            graph.graph[key] = graph.graph.get(key, 0) + 1
    _add_edges(related, graph, releases, window, one)
    return graph


def undated(graph: nx.Graph) -> dict[str, int]:
    """How many meetings, frameworks and funding a windowed `graph` left out for having no date at all
    (neither their own nor a release's), by type."""
    return {kind: graph.graph[f"undated_{kind}"] for kind in EVENTS if graph.graph.get(f"undated_{kind}")}


def _relations(fetched: Fetched, graph: nx.MultiDiGraph, one: dict[str, str],
               ) -> dict[tuple[str, str, str, str, str], set[str]]:
    """(source, relation, target, statement, role) -> the graphs stating it, for edges within `graph`;
    an entity linked as one with others by the node that stands for them."""
    found: dict[tuple[str, str, str, str, str], set[str]] = defaultdict(set)
    present = set(graph)  # a plain set: 600k rows at 100k releases, nx's own lookups cost 4x more
    for source, relation, target, statement, role, stated_in in table(fetched):
        if one:
            source, target, statement = (one.get(x, x) for x in (source, target, statement))
        if source in present and target in present and source != target:
            found[(source, relation, target, statement, role)].add(stated_in)
    return found


def _add_edges(fetched: Fetched, graph: nx.MultiDiGraph, releases: dict[str, Release],
               window: Window, one: dict[str, str]) -> None:
    own_dates = dict(graph.nodes(data="date", default=None))
    issued = {iri: r.issued for iri, r in releases.items() if r.issued}
    for (u, rel, v, statement, role), graphs in sorted(_relations(fetched, graph, one).items()):
        stated = [g for g in graphs if g in releases]
        if len(stated) > 1:
            stated.sort()
        attrs: dict[str, Any] = {"relation": rel, "releases": " ".join(stated)}
        if statement:
            attrs["statement"] = statement
        if role:
            attrs["role"] = role
        if rel not in TIMELESS:
            own = own_dates.get(statement)
            dates = [own] if own else [issued[g] for g in stated if g in issued]
            if not window.any(dates):
                continue
            if dates:
                attrs["date"] = min(dates)
                if not own and rel != "holds post":  # a post is dated by its reports anyway (mg:asOf)
                    attrs["reported"] = True
        key = f"{rel}: {role}" if role else rel
        attrs["id"] = f"{u} {key} {v}"  # GEXF keeps edge ids; one of ours reads back unchanged
        graph.add_edge(u, v, key=key, **attrs)
