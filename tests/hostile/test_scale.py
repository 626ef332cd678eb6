"""Validation at scale (validate/parallel.py): release graphs validated in worker processes give the
report one process gives, plus the one thing single graphs miss, a conflict between releases; a few
graphs are validated without starting a process."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import ORG, SDO, SH, SKOS

from migragraph import workers
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import map_release
from migragraph.store.terms import nquads, to_ox_quads
from migragraph.validate import parallel
from migragraph.validate.crossrelease import cross_release, project
from migragraph.validate.parallel import validate_nquads, validate_parallel
from migragraph.validate.shacl import load_shapes, validate_graphs
from migragraph.vocab import MG

from ..conftest import SHAPES


def _releases(release: RawRelease, extraction: Extraction, minter: IriMinter, n: int) -> list[Graph]:
    return [map_release(replace(release, key=f"release-{i}"), extraction, minter, "0.1.0") for i in range(n)]


def _conflicting(release: RawRelease, extraction: Extraction, minter: IriMinter) -> list[Graph]:
    """release-0, and release-renamed that gives IOM another preferred name."""
    other = copy.deepcopy(extraction)
    other.organisations["iom"].name = "IOM, the UN Migration Agency"
    renamed = map_release(replace(release, key="release-renamed"), other, minter, "0.1.0")
    return [*_releases(release, extraction, minter, 1), renamed]


def test_the_union_sees_only_preferred_names_and_the_organisations_of_posts(graph: Graph,
                                                                            minter: IriMinter) -> None:
    # Decided (validate/crossrelease.py): the constraints more releases can break (sh:maxCount ...) on nodes
    # minted from names or content. In the worked example: organisations' skos:prefLabel, posts'
    # org:postIn, and a funding's donor, recipient, amount and year (minted from them since 0.3.0).
    reads = cross_release(load_shapes()).reads
    projected = project(graph, reads, minter)
    assert {(p, o) if p == RDF.type else p for _, p, o in projected} == {
        (RDF.type, ORG.Organization), SKOS.prefLabel, (RDF.type, ORG.Post), ORG.postIn,
        (RDF.type, MG.Funding), SDO.funder, MG.recipient, SDO.amount, MG.year,
        (RDF.type, SDO.MonetaryAmount), SDO.value, SDO.currency}
    funding = {str(s) for s, p, _ in projected if p == SDO.funder}
    assert len(funding) == 1
    orgs = {str(minter("org", k)) for k in ("eu", "iom", "european-commission", "dg-home")}
    post = str(minter("post", "iom", "Director General", "amy-pope"))
    assert {str(s) for s, _, _ in projected} == orgs | {post} | funding | {f"{f}#amount" for f in funding}


@pytest.mark.parametrize("engine", ["shacl", "pyshacl"])
def test_graphs_in_workers_report_what_one_process_reports(monkeypatch: pytest.MonkeyPatch,
                                                           engine: str) -> None:
    graphs = [Graph(identifier=URIRef(f"https://w3id.org/migragraph/id/release/{path.stem}")).parse(path)
              for path in sorted(SHAPES.glob("*.ttl"))]
    monkeypatch.setattr(parallel, "WORKERS_FROM", 1)
    report = validate_parallel(graphs, jobs=2, engine=engine)
    expected = validate_graphs(graphs, engine_name=engine)
    assert not report.conforms and report.conforms == expected.conforms
    assert [(v.focus, v.shape, v.constraint, v.releases) for v in report.violations] == [
        (v.focus, v.shape, v.constraint, v.releases) for v in expected.violations]
    assert len(report.violations) >= 11
    assert len(set(report.graph.subjects(RDF.type, SH.ValidationReport))) == 1


def test_a_conflict_between_releases_is_found(release: RawRelease, extraction: Extraction,
                                            minter: IriMinter) -> None:
    # Two releases give IOM two preferred names: each graph alone conforms; the union's projection does not.
    graphs = _conflicting(release, extraction, minter)
    assert validate_graphs(graphs).conforms
    report = validate_parallel(graphs, jobs=2)
    assert not report.conforms
    (violation,) = report.violations
    assert (violation.focus, violation.path, violation.constraint) == (
        str(minter("org", "iom")), str(SKOS.prefLabel), "MaxCountConstraintComponent")
    assert violation.releases == tuple(str(minter("release", k)) for k in ("release-0", "release-renamed"))
    assert report.flagged_releases == list(violation.releases)


def test_a_few_graphs_are_validated_in_process(release: RawRelease, extraction: Extraction, minter: IriMinter,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started for a few graphs")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    report = validate_parallel(_releases(release, extraction, minter, 4), jobs=2)
    assert report.conforms and report.violations == []


@pytest.mark.parametrize("engine", ["shacl", "pyshacl"])
def test_shapes_are_read_from_the_folder_given(tmp_path: Path, release: RawRelease, extraction: Extraction,
                                               minter: IriMinter, engine: str) -> None:
    (tmp_path / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix org: <http://www.w3.org/ns/org#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetClass org:Organization ; "
        "sh:property [ sh:path org:identifier ; sh:minCount 1 ] .\n", encoding="utf-8")
    graphs = _releases(release, extraction, minter, 1)
    report = validate_parallel(graphs, shapes_folder=tmp_path, engine=engine)
    assert {v.shape for v in report.violations} == {"urn:shape"} and len(report.violations) == 4


def test_graphs_given_as_nquads_are_parsed_by_the_workers(release: RawRelease, extraction: Extraction,
                                                          minter: IriMinter,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # As a store hands them over: the main process converts no term, the report is the same.
    graphs = _conflicting(release, extraction, minter)
    monkeypatch.setattr(parallel, "WORKERS_FROM", 1)
    written = [(str(g.identifier), ox.serialize(to_ox_quads(URIRef(str(g.identifier)), g),
                                                format=ox.RdfFormat.N_QUADS) or b"") for g in graphs]
    report = validate_nquads(written, jobs=2)
    expected = validate_parallel(graphs, jobs=1)
    assert [(v.focus, v.constraint, v.releases) for v in report.violations] == [
        (v.focus, v.constraint, v.releases) for v in expected.violations] != []
    assert nquads(URIRef(written[0][0]), graphs[0]).triples == len(graphs[0])
