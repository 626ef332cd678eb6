"""SHACL validation of release graphs with pyshacl, into a typed report.

Every shape holds within one release's named graph, so a batch of releases is validated as the union
of its graphs, on in-memory rdflib graphs (pyshacl over the pyoxigraph store is ~80x slower).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.errors import ConfigError, ShapeError
from migragraph.resources import data_dir
from migragraph.validate.rdf import parse_rdf
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


def validate_graphs(graphs: Sequence[Graph], shapes: Graph | None = None) -> ValidationReport:
    """Validate one batch of release graphs (each with its release IRI as identifier) together."""
    union = Graph()
    for g in graphs:
        union += g

    def releases_of(focus: Node) -> tuple[str, ...]:
        return tuple(str(g.identifier) for g in graphs if (focus, None, None) in g)

    return validate_union(union, releases_of, shapes)


def validate_union(union: Graph, releases_of: Callable[[Node], tuple[str, ...]],
                   shapes: Graph | None = None) -> ValidationReport:
    """Validate the union of a batch of release graphs; `releases_of(node)` names the release graphs
    a focus node is described in (validation workers build the union alone, without a graph a release)."""
    shapes = shapes if shapes is not None else load_shapes()
    try:
        # do_owl_imports=False (pyshacl's default, made explicit): an owl:imports in the shapes or in a
        # release graph must never make validation fetch a URL.
        conforms, results, _ = pyshacl_validate(union, shacl_graph=shapes, inference="none", advanced=False,
                                                allow_warnings=True, abort_on_first=False, meta_shacl=False,
                                                do_owl_imports=False)
    except Exception as exc:  # pyshacl's own errors carry no common base worth naming
        raise ShapeError(f"pyshacl could not run the shapes: {exc}") from None
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        found = violation(result, results, shapes, releases_of)
        violations.append(found)
        # SHACL has no term for "the graph the focus node is in"; rdfs:seeAlso points readers of
        # validation.ttl at the release to look at.
        for release in found.releases:
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


def violation(result: Node, results: Graph, shapes: Graph,
              releases_of: Callable[[Node], tuple[str, ...]] | None = None) -> Violation:
    """The sh:ValidationResult `result` of `results` as a Violation; `releases_of` names the releases
    its focus node is in."""
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
    )


def _node_shape(source: Node | None, shapes: Graph) -> str:
    """The named node shape a result came from; a property shape is a blank node inside one."""
    if source is None:
        return ""
    if isinstance(source, URIRef):
        return str(source)
    owner = next(iter(shapes.subjects(SH.property, source)), None)
    return str(owner) if owner is not None else str(source)
