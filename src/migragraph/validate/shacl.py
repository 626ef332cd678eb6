"""SHACL validation of release graphs with pyshacl, into a typed report.

Every shape holds within one release's named graph, so a batch of releases is validated as the union
of its graphs, on in-memory rdflib graphs (pyshacl over the pyoxigraph store is ~80x slower).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.errors import ShapeError
from migragraph.resources import data_dir
from migragraph.vocab import MG

BATCH_SIZE = 500


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


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graph: Graph = field(default_factory=Graph)  # the sh:ValidationReport, for validation.ttl

    @property
    def flagged_releases(self) -> list[str]:
        """The release graphs holding a node that breaks a shape with severity Violation."""
        return sorted({r for v in self.violations if v.severity == "Violation" for r in v.releases})


@cache
def load_shapes() -> Graph:
    """Every *.ttl of the packaged shapes/ folder, as one graph."""
    folder = data_dir("shapes")
    shapes = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ShapeError(f"no shapes (*.ttl) in {folder}; reinstall migragraph")
    for path in files:
        try:
            shapes.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds on bad Turtle; all mean the same here
            raise ShapeError(f"cannot read the shapes file {path}: {exc}") from None
    return shapes


def validate_graphs(graphs: Sequence[Graph], shapes: Graph | None = None) -> ValidationReport:
    """Validate one batch of release graphs (each with its release IRI as identifier) together."""
    shapes = shapes if shapes is not None else load_shapes()
    union = Graph()
    for g in graphs:
        union += g
    try:
        conforms, results, _ = pyshacl_validate(union, shacl_graph=shapes, inference="none", advanced=False,
                                                allow_warnings=True, abort_on_first=False, meta_shacl=False)
    except Exception as exc:  # pyshacl's own errors carry no common base worth naming
        raise ShapeError(f"pyshacl could not run the shapes: {exc}") from None
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violation = _violation(result, results, shapes, graphs)
        violations.append(violation)
        # SHACL has no term for "the graph the focus node is in"; rdfs:seeAlso points readers of
        # validation.ttl at the release to look at.
        for release in violation.releases:
            results.add((result, RDFS.seeAlso, URIRef(release)))
    violations.sort(key=lambda v: (v.releases, v.focus, v.path or "", v.constraint, v.message))
    return ValidationReport(bool(conforms), violations, results)


def validate_batches(graphs: Iterable[Graph], batch_size: int = BATCH_SIZE) -> ValidationReport:
    """Validate release graphs `batch_size` at a time, merged into one report."""
    iterator = iter(graphs)
    reports = []
    while batch := list(islice(iterator, batch_size)):
        reports.append(validate_graphs(batch))
    return merge_reports(reports)


def merge_reports(reports: Sequence[ValidationReport]) -> ValidationReport:
    """One report (one sh:ValidationReport node) out of the reports of several batches."""
    conforms = all(r.conforms for r in reports)
    merged = Graph()
    merged.bind("sh", SH)
    merged.bind("mg", MG._NS)
    top = BNode("report")
    merged.add((top, RDF.type, SH.ValidationReport))
    merged.add((top, SH.conforms, Literal(conforms)))
    for report in reports:
        tops = set(report.graph.subjects(RDF.type, SH.ValidationReport))
        for s, p, o in report.graph:
            if s in tops:
                if p == SH.result:
                    merged.add((top, SH.result, o))
                continue
            merged.add((s, p, o))
    return ValidationReport(conforms, [v for r in reports for v in r.violations], merged)


def _violation(result: Node, results: Graph, shapes: Graph, graphs: Sequence[Graph]) -> Violation:
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
        releases=tuple(str(g.identifier) for g in graphs if focus is not None and (focus, None, None) in g),
    )


def _node_shape(source: Node | None, shapes: Graph) -> str:
    """The named node shape a result came from; a property shape is a blank node inside one."""
    if source is None:
        return ""
    if isinstance(source, URIRef):
        return str(source)
    owner = next(iter(shapes.subjects(SH.property, source)), None)
    return str(owner) if owner is not None else str(source)
