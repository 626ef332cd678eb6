"""Reading RDF files (shapes, the ontology, any RDF a user hands over) without reaching out or blowing up.

rdflib's parsers are not safe for that: its JSON-LD parser downloads a remote ``@context``, and its
RDF/XML parser (expat) expands a billion-laughs document for minutes. pyoxigraph's parsers open no
connection (JSON-LD with a remote context fails, as no document loader is given), but its RDF/XML
parser expands internal entities too (10^9 "lol"s took 9 GB). So every file is parsed by
pyoxigraph, and RDF/XML that declares a DTD (``<!DOCTYPE``/``<!ENTITY``: external entities, XXE,
billion laughs) is refused before any parser sees it. The result is an rdflib Graph, as pyshacl needs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from migragraph.errors import ConfigError, StoreError
from migragraph.store.terms import to_rdflib

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
}
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)\b", re.IGNORECASE)


class UnsafeRdfError(ConfigError):
    """An RDF document refused unread: it would make the parser fetch, read files or expand without end."""


def parse_rdf(source: Path | bytes, rdf_format: ox.RdfFormat | None = None, *,
              name: str | None = None) -> Graph:
    """The triples of an RDF file (format from its extension unless given) or of bytes (`rdf_format`
    required), as one rdflib Graph; named graphs of TriG and N-Quads are merged.

    Raises UnsafeRdfError for RDF/XML with a DTD, ConfigError for anything else it cannot read (a remote
    JSON-LD context is one: it is never fetched)."""
    where = name or (str(source) if isinstance(source, Path) else "the RDF document")
    if isinstance(source, Path):
        rdf_format = rdf_format or FORMATS.get(source.suffix.lower())
        if rdf_format is None:
            raise ConfigError(f"{where}: unknown RDF format; give one of {', '.join(sorted(FORMATS))}")
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read {where}: {exc.strerror or exc}") from None
    else:
        data = source
    if rdf_format is None:
        raise ConfigError(f"{where}: say which RDF format the bytes are in")
    if rdf_format == ox.RdfFormat.RDF_XML and _DTD.search(data):
        raise UnsafeRdfError(f"{where}: RDF/XML with a DTD (<!DOCTYPE>/<!ENTITY>) is refused: its entities "
                             "could read local files, fetch URLs or expand without bound (XXE, billion "
                             "laughs); remove the DTD and write the values out")
    graph = Graph()
    try:
        for quad in ox.parse(data, format=rdf_format):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    except (SyntaxError, ValueError, StoreError) as exc:
        hint = " (a remote @context is never fetched: inline it)" if "remote context" in str(exc) else ""
        raise ConfigError(f"cannot read {where}: {exc}{hint}") from None
    return graph
