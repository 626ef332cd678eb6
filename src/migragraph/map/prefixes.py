"""The prefixes every serialisation of a migragraph graph uses, so files read the same everywhere."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from migragraph.vocab import MG

# Kinds of IRI the minter makes (see map/iris.py). The organisation kind is not called `org:`,
# which is W3C ORG's customary prefix: one name for two namespaces would misread files.
_KINDS = {"organisation": "org", "release": "release", "person": "person", "role": "role", "post": "post",
          "place": "place", "meeting": "meeting", "framework": "framework", "funding": "funding",
          "activity": "activity", "agent": "agent", "link": "link"}


def vocab_prefixes() -> dict[str, str]:
    """The vocabularies' prefixes: what SPARQL queries of the store may use without declaring."""
    return {"mg": str(MG._NS), "org": str(ORG), "foaf": str(FOAF), "schema": str(SDO), "skos": str(SKOS),
            "dcterms": str(DCTERMS), "prov": str(PROV), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS),
            "xsd": str(XSD)}


def prefixes(base: str) -> dict[str, str]:
    """Prefix name -> namespace, vocabularies first, then one per kind of IRI under `base`."""
    out = vocab_prefixes()
    out.update({name: f"{base}{kind}/" for name, kind in _KINDS.items()})
    return out


def bind_all(graph: Graph, base: str) -> Graph:
    for name, namespace in prefixes(base).items():
        graph.bind(name, namespace, override=True, replace=True)
    return graph
