"""The W3C formats of SELECT results, written from a list of solutions.

Oxigraph serialises a result only as the whole iterator it returned; the endpoint must stop reading at
its row limit first (a `SELECT * { ?s ?p ?o }` over a large store would otherwise be read whole), so
the rows it kept are written here: SPARQL 1.1 Query Results JSON, XML, CSV and TSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = tuple[Term | None, ...]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def write(fmt: str, variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """`rows` (one term or None per variable) in `fmt`: json, xml, csv or tsv."""
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt]
    return writer(variables, rows)


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
                for row in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value not in (_XSD_STRING, _LANG_STRING):
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    parts = [f'<?xml version="1.0"?><sparql xmlns="{_RESULTS_NS}"><head>']
    parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
    parts.append("</head><results>")
    for row in rows:
        parts.append("<result>")
        parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                  for v, t in zip(variables, row, strict=True) if t is not None]
        parts.append("</result>")
    parts.append("</results></sparql>")
    return "".join(parts).encode("utf-8")


def _csv_term(term: Term | None) -> str:
    """CSV keeps values only (SPARQL 1.1 CSV/TSV §3.2): an IRI, a literal's lexical form, _:label."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_term(t) for t in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _tsv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """TSV keeps terms whole, in their Turtle/N-Triples form, whose escapes cover tabs and newlines."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
