"""Pages: Jinja2 templates (serve/templates/) with autoescaping on, and the values they show.

Labels, titles and sentences come from press releases anyone can write, so nothing reaches a page
unescaped: templates get plain strings and Jinja2 escapes them (a label "<script>" shows as text), and
the server forbids scripts on its pages anyway (Content-Security-Policy in serve/http.py).

Text from releases may also carry bidirectional controls: a right-to-left override (U+202E) in a title
would reverse whatever follows it on the line, the site's own words included. Such text is isolated:
inside elements it goes in <bdi> (the `bdi` filter), whose content the browser lays out apart from its
surroundings, whatever controls it holds; where no element may stand (<title>, attributes, SVG text) it
is wrapped in the isolate characters FSI ... PDI with the controls inside it dropped (`isolate`), so that
none can close the isolate early.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from migragraph import __version__
from migragraph.serve.mount import View
from migragraph.serve.results import Term

_LONG = 300  # a literal longer than this is folded (a release's full text)
_LINKABLE = ("http://", "https://", "mailto:")
_BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
FSI, PDI = "\u2068", "\u2069"


def bdi(text: object) -> Markup:
    """`text`, escaped, in a <bdi> element: laid out on its own, it reorders nothing around it."""
    return Markup("<bdi>%s</bdi>") % escape(str(text))


def isolate(text: object) -> str:
    """`text` between FSI and PDI, without bidirectional controls of its own: for places that take
    text only (a <title>, an attribute), where <bdi> cannot stand."""
    kept = "".join(ch for ch in str(text) if unicodedata.bidirectional(ch) not in _BIDI_CONTROLS)
    return f"{FSI}{kept}{PDI}"


@dataclass(frozen=True)
class Cell:
    """One value as a page shows it: its text, where it links, and a note (language, datatype)."""

    text: str
    href: str | None = None
    note: str = ""
    long: bool = False
    title: str = ""  # the full IRI, shown on hover


class Renderer:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so that org: of W3C ORG does not shadow a longer one.
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.env = Environment(loader=PackageLoader("migragraph.serve", "templates"), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(bdi=bdi, isolate=isolate)

    def page(self, template: str, view: View, **context: Any) -> bytes:
        html = self.env.get_template(template).render(view=view, version=__version__, **context)
        return html.encode("utf-8")

    def curie(self, iri: str) -> str:
        """`iri` as prefix:name when a known namespace holds it, else the IRI itself."""
        for name, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri

    def cell(self, term: Term | None, view: View, label: str | None = None) -> Cell:
        if term is None:
            return Cell("")
        if isinstance(term, ox.NamedNode):
            # Only web and mail IRIs become links: an IRI may be javascript:..., and a page must not run it.
            href = view.link(term.value) if term.value.startswith(_LINKABLE) else None
            return Cell(label or self.curie(term.value), href, title=term.value)
        if isinstance(term, ox.BlankNode):
            return Cell(f"_:{term.value}")
        if isinstance(term, ox.Triple):
            return Cell(str(term))
        note = f"@{term.language}" if term.language else ""
        if not note and not term.datatype.value.endswith("#string"):
            note = self.curie(term.datatype.value)
        return Cell(term.value, note=note, long=len(term.value) > _LONG)


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    label: str
    href: str | None
    kind: str


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str


WIDTH, HEIGHT = 720, 440


def network(centre: str, kind: str, neighbours: list[tuple[Cell, str, str]]) -> tuple[list[Node], list[Edge]]:
    """A star drawn as SVG: the entity in the middle, its neighbours (cell, kind, relation) on a circle.
    Drawn on the server, so the page needs no script and no library."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes = [Node(cx, cy, _clip(centre), None, kind)]
    edges: list[Edge] = []
    count = max(len(neighbours), 1)
    for index, (cell, other_kind, relation) in enumerate(neighbours):
        angle = 2 * math.pi * index / count - math.pi / 2
        x, y = cx + 250 * math.cos(angle), cy + 170 * math.sin(angle)
        nodes.append(Node(round(x, 1), round(y, 1), _clip(cell.text), cell.href, other_kind))
        edges.append(Edge(cx, cy, round(x, 1), round(y, 1), _clip(relation, 24)))
    return nodes, edges


def _clip(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
