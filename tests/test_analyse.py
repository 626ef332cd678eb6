"""The network views, measures, paths and exports on a graph known node by node (tests/network_builds.py),
and the ranking of the shared corpus's most central actors.

The known graph, worked out by hand from its three releases:
    organisations  EU, IOM, UNHCR, Sea Rescue NGO, and the UN (the gazetteer: UNHCR is part of it)
    persons        Amy Pope (Director General, IOM; chairs the alpha meeting), Jane Doe (Commissioner, EU)
    meetings       alpha 2024-03-01 (EU host, EU, IOM, UNHCR; under the framework), beta 2025-05-02
                   (EU, IOM, Jane Doe), gamma 2025-06-10 (UNHCR, Sea Rescue NGO)
    framework      EU-IOM Framework 2012-07 (EU, IOM)
    funding        EU -> IOM: EUR 100m and EUR 50m for 2023 (alpha), USD 30m for 2024 (beta)
"""

from __future__ import annotations

import csv
import io
import json
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Literal, URIRef

from migragraph.analyse import (
    Window,
    affiliation,
    centrality,
    co_participation,
    communities,
    funding_flow,
    path,
    to_networkx,
    view,
)
from migragraph.cli.main import cli
from migragraph.errors import ConfigError
from migragraph.pipeline import build
from migragraph.store.graphstore import GraphStore
from migragraph.vocab import MG

from .network_builds import SENTENCES, SHARED, build_known, build_shared

ID = "https://w3id.org/migragraph/id/"


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_known(tmp_path_factory.mktemp("known"))


@pytest.fixture(scope="module")
def full(known: Path) -> nx.MultiDiGraph:
    with GraphStore(known / "store", read_only=True) as store:
        return to_networkx(store)


def _labels(graph: nx.Graph) -> set[str]:
    return {label for _, label in graph.nodes(data="label")}


def test_full_graph_has_the_entities_and_relations_of_the_releases(full: nx.MultiDiGraph) -> None:
    assert Counter(kind for _, kind in full.nodes(data="type")) == {
        "organisation": 5, "person": 2, "meeting": 3, "framework": 1, "funding": 3}
    assert Counter(rel for _, _, rel in full.edges(data="relation")) == {
        "participant": 8, "host": 1, "chair": 1, "framework": 1, "party": 2, "funder": 3, "recipient": 3,
        "holds post": 2, "part of": 1}
    iom = full.nodes[ID + "org/iom"]
    assert iom == {"iri": ID + "org/iom", "label": "International Organization for Migration",
                   "type": "organisation", "releases": f"{ID}release/alpha {ID}release/beta",
                   "release_count": 2, "first_seen": "2024-03-01", "last_seen": "2025-05-02"}
    assert full.nodes[ID + "funding/eu--iom--50000000--eur--2023"]["amount"] == 50_000_000.0
    post = full.edges[ID + "person/amy-pope", ID + "org/iom", "holds post: Director General"]
    assert (post["role"], post["date"], post["releases"]) == (
        "Director General", "2024-03-01", f"{ID}release/alpha {ID}release/beta")
    assert post["statement"] == ID + "post/iom--director-general--amy-pope"
    gazetteer = full.edges[ID + "org/unhcr", ID + "org/un", "part of"]
    assert gazetteer["releases"] == "" and "date" not in gazetteer


def test_a_node_stated_apart_by_releases_takes_its_first_kind_and_least_label_date_and_amount() -> None:
    """queries/network-nodes.rq reads kinds (with their labels), dates and amounts apart; each node keeps
    the same attributes whatever order the store gives them in, and what is no node is no node."""
    schema, rdfs = "https://schema.org/", "http://www.w3.org/2000/01/rdf-schema#"
    iom, grant = URIRef(f"{ID}org/iom"), URIRef(f"{ID}funding/grant")
    money = URIRef(f"{ID}funding/grant/amount")
    label, value, currency = URIRef(rdfs + "label"), URIRef(schema + "value"), URIRef(schema + "currency")
    store = GraphStore()
    store.add_release(URIRef(f"{ID}release/a"), [
        (iom, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")), (iom, label, Literal("IOM")),
        (grant, RDF.type, MG.Funding), (grant, label, Literal("EU funding")),
        (grant, MG.year, Literal("2024")), (grant, URIRef(schema + "amount"), money),
        (money, value, Literal("5000000")), (money, currency, Literal("EUR")),
        (URIRef(f"{ID}release/a"), label, Literal("a release, no node"))])
    store.add_release(URIRef(f"{ID}release/b"), [
        (iom, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")),  # a wrong kind in another release
        (iom, label, Literal("International Organization for Migration")),
        (grant, label, Literal("EU grant")), (grant, MG.year, Literal("2023"))])
    graph = to_networkx(store)
    assert set(graph) == {str(iom), str(grant)}
    assert dict(graph.nodes[str(iom)]) == {
        "iri": str(iom), "label": "IOM", "type": "organisation", "releases": "", "release_count": 0}
    attrs = graph.nodes[str(grant)]
    assert (attrs["type"], attrs["label"], attrs["date"], attrs["amount"], attrs["currency"]) == (
        "funding", "EU funding", "2023", 5_000_000.0, "EUR")


def test_projections(full: nx.MultiDiGraph) -> None:
    co = co_participation(full)
    assert (co.number_of_nodes(), co.number_of_edges()) == (4, 4)
    assert _labels(co) == {"European Union", "International Organization for Migration", "Sea Rescue NGO",
                           "Office of the United Nations High Commissioner for Refugees"}
    assert co.edges[ID + "org/eu", ID + "org/iom"]["meetings"] == 2  # alpha and beta
    assert co.edges[ID + "org/eu", ID + "org/iom"]["last_date"] == "2025-05-02"
    money = funding_flow(full)
    assert (money.number_of_nodes(), money.number_of_edges()) == (2, 2)
    flows = {key: (d["amount"], d["currency"], d["flows"])
             for _, _, key, d in money.edges(keys=True, data=True)}
    assert flows == {"2023 EUR": (150_000_000.0, "EUR", 2), "2024 USD": (30_000_000.0, "USD", 1)}
    posts = affiliation(full)
    assert (posts.number_of_nodes(), posts.number_of_edges()) == (4, 2)
    assert posts.edges[ID + "person/jane-doe", ID + "org/eu"]["roles"] == "Commissioner"


def test_a_time_window_applies_to_every_view(known: Path) -> None:
    with GraphStore(known / "store", read_only=True) as store:
        since_2025 = to_networkx(store, Window(since="2025"))
        until_2024 = to_networkx(store, Window(until="2024-12"))
    # 2025: beta and gamma; the framework (2012), the alpha meeting and all funding (2023, 2024) are out.
    assert Counter(kind for _, kind in since_2025.nodes(data="type")) == {
        "organisation": 4, "person": 2, "meeting": 2}
    assert {(u[len(ID):], v[len(ID):]) for u, v in co_participation(since_2025).edges} == {
        ("org/eu", "org/iom"), ("org/sea-rescue-ngo", "org/unhcr")}
    assert funding_flow(since_2025).number_of_edges() == 0
    # Amy Pope's post was reported in 2024 and 2025: it holds in both windows.
    assert affiliation(since_2025).number_of_edges() == 2
    assert affiliation(until_2024).number_of_edges() == 1
    assert {k for _, _, k in funding_flow(until_2024).edges(keys=True)} == {"2023 EUR", "2024 USD"}
    assert co_participation(until_2024).number_of_edges() == 3  # alpha's three organisations


def test_window_reads_dates_of_any_precision() -> None:
    assert Window(since="2024-06-01").contains("2024")
    assert Window(until="2024").contains("2024-07")
    assert not Window(since="2025").contains("2024-12-31")
    assert not Window(since="2025").contains(None) and Window().contains(None)
    with pytest.raises(ConfigError, match="is not a date"):
        Window(since="2024-13")
    with pytest.raises(ConfigError, match="is after"):
        Window(since="2025", until="2024")


def test_path_gives_the_release_and_sentence_of_every_step(known: Path, full: nx.MultiDiGraph) -> None:
    with GraphStore(known / "store", read_only=True) as store:
        table = path(store, full, "amy pope", "Sea Rescue NGO")
    steps = [(r["from"], r["relation"], r["to"], r["source"], r["sentence"]) for r in table.records()]
    alpha, gamma = SENTENCES["alpha"]["meeting"], SENTENCES["gamma"]["meeting"]
    unhcr = "Office of the United Nations High Commissioner for Refugees"
    assert steps == [
        ("Amy Pope", "← chair", "Alpha meeting", "https://example.org/alpha", alpha),
        ("Alpha meeting", "participant →", unhcr, "https://example.org/alpha", alpha),
        (unhcr, "← participant", "Gamma meeting", "https://example.org/gamma", gamma),
        ("Gamma meeting", "participant →", "Sea Rescue NGO", "https://example.org/gamma", gamma),
    ]
    assert [r["release"] for r in table.records()][2] == "Gamma: UNHCR and an NGO"


def test_path_command_as_json_and_its_errors(known: Path) -> None:
    result = _invoke("analyse", str(known), "path", "IOM", "UNHCR", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["step"] for r in rows] == [1, 2]
    assert rows[0]["to"] == "Alpha meeting" and rows[0]["sentence"] == SENTENCES["alpha"]["meeting"]
    missing = CliRunner().invoke(cli, ["analyse", str(known), "path", "Amy Pop", "IOM"])
    assert missing.exit_code == 2
    assert missing.stderr == "error: no entity named 'Amy Pop' in the store; close: 'Amy Pope'\n"
    out_of_window = CliRunner().invoke(cli, ["analyse", str(known), "path", "IOM", "UNHCR",
                                             "--since", "2026"])
    assert "no entity named 'IOM' in this view or time window" in out_of_window.stderr


def test_centrality_ranks_and_says_how(full: nx.MultiDiGraph) -> None:
    table = centrality(full, top=3)
    assert table.columns == ["rank", "label", "type", "neighbours", "degree", "betweenness", "eigenvector",
                             "iri"]
    rows = table.records()
    assert [r["label"] for r in rows] == ["European Union", "International Organization for Migration",
                                          "Office of the United Nations High Commissioner for Refugees"]
    # alpha (as host and participant: one neighbour), beta, the framework, 3 funding, Jane Doe
    assert rows[0]["neighbours"] == 7
    sampled = centrality(full, ["betweenness"], sample=3)
    assert sampled.notes == ["betweenness estimated from 3 of 14 nodes (seed 42); --sample sets how many"]
    with pytest.raises(ConfigError, match="unknown measure"):
        centrality(full, ["closeness"])


def test_communities_are_the_same_every_run(full: nx.MultiDiGraph) -> None:
    first = communities(view(full, "co-participation")).records()
    assert first == communities(view(full, "co-participation")).records()
    members = [m for row in first for m in row["members"]]
    assert sorted(members) == sorted(_labels(co_participation(full)))
    greedy = communities(view(full, "co-participation"), "greedy").records()
    assert sum(int(str(r["size"])) for r in greedy) == 4


def test_ego_and_funding_commands(known: Path) -> None:
    ego = list(csv.DictReader(io.StringIO(
        _invoke("analyse", str(known), "ego", "UNHCR", "--depth", "1", "-f", "csv").stdout)))
    assert [(r["distance"], r["label"]) for r in ego] == [
        ("0", "Office of the United Nations High Commissioner for Refugees"), ("1", "Alpha meeting"),
        ("1", "Gamma meeting"), ("1", "United Nations")]
    funding = _invoke("analyse", str(known), "funding").stdout.splitlines()
    assert funding[0].split() == ["donor", "recipient", "year", "currency", "amount", "flows"]
    assert funding[2].split()[-4:] == ["2023", "EUR", "150,000,000", "2"]
    assert funding[-1] == "(2 rows)"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("name", ["full", "co-participation", "funding", "affiliation"])
def test_exports_read_back_unchanged(known: Path, full: nx.MultiDiGraph, tmp_path: Path, fmt: str,
                                     name: str) -> None:
    out = tmp_path / f"{name}.{fmt}"
    result = _invoke("network", str(known), "--format", fmt, "--view", name, "-o", str(out))
    assert result.exit_code == 0 and "wrote" in result.stderr
    expected = view(full, name)
    multi = expected.is_multigraph()
    back = nx.read_graphml(out, force_multigraph=multi) if fmt == "graphml" else nx.read_gexf(out)
    assert back.is_directed() == expected.is_directed()
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(_edges(back)) == sorted(_edges(expected))
    assert expected.number_of_edges() > 0


def _edges(graph: nx.Graph) -> list[tuple[str, str, str]]:
    # A GEXF reader gives a simple graph when no two edges share ends; the `id` names each edge anyway.
    return [(u, v, json.dumps(d, sort_keys=True)) for u, v, d in graph.edges(data=True)]


def test_network_writes_standard_output_by_default(known: Path) -> None:
    result = _invoke("network", str(known), "-f", "graphml", "--view", "affiliation")
    assert result.stdout.startswith("<?xml") and "Commissioner" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus /work/shared/data/releases is not here")
def test_iom_un_and_eu_are_among_the_ten_most_central_of_the_shared_corpus(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    out = build_shared(tmp_path_factory.getbasetemp() / "shared-corpus")
    result = _invoke("analyse", str(out), "centrality", "--top", "10", "-f", "json")
    top = [row["iri"] for row in json.loads(result.stdout)]
    assert len(top) == 10
    assert {ID + "org/iom", ID + "org/un", ID + "org/eu"} <= set(top)


def test_to_networkx_is_exported_lazily() -> None:
    import migragraph

    assert "to_networkx" in migragraph.__all__ and migragraph.to_networkx is to_networkx
    fresh = subprocess.run([sys.executable, "-c", "import sys, migragraph; print('networkx' in sys.modules)"],
                           capture_output=True, text=True, check=True)
    assert fresh.stdout == "False\n"  # importing the package does not pull NetworkX in


def test_the_readme_network_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Networks", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    build([Path(__file__).parents[1] / "examples"], tmp_path / "out", progress=False)
    monkeypatch.chdir(tmp_path)
    commands = [shlex.split(line, comments=True) for line in block.splitlines()]
    assert len(commands) == 7
    for words in commands:
        assert words[0] == ".venv/bin/migragraph"
        result = CliRunner().invoke(cli, words[1:])
        assert result.exit_code == 0, (words, result.output)
        assert result.stdout or (tmp_path / words[-1]).stat().st_size > 0
