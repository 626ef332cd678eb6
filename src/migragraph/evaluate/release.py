"""The release's own metadata: title, date issued, publisher and Sustainable Development Goals."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from migragraph.evaluate.matching import Gold, Matcher, Tally
from migragraph.evaluate.normalise import norm
from migragraph.evaluate.view import objects_of
from migragraph.vocab import MG

# The UN's SDG identifiers, as the mapper writes them (dcterms:subject <…/sdg/10>).
SDG_BASE = "http://metadata.un.org/sdg/"


def score_release(m: Matcher, tally: Tally, release: Gold | None) -> None:
    if not release:
        return
    nodes = list(m.view.typed(MG.Release))
    title = release.get("title")
    if title:
        ok = any(norm(t) == norm(title) for t in objects_of(m.view, nodes, DCTERMS.title))
        tally.fact("release", ok, "title")
    date = release.get("date")
    if date:
        ok = any(str(d)[:10] == date for d in objects_of(m.view, nodes, DCTERMS.issued))
        tally.fact("release", ok, "issued date")
    publisher = release.get("publisher")
    if publisher:
        ok = any(m.org(o, publisher) for o in objects_of(m.view, nodes, DCTERMS.publisher))
        tally.fact("release", ok, "publisher")
    for sdg in release.get("sdgs", []):
        goal = URIRef(f"{SDG_BASE}{sdg}")
        tally.fact("release", any(m.view.has(r, DCTERMS.subject, goal) for r in nodes), f"SDG {sdg}")
