"""Content negotiation: which representation of a result a client asked for.

A client says what it accepts in `Accept` (with q-values, RFC 9110 §12.5.1); SPARQL clients such as
SPARQLWrapper also send `format=json` or `output=json` as the endpoint of their choice expects, and
browsers can only follow links, so a short `format` name overrides the header.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Representation:
    name: str          # the short name: json, xml, csv, tsv, ttl, nt, jsonld, rdf, html
    media_type: str    # what the response says it is
    also: tuple[str, ...] = ()  # other media types a client may ask for it by


HTML = Representation("html", "text/html; charset=utf-8", ("application/xhtml+xml",))
PLAIN = Representation("text", "text/plain; charset=utf-8")  # messages, for programs

# SELECT and ASK results: the W3C formats, and HTML for people.
SOLUTIONS = (
    Representation("json", "application/sparql-results+json", ("application/json",)),
    Representation("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Representation("csv", "text/csv; charset=utf-8"),
    Representation("tsv", "text/tab-separated-values; charset=utf-8"),
    HTML,
)
# CONSTRUCT and DESCRIBE results, entity documents, the ontology and VoID.
GRAPHS = (
    Representation("ttl", "text/turtle; charset=utf-8", ("application/x-turtle",)),
    Representation("nt", "application/n-triples", ("text/plain",)),
    Representation("jsonld", "application/ld+json", ("application/json",)),
    Representation("rdf", "application/rdf+xml", ("application/xml", "text/xml")),
    HTML,
)
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
               "rdf": ox.RdfFormat.RDF_XML}
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
# What `format=` may say, as SPARQL clients spell it, -> short name (per kind where it differs).
_ALIASES = {"turtle": "ttl", "text/turtle": "ttl", "n-triples": "nt", "ntriples": "nt", "json-ld": "jsonld",
            "rdfxml": "rdf", "rdf+xml": "rdf", "application/sparql-results+json": "json",
            "application/sparql-results+xml": "xml", "text/csv": "csv", "text/tab-separated-values": "tsv",
            "application/ld+json": "jsonld", "application/n-triples": "nt", "text/html": "html"}
_FOR_GRAPHS = {"json": "jsonld", "xml": "rdf"}  # format=json on a CONSTRUCT means its JSON form


class NotAcceptableError(Exception):
    """None of the representations on offer is acceptable to the client (HTTP 406)."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges and their q-values, in the order given; a missing header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(rep: Representation, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q-value the client gives `rep`, by the most specific range that matches it, and that
    specificity (2 exact, 1 type/*, 0 */*)."""
    best: tuple[int, float] = (-1, 0.0)
    types = (rep.media_type.split(";")[0], *rep.also)
    for media_range, q in ranges:
        for media_type in types:
            major = media_type.split("/")[0]
            specificity = 2 if media_range == media_type else 1 if media_range == f"{major}/*" else \
                0 if media_range == "*/*" else -1
            if specificity > best[0]:
                best = (specificity, q)
    return best[1], best[0]


def choose(offers: tuple[Representation, ...], accept: str | None, fmt: str | None = None,
           graphs: bool = False) -> Representation:
    """The representation to send: `fmt` when given, else the one the client prefers, ties going to the
    earlier offer. Raises NotAcceptableError when the client accepts none."""
    if fmt:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        name = _FOR_GRAPHS.get(name, name) if graphs else name
        for rep in offers:
            if rep.name == name:
                return rep
        raise NotAcceptableError(f"format={fmt!r} is not offered here; offered: "
                            + ", ".join(r.name for r in offers))
    ranges = parse_accept(accept)
    scored = [(_quality(rep, ranges), -index, rep) for index, rep in enumerate(offers)]
    (q, _), _, rep = max(scored, key=lambda item: (item[0][0], item[1]))
    if q <= 0:
        raise NotAcceptableError(f"no representation matches Accept: {accept}; offered: "
                            + ", ".join(r.media_type.split(";")[0] for r in offers))
    return rep


def prefers_html(accept: str | None, fmt: str | None = None) -> bool:
    """Whether a client would rather have a page than plain text (browsers, and format=html)."""
    try:
        return choose((PLAIN, HTML), accept, fmt) is HTML
    except NotAcceptableError:
        return False
