"""The gazetteer's own named graph: what migragraph knows of the organisations a build mentions,
beyond what the releases say (full names, acronyms, the parents up to the top, Wikidata identities).

It is kept apart from the release graphs on purpose: a release that names IOM does not say that IOM
is a related organisation of the UN, and a researcher asking "what did the releases state?" queries
the release graphs alone. Queries that want the hierarchy read both.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, SKOS

from migragraph.extract.gazetteer import OrgEntry, load
from migragraph.map.iris import IriMinter
from migragraph.map.keys import add_name_keys
from migragraph.map.prefixes import bind_all

_WIKIDATA = "http://www.wikidata.org/entity/"


def reference_iri(minter: IriMinter) -> URIRef:
    return URIRef(f"{minter.base}graph/gazetteer")


def reference_graph(org_keys: Iterable[str], minter: IriMinter) -> Graph:
    """Gazetteer facts about the organisations with these keys and all their ancestors."""
    gaz = load()
    g = bind_all(Graph(identifier=reference_iri(minter)), minter.base)
    seen: set[str] = set()
    todo = sorted(k for k in set(org_keys) if k in gaz.orgs)
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        entry = gaz.orgs[key]
        _describe(g, entry, minter)
        if entry.parent:
            todo.append(entry.parent)
    add_name_keys(g, minter)
    return g


def _describe(g: Graph, entry: OrgEntry, minter: IriMinter) -> None:
    iri = minter("org", entry.key)
    g.add((iri, RDF.type, ORG.Organization))
    if entry.unit:
        g.add((iri, RDF.type, ORG.OrganizationalUnit))
    g.add((iri, RDFS.label, Literal(entry.name)))
    g.add((iri, SKOS.prefLabel, Literal(entry.name)))
    for alias in sorted(set(entry.aliases)):
        if alias != entry.name and not alias.startswith(("the ", "The ")):
            g.add((iri, SKOS.altLabel, Literal(alias)))
    if entry.parent:
        g.add((iri, ORG.subOrganizationOf, minter("org", entry.parent)))
    if entry.wikidata:
        g.add((iri, OWL.sameAs, URIRef(_WIKIDATA + entry.wikidata)))
    for former in entry.formerly:
        # A renamed body is one organisation: its former names are names of it, dated; an IRI published
        # under a former key stays resolvable.
        g.add((iri, SKOS.altLabel, Literal(former.name)))
        g.add((iri, SKOS.historyNote, Literal(f"Named {former.name} until {former.until}.")))
        if former.key:
            g.add((minter("org", former.key), OWL.sameAs, iri))
