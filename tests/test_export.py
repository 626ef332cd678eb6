"""`migragraph export` and the result formats of `migragraph query`: what is written parses back to
exactly what the store holds; JSON-LD reads with the project's prefixes; a bad query points at its
line and column."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from migragraph.cli.main import cli
from migragraph.pipeline import BuildResult
from migragraph.store import GraphStore

Quad = tuple[str, str, str, str]
FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _store_quads(out: Path) -> set[Quad]:
    with GraphStore(out / "store", read_only=True) as store:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
                for g in store.named_graphs() for q in store.quads(g)}


def _parsed(data: bytes, fmt: ox.RdfFormat) -> set[Quad]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in ox.parse(data, fmt)}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_whole_graph_round_trips(built: BuildResult, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"graph.{fmt}"
    result = _invoke("export", str(built.out), "--format", fmt, "-o", str(target))
    assert result.exit_code == 0 and result.stderr == f"wrote {target}\n"
    parsed = _parsed(target.read_bytes(), FORMATS[fmt])
    assert parsed == _store_quads(built.out)  # every quad of every named graph, terms exactly as stored
    assert len({q[3] for q in parsed}) == built.releases + 1  # the releases and the gazetteer graph
    assert _invoke("export", str(built.out), "-f", fmt).stdout_bytes == target.read_bytes()  # stdout


# rdflib's JSON-LD parser builds a ConjunctiveGraph inside, which rdflib 7 itself deprecates.
RDFLIB_JSONLD = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
                                           "ignore:Dataset.default_context is deprecated:DeprecationWarning")


@RDFLIB_JSONLD
def test_json_ld_is_read_by_rdflib_as_the_same_dataset(built: BuildResult) -> None:
    """An independent JSON-LD processor expands the compact IRIs to the store's graphs."""
    jsonld, trig = Dataset(), Dataset()
    jsonld.parse(data=_invoke("export", str(built.out), "-f", "jsonld").stdout_bytes, format="json-ld")
    trig.parse(data=_invoke("export", str(built.out), "-f", "trig").stdout_bytes, format="trig")
    names = sorted(str(g.identifier) for g in trig.graphs() if len(g))
    assert sorted(str(g.identifier) for g in jsonld.graphs() if len(g)) == names
    for name in names:
        assert isomorphic(jsonld.graph(URIRef(name)), trig.graph(URIRef(name))), name


def test_json_ld_uses_the_prefixes_as_its_context(built: BuildResult) -> None:
    document = json.loads(_invoke("export", str(built.out), "-f", "jsonld").stdout)
    context = document["@context"]
    assert context["org"] == "http://www.w3.org/ns/org#"
    assert context["organisation"] == "https://w3id.org/migragraph/id/org/"
    zardari = next(g for g in document["@graph"] if g["@id"] == "release:un-sg-zardari-2012")
    release = next(n for n in zardari["@graph"] if n["@id"] == "release:un-sg-zardari-2012")
    assert release["@type"] == ["prov:Entity", "mg:Release"]  # sorted by full IRI
    assert release["mg:contentHash"].startswith("sha256:")
    assert release["dcterms:issued"] == {"@value": "2012-05-21", "@type": "xsd:date"}
    assert {"@id": "organisation:un"} in release["mg:mentions"]


def test_turtle_export_is_the_union(built: BuildResult) -> None:
    ttl = _invoke("export", str(built.out), "-f", "ttl").stdout_bytes
    assert ttl.startswith(b"@prefix ")
    parsed = {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(ttl, ox.RdfFormat.TURTLE)}
    assert parsed == {q[:3] for q in _store_quads(built.out)}


SELECT = ("SELECT ?org ?name WHERE { ?org a org:Organization ; skos:prefLabel ?name "
          "FILTER(?org = organisation:iom || ?org = organisation:un) } ORDER BY ?name")
CONSTRUCT = "CONSTRUCT { ?org skos:prefLabel ?name } WHERE { ?org a org:Organization ; skos:prefLabel ?name }"
ROWS = [("https://w3id.org/migragraph/id/org/iom", "International Organization for Migration"),
        ("https://w3id.org/migragraph/id/org/un", "United Nations")]


@pytest.mark.parametrize(("fmt", "kind"), [("json", ox.QueryResultsFormat.JSON),
                                           ("xml", ox.QueryResultsFormat.XML),
                                           ("tsv", ox.QueryResultsFormat.TSV)])
def test_select_in_the_w3c_result_formats(built: BuildResult, fmt: str, kind: ox.QueryResultsFormat) -> None:
    prefixed = "PREFIX organisation: <https://w3id.org/migragraph/id/org/>\n" + SELECT
    answer = ox.parse_query_results(_invoke("query", str(built.out), prefixed, "-f", fmt).stdout_bytes, kind)
    assert isinstance(answer, ox.QuerySolutions)
    assert [(s["org"].value, s["name"].value) for s in answer] == ROWS  # type: ignore[union-attr]


def test_select_as_csv_and_ask(built: BuildResult) -> None:
    prefixed = "PREFIX organisation: <https://w3id.org/migragraph/id/org/>\n" + SELECT
    csv = _invoke("query", str(built.out), prefixed, "-f", "csv").stdout
    assert csv.splitlines() == ["org,name", *(f"{iri},{name}" for iri, name in ROWS)]
    ask = ox.parse_query_results(_invoke("query", str(built.out), "ASK { ?m a mg:Meeting }", "-f", "xml")
                                 .stdout_bytes, ox.QueryResultsFormat.XML)
    assert isinstance(ask, ox.QueryBoolean) and bool(ask)


@RDFLIB_JSONLD
@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_construct_in_rdf_formats(built: BuildResult, fmt: str) -> None:
    with GraphStore(built.out / "store", read_only=True) as store:
        expected = Graph()
        for triple in store.query(CONSTRUCT):  # type: ignore[union-attr]
            expected.add(triple)  # type: ignore[arg-type]
    data = _invoke("query", str(built.out), CONSTRUCT, "-f", fmt).stdout_bytes
    got = Graph().parse(data=data, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    # (every organisation's label of tests/data: twenty or so, a number that moves as extraction does)
    assert len(got) == len(expected) >= 15 and isomorphic(got, expected)
    if fmt == "jsonld":
        assert json.loads(data)["@graph"][0]["@id"].startswith("organisation:")


def test_a_format_for_the_other_kind_of_query_is_refused(built: BuildResult) -> None:
    rows_as_turtle = _invoke("query", str(built.out), "SELECT ?o WHERE { ?o a org:Post }", "-f", "ttl")
    assert rows_as_turtle.exit_code == 2
    assert rows_as_turtle.stderr == ("error: --format ttl is for CONSTRUCT and DESCRIBE queries; this query "
                                     "gives rows (use table, csv, tsv, json, xml)\n")
    triples_as_csv = _invoke("query", str(built.out), CONSTRUCT, "-f", "csv")
    assert triples_as_csv.exit_code == 2 and "use table, ttl, nt, jsonld" in triples_as_csv.stderr


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?x WHERE {\n  ?x a org:Post .\n  FILTR(?x)\n}",
     "SPARQL 1.1 at line 3, column 3, at 'FILTR' (line 3: FILTR(?x))"),  # rdflib's parse, the SERVICE check's
    ("SELECT ?x WHERE {\n  ?x a org:Post .\n  ?x undefined:thing ?y .\n}",
     "at line 3, column 21: unknown prefix: declare it with PREFIX"),  # oxigraph's, which resolves prefixes
])
def test_a_syntax_error_names_its_line_and_column(built: BuildResult, query: str, expected: str) -> None:
    bad = _invoke("query", str(built.out), query)
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert len(bad.stderr.splitlines()) == 1
    assert bad.stderr.startswith("error: the SPARQL query is not valid " + expected)


def test_export_needs_a_build(tmp_path: Path) -> None:
    missing = _invoke("export", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "holds no build" in missing.stderr
    unknown = _invoke("export", str(tmp_path), "-f", "rdfxml")
    assert unknown.exit_code == 2 and "'rdfxml' is not one of" in unknown.output


def test_export_streams_one_graph_at_a_time(built: BuildResult) -> None:
    """The JSON-LD writer never needs more than one graph in memory: nodes of a graph are contiguous."""
    document = json.load(io.BytesIO(_invoke("export", str(built.out), "-f", "jsonld").stdout_bytes))
    ids = [g["@id"] for g in document["@graph"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
