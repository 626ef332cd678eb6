"""Every command that lists rows or members gives all of them in CSV and JSON (issue #17, item 5), on
real builds: the bundled examples, and the shared corpus and examples as the issue tried them. Only
the terminal table abbreviates, and its last line then says so and how to get the rest."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from migragraph.analyse import funding_flow, to_networkx, view
from migragraph.analyse.graph import ACTORS
from migragraph.analyse.measures import SEED, simple
from migragraph.cli.main import cli
from migragraph.pipeline import build
from migragraph.store.graphstore import GraphStore

from .network_builds import EXAMPLES, SHARED, build_shared_and_examples

SHORTENED = "… marks what is shortened: --format csv or json gives everything"
QUERY_SHORTENED = "; … marks what is shortened: --format csv, tsv or json gives everything"
IOM = "https://w3id.org/migragraph/id/org/iom"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _csv(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_run(*args, "--format", "csv").stdout)))


def _json(*args: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(_run(*args, "--format", "json").stdout)
    return rows


@pytest.fixture(scope="module", params=["examples", "shared-and-examples"])
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "examples":
        root = tmp_path_factory.mktemp("examples")
        build([EXAMPLES], root / "out", progress=False)
        return root / "out"
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus {SHARED} is not here")
    return build_shared_and_examples(tmp_path_factory.getbasetemp() / "shared-and-examples")


@pytest.fixture(scope="module")
def full(out: Path) -> nx.MultiDiGraph:
    with GraphStore(out / "store", read_only=True) as store:
        return to_networkx(store)


def test_communities_list_every_member_in_csv_and_json(out: Path, full: nx.MultiDiGraph) -> None:
    co = view(full, "co-participation")
    as_json = _json("analyse", str(out), "communities")
    as_csv = _csv("analyse", str(out), "communities")
    assert len(as_json) == len(as_csv) > 1
    for row, line in zip(as_json, as_csv, strict=True):
        members, iris = row["members"], row["member_iris"]
        assert isinstance(members, list) and isinstance(iris, list)
        assert row["size"] == len(members) == len(iris) == int(line["size"])
        assert line["members"].split("; ") == members and line["member_iris"].split("; ") == iris
        assert members == [co.nodes[iri]["label"] for iri in iris]
    # Every organisation of the view, each in one community: the partition Louvain finds, whole.
    groups = [frozenset(str(iri) for iri in row["member_iris"]) for row in as_json]
    assert sum(len(g) for g in groups) == co.number_of_nodes() == len(set().union(*groups))
    found = nx.community.louvain_communities(simple(co), weight="weight", seed=SEED)
    assert set(groups) == {frozenset(c) for c in found}


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus {SHARED} is not here")
def test_the_table_shortens_large_communities_and_says_how_to_get_them(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    out = build_shared_and_examples(tmp_path_factory.getbasetemp() / "shared-and-examples")
    sizes = [int(row["size"]) for row in _csv("analyse", str(out), "communities")]
    assert max(sizes) > 8  # what 0.2.0 cut to "… N more" in every format
    table = _run("analyse", str(out), "communities").stdout.splitlines()
    more = [int(m[1]) for line in table if (m := re.search(r"; … (\d+) more$", line))]
    assert more == [size - 8 for size in sizes if size > 8]
    assert table[-1] == f"({len(sizes)} rows; {SHORTENED})"


def test_centrality_ranks_every_actor_in_csv_and_json_and_ten_in_a_table(out: Path,
                                                                        full: nx.MultiDiGraph) -> None:
    actors = {node for node, kind in full.nodes(data="type") if kind in ACTORS}
    assert len(actors) > 10
    as_json = _json("analyse", str(out), "centrality")
    assert [row["rank"] for row in as_json] == list(range(1, len(actors) + 1))
    assert {row["iri"] for row in as_json} == actors
    assert [row["iri"] for row in _csv("analyse", str(out), "centrality")] == [row["iri"] for row in as_json]
    table = _run("analyse", str(out), "centrality").stdout.splitlines()
    assert table[-1].startswith(f"(10 of {len(actors)} rows; --top 0 for all")
    assert len(table) == 2 + 10 + 1
    assert len(_json("analyse", str(out), "centrality", "--top", "3")) == 3  # asked for: obeyed everywhere


def test_ego_and_funding_give_every_row(out: Path, full: nx.MultiDiGraph) -> None:
    near = nx.ego_graph(full, IOM, radius=2, undirected=True)
    ego = _csv("analyse", str(out), "ego", "IOM", "--depth", "2")
    assert {row["iri"] for row in ego} == set(near) and len(ego) == near.number_of_nodes() > 10
    assert {row["label"] for row in ego} == {label for _, label in near.nodes(data="label")}
    flows = funding_flow(full)
    funding = _json("analyse", str(out), "funding")
    assert len(funding) == flows.number_of_edges() > 0
    total = sum(amount for _, _, amount in flows.edges(data="amount"))
    assert sum(float(str(row["amount"])) for row in funding) == total


def test_a_query_table_says_what_it_shortened_and_csv_and_json_give_it_whole(out: Path) -> None:
    sparql = "SELECT ?meeting ?label WHERE { ?meeting a mg:Meeting ; rdfs:label ?label } ORDER BY ?meeting"
    as_json = json.loads(_run("query", str(out), sparql, "--format", "json").stdout)["results"]["bindings"]
    labels = [b["label"]["value"] for b in as_json]
    assert max(map(len, labels)) > 80  # meeting labels name their participants: longer than a cell
    assert [row["label"] for row in _csv("query", str(out), sparql)] == labels
    table = _run("query", str(out), sparql).stdout.splitlines()
    assert table[-1] == f"({len(labels)} rows{QUERY_SHORTENED})"
    assert any(line.endswith("…") for line in table[2:-1])


def test_a_named_question_gives_every_sentence_whole_in_csv(out: Path) -> None:
    rows = _csv("query", str(out), "--named", "evidence", "--param", "entity=IOM")
    table = _run("query", str(out), "--named", "evidence", "--param", "entity=IOM").stdout.splitlines()
    assert table[-1].startswith(f"({len(rows)} rows")
    sentences = [row["sentence"] for row in rows]
    assert len(sentences) > 1 and max(map(len, sentences)) > 80
    shown = "\n".join(table)
    for sentence in sentences:  # each on one line, cut at 80 characters where it is longer
        line = " ".join(sentence.split())
        assert (line if len(line) <= 80 else line[:79] + "…") in shown
    assert table[-1].endswith(f"{QUERY_SHORTENED})")
