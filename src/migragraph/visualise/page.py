"""graph.html: the organisations, persons, meetings, frameworks and funding of a store, drawn with pyvis.

The page must open offline and must not run what a release wrote:

- vis-network and its CSS, which pyvis ships, are inlined. pyvis's own page template is not used:
  it links Bootstrap from a CDN whatever cdn_resources says, and its select and filter menus load
  tom-select; page.html.j2 has a small legend with type filters of its own instead.
- The data reaches the page through Jinja's `tojson`, which escapes <, > and &, so no label can
  close the script. Labels are drawn on the canvas as text. Hover text is escaped HTML
  (style.node_title), which page.js turns into elements: vis-network shows a string title as plain
  text, so the escaped markup would show its entities.
- The page is parsed before it is written and refused if anything in it would fetch from the network
  (offline.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from migragraph.analyse.graph import (
    EVENTS,
    Fetched,
    Release,
    StoreTables,
    Tables,
    read_releases,
    to_networkx,
    undated,
)
from migragraph.analyse.paths import find_actor
from migragraph.analyse.window import Window
from migragraph.errors import MigragraphError
from migragraph.store.graphstore import GraphStore
from migragraph.visualise.labels import read_names
from migragraph.visualise.network import MAX_NODES, Limited, build_network, limit
from migragraph.visualise.offline import fetches
from migragraph.visualise.partners import panel
from migragraph.visualise.style import EDGE_COLOUR, OTHER_EDGE, STYLE, UNKNOWN
from migragraph.visualise.views import VIEWS, view_data

_HERE = Path(__file__).parent
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


@dataclass(frozen=True)
class Drawn:
    """What a page shows: nodes and edges drawn, of how many in the view, and the note it carries."""

    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    note: str | None
    isolated: int = 0  # drawn nodes with no relation, hidden until the page's toggle shows them


@cache
def _asset(name: str) -> Markup:
    text = (_VIS / name if name.startswith("vis-") else _HERE / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise MigragraphError(f"{name} cannot be inlined: it closes its own tag; pin pyvis 0.3.2")
    return Markup(text)  # trusted: files shipped with pyvis and migragraph, never release data


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("page.html.j2")


def _cut_note(limited: Limited, focus: str | None, max_nodes: int) -> str | None:
    if not limited.cut:
        return None
    shown = limited.graph.number_of_nodes()
    left = ", ".join(f"{n:,} {kind}" for kind, n in sorted(limited.dropped.items()))
    return (f"Too many to draw: showing {shown:,} of {limited.total_nodes:,} entities, the best connected of "
            f"each type ({max_nodes:,} at most); left out: {left}. "
            + ("Lower --depth, " if focus else "Use --focus ACTOR --depth N, ")
            + "--since/--until or --max-nodes to see others.")


def _undated_note(graph: nx.MultiDiGraph) -> str | None:
    """What a time window left out for having no date at all; what it placed by its release's date."""
    missing = undated(graph)
    reported = sum(1 for _, d in graph.nodes(data=True) if d.get("reported_on"))
    parts = []
    if reported:
        parts.append(f"{reported:,} meetings, frameworks or funding without a date of their own are placed "
                     "by the date their release was issued (\u201creported on\u201d)")
    if missing:
        counted = ", ".join(f"{n:,} {kind}" for kind, n in missing.items())
        parts.append(f"left out for having no date at all, neither their own nor their release's: {counted}")
    return ("In this window: " + "; ".join(parts) + ".") if parts else None


def _views(full: nx.MultiDiGraph, releases: dict[str, Release], names: dict[str, list[str]],
           max_nodes: int) -> dict[str, Any]:
    return {name: view_data(full, name, releases, names, max_nodes) for name in VIEWS}


def render_page(graph: nx.MultiDiGraph, releases: dict[str, Release], heading: str,
                max_nodes: int = MAX_NODES, focus: str | None = None, *,
                names: dict[str, list[str]] | None = None, full: nx.MultiDiGraph | None = None,
                notes: list[str] | None = None) -> tuple[str, Drawn]:
    """The HTML page of `graph` (cut to `max_nodes`, every type kept) and what it draws. `full` is the
    graph the partner panel and the organisation-level views read (default: `graph`); `names` every
    entity's names, which the search box matches."""
    names = names or {}
    full = graph if full is None else full
    limited = limit(graph, max_nodes)
    net = build_network(limited.graph, releases, names)
    nodes, edges, _, _, _, options = net.get_network_data()
    counts = {kind: 0 for kind in STYLE}
    for node in nodes:
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    legend = [(kind, *STYLE.get(kind, UNKNOWN), n) for kind, n in counts.items() if n]
    views = _views(full, releases, names, max_nodes)
    drawn_relations = {e["relation"] for e in edges}
    drawn_relations |= {e["relation"] for v in views.values() for e in v["edges"]}
    edge_legend = [(r, EDGE_COLOUR.get(r, OTHER_EDGE)) for r in sorted(drawn_relations)]
    partners = panel(full, releases)
    cut = _cut_note(limited, focus, max_nodes)
    all_notes = [n for n in (cut, *(notes or [])) if n]
    isolated = sum(1 for n, d in limited.graph.degree if d == 0)
    search_names = search_list(name for n in nodes for name in n["names"])
    page = _template().render(
        heading=heading, notes=all_notes, legend=legend, edge_legend=edge_legend, nodes=nodes, edges=edges,
        options=Markup(options), views=[(name, v["about"]) for name, v in views.items()], view_data=views,
        partners=partners.lines, partner_actors=partners.actors, sources=partners.sources, isolated=isolated,
        search_names=search_names,
        vis_js=_asset("vis-network.min.js"), vis_css=_asset("vis-network.css"), page_js=_asset("page.js"))
    fetched = fetches(page)  # (offline.py)
    if fetched:
        raise MigragraphError(f"the page would load {fetched[0]} from the network; it must work offline; "
                              "see page.html.j2 and the pyvis files it inlines (0.3.2 is pinned)")
    return page, Drawn(len(nodes), len(edges), limited.total_nodes, limited.total_edges, cut, isolated)


def search_list(names: Iterable[str]) -> list[str]:
    """The names the search box offers, each once, in alphabetical order whatever their case; two that
    differ only by case ("UN Migration Agency", "UN migration agency") by their code points, so the page
    is the same bytes whatever order a set gave them in (it changes with Python's hash seed)."""
    return sorted(set(names), key=lambda name: (name.casefold(), name))


def focus_graph(graph: nx.MultiDiGraph, center: str, depth: int) -> nx.MultiDiGraph:
    """The entities within `depth` steps of `center`, where a step joins two actors through what they
    share: a meeting, framework or funding (half a step to it, half from it), or a post or hierarchy
    (a whole step). So depth 1 around IOM holds its meetings, agreements and money and who was in them."""
    def weight(u: str, v: str, _: object) -> float:
        between = graph.nodes[u]["type"] in EVENTS or graph.nodes[v]["type"] in EVENTS
        return 0.5 if between else 1.0

    undirected = graph.to_undirected(as_view=True)
    near = nx.single_source_dijkstra_path_length(undirected, center, cutoff=depth, weight=weight)
    found: nx.MultiDiGraph = graph.subgraph(near).copy()
    return found


# The queries over the whole store (network-nodes, -names: 0.37 and 0.13 s at 10,000 synthetic releases)
# are sent at once, each in a thread of its own: oxigraph answers them without Python's lock, so they run
# while this thread reads the releases' rows, on two cores for the cost of the longer.
_AHEAD = ("network-nodes", "network-names")


@dataclass(frozen=True)
class _Ahead:
    """`tables` with the results of some queries sent ahead: each given once, when first wanted, and let go
    of then (a future keeps its result: the nodes' rows are 5.3 MB at 10,000 releases)."""

    tables: Tables
    sent: dict[str, Future[Fetched]]

    def fetch(self, name: str) -> Fetched:
        sent = self.sent.pop(name, None)
        return self.tables.fetch(name) if sent is None else sent.result()


def draw(store: GraphStore, path: Path, *, window: Window | None = None, focus: str | None = None,
         depth: int = 2, max_nodes: int = MAX_NODES, before_links: Callable[[], None] | None = None,
         tables: Tables | None = None) -> Drawn:
    """Write the page of `store` to `path`: the whole graph, or the entities within `depth` steps of
    the actor `focus`, within the time `window`. `before_links` and `tables` as for
    analyse.graph.to_networkx: the releases, names and nodes are read before it is called."""
    window = window or Window()
    tables = tables or StoreTables(store)
    with ThreadPoolExecutor(len(_AHEAD), thread_name_prefix="migragraph-page-query") as pool:
        tables = _Ahead(tables, {name: pool.submit(tables.fetch, name) for name in _AHEAD})
        releases = read_releases(store, tables)
        names = read_names(store, tables)
        full = to_networkx(store, window, releases=releases, before_links=before_links, tables=tables)
    graph = full
    heading = f"migragraph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations"
    if focus:
        center = find_actor(store, graph, focus)
        graph = focus_graph(graph, center, depth)
        heading = f"migragraph: {graph.nodes[center]['label']} and what lies within {depth} step(s)"
    notes = []
    if not window.open:
        heading += f", {window.describe()}"
        notes.append(_undated_note(full))
    page, drawn = render_page(graph, releases, heading, max_nodes, focus, names=names,
                              full=full, notes=[n for n in notes if n])
    path.write_text(page, encoding="utf-8")
    return drawn


def write_page(store: GraphStore, path: Path, max_nodes: int = MAX_NODES, *,
               before_links: Callable[[], None] | None = None, tables: Tables | None = None) -> int:
    """Write the page of the whole store to `path` (a build's graph.html); return the entities drawn."""
    return draw(store, path, max_nodes=max_nodes, before_links=before_links, tables=tables).nodes
