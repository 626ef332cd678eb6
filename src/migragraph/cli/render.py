"""Terminal rendering of query results and IRIs: compact prefixed names, aligned columns."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from migragraph.map import Triple
from migragraph.map.iris import DEFAULT_BASE
from migragraph.map.prefixes import prefixes
from migragraph.store.graphstore import Solutions

_MAX_CELL = 80
SHORTENED = "; … marks what is shortened: --format csv, tsv or json gives everything"


def short(iri: str | None, base: str = DEFAULT_BASE) -> str:
    """`iri` as prefix:name when a known namespace holds it, else in full."""
    if iri is None:
        return ""
    best = ("", "")
    for name, namespace in prefixes(base).items():
        if iri.startswith(namespace) and len(namespace) > len(best[1]):
            best = (name, namespace)
    rest = iri[len(best[1]):]
    return f"{best[0]}:{rest}" if best[0] and rest and "/" not in rest and "#" not in rest else iri


def cell(term: Node | None, base: str) -> str:
    """`term` on one line, whole (an IRI as prefix:name where it can be)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return short(str(term), base)
    text = str(term) if isinstance(term, Literal) else term.n3()
    return " ".join(text.split())  # one line a row, whatever the literal holds


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def render_query(result: Solutions | bool | list[Triple], base: str = DEFAULT_BASE) -> str:
    """A SELECT as an aligned table with its row count (values longer than _MAX_CELL shortened, which the
    count line then says), an ASK as true/false, triples one a line."""
    if isinstance(result, bool):
        return "true\n" if result else "false\n"
    if isinstance(result, list):
        return "".join(" ".join(cell(t, base) for t in triple) + " .\n" for triple in result)
    whole = [[cell(t, base) for t in row] for row in result.rows]
    rows = [[_clip(c) for c in row] for row in whole]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    said = SHORTENED if rows != whole else ""
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{said})")
    return "\n".join(lines) + "\n"
