"""The whole graph, or a query's result, in a standard format, written to a byte stream.

Whole graph (`migragraph export`):
    trig, nq      every named graph (the releases' and the gazetteer's), sorted: same data, same bytes
    jsonld        the same named graphs as JSON-LD with the project's prefixes as @context
    ttl           the default graph: the union of all named graphs (Turtle has no named graphs)
A query's result (`migragraph query --format`):
    csv, tsv, json, xml      SELECT and ASK, the W3C result formats
    ttl, nt, jsonld          CONSTRUCT and DESCRIBE
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.store.graphstore import RESULT_FORMATS, GraphStore
from migragraph.store.jsonld import write_jsonld, write_jsonld_triples

EXPORT_FORMATS = ("ttl", "trig", "nq", "jsonld")
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
ROW_FORMATS = tuple(RESULT_FORMATS)
GRAPH_FORMATS = (*TRIPLE_FORMATS, "jsonld")


def export(store: GraphStore, fmt: str, output: IO[bytes], prefixes: dict[str, str]) -> None:
    """Write the store's graph in `fmt` (one of EXPORT_FORMATS) to `output`."""
    if fmt == "trig":
        store.dump("trig", prefixes, output)
    elif fmt == "nq":
        store.dump("nquads", None, output)
    elif fmt == "jsonld":
        write_jsonld(store.sorted_quads(), prefixes, output)
    elif fmt == "ttl":
        union = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(None))
        ox.serialize(union, output, ox.RdfFormat.TURTLE, prefixes=prefixes)
    else:
        raise StoreError(f"cannot export as {fmt!r}; formats: {', '.join(EXPORT_FORMATS)}")


def write_result(result: ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple], fmt: str,
                 prefixes: dict[str, str], output: IO[bytes]) -> None:
    """A query's result in `fmt`: a W3C results format for rows and booleans, RDF for triples."""
    rows = isinstance(result, ox.QuerySolutions | ox.QueryBoolean)
    if rows and fmt not in RESULT_FORMATS:
        raise StoreError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; this query gives rows "
                         f"(use table, {', '.join(ROW_FORMATS)})")
    if not rows and fmt not in GRAPH_FORMATS:
        raise StoreError(f"--format {fmt} is for SELECT and ASK queries; this query gives triples "
                         f"(use table, {', '.join(GRAPH_FORMATS)})")
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        output.write(result.serialize(format=RESULT_FORMATS[fmt]) or b"")
    elif fmt == "jsonld":
        write_jsonld_triples(result, prefixes, output)
    else:
        ox.serialize(result, output, TRIPLE_FORMATS[fmt], prefixes=prefixes if fmt == "ttl" else None)
