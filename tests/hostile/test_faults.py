"""Faults at each stage: a file that vanishes between being found and being read, a broken link, an
extractor that raises on one release, a mapper that raises, a validation worker that dies. Each costs
at most the one release it hits, which is named; nothing else is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from migragraph.extract.extractor import extract
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.ingest.sources import discover, read_inputs

from .corpus import DATA, GOOD, Built, build_beside, refused


def test_a_file_that_vanishes_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def vanish(self: Path) -> bytes:
        if self.name == "gone.txt":
            self.unlink()
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanish)
    built = build_beside(tmp_path, "gone.txt", GOOD.read_text(encoding="utf-8").replace("Zardari", "Z."))
    refused(built, "gone.txt", "No such file or directory")


def test_a_broken_link_in_a_folder_is_named(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    (tmp_path / "readout.html").symlink_to(tmp_path / "moved-away.html")
    files, errors = discover([tmp_path])
    assert files == [tmp_path / GOOD.name]
    assert [(e.source, e.reason) for e in errors] == [
        (str(tmp_path / "readout.html"), f"a broken link (to {tmp_path / 'moved-away.html'})")]
    assert len(read_inputs([tmp_path]).releases) == 1


def test_an_extractor_that_raises_on_one_release(tmp_path: Path) -> None:
    def fragile(release: RawRelease) -> Extraction:
        if "Fidan" in release.text:
            raise RuntimeError("the rules tripped")
        return extract(release)

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("list.json", GOOD.name):
        shutil.copy(DATA / name, inputs / name)
    from migragraph.pipeline import build

    result = build([inputs], tmp_path / "out", extractor=fragile, progress=False)
    built = Built(result, inputs, tmp_path / "out")
    assert [(e.source, e.reason) for e in result.errors] == [
        (f"{inputs / 'list.json'}[0]", "cannot extract or map this release: RuntimeError: the rules tripped")]
    assert built.sources() == sorted([f"{inputs / 'list.json'}[1]", str(inputs / GOOD.name)])


def test_a_mapper_that_raises_on_one_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import migragraph.stages as stages

    real = stages.release_triples

    def fragile(release: RawRelease, *args: Any) -> Any:
        if "Gigauri" in release.text:
            raise ValueError("an IRI the store refuses")
        return real(release, *args)

    monkeypatch.setattr(stages, "release_triples", fragile)
    built = build_beside(tmp_path, "list.json", (DATA / "list.json").read_bytes())
    assert [(e.source, e.reason) for e in built.result.errors] == [
        (f"{built.inputs / 'list.json'}[1]",
         "cannot extract or map this release: ValueError: an IRI the store refuses")]
    assert f"{built.inputs / 'list.json'}[0]" in built.sources()


def die_in_a_worker(item: Any) -> Any:
    """Stands in for validate/parallel.py's check_nquads: kills a worker process outright (as the
    kernel's OOM killer would), and does the real work when called in the main process."""
    import multiprocessing

    from migragraph.validate import parallel

    if multiprocessing.parent_process() is not None:
        os._exit(9)
    IN_MAIN.append(item[0])
    return parallel.__dict__["_real_check"](item)


IN_MAIN: list[str] = []


def test_a_validation_worker_that_dies(monkeypatch: pytest.MonkeyPatch) -> None:
    # The graphs of dead workers are validated in the main process: the report is whole.
    from rdflib import Graph

    from migragraph.validate import parallel
    from migragraph.validate.shacl import validate_graphs

    from ..conftest import SHAPES

    graphs = [Graph(identifier=f"https://w3id.org/migragraph/id/release/r{i}").parse(path, format="turtle")
              for i, path in enumerate(sorted(SHAPES.glob("*.ttl")))]
    monkeypatch.setitem(parallel.__dict__, "_real_check", parallel.check_nquads)
    monkeypatch.setattr(parallel, "check_nquads", die_in_a_worker)
    monkeypatch.setattr(parallel, "WORKERS_FROM", 1)
    IN_MAIN.clear()
    report = parallel.validate_parallel(graphs, jobs=2)
    assert IN_MAIN == [str(g.identifier) for g in graphs]  # every one, in order, here
    expected = validate_graphs(graphs)
    assert sorted((v.focus, v.constraint) for v in report.violations) == sorted(
        (v.focus, v.constraint) for v in expected.violations)
    assert len(report.violations) >= 11 and not report.conforms
