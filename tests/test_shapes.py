"""The SHACL gate: every shape has a fixture that breaks it and is reported, and one graph conforms.

Violating fixtures are named <Shape>--<ConstraintComponent>.ttl in tests/shapes/.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from pyshacl import validate
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from migragraph.validate.shacl import load_shapes, merge_reports, validate_graphs

from .conftest import SHAPES

MGSH = "https://w3id.org/migragraph/shapes#"
VIOLATING = sorted(p for p in SHAPES.glob("*--*.ttl"))


def _load(path: Path) -> Graph:
    return Graph(identifier=URIRef(f"urn:test:{path.stem}")).parse(path, format="turtle")


def test_every_shape_has_a_violating_fixture() -> None:
    shapes = {str(s)[len(MGSH) :] for s in load_shapes().subjects(RDF.type, SH.NodeShape)}
    assert len(shapes) == 12
    assert {p.stem.split("--")[0] for p in VIOLATING} == shapes
    assert len(VIOLATING) == 12


def test_shapes_are_valid_shacl() -> None:
    shacl_shacl = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"
    conforms, _, text = validate(load_shapes(), shacl_graph=Graph().parse(shacl_shacl, format="turtle"))
    assert conforms, text


def test_conforming_fixture_conforms() -> None:
    report = validate_graphs([_load(SHAPES / "conforms.ttl")])
    assert report.conforms
    assert report.violations == []


@pytest.mark.parametrize("path", VIOLATING, ids=[p.stem for p in VIOLATING])
def test_violating_fixture_is_reported(path: Path) -> None:
    shape, component = path.stem.split("--")
    data = _load(path)
    report = validate_graphs([data])
    assert not report.conforms
    assert {v.shape for v in report.violations} == {MGSH + shape}
    assert component in {v.constraint for v in report.violations}
    # The report says which release graph holds the node at fault, in the typed report and in the graph.
    assert all(v.releases == (str(data.identifier),) for v in report.violations)
    assert report.flagged_releases == [str(data.identifier)]
    results = list(report.graph.subjects(RDF.type, SH.ValidationResult))
    assert len(results) == len(report.violations)
    assert all(report.graph.value(r, SH.resultSeverity) == SH.Violation for r in results)


def test_evidence_start_must_be_before_end() -> None:
    report = validate_graphs([_load(SHAPES / "EvidenceShape--LessThanConstraintComponent.ttl")])
    (v,) = report.violations
    assert v.path == "https://w3id.org/migragraph/ns#startOffset"
    assert v.focus == "https://w3id.org/migragraph/id/evidence-10-10"


def test_batches_merge_into_one_report() -> None:
    good, bad = _load(SHAPES / "conforms.ttl"), _load(SHAPES / "PlaceShape--MinCountConstraintComponent.ttl")
    merged = merge_reports([validate_graphs([good]), validate_graphs([bad])])
    assert not merged.conforms
    assert merged.flagged_releases == [str(bad.identifier)]
    assert len(list(merged.graph.subjects(RDF.type, SH.ValidationReport))) == 1
    assert len(list(merged.graph.subjects(RDF.type, SH.ValidationResult))) == 1
