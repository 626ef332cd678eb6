"""Resolution across releases (issue #14): one entity or event, one node.

The end-to-end tests build tests/resolution-data/releases.jsonl, five short official releases (see
tests/data/README.md): IOM's release of Japan's USD 30.5 million for 2018 as iom.int and ReliefWeb
carry it, IOM's release of Japan's USD 19.9 million for 2022 (the trap: the same donor and recipient,
another year), and the AU Commission's Chairperson written "Moussa Faki Mahamat" (WHO) and "Moussa
Faki Mohamet" (ICMPD). The rule tests use names as real releases write them.
"""

from __future__ import annotations

import json
import marshal
import shutil
import sqlite3
import threading
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV

from migragraph import outputs
from migragraph.analyse.graph import StoreTables
from migragraph.cli.main import cli
from migragraph.errors import ConfigError
from migragraph.pipeline import build
from migragraph.resolve.decisions import Decision, read, record
from migragraph.resolve.entities import MeetingSeen, persons
from migragraph.resolve.rules import CANDIDATE, LINK, meeting_links, name_tokens, person_score
from migragraph.store.graphstore import GraphStore
from migragraph.vocab import MG

from .test_viz import data_set

DATA = Path(__file__).parent / "resolution-data"  # not in tests/data: builds of that folder stay as they are
ID = "https://w3id.org/migragraph/id/"
MAHAMAT, MOHAMET = f"{ID}person/moussa-faki-mahamat", f"{ID}person/moussa-faki-mohamet"
RESOLUTION = URIRef(f"{ID}graph/resolution")


def score(a: str, b: str, same_org: bool = False) -> float:
    return person_score(name_tokens(a), name_tokens(b), same_org)[0]


# ---------------------------------------------------------------------------------------- person rules

def test_names_are_compared_without_honorifics_titles_or_initials() -> None:
    assert name_tokens("H.E. Mrs Amira ElFadil") == ("amira", "elfadil")
    assert name_tokens("Dr. Workineh Gebeyehu Negewo") == ("workineh", "gebeyehu", "negewo")
    assert name_tokens("Antony J. Blinken") == ("antony", "blinken")


@pytest.mark.parametrize(("a", "b", "same_org", "expected"), [
    ("Amira Elfadil", "Amira El Fadil", False, 1.0),  # AU Commissioner, nairametrics.com / icmpd.org
    ("Minata Cessouma Samate", "Minata Samate Cessouma", False, 0.95),  # AUC Commissioner, two reprints
    ("Workneh Gebeyehu", "Workineh Gebeyehu Negewo", True, 0.9),  # igad.int / un.org readout
    ("Workneh Gebeyehu", "Workineh Gebeyehu Negewo", False, 0.7),  # spelt otherwise, no shared body: ask
    ("Moussa Faki Mahamat", "Moussa Faki Mohamed", True, 0.9),
    ("Moussa Faki Mahamat", "Moussa Faki Mohamed", False, 0.7),
    ("William Lacy Swing", "William Swing", False, 0.9),  # the same words, one more
])
def test_person_rules(a: str, b: str, same_org: bool, expected: float) -> None:
    assert score(a, b, same_org) == expected


@pytest.mark.parametrize(("a", "b"), [
    ("Hamid Ahmed", "Syeed Ahamed"),  # near-identical surnames: an Iraqi cabinet secretary, IID's CEO
    ("Moussa Faki Mohamed", "Mohamed Ben Omar"),  # a shared name: the AUC Chairperson, a labour minister
    ("Federica Mogherini", "Josep Borrell"),  # successive High Representatives: the post is not the person
    ("Barack Obama", "Joe Biden"),
    ("Daniel Smith", "Danielle Smith"),  # first names alike, nothing else: at most a candidate
])
def test_different_people_are_never_linked(a: str, b: str) -> None:
    assert score(a, b) < LINK


def test_a_shared_surname_in_one_organisation_is_only_a_candidate() -> None:
    assert CANDIDATE <= score("Fatima Yasmin", "Nasrin Yasmin", same_org=True) < LINK
    assert score("Fatima Yasmin", "Nasrin Yasmin", same_org=False) == 0.0


# ---------------------------------------------------------------------------------------- meeting rules

def meeting(iri: str, day: str, who: set[str], place: str = "", release: str = "") -> MeetingSeen:
    return MeetingSeen(iri, day, {place} if place else set(), who, {release or iri})


def test_meetings_of_one_day_with_two_participants_in_common_are_one() -> None:
    a = meeting("m:a", "2023-12-21", {"org:iom", "org:government-of-pakistan", "person:amy-pope"})
    b = meeting("m:b", "2023-12-21", {"org:iom", "person:amy-pope"})
    other_day = meeting("m:c", "2023-12-22", {"org:iom", "person:amy-pope"})
    [link] = meeting_links([a, b, other_day])
    assert (link.a, link.b, link.score) == ("m:a", "m:b", 0.9)


def test_meetings_sharing_one_participant_need_the_place_and_stay_candidates() -> None:
    a = meeting("m:a", "2019-11-18", {"org:who", "org:au"}, "Geneva")
    b = meeting("m:b", "2019-11-18", {"org:who", "org:unhcr"}, "Geneva")
    c = meeting("m:c", "2019-11-18", {"org:who", "org:ilo"}, "Addis Ababa")
    links = meeting_links([a, b, c])
    assert [(x.a, x.b, x.score) for x in links] == [("m:a", "m:b", 0.7)]


def test_two_meetings_of_one_release_are_never_joined() -> None:
    a = meeting("m:a", "2025-04-04", {"org:eu", "org:iom"}, release="r")
    b = meeting("m:b", "2025-04-04", {"org:eu", "org:iom"}, release="r")
    assert meeting_links([a, b]) == []


# ---------------------------------------------------------------------------------------- decisions file

def test_decisions_are_recorded_once_a_pair_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "decisions.tsv"
    record(path, Decision("merge", MOHAMET, MAHAMAT, "one Chairperson"))
    record(path, Decision("apart", MAHAMAT, MOHAMET))  # the same pair, either order: replaced
    assert read(path) == [Decision("apart", MAHAMAT, MOHAMET)]


def test_a_bad_decision_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "decisions.tsv"
    path.write_text(f"# comment\nmerge\t{MAHAMAT}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{path}:2: not a decision"):
        read(path)


# ---------------------------------------------------------------------------------------- end to end

@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = build([DATA], out)
    assert result.ok, result.errors
    return out


def graphs(out: Path) -> dict[URIRef, Graph]:
    """The named graphs the build stored, each as an rdflib Graph."""
    with GraphStore.open(out, None, read_only=True) as store:
        return {g: store.graph(g) for g in store.named_graphs()}


def union(out: Path) -> Graph:
    every = Graph()
    for graph in graphs(out).values():
        every += graph
    return every


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_japans_2018_contribution_is_one_funding_with_both_releases(built: Path) -> None:
    code, out = invoke("query", str(built), "--named", "funding-received", "-p", "recipient=IOM",
                       "--format", "json")
    assert code == 0, out
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]
    assert [(r["year"], r["total"], r["flows"]) for r in rows] == [("2018", "30500000", "1"),
                                                                   ("2022", "19900000", "1")]
    ds = union(built)
    funding = URIRef(f"{ID}funding/government-of-japan--iom--30500000--usd--2018")
    releases = {str(e).split("#")[0] for e in ds.objects(funding, MG.evidence)}
    assert releases == {f"{ID}release/pg-77a2da203eee", f"{ID}release/pg-87fcf6a0a839"}
    assert json.loads((built / "build.json").read_text())["counts"]["funding"] == 2


def test_japans_2018_contribution_is_counted_once_by_analyse_and_the_funding_view(built: Path) -> None:
    code, out = invoke("analyse", str(built), "funding", "--format", "json")
    assert code == 0, out
    rows = [(r["donor"], r["year"], r["amount"], r["flows"]) for r in json.loads(out)]
    assert rows == [("Government of Japan", "2018", 30500000.0, 1),
                    ("Government of Japan", "2022", 19900000.0, 1)]
    view = built / "funding.graphml"
    code, out = invoke("network", str(built), "--view", "funding", "--format", "graphml",
                       "--output", str(view))
    assert code == 0, out
    graph = nx.read_graphml(view)
    edges = sorted((d["year"], d["amount"], d["flows"]) for _, _, d in graph.edges(data=True))
    assert edges == [("2018", 30500000.0, 1), ("2022", 19900000.0, 1)]


def test_one_person_written_two_ways_is_linked_and_counted_once(built: Path) -> None:
    graph = graphs(built)[RESOLUTION]
    assert (URIRef(MAHAMAT), OWL.sameAs, URIRef(MOHAMET)) in graph
    assert (URIRef(MOHAMET), OWL.sameAs, URIRef(MAHAMAT)) in graph
    [link] = graph.subjects(MG.joins, URIRef(MAHAMAT))
    assert set(graph.objects(link, PROV.wasDerivedFrom)) == {
        URIRef(f"{ID}release/pg-5ec0d7aea7a3"), URIRef(f"{ID}release/pg-f0c1be09ac94")}
    summary = json.loads((built / "build.json").read_text())
    assert summary["resolution"] == {"links": 1, "candidates": 0}
    # Four persons named: the Chairperson once, Amira ElFadil, Michael Spindelegger, Dr Tedros.
    assert summary["counts"]["persons"] == 4


def test_the_network_draws_linked_nodes_as_one(built: Path) -> None:
    from migragraph.analyse.graph import to_networkx

    with GraphStore.open(built, None, read_only=True) as store:
        graph = to_networkx(store)
    assert MOHAMET not in graph
    node = graph.nodes[MAHAMAT]
    assert node["same_as"] == MOHAMET
    assert node["releases"].split() == [f"{ID}release/pg-5ec0d7aea7a3", f"{ID}release/pg-f0c1be09ac94"]
    assert {v for _, v, d in graph.out_edges(MAHAMAT, data=True) if d["relation"] == "holds post"} == {
        f"{ID}org/auc"}


def _drawn(page: Path) -> set[str]:
    """The ids of the nodes graph.html draws."""
    return {str(node["id"]) for node in data_set(page.read_text(encoding="utf-8"), "nodes")}


def test_the_page_of_a_build_draws_the_links_it_stored(built: Path) -> None:
    # Drawn beside the resolution step (the release graphs changed), it read the links once stored.
    drawn = _drawn(built / "graph.html")
    assert MAHAMAT in drawn and MOHAMET not in drawn
    invoke("resolve", str(built), "--apart", MAHAMAT, MOHAMET)
    assert build([DATA], built).changes.changed == 0  # only the decisions changed: drawn after the links
    assert {MAHAMAT, MOHAMET} <= _drawn(built / "graph.html")


def test_the_page_is_drawn_while_the_links_are_worked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    drawing: list[bool] = []
    work_out = outputs.links

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        drawing.append(any(t.name == "migragraph-page" for t in threading.enumerate()))
        return work_out(*args, **kwargs)

    monkeypatch.setattr(outputs, "links", watched)
    assert build([DATA], tmp_path / "out").links == 1
    assert drawing == [True]


def test_a_build_stopped_while_working_out_links_keeps_its_page_and_leaves_no_thread(
        built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (built / "graph.html").read_bytes()
    work_out = outputs.links

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the links could not be worked out")

    monkeypatch.setattr(outputs, "links", broken)
    with pytest.raises(RuntimeError, match="could not be worked out"):
        build([DATA], built, rebuild=True)  # every release written again: the page had begun
    assert not any(t.name == "migragraph-page" for t in threading.enumerate())
    assert (built / "graph.html").read_bytes() == page
    assert not (built / ".graph.html.partial").exists()
    monkeypatch.setattr(outputs, "links", work_out)
    assert build([DATA], built).links == 1
    assert MOHAMET not in _drawn(built / "graph.html")


def test_resolve_lists_links_with_their_sentences(built: Path) -> None:
    code, out = invoke("resolve", str(built), "--links", "--format", "json")
    assert code == 0, out
    [found] = json.loads(out)
    assert (found["status"], found["a"]["iri"], found["b"]["iri"]) == ("link", MAHAMAT, MOHAMET)
    assert any("Moussa Faki Mohamet" in s["sentence"] for s in found["b"]["sentences"])
    code, out = invoke("resolve", str(built), "--format", "json")
    assert json.loads(out) == []  # no candidates: nothing left to decide


def test_a_decision_holds_in_every_later_build(built: Path) -> None:
    code, out = invoke("resolve", str(built), "--apart", MAHAMAT, MOHAMET, "--note", "checking")
    assert code == 0, out
    assert read(built / "decisions.tsv") == [Decision("apart", MAHAMAT, MOHAMET, "checking")]
    for rebuild in (False, True):  # an incremental build, then every release extracted again
        result = build([DATA], built, rebuild=rebuild)
        assert (result.links, result.candidates) == (0, 0)
        assert (URIRef(MAHAMAT), OWL.sameAs, URIRef(MOHAMET)) not in union(built)
    invoke("resolve", str(built), "--merge", MAHAMAT, MOHAMET)
    result = build([DATA], built)
    assert result.links == 1
    [rule] = graphs(built)[RESOLUTION].objects(None, MG.rule)
    assert str(rule).startswith("decided")


def test_a_decision_on_an_unknown_node_is_refused(built: Path) -> None:
    code, out = invoke("resolve", str(built), "--merge", MAHAMAT, f"{ID}person/nobody")
    assert code == 2
    assert f"no node {ID}person/nobody" in out
    assert not (built / "decisions.tsv").exists()


def test_a_bad_decisions_file_stops_the_build_naming_the_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "decisions.tsv").write_text("join\tx\ty\n", encoding="utf-8")
    code, text = invoke("build", str(DATA), "--out", str(out))
    assert code == 2
    assert f"{out / 'decisions.tsv'}:1: not a decision" in text
    assert not (out / "graph.trig").exists()


def test_decisions_may_live_elsewhere(built: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept.tsv"
    record(kept, Decision("apart", MAHAMAT, MOHAMET))
    assert build([DATA], built, decisions=kept).links == 0
    shutil.copy(kept, built / "decisions.tsv")
    assert build([DATA], built).links == 0


def test_resolution_reads_each_person_with_names_posts_and_releases() -> None:
    """queries/resolve-persons.rq read as CSV: a post's organisation where there is one, an unbound value
    and an empty name alike nothing."""
    foaf, org_ = "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#"
    base = "https://w3id.org/migragraph/id/"
    release, iom = URIRef(f"{base}release/a"), URIRef(f"{base}org/iom")
    amy, ugo, post = URIRef(f"{base}person/amy-pope"), URIRef(f"{base}person/ugo"), URIRef(f"{base}post/amy")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    store = GraphStore()
    store.add_release(release, [(release, RDF.type, MG.Release),
                                (amy, RDF.type, URIRef(foaf + "Person")), (amy, label, Literal("Amy Pope")),
                                (post, URIRef(org_ + "heldBy"), amy), (post, URIRef(org_ + "postIn"), iom),
                                (ugo, RDF.type, URIRef(foaf + "Person")), (ugo, label, Literal("Ugo")),
                                (ugo, label, Literal(""))])
    seen = persons(StoreTables(store))
    assert [(p.iri, p.names, p.orgs, p.releases) for p in seen] == [
        (str(amy), {"Amy Pope"}, {str(iom)}, {str(release)}), (str(ugo), {"Ugo"}, set(), {str(release)})]


def test_a_rebuild_reads_the_persons_of_unchanged_releases_from_the_build_state(tmp_path: Path) -> None:
    """Resolution reads again only the graphs a build changed (analyse/graphrows.py): what the build
    state remembers of the others is what it compares, and the links equal a fresh build's."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    lines = (DATA / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    (inputs / "releases.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build([inputs], out, progress=False)
    # The state says Mahamat is someone else; a rebuild for a change elsewhere compares what it says.
    state = sqlite3.connect(out / ".state.sqlite")
    where = (f"{ID}release/pg-5ec0d7aea7a3", "resolve-persons")
    rows = marshal.loads(state.execute("SELECT rows FROM graph_rows WHERE graph = ? AND name = ?",
                                       where).fetchone()[0])
    assert any(row[0] == MAHAMAT for row in rows)
    stand_in = f"{ID}person/stand-in"
    with state:
        state.execute("UPDATE graph_rows SET rows = ? WHERE graph = ? AND name = ?",
                      (marshal.dumps([[stand_in if v == MAHAMAT else v for v in row] for row in rows]),
                       *where))
    state.close()
    record = json.loads(lines[0])
    assert "Moussa Faki" not in record["text"]
    record["text"] += "\n\nA sentence added later."
    changed = [json.dumps(record, ensure_ascii=False), *lines[1:]]
    (inputs / "releases.jsonl").write_text("\n".join(changed) + "\n", encoding="utf-8")
    build([inputs], out, progress=False)
    assert (URIRef(stand_in), OWL.sameAs, URIRef(MOHAMET)) in graphs(out)[RESOLUTION]

    # Once that release changes too, it is read again: the links are a fresh build's.
    first = json.loads(changed[1])
    assert first["id"] == "pg-5ec0d7aea7a3"
    first["text"] += "\n\nA sentence added later."
    changed[1] = json.dumps(first, ensure_ascii=False)
    (inputs / "releases.jsonl").write_text("\n".join(changed) + "\n", encoding="utf-8")
    build([inputs], out, progress=False)
    build([inputs], tmp_path / "fresh", progress=False)
    assert set(graphs(out)[RESOLUTION]) == set(graphs(tmp_path / "fresh")[RESOLUTION])
    assert (URIRef(MAHAMAT), OWL.sameAs, URIRef(MOHAMET)) in graphs(out)[RESOLUTION]
