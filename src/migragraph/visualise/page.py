"""graph.html: the organisations, persons, meetings, frameworks and funding of a store, drawn with pyvis.

The page must open offline and must not run what a release wrote:

- vis-network and its CSS, which pyvis ships, are inlined. pyvis's own page template is not used:
  it links Bootstrap from a CDN whatever cdn_resources says, and its select and filter menus load
  tom-select; page.html.j2 has a small legend with type filters of its own instead.
- The data reaches the page through Jinja's `tojson`, which escapes <, > and &, so no label can
  close the script. Labels are drawn on the canvas as text. Hover text is escaped HTML
  (style.node_title), which page.js turns into elements: vis-network shows a string title as plain
  text, so the escaped markup would show its entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from migragraph.analyse.graph import Release, read_releases, to_networkx
from migragraph.analyse.paths import ego, find_actor
from migragraph.analyse.window import Window
from migragraph.errors import MigragraphError
from migragraph.store.graphstore import GraphStore
from migragraph.visualise.network import MAX_NODES, Limited, build_network, limit
from migragraph.visualise.style import STYLE, UNKNOWN

_HERE = Path(__file__).parent
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# Anything that would make the browser fetch from elsewhere (a CDN, a font service).
_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
                       r"|@import|url\(\s*[\"']?(?:https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class Drawn:
    """What a page shows: nodes and edges drawn, of how many in the view, and the note it carries."""

    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    note: str | None


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


def _note(limited: Limited, focus: str | None, max_nodes: int) -> str | None:
    if not limited.cut:
        return None
    shown = limited.graph.number_of_nodes()
    return (f"Too many to draw: showing the {shown:,} best connected of {limited.total_nodes:,} entities "
            f"(ranked by degree; {max_nodes:,} at most). "
            + ("Lower --depth, " if focus else "Use --focus ACTOR --depth N, ")
            + "--since/--until or --max-nodes to see others.")


def render_page(graph: nx.MultiDiGraph, releases: dict[str, Release], heading: str,
                max_nodes: int = MAX_NODES, focus: str | None = None) -> tuple[str, Drawn]:
    """The HTML page of `graph` (cut to `max_nodes`) and what it draws."""
    limited = limit(graph, max_nodes)
    net = build_network(limited.graph, releases)
    nodes, edges, _, _, _, options = net.get_network_data()
    counts = {kind: 0 for kind in STYLE}
    for node in nodes:
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    legend = [(kind, *STYLE.get(kind, UNKNOWN), n) for kind, n in counts.items() if n]
    note = _note(limited, focus, max_nodes)
    page = _template().render(
        heading=heading, note=note, legend=legend, nodes=nodes, edges=edges, options=Markup(options),
        relations=sorted({e["relation"] for e in edges}), vis_js=_asset("vis-network.min.js"),
        vis_css=_asset("vis-network.css"), page_js=_asset("page.js"))
    if _EXTERNAL.search(page):
        raise MigragraphError("the page would load something from the network; it must work offline")
    return page, Drawn(len(nodes), len(edges), limited.total_nodes, limited.total_edges, note)


def draw(store: GraphStore, path: Path, *, window: Window | None = None, focus: str | None = None,
         depth: int = 2, max_nodes: int = MAX_NODES) -> Drawn:
    """Write the page of `store` to `path`: the whole graph, or the entities within `depth` steps of
    the actor `focus`, within the time `window`."""
    window = window or Window()
    graph = to_networkx(store, window)
    heading = f"migragraph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations"
    if focus:
        center = find_actor(store, graph, focus)
        graph = ego(graph, center, depth)
        heading = f"migragraph: {graph.nodes[center]['label']} and what lies within {depth} step(s)"
    if not window.open:
        heading += f", {window.describe()}"
    page, drawn = render_page(graph, read_releases(store), heading, max_nodes, focus)
    path.write_text(page, encoding="utf-8")
    return drawn


def write_page(store: GraphStore, path: Path, max_nodes: int = MAX_NODES) -> int:
    """Write the page of the whole store to `path` (a build's graph.html); return the entities drawn."""
    return draw(store, path, max_nodes=max_nodes).nodes
