"""Releases extracted, mapped, written and validated in worker processes (`--jobs`): the output is the
same bytes whatever the number of workers, and the extractor is made once in each worker, from a
factory, never in the build's own process."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import migragraph.pipeline as pipeline
from migragraph.cli.main import cli
from migragraph.pipeline import build

from .conftest import DATA
from .corpus import write_jsonl

MADE_IN = "MIGRAGRAPH_TEST_FACTORY_LOG"


def noted_extractor() -> object:
    """An extractor factory (picklable: a module-level function) that notes the process it runs in."""
    from migragraph.extract.extractor import extract

    with open(os.environ[MADE_IN], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return extract


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jobs") / "in"
    shutil.copytree(DATA, folder)
    write_jsonl(folder / "synthetic.jsonl", 40, seed=4)
    return folder


def _summary(out: Path) -> dict[str, object]:
    summary: dict[str, object] = json.loads((out / "build.json").read_text(encoding="utf-8"))
    for varying in ("built_at", "seconds", "stages"):
        summary.pop(varying)
    return summary


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_output_is_the_same_bytes_whatever_the_jobs(inputs: Path, tmp_path: Path, jobs: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    one = build([inputs], tmp_path / "one", jobs=1, extraction="rules", progress=False)
    monkeypatch.setattr(pipeline, "WORKERS_FROM", 1)  # a few releases go to the workers all the same
    monkeypatch.setenv(MADE_IN, str(tmp_path / "made-in.log"))
    many = build([inputs], tmp_path / "many", jobs=jobs, extraction="rules",
                 extractor_factory=noted_extractor, progress=False)
    assert many.releases == one.releases >= 45 and many.errors == one.errors
    for name in ("graph.trig", "validation.ttl", "graph.html"):
        assert (tmp_path / "many" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert _summary(tmp_path / "many") == _summary(tmp_path / "one")
    made_in = (tmp_path / "made-in.log").read_text(encoding="utf-8").split()
    # Once a worker: as many factories as workers (or fewer, when some worker got nothing), none here.
    assert 1 <= len(made_in) <= jobs and len(set(made_in)) == len(made_in)
    assert str(os.getpid()) not in made_in


def test_migragraph_build_jobs(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build([inputs], tmp_path / "one", jobs=1, progress=False)
    monkeypatch.setattr(pipeline, "WORKERS_FROM", 1)
    result = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(tmp_path / "two"), "--jobs", "2"])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "two" / "graph.trig").read_bytes() == (tmp_path / "one" / "graph.trig").read_bytes()
    refused = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(tmp_path / "x"), "--jobs", "0"])
    assert refused.exit_code == 2 and "Invalid value for '--jobs' / '-j'" in refused.stderr
