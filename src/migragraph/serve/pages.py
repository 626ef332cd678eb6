"""Every entity IRI dereferences: an HTML page for people, Turtle, N-Triples, JSON-LD or RDF/XML for
programs (by Accept, or by a suffix: /id/org/iom.ttl).

A document holds what the entity states, what states something of it (the first 500), and the nodes
described with it: its evidence sentences and its own hash IRIs (a funding's #amount). The page shows
the same, with the sentences behind each statement grouped by release, and its neighbours drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from migragraph.serve.conneg import GRAPHS, HTML, NotAcceptableError, choose
from migragraph.serve.engine import Table, serialize_triples
from migragraph.serve.http import Request, Response, text
from migragraph.serve.mount import View
from migragraph.serve.profile import profile
from migragraph.serve.render import Cell, network
from migragraph.serve.results import Term

if TYPE_CHECKING:
    from migragraph.serve.site import Site

OFFERS = (HTML, *(r for r in GRAPHS if r is not HTML))  # a browser's */* gets the page
SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".rdf": "rdf", ".html": "html"}
_LABELS = [str(p) for p in (SKOS.prefLabel, RDFS.label, FOAF.name, DCTERMS.title)]
_NOT_DRAWN = {"release", "activity", "agent", "source"}  # listed as sources, or provenance: not neighbours
# The drawing's legend: what each kind of node is (the colours are the style sheet's kind-* classes).
KIND_NAMES = {"org": "organisation", "person": "person", "meeting": "meeting", "framework": "framework",
              "funding": "funding", "post": "post", "role": "role", "place": "place"}
MAX_NEIGHBOURS = 16
# Which neighbours a crowded star keeps first: the actors, then what they did.
_FIRST = {kind: rank for rank, kind in
          enumerate(("org", "person", "framework", "funding", "post", "meeting"))}


@dataclass
class Source:
    """A release and the sentences of it that say something of the entity."""

    release: Cell
    issued: str
    sentences: list[tuple[str, Cell]] = field(default_factory=list)  # sentence, the statement it backs


def entity(site: Site, request: Request, view: View, rest: str) -> Response:
    fmt = next((name for suffix, name in SUFFIXES.items() if rest.endswith(suffix)), None)
    if fmt is not None:
        rest = rest[: rest.rfind(".")]
    try:
        node = ox.NamedNode(site.mount.base + rest)
        rep = choose(OFFERS, request.headers.get("Accept"), fmt)
    except ValueError:  # not an IRI at all: no such entity
        return site.not_found(request, view)
    except NotAcceptableError as exc:
        return text(406, str(exc))
    out = site.rows("entity-out", entity=node)
    into = site.rows("entity-in", entity=node)
    if not out.rows and not into.rows:
        return site.not_found(request, view)
    parts = site.rows("entity-parts", entity=node)
    headers = {"Vary": "Accept", "Link": _alternates(view.link(node.value))}
    if rep is not HTML:
        found = [_triple(node, r[0], r[1]) for r in out.rows] + [_triple(r[0], r[1], node) for r in into.rows]
        found += [_triple(r[0], r[1], r[2]) for r in parts.rows]
        body = serialize_triples([t for t in found if t is not None], rep.name, site.prefixes)
        return Response(200, body, rep.media_type, headers)
    return Response(200, _page(site, view, node, out, into, parts), HTML.media_type, headers)


def _triple(s: Term | None, p: Term | None, o: Term | None) -> ox.Triple | None:
    if isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode) and o is not None:
        return ox.Triple(s, p, o)
    return None


def _alternates(href: str) -> str:
    return ", ".join(f'<{href}.{ext}>; rel="alternate"; type="{rep.media_type.split(";")[0]}"'
                     for ext, rep in zip(("ttl", "nt", "jsonld", "rdf"), OFFERS[1:], strict=True))


def _page(site: Site, view: View, node: ox.NamedNode, out: Table, into: Table, parts: Table) -> bytes:
    cell = site.renderer.cell
    label = _label(out) or site.renderer.curie(node.value)
    types = [cell(r[1], view) for r in out.rows if r[0] == ox.NamedNode(str(RDF.type))]
    statements = [(cell(r[0], view), cell(r[1], view, _text(r[2]))) for r in out.rows
                  if r[0] != ox.NamedNode(str(RDF.type))]
    referrers = [(cell(r[0], view, _text(r[2])), cell(r[1], view)) for r in into.rows]
    counted = site.rows("entity-in-count", entity=node)
    total = int(_text(counted.rows[0][0]) or 0) if counted.rows else len(referrers)
    described: OrderedDict[str, list[tuple[Cell, Cell]]] = OrderedDict()
    for r in parts.rows:
        if isinstance(r[0], ox.NamedNode):
            rows = described.setdefault(site.renderer.curie(r[0].value), [])
            rows.append((cell(r[1], view), cell(r[2], view)))
    nodes, edges = network(label, site.kind(node.value) or "", _neighbours(site, view, out, into))
    kinds = sorted({n.kind for n in nodes})
    sections = profile(site, view, node)
    return site.renderer.page(
        "entity.html", view, title=label, iri=node.value, href=view.link(node.value), types=types,
        statements=statements, referrers=referrers, referrers_total=total, described=described,
        sources=[] if sections else _sources(site, view, node), nodes=nodes, edges=edges,
        legend=[(k, KIND_NAMES.get(k, k)) for k in kinds], sections=sections)


def _text(term: object) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


def _label(out: Table) -> str | None:
    found = {r[0].value: r[1].value for r in out.rows
             if isinstance(r[0], ox.NamedNode) and isinstance(r[1], ox.Literal)}
    return next((found[p] for p in _LABELS if p in found), None)


def _neighbours(site: Site, view: View, out: Table, into: Table) -> list[tuple[Cell, str, str]]:
    """The entities this one points at or is pointed at by, one each, those drawn: (cell, kind, relation)."""
    seen: OrderedDict[str, tuple[Cell, str, str]] = OrderedDict()
    pairs = [(r[1], r[0], r[2], "") for r in out.rows] + [(r[0], r[1], r[2], "← ") for r in into.rows]
    for other, predicate, other_label, arrow in pairs:
        if not isinstance(other, ox.NamedNode) or not isinstance(predicate, ox.NamedNode):
            continue
        kind = site.kind(other.value)
        if kind is None or kind in _NOT_DRAWN or "#" in other.value or other.value in seen:
            continue
        relation = arrow + site.renderer.curie(predicate.value)
        seen[other.value] = (site.renderer.cell(other, view, _text(other_label)), kind, relation)
    ranked = sorted(seen.values(), key=lambda n: _FIRST.get(n[1], len(_FIRST)))  # stable: query order within
    return ranked[:MAX_NEIGHBOURS]


def _sources(site: Site, view: View, node: ox.NamedNode) -> list[Source]:
    """The evidence sentences about the entity, grouped by release, newest release first."""
    found = site.rows("entity-evidence", entity=node)
    sources: OrderedDict[str, Source] = OrderedDict()
    for statement, statement_label, release, title, issued, sentence, _start in found.rows:
        if release is None or sentence is None:
            continue
        key = str(release)
        if key not in sources:
            sources[key] = Source(site.renderer.cell(release, view, _text(title)), _text(issued) or "")
        backed = site.renderer.cell(statement, view, _text(statement_label))
        sources[key].sentences.append((_text(sentence) or "", backed))
    return list(sources.values())
