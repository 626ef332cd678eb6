"""graph.html: the organisations, persons, meetings, frameworks and funding of a store, drawn by pyvis.

The page must open offline and must not run what a release wrote. So vis-network is inlined
(cdn_resources="in_line"), the CDN links pyvis adds regardless (Bootstrap) are cut out, and every
label, which comes from untrusted releases, is HTML-escaped before it reaches a tooltip.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pyvis.network import Network

from migragraph.errors import MigragraphError
from migragraph.store.graphstore import GraphStore

# Kind -> (colour, shape): one look per kind of entity.
STYLE = {
    "organisation": ("#4e79a7", "dot"),
    "person": ("#f28e2b", "triangle"),
    "meeting": ("#59a14f", "square"),
    "framework": ("#b07aa1", "star"),
    "funding": ("#e15759", "diamond"),
}
# Browsers cope with ~1-2k nodes with physics on (PERFORMANCE.md): beyond that, the best connected.
MAX_NODES = 1500

_EXTERNAL = re.compile(
    r"<script[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>|<link[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
# pyvis's template keeps a commented-out <script src> to node_modules/: dead, but it reads as a dependency.
_COMMENTED_TAGS = re.compile(r"<!--(?:(?!-->).)*?<(?:script|link)\b.*?-->", re.IGNORECASE | re.DOTALL)
# vis-network shows a string title as plain text, so an escaped title would show its entities;
# a title given as an element is shown as is. Titles are escaped HTML, turned into elements here.
_TITLES_AS_ELEMENTS = """
                  function asElement(item) {
                      if (typeof item.title !== "string") { return item; }
                      var box = document.createElement("div");
                      box.innerHTML = item.title;
                      return Object.assign({}, item, {title: box});
                  }
                  nodes = new vis.DataSet(nodes.get().map(asElement));
                  edges = new vis.DataSet(edges.get().map(asElement));
                  data = {nodes: nodes, edges: edges};
                  network = new vis.Network(container, data, options);"""
_NETWORK_LINE = "network = new vis.Network(container, data, options);"


@dataclass(frozen=True)
class Entity:
    iri: str
    kind: str
    label: str
    releases: int


@dataclass(frozen=True)
class Relation:
    source: str
    label: str
    target: str


def read_entities(store: GraphStore) -> tuple[list[Entity], list[Relation]]:
    """The entities and the relations between them, from queries/viz-nodes.rq and viz-edges.rq."""
    entities: dict[str, Entity] = {}
    for node, kind, label, releases in store.select("viz-nodes").rows:
        iri = str(node)
        if iri not in entities:  # a node of two kinds is drawn once, as the first
            name = str(label) if label is not None else iri
            entities[iri] = Entity(iri, str(kind), name, int(str(releases)))
    relations = [Relation(str(a), str(rel), str(b)) for a, rel, b in store.select("viz-edges").rows
                 if str(a) in entities and str(b) in entities]
    return list(entities.values()), relations


def tooltip(*lines: str) -> str:
    """Escaped HTML for a tooltip. 'href' is written with an entity because pyvis switches to a popup
    of its own, one without vis-network's handling, whenever a title contains that word."""
    return "<br>".join(html.escape(line).replace("href", "hr&#101;f") for line in lines)


def build_network(entities: list[Entity], relations: list[Relation], max_nodes: int = MAX_NODES) -> Network:
    degree = Counter(r.source for r in relations) + Counter(r.target for r in relations)
    if len(entities) > max_nodes:
        entities = sorted(entities, key=lambda e: (-degree[e.iri], e.iri))[:max_nodes]
    kept = {e.iri for e in entities}
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line",
                  heading=html.escape(f"migragraph: {len(entities)} entities, {len(relations)} relations"))
    for e in entities:
        colour, shape = STYLE.get(e.kind, ("#999999", "dot"))
        # add_node/add_edge fill lists directly; Network.from_nx is quadratic (PERFORMANCE.md).
        net.add_node(e.iri, label=e.label[:60], shape=shape, color=colour, size=10 + min(degree[e.iri], 20),
                     title=tooltip(e.label, f"{e.kind}, in {e.releases} release(s)", e.iri))
    for r in relations:
        if r.source in kept and r.target in kept:
            net.add_edge(r.source, r.target, label=r.label[:40], title=tooltip(r.label), arrows="to")
    net.toggle_physics(True)
    return net


def offline(page: str) -> str:
    """The page without references to any CDN, and with tooltips shown as (escaped) HTML."""
    page = _COMMENTED_TAGS.sub("", _EXTERNAL.sub("", page))
    if page.count(_NETWORK_LINE) != 1:
        raise MigragraphError("pyvis's page template changed: cannot make its tooltips safe; pin pyvis 0.3.2")
    return page.replace(_NETWORK_LINE, _TITLES_AS_ELEMENTS.strip())


def write_page(store: GraphStore, path: Path, max_nodes: int = MAX_NODES) -> int:
    """Write the page of the whole store to `path`; return the number of entities drawn."""
    entities, relations = read_entities(store)
    net = build_network(entities, relations, max_nodes)
    page = offline(net.generate_html(name="graph.html", notebook=False))  # pyvis checks the name ends .html
    path.write_text(page, encoding="utf-8")
    return len(net.nodes)
