"""The SPARQL endpoint backend against a real Oxigraph server (the `oxigraph` package of the test extra),
started by the tests on 127.0.0.1: build into it, query it, replace a release, prune; named questions
and hostile parameter values give what the embedded store gives; failures name the URL and the cause."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from migragraph.analyse.graph import csv_rows
from migragraph.cli.main import cli
from migragraph.map.keys import name_key
from migragraph.pipeline import build
from migragraph.resources import data_file
from migragraph.serve.named import bind, get, named_queries
from migragraph.store import GraphStore, Solutions
from migragraph.store.sparqltext import bind_values

from .conftest import DATA, TEXT
from .corpus import RELEASE, assert_union_invariant, write_releases

SERVER = Path(sys.executable).with_name("oxigraph")
HOSTILE = ['"} ; DROP ALL', "IOM' } UNION { ?s ?p ?o", "} ; DROP ALL", '\\" ) } #', "<http://x> ?p ?o",
           '") } } ; DELETE WHERE { ?s ?p ?o } #']


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(url: str, kind: str, body: str, accept: str = "application/sparql-results+json") -> bytes:
    request = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                     headers={"Content-Type": kind, "Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: bytes = response.read()
        return answer


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A fresh Oxigraph server on a free loopback port; yields its query URL."""
    if not SERVER.exists():
        pytest.skip(f"no Oxigraph server at {SERVER}: `pip install -e '.[test]'` brings it")
    port = _free_port()
    command = [str(SERVER), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):  # up to 10 s to start
            try:
                _post(url, "application/sparql-query", "ASK {}")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start within 10 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[str]:
    with oxigraph_server(tmp_path / "server") as url:
        yield url


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _server_graphs(url: str) -> list[str]:
    answer = json.loads(_post(url, "application/sparql-query", "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }"))
    return sorted(b["g"]["value"] for b in answer["results"]["bindings"])


def test_build_query_replace_and_prune_through_the_endpoint(endpoint: str, tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    files = write_releases(inputs, 4)
    first = _invoke("build", str(inputs), "--out", str(out), "--store", f"sparql+{endpoint}")
    assert first.exit_code in (0, 1), first.output
    assert "4 new, 0 changed" in first.stdout
    assert json.loads((out / "build.json").read_text())["store"] == endpoint
    assert _server_graphs(endpoint) == ["https://w3id.org/migragraph/id/graph/gazetteer",
                                        *(f"{RELEASE}release-{i:03d}" for i in range(4))]
    build([inputs], tmp_path / "embedded", progress=False)
    assert (out / "graph.trig").read_bytes() == (tmp_path / "embedded" / "graph.trig").read_bytes()
    query = "SELECT ?org ?name WHERE { ?org a org:Organization ; skos:prefLabel ?name } ORDER BY ?name"
    through_endpoint = _invoke("query", str(out), query)  # the store is found through build.json
    assert through_endpoint.exit_code == 0
    assert through_endpoint.stdout == _invoke("query", str(tmp_path / "embedded"), query).stdout

    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n\nA sentence added later.", "utf-8")
    files[3].unlink()
    second = _invoke("build", str(inputs), "--out", str(out), "--prune")
    assert second.exit_code in (0, 1), second.output
    assert "0 new, 1 changed, 0 restamped, 2 unchanged, 1 removed" in second.stdout
    assert f"{RELEASE}release-003" not in _server_graphs(endpoint)
    texts = json.loads(_post(endpoint, "application/sparql-query",
                             f"SELECT ?t WHERE {{ <{RELEASE}release-000> <https://schema.org/text> ?t }}"))
    assert [b["t"]["value"] for b in texts["results"]["bindings"]] == [files[0].read_text(encoding="utf-8")]
    with GraphStore.open(out, read_only=True) as store:
        assert_union_invariant(store)
    build([inputs], tmp_path / "embedded", progress=False, prune=True)
    assert (out / "graph.trig").read_bytes() == (tmp_path / "embedded" / "graph.trig").read_bytes()


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """tests/data and the IOM worked example, built into an Oxigraph server and into the embedded store."""
    root = tmp_path_factory.mktemp("endpoint-pair")
    inputs = root / "in"
    shutil.copytree(DATA, inputs)
    (inputs / "iom-eu.txt").write_text("Brussels, 04 April 2025\n" + TEXT, encoding="utf-8")
    build([inputs], root / "embedded", progress=False)
    with oxigraph_server(root / "server") as url:
        build([inputs], root / "remote", progress=False, store=url)
        yield root / "embedded", root / "remote"


def test_a_query_read_in_some_graphs_gives_their_rows_alone(pair: tuple[Path, Path]) -> None:
    """The SPARQL 1.1 Protocol's dataset (default-graph-uri, named-graph-uri) gives what the embedded
    store's does: the rows of those graphs, and no other's."""
    text = data_file("queries", "network-mentions.rq").read_text(encoding="utf-8")
    with GraphStore.open(pair[0], read_only=True) as here, GraphStore.open(pair[1], read_only=True) as there:
        graphs = [str(g) for g in here.release_graphs()][:2]
        mine = sorted(csv_rows(here.query_to(text, "csv", graphs=graphs)))
        assert mine == sorted(csv_rows(there.query_to(text, "csv", graphs=graphs)))
        assert mine and {row[-1] for row in mine} == set(graphs)
        assert mine == sorted(row for row in csv_rows(here.query_to(text, "csv")) if row[-1] in graphs)


ASKED = {"officials-of-organisation": {"org": "iom"}, "meetings-between": {"a": "IOM", "b": "European Union"},
         "meetings-under-framework": {"framework": "strategic cooperation"},
         "organisation-timeline": {"org": "IOM"}, "funding-by-year": {"donor": "European Commission"},
         "funding-received": {"recipient": "Government of Sri Lanka"}, "co-participation": {"org": "IOM"},
         "sub-units": {"org": "World Bank"}, "releases-mentioning": {"entity": "WHO"},
         "evidence": {"entity": "Amy Pope"},
         "changes-between": {"since": "2022-01-01", "until": "2025-12-31"}}


def _ask(out: Path, name: str, params: dict[str, str]) -> list[tuple[str, ...]]:
    question = get(name)
    with GraphStore.open(out, read_only=True) as store:
        answer = store.query(question.text, substitutions=bind(question, params))
    assert isinstance(answer, Solutions)
    return [tuple("" if v is None else str(v) for v in row) for row in answer.rows]


def test_every_named_question_is_asked() -> None:
    assert set(ASKED) == set(named_queries())


@pytest.mark.parametrize("name", sorted(ASKED))
def test_named_questions_give_the_embedded_rows(pair: tuple[Path, Path], name: str) -> None:
    embedded, remote = pair
    rows = _ask(remote, name, ASKED[name])
    assert rows and rows == _ask(embedded, name, ASKED[name])


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_values_are_one_literal_through_the_endpoint(pair: tuple[Path, Path], hostile: str) -> None:
    _, remote = pair
    assert _ask(remote, "funding-by-year", {"donor": hostile}) == []
    assert _ask(remote, "officials-of-organisation", {"org": hostile}) == []
    with GraphStore.open(remote, read_only=True) as store:
        assert len(store.release_graphs()) == 9  # nothing was dropped or deleted
    text = bind_values(get("sub-units").text, bind(get("sub-units"), {"org": hostile}))
    # One escaped literal: the name folded as mg:nameKey is (map/keys.py).
    assert f"WHERE {{ VALUES (?org) {{ ({ox.Literal(name_key(hostile))}) }}" in text
    assert len(list(ox.Store().query(text))) == 0  # and the whole is one valid query


def test_readers_of_the_folder_use_the_endpoint(pair: tuple[Path, Path], tmp_path: Path) -> None:
    embedded, remote = pair
    validated = _invoke("validate", str(remote))
    assert validated.exit_code == _invoke("validate", str(embedded)).exit_code
    assert validated.stdout.startswith("validation: ")
    for fmt in ("nq", "jsonld"):
        assert _invoke("export", str(remote), "-f", fmt).stdout_bytes == \
            _invoke("export", str(embedded), "-f", fmt).stdout_bytes
    bad = _invoke("query", str(remote), "SELECT ?x WHERE {\n  ?x a org:Post .\n  FILTR(?x)\n}")
    assert bad.exit_code == 2
    assert bad.stderr == ("error: the SPARQL query is not valid SPARQL 1.1 at line 3, column 3, at 'FILTR' "
                          "(line 3: FILTR(?x))\n")


def test_unreachable_or_refusing_endpoints_name_the_url_and_the_cause(endpoint: str, tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 1)
    build([inputs], out, progress=False)
    closed = f"http://127.0.0.1:{_free_port()}/query"
    nowhere = _invoke("query", str(out), "ASK {}", "--store", closed)
    assert nowhere.exit_code == 2
    assert nowhere.stderr == f"error: cannot reach the SPARQL endpoint {closed}: Connection refused\n"
    wrong = endpoint.replace("/query", "/nothing-here")
    refused = _invoke("build", str(inputs), "--out", str(tmp_path / "o2"), "--store", wrong)
    assert refused.exit_code == 2 and len(refused.stderr.splitlines()) == 1
    assert refused.stderr.startswith(f"error: the SPARQL endpoint {wrong} answered HTTP 404")
    unknown = _invoke("query", str(out), "ASK {}", "--store", "ftp://example.org/sparql")
    assert unknown.exit_code == 2 and "unknown store 'ftp://example.org/sparql'" in unknown.stderr


def test_credentials_are_sent_but_never_kept(endpoint: str, tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 1)
    with_password = endpoint.replace("http://", "http://reader:s3cret@")
    result = _invoke("build", str(inputs), "--out", str(out), "--store", with_password)
    assert result.exit_code in (0, 1), result.output
    summary = (out / "build.json").read_text()
    assert json.loads(summary)["store"] == endpoint and "s3cret" not in summary
