"""Incremental builds: only new and changed releases are extracted, a changed release's graph is
replaced, --prune removes releases whose source is gone, shared entities and the gazetteer graph stay
consistent, and the result is byte for byte the graph a build from scratch gives."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef

from migragraph.errors import StoreError
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.pipeline import BuildResult, build
from migragraph.store import GraphStore, Solutions
from migragraph.validate.outcomes import ReleaseChecker

from .corpus import RELEASE, Noting, assert_union_invariant, records, triples_of, write_jsonl, write_releases

GAZETTEER = "https://w3id.org/migragraph/id/graph/gazetteer"
ORG = "https://w3id.org/migragraph/id/org/"


def _build(inputs: Path, out: Path, noting: Noting | None = None, **options: object) -> BuildResult:
    return build([inputs], out, extractor=noting, progress=False, **options)  # type: ignore[arg-type]


def _changes(out: Path) -> dict[str, int]:
    changes: dict[str, int] = json.loads((out / "build.json").read_text())["changes"]
    return changes


def _rows(store: GraphStore, sparql: str) -> list[tuple[str, ...]]:
    answer = store.query(sparql)
    assert isinstance(answer, Solutions)
    return [tuple(str(v) for v in row) for row in answer.rows]


def test_add_change_remove_rebuilds_exactly_those(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    files = write_releases(inputs, 6)
    noting = Noting()
    _build(inputs, out, noting)
    assert sorted(noting.keys) == [f"release-{i:03d}" for i in range(6)]

    changed_text = files[1].read_text(encoding="utf-8") + "\n\nThe partners agreed to meet again next year."
    files[1].write_text(changed_text, encoding="utf-8")
    files[4].unlink()
    write_releases(inputs, 2, seed=1, start=6)
    noting.keys.clear()
    result = _build(inputs, out, noting, prune=True)

    assert sorted(noting.keys) == ["release-001", "release-006", "release-007"]
    assert _changes(out) == {"added": 2, "changed": 1, "restamped": 0, "unchanged": 4, "removed": 1}
    assert result.releases == 7 and json.loads((out / "build.json").read_text())["releases"] == 7
    with GraphStore(out / "store", read_only=True) as store:
        assert [str(g) for g in store.release_graphs()] == [
            f"{RELEASE}release-{i:03d}" for i in (0, 1, 2, 3, 5, 6, 7)]
        # The union holds the changed release's new text only, and nothing of the removed release.
        text = _rows(store, f"SELECT ?t WHERE {{ <{RELEASE}release-001> schema:text ?t }}")
        assert text == [(changed_text,)]
        assert store.query(f"ASK {{ <{RELEASE}release-004> ?p ?o }}") is False
        assert_union_invariant(store)
    scratch = tmp_path / "scratch"
    _build(inputs, scratch)
    assert (out / "graph.trig").read_bytes() == (scratch / "graph.trig").read_bytes()
    assert (out / "graph.html").read_bytes() == (scratch / "graph.html").read_bytes()  # rows remembered
    assert json.loads((out / "build.json").read_text())["counts"] == json.loads(
        (scratch / "build.json").read_text())["counts"]


def test_an_unchanged_folder_is_not_extracted_again(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 4)
    _build(inputs, out)
    trig, report = (out / "graph.trig").read_bytes(), (out / "validation.ttl").read_text()
    noting = Noting()
    again = _build(inputs, out, noting)
    assert noting.keys == []
    assert _changes(out) == {"added": 0, "changed": 0, "restamped": 0, "unchanged": 4, "removed": 0}
    assert again.releases == 4 and again.triples > 0
    assert (out / "graph.trig").read_bytes() == trig
    assert (out / "validation.ttl").read_text().count("sh:conforms") == report.count("sh:conforms") == 1


def test_touched_appended_and_edited_sources_redo_only_the_records_that_changed(tmp_path: Path) -> None:
    """A release is its content, not its file's time: a file touched, or a JSON Lines file rewritten in
    place with two more records and one record edited, redoes the edited and the new records only."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_jsonl(inputs / "feed.jsonl", 3)
    write_releases(inputs, 2, seed=2)
    _build(inputs, out)
    lines = (inputs / "feed.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    grown = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(5))
    edited = json.loads(lines[1])
    edited["text"] += " The partners agreed to meet again next year."
    grown_lines = grown.splitlines(keepends=True)
    grown_lines[1] = json.dumps(edited, ensure_ascii=False) + "\n"
    (inputs / "feed.jsonl").write_text("".join(grown_lines), encoding="utf-8")
    later = os.stat(inputs / "release-000.txt").st_mtime + 3600
    for path in (inputs / "feed.jsonl", inputs / "release-000.txt"):
        os.utime(path, (later, later))
    noting = Noting()
    _build(inputs, out, noting)
    assert sorted(noting.keys) == ["feed-2", "feed-4", "feed-5"]
    assert _changes(out) == {"added": 2, "changed": 1, "restamped": 0, "unchanged": 4, "removed": 0}
    with GraphStore(out / "store", read_only=True) as store:
        assert store.query("ASK { ?file dcterms:modified ?m }") is False  # no file time in any graph
        assert_union_invariant(store)
    _build(inputs, tmp_path / "scratch")
    assert (out / "graph.trig").read_bytes() == (tmp_path / "scratch" / "graph.trig").read_bytes()


def test_a_moved_file_is_restamped_not_extracted(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 3)
    _build(inputs, out)
    (inputs / "release-001.txt").rename(inputs / "moved.txt")  # another key: a new release
    (inputs / "sub").mkdir()
    (inputs / "release-002.txt").rename(inputs / "sub" / "release-002.txt")  # the same key, another file
    noting = Noting()
    _build(inputs, out, noting, prune=True)
    assert noting.keys == ["moved"]
    assert _changes(out) == {"added": 1, "changed": 0, "restamped": 1, "unchanged": 1, "removed": 1}
    _build(inputs, tmp_path / "scratch")
    assert (out / "graph.trig").read_bytes() == (tmp_path / "scratch" / "graph.trig").read_bytes()


def test_a_store_of_0_2_0_with_file_times_is_restamped_once(tmp_path: Path) -> None:
    """0.2.0 wrote each file's modification time into the graphs of its releases; the next build
    rewrites those statements without it (no extraction), and the one after does nothing."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 3)
    _build(inputs, out)
    with GraphStore(out / "store") as store:
        for graph in store.release_graphs():
            stamp = "'2024-01-01T00:00:00Z'^^xsd:dateTime"
            store.backend.update(
                "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#> "
                "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
                f"INSERT {{ GRAPH <{graph}> {{ ?f dcterms:modified {stamp} }} }} "
                f"WHERE {{ GRAPH <{graph}> {{ <{graph}> prov:wasDerivedFrom ?f }} }}")
    (out / ".state.sqlite").unlink()  # 0.2.0 kept none
    noting = Noting()
    _build(inputs, out, noting)
    assert noting.keys == [] and _changes(out)["restamped"] == 3
    _build(inputs, out, noting)
    assert noting.keys == [] and _changes(out)["unchanged"] == 3
    _build(inputs, tmp_path / "scratch")
    assert (out / "graph.trig").read_bytes() == (tmp_path / "scratch" / "graph.trig").read_bytes()


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


A = ("Geneva, 3 March 2024 – IOM Director General Amy Pope met with the Minister for Foreign Affairs of "
     "Ghana, Kwame Mensah, in Geneva today to discuss labour mobility.\n\nThe meeting was hosted by the "
     "Directorate-General for Migration and Home Affairs (DG HOME).")
B = ("Nairobi, 5 May 2024 – IOM Director General Amy Pope held talks with the UN High Commissioner for "
     "Refugees, Filippo Grandi, in Nairobi on displacement in the region.")
A2 = ("Geneva, 3 March 2024 – IOM Deputy Director General Ugochi Daniels met with the Minister for Foreign "
      "Affairs of Ghana, Kwame Mensah, in Geneva today to discuss labour mobility.")


def test_shared_entities_and_the_gazetteer_graph_stay_consistent(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "a.txt", A)
    _write(inputs, "b.txt", B)
    _build(inputs, out)
    with GraphStore(out / "store", read_only=True) as store:
        reference = {s for s, _, _ in triples_of(store, GAZETTEER)}
        assert {f"<{ORG}iom>", f"<{ORG}dg-home>", f"<{ORG}european-commission>", f"<{ORG}unhcr>",
                f"<{ORG}un>"} <= reference

    _write(inputs, "a.txt", A2)  # A no longer names Amy Pope nor DG HOME; B still names Amy Pope
    _build(inputs, out)
    with GraphStore(out / "store", read_only=True) as store:
        assert_union_invariant(store)
        pope = _rows(store, "SELECT ?g WHERE { GRAPH ?g { ?p foaf:name 'Amy Pope' } }")
        assert pope == [(f"{RELEASE}b",)]
        assert store.query("ASK { ?p foaf:name 'Amy Pope' }") is True  # in the union still
        assert store.query("ASK { ?p foaf:name 'Ugochi Daniels' }") is True
        reference = {s for s, _, _ in triples_of(store, GAZETTEER)}
        assert f"<{ORG}dg-home>" not in reference and f"<{ORG}european-commission>" not in reference
        assert f"<{ORG}unhcr>" in reference and f"<{ORG}iom>" in reference

    (inputs / "b.txt").unlink()
    _build(inputs, out, prune=True)
    with GraphStore(out / "store", read_only=True) as store:
        assert_union_invariant(store)
        assert store.query("ASK { ?p foaf:name 'Amy Pope' }") is False
        assert store.query(f"ASK {{ <{ORG}iom> skos:prefLabel ?l }}") is True  # A still names IOM
        reference = {s for s, _, _ in triples_of(store, GAZETTEER)}
        assert f"<{ORG}unhcr>" not in reference and f"<{ORG}un>" not in reference
    _build(inputs, tmp_path / "scratch")
    assert (out / "graph.trig").read_bytes() == (tmp_path / "scratch" / "graph.trig").read_bytes()


def test_a_changed_release_that_fails_loses_its_old_graph(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    files = write_releases(inputs, 3)
    _build(inputs, out)
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\n\nOne more sentence.", encoding="utf-8")

    def failing(release: RawRelease) -> Extraction:
        raise RuntimeError("the extractor tripped")

    result = _build(inputs, out, failing)  # type: ignore[arg-type]
    assert [e.source for e in result.errors] == [str(files[2])]
    assert _changes(out)["removed"] == 1 and result.releases == 2
    with GraphStore(out / "store", read_only=True) as store:
        assert URIRef(f"{RELEASE}release-002") not in store.release_graphs()
        assert store.query(f"ASK {{ <{RELEASE}release-002> ?p ?o }}") is False
    assert _build(inputs, out).releases == 3


def test_another_base_iri_is_refused(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 1)
    _build(inputs, out)
    with pytest.raises(StoreError, match="another base IRI .*release/release-000"):
        _build(inputs, out, base="https://example.org/kg/")


def test_the_memory_store_builds_incrementally_from_graph_trig(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_releases(inputs, 3)
    _build(inputs, tmp_path / "mem", store="memory")
    assert not (tmp_path / "mem" / "store").exists()
    write_releases(inputs, 1, seed=3, start=3)
    noting = Noting()
    result = _build(inputs, tmp_path / "mem", noting)  # build.json remembers the memory store
    assert noting.keys == ["release-003"] and result.store == "memory"
    _build(inputs, tmp_path / "disk")
    assert (tmp_path / "mem" / "graph.trig").read_bytes() == (tmp_path / "disk" / "graph.trig").read_bytes()
    with GraphStore(tmp_path / "mem" / "store", read_only=True) as store:  # read through build.json
        assert len(store.release_graphs()) == 4
        assert store.query(f"ASK {{ <{RELEASE}release-003> a mg:Release }}") is True
        labels = store.query("SELECT ?l WHERE { ?o a org:Organization ; skos:prefLabel ?l } LIMIT 1")
        assert isinstance(labels, Solutions) and isinstance(labels.rows[0][0], Literal)


def _some_break_a_shape(release: RawRelease) -> Extraction:
    """The real extraction, with the meetings of every third release left without participants."""
    from migragraph.extract.extractor import extract

    found = extract(release)
    if int(release.key[-1]) % 3 == 0:
        for meeting in found.meetings:
            meeting.participants.clear()
    return found


def _validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graphs validated in this process from here on."""
    seen: list[str] = []
    real = ReleaseChecker.check

    def counted(self: ReleaseChecker, release: str, *rest: Any) -> Any:
        seen.append(release)
        return real(self, release, *rest)

    monkeypatch.setattr(ReleaseChecker, "check", counted)
    return seen


def test_validation_reuses_the_outcomes_of_unchanged_releases(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 12)
    _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    write_releases(inputs, 1, seed=9, start=12)
    validated = _validated(monkeypatch)
    result = _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    # The new release, and the gazetteer's graph if the new release names another organisation.
    assert validated[0] == f"{RELEASE}release-012" and set(validated[1:]) <= {GAZETTEER}
    validated.clear()
    again = _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    assert validated == [] and again.validation.violations == result.validation.violations
    monkeypatch.undo()
    scratch = _build(inputs, tmp_path / "scratch", _some_break_a_shape)  # type: ignore[arg-type]
    assert not result.validation.conforms and result.validation.flagged_releases
    assert result.validation.violations == scratch.validation.violations
    assert (out / "validation.ttl").read_bytes() == (tmp_path / "scratch" / "validation.ttl").read_bytes()
    assert result.validation.flagged_releases == json.loads((out / "build.json").read_text())[
        "validation"]["flagged_releases"]


def test_an_unreadable_remembered_outcome_is_made_again(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 4)
    first = _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    with contextlib.closing(sqlite3.connect(out / ".state.sqlite")) as db, db:
        db.execute("UPDATE outcomes SET violations = '{ not json', projection = 'nor this'")
        db.execute("UPDATE meta SET value = '0' WHERE key = 'clean'")  # the files must be written again
    again = _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    assert again.validation.violations == first.validation.violations
    with contextlib.closing(sqlite3.connect(out / ".state.sqlite")) as db, db:
        assert all(json.loads(v) is not None for (v,) in db.execute("SELECT violations FROM outcomes"))


def test_a_state_file_that_is_no_database_is_made_again(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 2)
    first = _build(inputs, out)
    (out / ".state.sqlite").write_bytes(b"not a database at all" * 100)
    noting = Noting()
    again = _build(inputs, out, noting)
    assert noting.keys == [] and again.releases == first.releases == 2  # read from the store instead
    assert again.validation.violations == first.validation.violations


def test_another_shacl_engine_validates_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 3)
    first = _build(inputs, out, _some_break_a_shape)  # type: ignore[arg-type]
    validated = _validated(monkeypatch)
    again = _build(inputs, out, _some_break_a_shape, shacl_engine="pyshacl")  # type: ignore[arg-type]
    assert sorted(validated) == sorted([f"{RELEASE}release-{i:03d}" for i in range(3)] + [GAZETTEER])
    assert [(v.focus, v.path, v.constraint) for v in again.validation.violations] == [
        (v.focus, v.path, v.constraint) for v in first.validation.violations] != []


def test_a_release_that_failed_is_read_again_and_named_again(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_jsonl(inputs / "feed.jsonl", 4)

    def failing(release: RawRelease) -> Extraction:
        if release.key == "feed-3":
            raise RuntimeError("the extractor tripped")
        return Noting()(release)

    for _ in range(2):  # the second build reads the failed record again (it is not recalled) and fails it
        result = _build(inputs, out, failing)  # type: ignore[arg-type]
        assert [e.source for e in result.errors] == [f"{inputs / 'feed.jsonl'}:3"] and result.releases == 3
