"""The resolution graph, `<base>graph/resolution`: which nodes of the release graphs are one entity or
one event, recomputed from the store at the end of every build, like the gazetteer's graph.

For each link: `owl:sameAs` both ways (any RDF consumer follows it), and a `mg:Link` node saying why
(`mg:rule`, `mg:score`) and on which releases it rests (`prov:wasDerivedFrom`); a person's decision is a
link whose rule says so. Each candidate below the link score is a `mg:Candidate` node, for
`migragraph resolve` to list. IRIs are not changed by a link: every node keeps the IRI it was minted
with, so an IRI once published stays valid whatever later releases add.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import OWL, RDF, Literal, URIRef
from rdflib.namespace import PROV, XSD

from migragraph.analyse.graph import StoreTables, Tables
from migragraph.map import Triple
from migragraph.map.iris import IriMinter
from migragraph.resolve import decisions as decided
from migragraph.resolve.entities import meetings, persons
from migragraph.resolve.rules import LINK, Link, meeting_links, person_links
from migragraph.store.graphstore import GraphStore
from migragraph.vocab import MG


def resolution_iri(minter: IriMinter) -> URIRef:
    return URIRef(f"{minter.base}graph/resolution")


def links(store: GraphStore, decisions: list[decided.Decision], tables: Tables | None = None,
          ) -> tuple[list[Link], list[Link]]:
    """The links (joined) and the candidates (proposed) of what the store holds, decisions applied;
    `tables` gives the rows resolution reads (default: its queries run over the store)."""
    tables = tables or StoreTables(store)
    found = person_links(persons(tables)) + meeting_links(meetings(tables))
    verdict = {d.pair: d for d in decisions}
    joined: list[Link] = []
    proposed: list[Link] = []
    for link in found:
        decision = verdict.get((link.a, link.b))
        if decision is not None:
            if decision.verb == "merge":
                joined.append(Link(link.a, link.b, link.kind, 1.0, f"decided: {link.rule}", link.releases))
            continue  # apart: neither joined nor proposed again
        (joined if link.score >= LINK else proposed).append(link)
    known = {(link.a, link.b) for link in found}
    for d in decisions:  # a merge the rules did not propose at all
        if d.verb == "merge" and d.pair not in known:
            rule = "decided" + (f": {d.note}" if d.note else "")
            joined.append(Link(d.pair[0], d.pair[1], "decided", 1.0, rule, ()))
    return sorted(joined, key=_order), sorted(proposed, key=_order)


def _order(link: Link) -> tuple[str, str]:
    return link.a, link.b


def resolution_triples(joined: list[Link], proposed: list[Link], minter: IriMinter) -> list[Triple]:
    out: list[Triple] = []
    for link, kind in [*((j, MG.Link) for j in joined), *((p, MG.Candidate) for p in proposed)]:
        a, b = URIRef(link.a), URIRef(link.b)
        node = minter("link", hashlib.sha256(f"{link.a} {link.b}".encode()).hexdigest()[:16])
        out += [(node, RDF.type, kind), (node, MG.joins, a), (node, MG.joins, b),
                (node, MG.rule, Literal(link.rule)),
                (node, MG.score, Literal(Decimal(str(round(link.score, 2))), datatype=XSD.decimal))]
        out += [(node, PROV.wasDerivedFrom, URIRef(r)) for r in link.releases]
        if kind == MG.Link:
            out += [(a, OWL.sameAs, b), (b, OWL.sameAs, a)]
    return out


def put_resolution(store: GraphStore, minter: IriMinter, decisions: list[decided.Decision],
                   ) -> tuple[int, int]:
    """The resolution graph of what the store holds now, in place of the last one: (links, candidates)."""
    joined, proposed = links(store, decisions)
    store.add_release(resolution_iri(minter), resolution_triples(joined, proposed, minter))
    return len(joined), len(proposed)
