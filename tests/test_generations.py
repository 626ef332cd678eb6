"""Published generations of the store (store/generations.py): what readers open, and what is kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import URIRef

from migragraph.cli.main import cli
from migragraph.pipeline import build
from migragraph.store.generations import CURRENT, FOLDER, current_name, hold, publish, remove_unused
from migragraph.store.graphstore import GraphStore

DATA = Path(__file__).parent / "data"
RELEASES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a mg:Release } }"
STRAY = URIRef("https://w3id.org/migragraph/id/release/written-but-not-published")


def listing(out: Path) -> list[str]:
    return sorted(p.name for p in (out / FOLDER).iterdir())


def releases(out: Path) -> int:
    result = CliRunner().invoke(cli, ["query", str(out), RELEASES, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return int(result.stdout.split()[1])


def test_each_build_publishes_and_keeps_only_what_is_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([DATA / "un-sg-zardari-2012.txt"], out, progress=False)
    assert listing(out) == ["1", "1.lock", CURRENT] and current_name(out) == "1"
    summary = json.loads((out / "build.json").read_text())
    assert json.loads((out / FOLDER / "1" / "build.json").read_text()) == summary
    with GraphStore(out / "store", read_only=True) as reader:  # holds generation 1
        assert reader.location == str(out / FOLDER / "1" / "store")
        build([DATA], out, progress=False)
        build([DATA], out, progress=False)
        assert listing(out) == ["1", "1.lock", "3", "3.lock", CURRENT]  # 2 was read by no one
        assert len(reader.release_graphs()) == 1  # still the first build's graph
    assert remove_unused(out) == ["1"]
    assert listing(out) == ["3", "3.lock", CURRENT]
    with GraphStore(out / "store", read_only=True) as reader:
        assert releases(out) == len(reader.release_graphs()) > 1


def test_readers_never_see_the_store_being_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([DATA], out, progress=False)
    before = releases(out)
    with GraphStore(out / "store") as writing:  # as a build does, before it publishes
        writing.add_release(STRAY, [(STRAY, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                     URIRef("https://w3id.org/migragraph/ns#Release"))])
        assert releases(out) == before
    assert releases(out) == before  # written, not published: a killed build's store is not read
    assert publish(out) == "2"
    assert releases(out) == before + 1


def test_a_publish_cut_short_is_cleared_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([DATA], out, progress=False)
    (out / FOLDER / ".2.partial" / "store").mkdir(parents=True)  # killed during the checkpoint
    (out / FOLDER / f".{CURRENT}.partial").write_text("2")  # killed while CURRENT was being replaced
    shutil.copytree(out / FOLDER / "1", out / FOLDER / "2")  # killed after the rename, before CURRENT
    (out / FOLDER / "2.lock").touch()
    lease = hold(out)
    assert lease is not None and lease.name == "1"  # CURRENT decides, not what lies in the folder
    lease.close()
    build([DATA], out, progress=False)
    assert listing(out) == ["3", "3.lock", CURRENT]


def test_a_folder_without_generations_is_read_as_before(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([DATA], out, progress=False)
    shutil.rmtree(out / FOLDER)  # as 0.2.0 left it
    assert hold(out) is None
    with GraphStore(out / "store", read_only=True) as reader:
        assert reader.location == str(out / "store") and reader.release_graphs()
    build([DATA], out, progress=False)
    assert current_name(out) == "1"
