"""Validation wired into the build (validate/outcomes.py) and `migragraph validate` (store/validated.py):
two releases that give one organisation two preferred names break OrganizationShape's sh:maxCount,
which neither release graph breaks alone; the conflict is found by a build, by an incremental build
that validates nothing again, after a change elsewhere (which checks only the nodes it touches), and
by `migragraph validate`; a change that ends the conflict ends the result."""

from __future__ import annotations

import contextlib
import copy
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH, SKOS

from migragraph import workers
from migragraph.cli.main import cli
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.pipeline import BuildResult, build
from migragraph.validate.outcomes import CrossChecker, ReleaseChecker

from .conftest import TEXT

RENAMED = "IOM, the UN Migration Agency"


def _write(folder: Path, *keys: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for key in keys:  # texts differ (the same text twice is built once), spans stay those of TEXT
        (folder / f"{key}.txt").write_text(f"{TEXT}\nRelease {key}.", encoding="utf-8")


def _renaming(extraction: Extraction, renamed_in: str) -> Callable[[RawRelease], Extraction]:
    """The hand-made extraction for every release; release `renamed_in` names IOM otherwise."""
    def extractor(release: RawRelease) -> Extraction:
        found = copy.deepcopy(extraction)
        if release.key == renamed_in:
            found.organisations["iom"].name = RENAMED
        return found
    return extractor


def _build(inputs: Path, out: Path, extractor: Callable[[RawRelease], Extraction],
           **options: Any) -> BuildResult:
    return build([inputs], out, extractor=extractor, progress=False, **options)


def _conflicts(result: BuildResult, minter: IriMinter) -> list[tuple[str, ...]]:
    """The releases named by each sh:maxCount result on IOM's skos:prefLabel."""
    return [v.releases for v in result.validation.violations
            if (v.focus, v.path, v.constraint) == (str(minter("org", "iom")), str(SKOS.prefLabel),
                                                   "MaxCountConstraintComponent")]


def _releases(minter: IriMinter, *keys: str) -> tuple[str, ...]:
    return tuple(str(minter("release", key)) for key in keys)


def _validating_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, validating a release or checking the union (or starting workers) fails the test."""
    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError("something was validated again")

    monkeypatch.setattr(ReleaseChecker, "check", refuse)
    monkeypatch.setattr(CrossChecker, "check", refuse)
    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)


def test_a_conflict_between_releases_is_in_the_build_report(tmp_path: Path, extraction: Extraction,
                                                              minter: IriMinter) -> None:
    inputs = tmp_path / "in"
    _write(inputs, "a", "b")
    result = _build(inputs, tmp_path / "out", _renaming(extraction, "b"))
    assert _conflicts(result, minter) == [_releases(minter, "a", "b")]
    assert not result.validation.conforms and not result.ok
    assert result.validation.flagged_releases == list(_releases(minter, "a", "b"))
    report = Graph().parse(tmp_path / "out" / "validation.ttl")
    (found,) = [r for r in report.subjects(SH.focusNode, minter("org", "iom"))
                if report.value(r, SH.sourceConstraintComponent) == SH.MaxCountConstraintComponent]
    assert (found, RDF.type, SH.ValidationResult) in report
    assert set(report.objects(found, RDFS.seeAlso)) == {URIRef(r) for r in _releases(minter, "a", "b")}


def test_an_incremental_build_finds_it_from_the_remembered_outcomes(
        tmp_path: Path, extraction: Extraction, minter: IriMinter, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "a", "b")
    extractor = _renaming(extraction, "b")
    first = _build(inputs, out, extractor)
    with monkeypatch.context() as patched:
        _validating_nothing(patched)
        again = _build(inputs, out, extractor)
    assert _conflicts(again, minter) == [_releases(minter, "a", "b")]
    assert again.validation.violations == first.validation.violations

    # A third release, with IOM's usual name: it alone is validated, with the resolution graph, which now
    # links its meeting to the same meeting of a and b (resolve/); the union is checked again only on the
    # nodes it states, and the report is the one a build from scratch gives.
    _write(inputs, "c")
    validated: list[str] = []
    crossed: list[set[str]] = []
    check, cross = ReleaseChecker.check, CrossChecker.check

    def counted(self: ReleaseChecker, release: str, *rest: Any) -> Any:
        validated.append(release)
        return check(self, release, *rest)

    def counted_cross(self: CrossChecker, rows: Any) -> Any:
        crossed.append({graph for graph, *_ in rows})
        return cross(self, rows)

    monkeypatch.setattr(ReleaseChecker, "check", counted)
    monkeypatch.setattr(CrossChecker, "check", counted_cross)
    grown = _build(inputs, out, extractor)
    assert sorted(validated) == [str(minter("graph", "resolution")), str(minter("release", "c"))]
    # The rows read are the triples of the nodes c states, each once with the first release stating it
    # (c states nothing a did not), read from the state, not from the store.
    assert crossed == [set(_releases(minter, "a", "b"))]
    assert _conflicts(grown, minter) == [_releases(minter, "a", "b")]
    monkeypatch.undo()
    scratch = _build(inputs, tmp_path / "scratch", extractor)
    assert grown.validation.violations == scratch.validation.violations
    assert (out / "validation.ttl").read_bytes() == (tmp_path / "scratch" / "validation.ttl").read_bytes()


def test_a_change_that_ends_the_conflict_ends_the_result(tmp_path: Path, extraction: Extraction,
                                                          minter: IriMinter) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "a", "b")
    assert _conflicts(_build(inputs, out, _renaming(extraction, "b")), minter)
    healed = _build(inputs, out, _renaming(extraction, "nobody"), rebuild=True)
    assert _conflicts(healed, minter) == [] and healed.validation.conforms
    with contextlib.closing(sqlite3.connect(out / ".state.sqlite")) as db, db:
        assert db.execute("SELECT COUNT(*) FROM crossed").fetchone() == (0,)


def test_a_small_build_starts_no_worker(tmp_path: Path, extraction: Extraction, minter: IriMinter,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started for a small build")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    _write(tmp_path / "in", "a", "b")
    result = _build(tmp_path / "in", tmp_path / "out", _renaming(extraction, "b"))
    assert _conflicts(result, minter) == [_releases(minter, "a", "b")]


@pytest.fixture
def conflicting(tmp_path: Path, extraction: Extraction) -> Path:
    _write(tmp_path / "in", "a", "b")
    _build(tmp_path / "in", tmp_path / "out", _renaming(extraction, "b"))
    return tmp_path / "out"


@pytest.mark.parametrize("engine", ["shacl", "pyshacl"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_migragraph_validate_exits_1_naming_both_releases(conflicting: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, engine: str,
                                                           jobs: str) -> None:
    from migragraph.validate import parallel

    monkeypatch.setattr(parallel, "WORKERS_FROM", 1)  # with --jobs 2, the graphs go to two workers
    result = CliRunner().invoke(cli, ["validate", str(conflicting), "--report", str(tmp_path / "r.ttl"),
                                      "--shacl-engine", engine, "--jobs", jobs], catch_exceptions=False)
    assert result.exit_code == 1
    assert " break the shapes, 1 result(s)" in result.stdout
    (line,) = [ln for ln in result.stdout.splitlines() if "skos:prefLabel" in ln]
    assert line.startswith("  violation: release:a, release:b") and "organisation:iom skos:prefLabel:" in line
    assert "sh:MaxCountConstraintComponent" in (tmp_path / "r.ttl").read_text(encoding="utf-8")
