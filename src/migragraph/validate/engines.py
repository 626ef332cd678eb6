"""The two SHACL engines a graph can be validated with, behind one call: N-Triples in, Violations out.

    shacl    the `shacl` package (a compiled engine, Rust): the default. On one release graph it takes
             ~0.15 ms where pyshacl takes ~7 ms (50x), and on a whole graph of 10k releases 1.4 s
             against 48 s; it releases the GIL while it runs.
    pyshacl  the reference implementation, selectable (`--shacl-engine pyshacl`); tests/test_engines.py
             runs both on every shape test graph and on graphs that break the shapes in thousands of
             places, and requires the same results (focus node, path, constraint component, severity).

Messages are each engine's own: pyshacl writes one for every result, `shacl` only when a shape
gives sh:message, so a result without one gets a short text naming the constraint it breaks.
Neither engine is given inference, and neither reads an owl:imports: no URL is ever fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.errors import ConfigError, ShapeError

ENGINES = ("shacl", "pyshacl")
DEFAULT_ENGINE = "shacl"


@dataclass(frozen=True)
class Violation:
    """One sh:ValidationResult. IRIs are given in full; `releases` are the graphs the focus node is in."""

    focus: str
    path: str | None
    message: str
    severity: str  # Violation, Warning or Info
    shape: str  # the node shape whose constraint failed
    constraint: str  # the SHACL constraint component, e.g. MinCountConstraintComponent
    value: str | None = None
    releases: tuple[str, ...] = ()
    value_term: str | None = None  # the value in N-Triples syntax: an IRI, or a literal with its datatype


class Engine(Protocol):
    name: str

    def validate(self, ntriples: str) -> tuple[bool, list[Violation]]:
        """(conforms, results) of the graph written as N-Triples; `releases` left empty."""
        ...


def engine(name: str, shapes: Graph) -> Engine:
    """The engine called `name` (ENGINES), with `shapes` compiled once."""
    if name == "shacl":
        return ShaclEngine(shapes)
    if name == "pyshacl":
        return PyshaclEngine(shapes)
    raise ConfigError(f"unknown SHACL engine {name!r}; use one of: {', '.join(ENGINES)}")


class ShaclEngine:
    name = "shacl"

    def __init__(self, shapes: Graph) -> None:
        try:
            import shacl
        except ImportError as exc:  # pragma: no cover - a dependency of migragraph
            raise ShapeError(f"the shacl engine cannot be loaded ({exc}); reinstall migragraph, "
                             "or use --shacl-engine pyshacl") from None
        text = _ntriples(shapes)
        try:
            self._shapes = shacl.Shapes.from_text(text, format="ntriples")
        except ValueError as exc:
            raise ShapeError(f"the shacl engine cannot read the shapes: {exc}") from None

    def validate(self, ntriples: str) -> tuple[bool, list[Violation]]:
        try:
            report = self._shapes.validate_text(ntriples, format="ntriples", allow_warnings=True)
        except ValueError as exc:
            raise ShapeError(f"the shacl engine could not run the shapes: {exc}") from None
        found = []
        for r in report.results:
            found.append(Violation(
                focus=_plain(r.focus_node), path=None if r.path is None else _plain(r.path),
                message=r.message or _message(r.component, r.value_plain), severity=r.severity,
                shape=_plain(r.root_shape or r.source_shape or ""), constraint=r.component,
                value=r.value_plain, value_term=r.value))
        return bool(report.conforms), found


class PyshaclEngine:
    name = "pyshacl"

    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes

    def validate(self, ntriples: str) -> tuple[bool, list[Violation]]:
        data = Graph(bind_namespaces="none")
        data.parse(data=ntriples, format="nt")
        return validate_rdflib(data, self._shapes)


def validate_rdflib(data: Graph, shapes: Graph,
                    releases_of: Callable[[Node], tuple[str, ...]] | None = None,
                    ) -> tuple[bool, list[Violation]]:
    """pyshacl over an rdflib graph: (conforms, results); the report graph is not kept (validation.ttl
    is written from the results, validate/shacl.py)."""
    from pyshacl import validate as pyshacl_validate

    try:
        # do_owl_imports=False (pyshacl's default, made explicit): an owl:imports in the shapes or in a
        # release graph must never make validation fetch a URL.
        conforms, results, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                                allow_warnings=True, abort_on_first=False, meta_shacl=False,
                                                do_owl_imports=False)
    except Exception as exc:  # pyshacl's own errors carry no common base worth naming
        raise ShapeError(f"pyshacl could not run the shapes: {exc}") from None
    found = [_from_pyshacl(result, results, shapes, releases_of)
             for result in results.subjects(RDF.type, SH.ValidationResult)]
    return bool(conforms), found


def _from_pyshacl(result: Node, results: Graph, shapes: Graph,
                  releases_of: Callable[[Node], tuple[str, ...]] | None) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    component = results.value(result, SH.sourceConstraintComponent)
    return Violation(
        focus=str(focus),
        path=None if path is None else str(path),
        message=str(results.value(result, SH.resultMessage) or ""),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        shape=_node_shape(results.value(result, SH.sourceShape), shapes),
        constraint=str(component).rsplit("#", 1)[-1] if component else "",
        value=None if value is None else str(value),
        releases=releases_of(focus) if releases_of is not None and focus is not None else (),
        value_term=None if value is None else value.n3(),
    )


def _node_shape(source: Node | None, shapes: Graph) -> str:
    """The named node shape a result came from; a property shape is a blank node inside one."""
    if source is None:
        return ""
    if isinstance(source, URIRef):
        return str(source)
    owner = next(iter(shapes.subjects(SH.property, source)), None)
    return str(owner) if owner is not None else str(source)


def _plain(term: str) -> str:
    """An N-Triples IRI (`<...>`) as the IRI itself; anything else (a blank node, a path) as written."""
    return term[1:-1] if term.startswith("<") and term.endswith(">") and term.count("<") == 1 else term


def _message(component: str, value: str | None) -> str:
    name = component.removesuffix("ConstraintComponent")
    parameter = f"sh:{name[:1].lower()}{name[1:]}" if name else "a constraint"
    return f"breaks {parameter}" + (f" (value: {value})" if value is not None else "")


def _ntriples(graph: Graph) -> str:
    """An rdflib graph as N-Triples, written by pyoxigraph (no prefixes, one triple a line)."""
    from migragraph.store.terms import to_ox

    triples = []
    for s, p, o in graph:
        subject, predicate, obj = to_ox(s), to_ox(p), to_ox(o)
        triples.append(ox.Triple(subject, predicate, obj))  # type: ignore[arg-type]
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


@cache
def shapes_key(folder: Path) -> str:
    """What a release's results depend on besides its graph: the shapes' files (and the engines'
    versions, which build state keys add)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.ttl")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()
