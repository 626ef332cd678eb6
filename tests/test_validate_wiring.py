"""Parallel validation wired into the build and `migragraph validate` (validate/parallel.py through
store/validated.py): two releases in different batches that give one organisation two preferred names
break OrganizationShape's sh:maxCount, which no batch sees alone; the conflict is found by a build, by
an incremental build that validates nothing again, and by `migragraph validate`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH, SKOS

from migragraph.cli.main import cli
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.pipeline import BuildResult, build
from migragraph.store import validated
from migragraph.validate import parallel
from migragraph.validate.parallel import ParallelValidator

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
    """From here on, validating a batch (here or in a worker) fails the test."""
    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError("a batch was validated again")

    monkeypatch.setattr(parallel, "_validate_here", refuse)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)


def test_a_conflict_between_batches_is_in_the_build_report(tmp_path: Path, extraction: Extraction,
                                                            minter: IriMinter) -> None:
    inputs = tmp_path / "in"
    _write(inputs, "a", "b")
    # batch_size=1: every release graph is a batch of its own (store/validated.py `batches`).
    result = _build(inputs, tmp_path / "out", _renaming(extraction, "b"), batch_size=1)
    assert _conflicts(result, minter) == [_releases(minter, "a", "b")]
    assert not result.validation.conforms and not result.ok
    assert result.validation.flagged_releases == list(_releases(minter, "a", "b"))
    report = Graph().parse(tmp_path / "out" / "validation.ttl")
    (found,) = [r for r in report.subjects(SH.focusNode, minter("org", "iom"))
                if report.value(r, SH.sourceConstraintComponent) == SH.MaxCountConstraintComponent]
    assert (found, RDF.type, SH.ValidationResult) in report
    assert set(report.objects(found, RDFS.seeAlso)) == {URIRef(r) for r in _releases(minter, "a", "b")}


def test_an_incremental_build_finds_it_from_the_remembered_batches(
        tmp_path: Path, extraction: Extraction, minter: IriMinter, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "a", "b")
    extractor = _renaming(extraction, "b")
    first = _build(inputs, out, extractor, batch_size=1)
    remembered = {p.name for p in (out / ".validation").iterdir()}
    with monkeypatch.context() as patched:
        _validating_nothing(patched)
        again = _build(inputs, out, extractor, batch_size=1)
    assert {p.name for p in (out / ".validation").iterdir()} == remembered
    assert _conflicts(again, minter) == [_releases(minter, "a", "b")]
    assert again.validation.violations == first.validation.violations

    # A third release, with IOM's usual name: its batch is validated, and the resolution graph's, which
    # now links its meeting to the same meeting of a and b (resolve/); the conflict between the two
    # remembered batches is still found, and the report is the one a build from scratch gives.
    _write(inputs, "c")
    validated: list[list[str]] = []
    real = parallel.ParallelValidator.add_batch

    def counted(self: parallel.ParallelValidator, graphs: parallel.Batch, *rest: Any) -> Any:
        validated.append([name for name, _ in graphs])
        return real(self, graphs, *rest)

    monkeypatch.setattr(parallel.ParallelValidator, "add_batch", counted)
    grown = _build(inputs, out, extractor, batch_size=1)
    assert sorted(validated) == [[str(minter("graph", "resolution"))], list(_releases(minter, "c"))]
    assert _conflicts(grown, minter) == [_releases(minter, "a", "b")]
    monkeypatch.undo()
    scratch = _build(inputs, tmp_path / "scratch", extractor, batch_size=1)
    assert grown.validation.violations == scratch.validation.violations
    assert (out / "validation.ttl").read_bytes() == (tmp_path / "scratch" / "validation.ttl").read_bytes()


def test_a_small_build_starts_no_worker(tmp_path: Path, extraction: Extraction, minter: IriMinter,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two releases and the gazetteer's graph: three batches' worth of nothing, validated in this process,
    # and the conflict between the releases is found there.
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started for a small build")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    _write(tmp_path / "in", "a", "b")
    result = _build(tmp_path / "in", tmp_path / "out", _renaming(extraction, "b"))
    assert _conflicts(result, minter) == [_releases(minter, "a", "b")]


@pytest.fixture
def conflicting(tmp_path: Path, extraction: Extraction) -> Path:
    _write(tmp_path / "in", "a", "b")
    _build(tmp_path / "in", tmp_path / "out", _renaming(extraction, "b"), batch_size=1)
    return tmp_path / "out"


@pytest.mark.parametrize("batch_size", [None, 1], ids=["one-batch", "batch-a-graph"])
def test_migragraph_validate_exits_1_naming_both_releases(conflicting: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           batch_size: int | None) -> None:
    if batch_size is not None:  # every graph a batch of its own: only the check of the union sees it
        def small(**options: Any) -> ParallelValidator:
            return ParallelValidator(**{**options, "batch_size": batch_size})
        monkeypatch.setattr(validated, "ParallelValidator", small)
    result = CliRunner().invoke(cli, ["validate", str(conflicting), "--report", str(tmp_path / "r.ttl")],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert " break the shapes, 1 result(s)" in result.stdout
    # Validated whole, the result names every graph IOM is in (the gazetteer's too); checked on the
    # union of batches, the releases that stated its names. Either way, both releases.
    (line,) = [ln for ln in result.stdout.splitlines() if "skos:prefLabel" in ln]
    assert line.startswith("  violation: release:a, release:b") and "organisation:iom skos:prefLabel:" in line
    assert "sh:MaxCountConstraintComponent" in (tmp_path / "r.ttl").read_text(encoding="utf-8")
