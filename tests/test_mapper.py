"""map_release on a hand-made Extraction: exactly which triples the public vocabulary gets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS

from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import map_release, release_triples
from migragraph.validate.shacl import validate_graphs
from migragraph.vocab import MG

from .conftest import FRAMEWORK, FUNDING, MEETING, POST, TEXT, TITLE, span

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "contract-example.trig"


def test_release_node(graph: Graph, minter: IriMinter) -> None:
    r = minter("release", "iom-eu-senior-officials-2025")
    assert graph.identifier == r
    assert set(graph.objects(r, RDF.type)) == {MG.Release, PROV.Entity}
    assert graph.value(r, RDFS.label) == Literal(TITLE)
    assert graph.value(r, DCTERMS.title) == Literal(TITLE)
    assert graph.value(r, DCTERMS.issued) == Literal("2025-04-04", datatype=XSD.date)
    assert graph.value(r, DCTERMS.publisher) == minter("org", "iom")
    assert (minter("org", "iom"), RDF.type, ORG.Organization) in graph
    assert set(graph.objects(r, DCTERMS.subject)) == {
        URIRef(f"http://metadata.un.org/sdg/{n}") for n in (10, 16, 17)
    }
    place = minter("place", "Brussels")
    assert graph.value(r, MG.dateline) == place
    assert (place, RDF.type, SDO.Place) in graph and graph.value(place, RDFS.label) == Literal("Brussels")
    assert graph.value(r, SDO.text) == Literal(TEXT)
    assert graph.value(r, MG.contentHash) == Literal("sha256:" + hashlib.sha256(TEXT.encode()).hexdigest())
    # The record as found under the input, never the absolute path it was read from (issue #17).
    assert graph.value(r, MG.sourceRecord) == Literal("releases/iom-eu-senior-officials-2025.txt")
    assert graph.value(r, SDO.url) is None  # the release gave no URL


def test_mentions_every_entity(graph: Graph, minter: IriMinter) -> None:
    r = minter("release", "iom-eu-senior-officials-2025")
    funding = minter("funding", "european-commission", "iom", "590000000", "EUR", "2024")  # what it is
    expected = {minter("org", k) for k in ("eu", "iom", "european-commission", "dg-home")}
    expected |= {
        minter("person", "amy-pope"),
        minter("person", "ryan-schroeder"),
        minter("meeting", "iom-eu-senior-officials-2025", "0"),
        minter("framework", "eu-iom-strategic-cooperation-framework"),
        funding,
    }
    assert set(graph.objects(r, MG.mentions)) == expected


def test_provenance_without_wall_clock(graph: Graph, minter: IriMinter) -> None:
    r = minter("release", "iom-eu-senior-officials-2025")
    source = minter("source", "releases/iom-eu-senior-officials-2025.txt")  # no file: URI (issue #17)
    activity = minter("activity", "iom-eu-senior-officials-2025")
    agent = minter("agent", "migragraph", "0.1.0")
    assert graph.value(r, PROV.wasDerivedFrom) == source
    # Not the file's modification time either: a release is its content (store/state.py).
    assert graph.value(source, DCTERMS.modified) is None
    assert graph.value(r, PROV.wasGeneratedBy) == activity
    assert graph.value(activity, PROV.wasAssociatedWith) == agent
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert graph.value(agent, RDFS.label) == Literal("migragraph 0.1.0")
    assert not any(
        o.datatype == XSD.dateTime
        for o in graph.objects()
        if isinstance(o, Literal)
        if o != Literal("2025-04-05T08:00:00Z", datatype=XSD.dateTime)
    )


def test_no_blank_nodes_and_same_triples_every_time(
    release: RawRelease, extraction: Extraction, minter: IriMinter, graph: Graph
) -> None:
    assert not [t for t in graph if any(isinstance(x, BNode) for x in t)]
    assert set(map_release(release, extraction, minter, "0.1.0")) == set(graph)


def test_the_build_gets_the_same_triples_each_once_in_one_order(
    release: RawRelease, extraction: Extraction, minter: IriMinter, graph: Graph
) -> None:
    # The build stores release_triples without an rdflib Graph in between (pipeline._one).
    triples = release_triples(release, extraction, minter, "0.1.0")
    assert len(triples) == len(set(triples)) == len(graph)
    assert set(triples) == set(graph)
    assert release_triples(release, extraction, minter, "0.1.0") == triples
    keys = [t for t in triples if t[1] == MG.nameKey]
    assert keys == sorted(keys) and triples[-len(keys):] == keys  # name keys last, sorted
    assert (minter("org", "iom"), MG.nameKey, Literal("iom")) in keys


def test_organisations(graph: Graph, minter: IriMinter) -> None:
    eu, iom, ec, home = (minter("org", k) for k in ("eu", "iom", "european-commission", "dg-home"))
    assert set(graph.objects(home, RDF.type)) == {ORG.Organization, ORG.OrganizationalUnit}
    assert set(graph.objects(iom, RDF.type)) == {ORG.Organization}
    assert graph.value(iom, SKOS.prefLabel) == Literal("International Organization for Migration")
    assert graph.value(iom, RDFS.label) == Literal("International Organization for Migration")
    assert set(graph.objects(iom, SKOS.altLabel)) == {Literal("IOM"), Literal("UN Migration")}
    assert graph.value(ec, ORG.subOrganizationOf) == eu
    assert graph.value(home, ORG.subOrganizationOf) == ec
    assert graph.value(iom, ORG.subOrganizationOf) is None  # its parent "un" is not in the extraction
    assert graph.value(eu, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q458")


def test_persons_and_post(graph: Graph, minter: IriMinter) -> None:
    pope, ryan = minter("person", "amy-pope"), minter("person", "ryan-schroeder")
    assert (pope, RDF.type, FOAF.Person) in graph
    assert graph.value(pope, FOAF.name) == Literal("Amy Pope") == graph.value(pope, RDFS.label)
    assert graph.value(pope, SKOS.altLabel) == Literal("DG Pope")
    assert graph.value(ryan, FOAF.mbox) == URIRef("mailto:rschroeder@iom.int")
    post = minter("post", "iom", "Director General", "amy-pope")
    role = minter("role", "Director General")
    assert (post, RDF.type, ORG.Post) in graph
    assert graph.value(post, RDFS.label) == Literal(
        "Director General, International Organization for Migration"
    )
    assert graph.value(post, ORG.heldBy) == pope and graph.value(pope, ORG.holds) == post
    assert graph.value(post, ORG.postIn) == minter("org", "iom")
    assert graph.value(post, ORG.role) == role
    assert (role, RDF.type, ORG.Role) in graph
    assert graph.value(role, SKOS.prefLabel) == Literal("Director General") == graph.value(role, RDFS.label)
    assert graph.value(post, MG.asOf) == Literal("2025-04-04", datatype=XSD.date)


def test_meeting(graph: Graph, minter: IriMinter) -> None:
    m = minter("meeting", "iom-eu-senior-officials-2025", "0")
    assert (m, RDF.type, MG.Meeting) in graph
    assert graph.value(m, RDFS.label) == Literal("11th EU-IOM Senior Officials Meeting")
    assert graph.value(m, SDO.startDate) == Literal("2025-04-04", datatype=XSD.date)
    assert graph.value(m, SDO.location) == minter("place", "Brussels")
    # "not-extracted" names no organisation or person of the extraction: left out, not guessed.
    assert set(graph.objects(m, MG.participant)) == {minter("org", "eu"), minter("org", "iom")}
    assert graph.value(m, MG.chair) == minter("person", "amy-pope")
    assert graph.value(m, SDO.organizer) == minter("org", "dg-home")
    assert graph.value(m, MG.ordinal) == Literal(11, datatype=XSD.integer)
    assert graph.value(m, MG.framework) == minter("framework", "eu-iom-strategic-cooperation-framework")


def test_framework(graph: Graph, minter: IriMinter) -> None:
    f = minter("framework", "eu-iom-strategic-cooperation-framework")
    assert (f, RDF.type, MG.Framework) in graph
    assert graph.value(f, RDFS.label) == Literal("EU-IOM Strategic Cooperation Framework")
    assert graph.value(f, SKOS.altLabel) == Literal("Strategic Cooperation Framework")
    assert set(graph.objects(f, MG.party)) == {minter("org", "eu"), minter("org", "iom")}
    assert graph.value(f, DCTERMS.created) == Literal("2012-07", datatype=XSD.gYearMonth)


def test_funding(graph: Graph, minter: IriMinter) -> None:
    f = minter("funding", "european-commission", "iom", "590000000", "EUR", "2024")
    assert (f, RDF.type, MG.Funding) in graph
    assert graph.value(f, RDFS.label) == Literal(
        "European Commission funding to International Organization for Migration, 2024"
    )
    assert graph.value(f, SDO.funder) == minter("org", "european-commission")
    assert graph.value(f, MG.recipient) == minter("org", "iom")
    amount = graph.value(f, SDO.amount)
    assert isinstance(amount, URIRef)
    assert (amount, RDF.type, SDO.MonetaryAmount) in graph
    value = graph.value(amount, SDO.value)
    assert isinstance(value, Literal) and value.datatype == XSD.decimal and str(value) == "590000000"
    assert graph.value(amount, SDO.currency) == Literal("EUR")
    assert graph.value(amount, MG.qualifier) == Literal("over")
    assert graph.value(f, MG.year) == Literal("2024", datatype=XSD.gYear)


@pytest.mark.parametrize("sentence", [POST, MEETING, FRAMEWORK, FUNDING])
def test_evidence(graph: Graph, minter: IriMinter, sentence: str) -> None:
    r = minter("release", "iom-eu-senior-officials-2025")
    s = span(sentence)
    node = URIRef(f"{r}#evidence-{s.start}-{s.end}")
    assert (node, RDF.type, MG.Evidence) in graph
    assert graph.value(node, MG.sentence) == Literal(sentence) == Literal(TEXT[s.start : s.end])
    assert graph.value(node, MG.startOffset) == Literal(s.start, datatype=XSD.integer)
    assert graph.value(node, MG.endOffset) == Literal(s.end, datatype=XSD.integer)
    assert graph.value(node, MG.inRelease) == r
    assert len(list(graph.subjects(MG.evidence, node))) == 1


def test_an_events_later_sentences_are_evidence_too(release: RawRelease, extraction: Extraction,
                                                    minter: IriMinter) -> None:
    extraction.meetings[0].further = [span(POST)]
    extraction.funding[0].further = [span(POST)]
    graph = map_release(release, extraction, minter, "0.1.0")
    r = minter("release", "iom-eu-senior-officials-2025")
    meeting = next(graph.subjects(RDF.type, MG.Meeting))
    funding = next(graph.subjects(RDF.type, MG.Funding))
    for event, first in ((meeting, MEETING), (funding, FUNDING)):
        sentences = {str(graph.value(node, MG.sentence)) for node in graph.objects(event, MG.evidence)}
        assert sentences == {first, POST}
    later = URIRef(f"{r}#evidence-{span(POST).start}-{span(POST).end}")
    assert set(graph.subjects(MG.evidence, later)) >= {meeting, funding}
    assert validate_graphs([graph]).conforms


def test_evidence_on_every_relation(graph: Graph) -> None:
    for cls in (ORG.Post, MG.Meeting, MG.Framework, MG.Funding):
        for node in graph.subjects(RDF.type, cls):
            assert graph.value(node, MG.evidence) is not None, node


def test_mapped_graph_conforms(graph: Graph) -> None:
    report = validate_graphs([graph])
    assert report.conforms, report.violations


@pytest.mark.skipif(
    not CONTRACT.exists(), reason="../shared/eval/contract-example.trig is not beside the checkout"
)
def test_uses_every_term_of_the_contract(graph: Graph) -> None:
    # Parsed by pyoxigraph: rdflib's TriG parser warns of its own deprecations (an error under pytest).
    quads = list(ox.parse(path=str(CONTRACT), format=ox.RdfFormat.TRIG))
    predicates = {URIRef(q.predicate.value) for q in quads}
    classes = {URIRef(q.object.value) for q in quads if q.predicate.value == str(RDF.type)}
    assert predicates - set(graph.predicates()) == set()
    assert classes - set(graph.objects(None, RDF.type)) == set()


def test_two_long_keys_that_begin_alike_mint_two_iris() -> None:
    # The Central American Bank for Economic Integration's framework with Switzerland and with the Green
    # Climate Fund: the partner falls past the 80 characters a segment keeps, and cut alone both were one
    # node (at 100,000 synthetic releases one such framework had 159 parties).
    from migragraph.extract.extractor import extract

    said = ("In December 2016, the CABEI and {} established a Strategic Cooperation Framework to support "
            "governments in managing return.")
    minter = IriMinter()

    def iri(partner: str, key: str) -> URIRef:
        (framework,) = extract(RawRelease(source=key, text=said.format(partner), key=key)).frameworks
        return minter("framework", framework.key)

    found = {partner: iri(partner, "one") for partner in ("Switzerland", "Green Climate Fund")}
    assert found["Switzerland"] != found["Green Climate Fund"]
    assert all(len(str(i).rsplit("/", 1)[1]) <= 80 for i in found.values())
    assert iri("Switzerland", "another") == found["Switzerland"]  # the same framework, the same IRI


def test_a_city_written_with_its_district_is_the_one_place(release: RawRelease, extraction: Extraction,
                                                          minter: IriMinter) -> None:
    # "Washington, DC, USA, October 20, 2019." (gold sg-568d36c07db5) and "Washington" name one city: one
    # place node, labelled as each release writes it
    extraction.info.place = "Washington, DC"
    graph = map_release(release, extraction, minter, "0.1.0")
    place = graph.value(minter("release", "iom-eu-senior-officials-2025"), MG.dateline)
    assert place == minter("place", "Washington")
    assert graph.value(place, RDFS.label) == Literal("Washington, DC")
