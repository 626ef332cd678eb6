"""SHACL validation of release graphs into a typed report, with either engine (validate/engines.py).

Every shape holds within one release's named graph (map/mapper.py types and labels every node a
release describes), so each release graph is validated on its own: its results depend on its content
alone, which lets a build remember them per release (validate/outcomes.py). The few constraints that
more releases can break together are checked on their union apart (validate/crossrelease.py).

The report graph (validation.ttl) is written from the results, the same way whichever engine found
them, with blank nodes named by position: the same results give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.errors import ConfigError, ShapeError
from migragraph.resources import data_dir
from migragraph.validate.engines import DEFAULT_ENGINE, Violation, engine, validate_rdflib
from migragraph.validate.rdf import parse_rdf
from migragraph.vocab import MG

__all__ = ["ValidationReport", "Violation", "load_shapes", "merge_reports", "report_graph", "validate_graphs"]


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def flagged_releases(self) -> list[str]:
        """The release graphs holding a node that breaks a shape with severity Violation."""
        return sorted({r for v in self.violations if v.severity == "Violation" for r in v.releases})

    @cached_property
    def graph(self) -> Graph:
        """The sh:ValidationReport, for validation.ttl."""
        return report_graph(self.conforms, self.violations)


def load_shapes(folder: Path | None = None) -> Graph:
    """Every *.ttl of `folder` (default: the packaged shapes/), as one graph, read once per process."""
    return _load_shapes(folder or data_dir("shapes"))


@cache
def _load_shapes(folder: Path) -> Graph:
    shapes = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ShapeError(f"no shapes (*.ttl) in {folder}; reinstall migragraph")
    for path in files:
        try:
            shapes += parse_rdf(path)
        except ConfigError as exc:
            raise ShapeError(f"cannot read the shapes file: {exc}") from None
    return shapes


def validate_graphs(graphs: Sequence[Graph], shapes: Graph | None = None,
                    engine_name: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate release graphs (each with its release IRI as identifier), each on its own."""
    shapes = shapes if shapes is not None else load_shapes()
    checker = engine(engine_name, shapes) if engine_name != "pyshacl" else None
    reports = []
    for graph in graphs:
        release = (str(graph.identifier),)
        if checker is None:  # pyshacl reads the rdflib graph as it is
            conforms, found = validate_rdflib(graph, shapes)
        else:
            conforms, found = checker.validate(ntriples_of(graph))
        reports.append(ValidationReport(conforms, sort_violations(with_releases(found, release))))
    return merge_reports(reports)


def with_releases(violations: Iterable[Violation], releases: tuple[str, ...]) -> list[Violation]:
    from dataclasses import replace

    return [replace(v, releases=releases) for v in violations]


def sort_violations(violations: Iterable[Violation]) -> list[Violation]:
    return sorted(violations, key=lambda v: (v.releases, v.focus, v.path or "", v.constraint, v.shape,
                                             v.value or "", v.message))


def merge_reports(reports: Sequence[ValidationReport]) -> ValidationReport:
    """One report out of the reports of several graphs (or of the cross-release check)."""
    return ValidationReport(all(r.conforms for r in reports), [v for r in reports for v in r.violations])


def report_graph(conforms: bool, violations: Sequence[Violation]) -> Graph:
    """One sh:ValidationReport with a sh:ValidationResult a violation; rdfs:seeAlso points readers at the
    release graphs the focus node is in (SHACL has no term for that)."""
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("mg", MG._NS)
    top = BNode("report")
    graph.add((top, RDF.type, SH.ValidationReport))
    graph.add((top, SH.conforms, Literal(conforms)))
    for index, v in enumerate(violations):
        result = BNode(f"result{index}")
        graph.add((top, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.focusNode, _node(v.focus)))
        if v.path:
            graph.add((result, SH.resultPath, _node(v.path)))
        if v.value is not None:
            graph.add((result, SH.value, _value(v)))
        graph.add((result, SH.resultSeverity, SH[v.severity]))
        graph.add((result, SH.sourceConstraintComponent, SH[v.constraint]))
        if v.shape:
            graph.add((result, SH.sourceShape, _node(v.shape)))
        if v.message:
            graph.add((result, SH.resultMessage, Literal(v.message)))
        for release in v.releases:
            graph.add((result, RDFS.seeAlso, URIRef(release)))
    return graph


def _node(text: str) -> Node:
    return BNode(text[2:]) if text.startswith("_:") else URIRef(text)


def _value(v: Violation) -> Node:
    """The offending value as the term it was (an IRI or a typed literal), when the engine said so."""
    from migragraph.store.terms import to_rdflib

    if v.value_term:
        try:
            (quad,) = ox.parse(f"<urn:x> <urn:x> {v.value_term} .".encode(), format=ox.RdfFormat.N_TRIPLES)
            return to_rdflib(quad.object)
        except (SyntaxError, ValueError):
            pass
    return Literal(v.value)


def ntriples_of(graph: Graph) -> str:
    """An rdflib graph as N-Triples text (what the engines read)."""
    from migragraph.store.terms import nquads

    written = nquads(URIRef("urn:x"), graph)
    return "".join(line + " .\n" for line in written.union)
