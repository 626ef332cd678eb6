"""build(): determinism, one release's failure isolated, violating releases kept and flagged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rdflib import URIRef

from migragraph import BuildResult, build
from migragraph.extract.extractor import extract
from migragraph.extract.model import Extraction, Meeting, ReleaseInfo, Span
from migragraph.ingest.release import RawRelease
from migragraph.store import GraphStore

from .conftest import DATA

RELEASE = "https://w3id.org/migragraph/id/release/"


def test_same_input_gives_byte_identical_graph(tmp_path: Path) -> None:
    first = build([DATA], tmp_path / "a", progress=False)
    second = build([DATA], tmp_path / "b", progress=False)
    again = build([DATA], tmp_path / "a", progress=False)  # over an earlier build
    trig = (tmp_path / "a" / "graph.trig").read_bytes()
    assert trig == (tmp_path / "b" / "graph.trig").read_bytes()
    assert first.triples == second.triples == again.triples > 0
    assert b"_:" not in trig  # no blank nodes
    # graph.trig holds no build time; build.json does.
    assert "built_at" in json.loads((tmp_path / "a" / "build.json").read_text())


def test_rebuild_with_prune_keeps_only_the_inputs(tmp_path: Path) -> None:
    build([DATA], tmp_path / "out", progress=False)
    kept = build([DATA / "un-sg-zardari-2012.txt"], tmp_path / "out", progress=False)
    # without --prune the others stay; the file given alone is named "un-sg-zardari-2012.txt" now, not
    # "data/un-sg-zardari-2012.txt" (names are relative to the input given): restamped, not extracted
    assert kept.releases == 8 and kept.changes.restamped == 1
    pruned = build([DATA / "un-sg-zardari-2012.txt"], tmp_path / "out", progress=False, prune=True)
    assert (pruned.changes.removed, pruned.changes.unchanged, pruned.releases) == (7, 1, 1)
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        assert store.release_graphs() == [URIRef(RELEASE + "un-sg-zardari-2012")]


def test_build_json_and_counts(built: BuildResult) -> None:
    summary = json.loads((built.out / "build.json").read_text())
    assert summary["releases"] == built.releases == 8
    assert summary["errors"] == []
    assert summary["triples"] == built.triples
    # Three counts, each labelled: the release graphs', every named graph's (what export writes), and
    # the distinct triples of their union (what SPARQL and the home page count) (issue #17).
    assert summary["quads"] == built.quads > summary["triples"] > summary["union_triples"] > 0
    with GraphStore(built.out / "store", read_only=True) as store:
        assert sum(1 for _ in store.sorted_quads()) == built.quads
        assert sum(1 for _ in store.quads(None)) == built.union_triples
    assert set(summary["counts"]) == {
        "organisations",
        "persons",
        "posts",
        "meetings",
        "frameworks",
        "funding",
    }
    assert summary["counts"] == built.counts and built.counts["organisations"] > 0
    assert summary["version"] == built.version
    for name in ("graph.trig", "validation.ttl", "graph.html", "store"):
        assert (built.out / name).exists(), name


def test_same_key_from_two_files_gets_two_graphs(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(DATA / "un-sg-zardari-2012.txt", tmp_path / folder)
    with (tmp_path / "b" / "un-sg-zardari-2012.txt").open("a", encoding="utf-8") as other:
        other.write("\nAnother text under the same name.\n")  # the same text twice is one release
    result = build([tmp_path / "a", tmp_path / "b"], tmp_path / "out", progress=False)
    assert result.releases == 2
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        graphs = [str(g) for g in store.release_graphs()]
    assert graphs[0] == RELEASE + "un-sg-zardari-2012"
    assert (
        len(graphs) == 2
        and graphs[1].startswith(RELEASE + "un-sg-zardari-2012-")
        and len(graphs[1]) == len(graphs[0]) + 9
    )


def test_an_exception_in_one_release_is_one_error(tmp_path: Path) -> None:
    def flaky(release: RawRelease) -> Extraction:
        if release.key == "pg-a2ff94a1ac4a":
            raise RuntimeError("the extractor tripped")
        return extract(release)

    result = build([DATA / "releases.jsonl"], tmp_path / "out", extractor=flaky, progress=False)
    assert result.releases == 1
    assert [(e.source, e.reason) for e in result.errors] == [
        (
            f"{DATA / 'releases.jsonl'}:2",
            "cannot extract or map this release: RuntimeError: the extractor tripped",
        )
    ]
    assert not result.ok


def test_violating_release_is_kept_and_flagged(tmp_path: Path) -> None:
    def no_participants(release: RawRelease) -> Extraction:
        info = ReleaseInfo(title=release.title)
        return Extraction(
            info=info, meetings=[Meeting("A meeting nobody attended", Span(0, 7, release.text[:7]))]
        )

    result = build(
        [DATA / "un-sg-zardari-2012.txt"], tmp_path / "out", extractor=no_participants, progress=False
    )
    assert result.releases == 1 and result.errors == []
    assert not result.validation.conforms and not result.ok
    assert result.validation.flagged_releases == [RELEASE + "un-sg-zardari-2012"]
    summary = json.loads((tmp_path / "out" / "build.json").read_text())
    assert summary["validation"]["flagged_releases"] == [RELEASE + "un-sg-zardari-2012"]
    report = (tmp_path / "out" / "validation.ttl").read_text()
    assert "MinCountConstraintComponent" in report and "participant" in report
    assert RELEASE + "un-sg-zardari-2012" in report
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        assert store.named_graphs() == [URIRef(RELEASE + "un-sg-zardari-2012")]


def test_both_engines_give_one_verdict(tmp_path: Path) -> None:
    shacl = build([DATA], tmp_path / "a", shacl_engine="shacl", progress=False)
    reference = build([DATA], tmp_path / "b", shacl_engine="pyshacl", progress=False)
    assert shacl.releases == reference.releases == 8
    assert shacl.validation.conforms == reference.validation.conforms
    assert [(v.focus, v.path, v.constraint, v.severity) for v in shacl.validation.violations] == [
        (v.focus, v.path, v.constraint, v.severity) for v in reference.validation.violations]
    assert (tmp_path / "a" / "graph.trig").read_bytes() == (tmp_path / "b" / "graph.trig").read_bytes()
