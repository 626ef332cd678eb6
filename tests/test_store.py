"""The store: named graphs replaced whole, terms kept exactly, on disk and in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from migragraph.errors import StoreError
from migragraph.map.prefixes import prefixes
from migragraph.store import GraphStore, Solutions

G1, G2 = (
    URIRef("https://w3id.org/migragraph/id/release/a"),
    URIRef("https://w3id.org/migragraph/id/release/b"),
)
S = URIRef("https://w3id.org/migragraph/id/org/iom")
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    return GraphStore(None if request.param == "memory" else tmp_path / "store")


def test_add_replace_remove(store: GraphStore) -> None:
    store.add_release(G1, [(S, LABEL, Literal("IOM"))])
    store.add_release(G2, [(S, LABEL, Literal("UN Migration"))])
    store.add_release(G1, [(S, LABEL, Literal("International Organization for Migration"))])
    assert store.named_graphs() == [G1, G2]
    assert set(store.graph(G1)) == {(S, LABEL, Literal("International Organization for Migration"))}
    store.remove_release(G2)
    assert store.named_graphs() == [G1]
    assert len(store) == 1
    store.close()


def test_terms_round_trip(store: GraphStore, graph: Graph) -> None:
    store.add_release(URIRef(str(graph.identifier)), graph)
    back = store.graph(URIRef(str(graph.identifier)))
    assert isomorphic(back, graph)
    assert set(back) == set(graph)  # no blank nodes, so equal as sets too


def test_query_union_of_graphs(store: GraphStore) -> None:
    store.add_release(G1, [(S, RDF.type, URIRef("http://www.w3.org/ns/org#Organization"))])
    store.add_release(
        G2, [(S, URIRef("https://w3id.org/migragraph/ns#ordinal"), Literal(11, datatype=XSD.integer))]
    )
    answer = store.query("SELECT ?n WHERE { ?o a org:Organization ; mg:ordinal ?n }")
    assert isinstance(answer, Solutions)
    assert answer.variables == ["n"] and answer.rows == [(Literal(11, datatype=XSD.integer),)]
    assert store.query("ASK { ?o a org:Role }") is False


def test_dump_is_sorted_trig_with_prefixes(store: GraphStore, graph: Graph) -> None:
    store.add_release(G2, [(S, LABEL, Literal("b"))])
    store.add_release(URIRef(str(graph.identifier)), graph)
    trig = store.dump("trig", prefixes("https://w3id.org/migragraph/id/")).decode("utf-8")
    assert "@prefix organisation: <https://w3id.org/migragraph/id/org/> ." in trig
    assert trig.index("release:b {") < trig.index("release:iom-eu-senior-officials-2025 {")  # sorted by IRI
    other = GraphStore()
    other.add_release(URIRef(str(graph.identifier)), graph)
    other.add_release(G2, [(S, LABEL, Literal("b"))])
    assert other.dump("trig", prefixes("https://w3id.org/migragraph/id/")).decode("utf-8") == trig


def test_read_only_store_and_errors(tmp_path: Path) -> None:
    with GraphStore(tmp_path / "store") as writer:
        writer.add_release(G1, [(S, LABEL, Literal("IOM"))])
    with GraphStore(tmp_path / "store", read_only=True) as reader:
        assert reader.named_graphs() == [G1]
        with pytest.raises(StoreError, match="not valid"):
            reader.query("SELECT nonsense")
    with pytest.raises(StoreError, match="no store at"):
        GraphStore(tmp_path / "missing", read_only=True)
    closed = GraphStore()
    closed.close()
    with pytest.raises(StoreError, match="closed"):
        closed.named_graphs()


def test_default_graph_is_the_union_as_a_set(store: GraphStore) -> None:
    """A fact stated by two releases is one row, and stays until no release states it."""
    fact = (S, LABEL, Literal("IOM"))
    store.add_release(G1, [fact])
    store.add_release(G2, [fact, (S, LABEL, Literal("UN Migration"))])
    rows = store.query("SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")
    assert isinstance(rows, Solutions) and rows.rows == [(Literal("IOM"),), (Literal("UN Migration"),)]
    store.add_release(G2, [(S, LABEL, Literal("UN Migration"))])  # replaced: G1 still states "IOM"
    assert store.query('ASK { ?s rdfs:label "IOM" }') is True
    store.remove_release(G1)
    assert store.query('ASK { ?s rdfs:label "IOM" }') is False
    assert store.query('ASK { ?s rdfs:label "UN Migration" }') is True
    assert len(store) == 1


def test_replacing_a_graph_changes_only_what_differs(store: GraphStore) -> None:
    """A release built again states mostly what it stated: the triples it keeps stay, one it drops
    leaves the union unless another release states it, one it adds enters both; blank nodes too."""
    from rdflib import BNode

    iom, un = (S, LABEL, Literal("IOM")), (S, LABEL, Literal("UN Migration"))
    kind = (S, RDF.type, URIRef("http://www.w3.org/ns/org#Organization"))
    store.add_release(G1, [iom, un, kind])
    store.add_release(G2, [un])
    store.add_release(G1, [kind, iom])  # the same graph again, in another order
    assert set(store.graph(G1)) == {iom, kind}
    store.add_release(G1, [kind, (S, LABEL, Literal("OIM"))])
    assert set(store.graph(G1)) == {kind, (S, LABEL, Literal("OIM"))}
    labels = store.query("SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")
    assert isinstance(labels, Solutions)
    assert labels.rows == [(Literal("OIM"),), (Literal("UN Migration"),)]  # "IOM" gone, G2's kept
    assert store.query("ASK { ?s a org:Organization }") is True and len(store) == 3
    store.add_release(G1, [(BNode("x"), LABEL, Literal("a"))])  # replaced whole: DELETE DATA has no blanks
    store.add_release(G1, [(BNode("y"), LABEL, Literal("b"))])
    assert [o for _, _, o in store.graph(G1)] == [Literal("b")]
    assert store.query("ASK { ?s a org:Organization }") is False and len(store) == 2


def test_an_interrupted_bulk_load_is_undone_on_the_next_open(tmp_path: Path) -> None:
    """A journal left by a load cut short names graphs that may be half there: the next writer drops
    them and any triple of the union no graph states, before anything else."""
    import pyoxigraph as ox

    with GraphStore(tmp_path / "store") as store:
        store.add_new_releases([(G1, [(S, LABEL, Literal("IOM"))])])
        assert not (tmp_path / "store.pending").exists()
    raw = ox.Store(str(tmp_path / "store"))  # what a killed load may leave: part of G2, an orphan
    half = ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(LABEL)), ox.Literal("UN Migration"),
                   ox.NamedNode(str(G2)))
    orphan = ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(LABEL)), ox.Literal("OIM"), ox.DefaultGraph())
    raw.bulk_extend([half, orphan])
    raw.flush()
    del raw
    (tmp_path / "store.pending").write_text(f"{G2}\n", encoding="utf-8")
    with GraphStore(tmp_path / "store") as store:
        assert store.named_graphs() == [G1]
        labels = store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")
        assert isinstance(labels, Solutions) and labels.rows == [(Literal("IOM"),)]
    assert not (tmp_path / "store.pending").exists()


def test_new_releases_in_one_batch_keep_the_union(store: GraphStore) -> None:
    fact = (S, LABEL, Literal("IOM"))
    store.add_new_releases([(G1, [fact]), (G2, [fact, (S, LABEL, Literal("UN Migration"))])])
    store.remove_release(G1)
    assert store.query('ASK { ?s rdfs:label "IOM" }') is True  # G2 states it still
    store.remove_release(G2)
    assert store.query("ASK { ?s ?p ?o }") is False and store.named_graphs() == []


V = ' VALUES (?x) { ("v") }'


@pytest.mark.parametrize(("query", "bound"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", f"SELECT ?x WHERE {{{V} ?x ?p ?o }}"),
    ("# ?x { }\nSELECT * { ?y <http://x/a> '{', \"}\" FILTER(?y != $x) }",
     f"# ?x {{ }}\nSELECT * {{{V} ?y <http://x/a> '{{', \"}}\" FILTER(?y != $x) }}"),
    ("SELECT ?x WHERE { { SELECT ?x WHERE { ?y ?p ?x } } UNION { ?x ?p ?o FILTER NOT EXISTS { ?x ?q ?o } } }",
     f"SELECT ?x WHERE {{{V} {{ SELECT ?x WHERE {{{V} ?y ?p ?x }} }} UNION {{{V} ?x ?p ?o "
     f"FILTER NOT EXISTS {{{V} ?x ?q ?o }} }} }}"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?p { <http://x/p> } ?x ?p ?o }",
     f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{{V} VALUES ?p {{ <http://x/p> }} ?x ?p ?o }}"),
])
def test_parameters_are_bound_in_every_group(query: str, bound: str) -> None:
    import pyoxigraph as ox

    from migragraph.store.sparqltext import bind_values

    assert bind_values(query, {ox.Variable("x"): ox.Literal("v")}) == bound
    ox.Store().query(bound)  # still SPARQL


def test_a_variable_the_query_binds_cannot_be_a_parameter() -> None:
    import pyoxigraph as ox

    from migragraph.store.sparqltext import bind_values

    for query in ("SELECT * WHERE { BIND(1 AS ?x) }", "SELECT * WHERE { VALUES ?x { 1 } }"):
        with pytest.raises(StoreError, match=r"binds \?x itself"):
            bind_values(query, {ox.Variable("x"): ox.Literal("v")})


def test_a_batch_the_store_cannot_read_is_loaded_one_release_at_a_time(store: GraphStore) -> None:
    from migragraph.store.terms import ReleaseQuads, nquads

    good = nquads(G1, [(S, LABEL, Literal("IOM"))])
    # terms.nquads never writes this (a language tag must start with a letter); the store is the last guard
    line = f'<{S}> <{LABEL}> "OIM"@123'
    bad = ReleaseQuads(f"{line} <{G2}> .\n".encode(), (line,), 1)
    refused = store.load_new([(G1, good), (G2, bad)])
    reasons = [(iri, reason.split(":")[0]) for iri, reason in refused]
    assert reasons == [(G2, "the store cannot read its triples")]
    assert store.named_graphs() == [G1]
    rows = store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")
    assert isinstance(rows, Solutions) and rows.rows == [(Literal("IOM"),)]


@pytest.mark.parametrize(("term", "culprit"), [
    (URIRef("not an iri"), "the IRI <not an iri>: not an absolute IRI"),
    (URIRef("http://example.org:port/x"), "the IRI <http://example.org:port/x>: Invalid character 'p'"),
    (URIRef("http://example.org/%zz"), "the IRI <http://example.org/%zz>: Invalid IRI percent encoding"),
    (Literal("x", lang="abcdefghi"), "the language tag 'abcdefghi': A subtag may be eight characters"),
])
def test_what_the_store_would_refuse_is_refused_when_written_naming_it(term: Node, culprit: str) -> None:
    # The store's bulk load is lenient (it does not check IRIs and tags again): these checks are the
    # ones oxigraph's strict parser makes.
    from migragraph.store.terms import nquads

    subject, obj = (term, Literal("x")) if isinstance(term, URIRef) else (S, term)
    with pytest.raises(StoreError) as refused:
        nquads(G1, [(subject, LABEL, obj)])
    assert str(refused.value).startswith(f"cannot store {culprit}")
