"""migragraph.evaluate: the same numbers as the team's reference scorer, and exact counts on tiny graphs."""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, SDO

from migragraph.evaluate import (
    PrecisionCount,
    RecallCount,
    Score,
    build_dataset,
    evaluate,
    render_json,
    render_text,
    score_graph,
)
from migragraph.evaluate.normalise import norm
from migragraph.vocab import MG

SHARED = Path(__file__).parents[1].parent / "shared"
GOLD_DIR = SHARED / "data" / "gold"
REFERENCE = SHARED / "eval" / "score.py"
DATA = Path(__file__).parent / "data"
needs_shared = pytest.mark.skipif(
    not REFERENCE.exists() or not GOLD_DIR.is_dir(),
    reason=f"the shared folder ({SHARED}) with eval/score.py and data/gold/ is not beside the checkout",
)

EX = Namespace("https://example.org/id/")
RELEASE = EX["release/r1"]
REFERENCE_GRAPH = EX["graph/gazetteer"]

Triple = tuple[URIRef, URIRef, URIRef | Literal]


# ----------------------------------------------------------------------------- the reference scorer

@functools.cache
def reference_module() -> ModuleType:
    """shared/eval/score.py, loaded from its path: it is not a package anyone installs."""
    spec = importlib.util.spec_from_file_location("shared_eval_score", REFERENCE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_summary(gold: dict[str, Any], dataset: Dataset) -> dict[str, Any]:
    """What shared/eval/score.py says of `dataset`, read as its load() reads a file."""
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    release_graphs = {c for _, _, _, c in dataset.quads((None, RDF.type, MG.Release, None))}
    graph.extracted = None  # type: ignore[attr-defined]
    if release_graphs:
        graph.extracted = {n for s, _, o, c in dataset.quads((None, None, None, None))  # type: ignore[attr-defined]
                           if c in release_graphs for n in (s, o)}
    scorer = reference_module().Scorer(gold, graph)
    scorer.run()
    summary: dict[str, Any] = scorer.summary()
    return summary


def assert_agrees(gold: dict[str, Any], dataset: Dataset) -> Score:
    ours, theirs = score_graph(gold, dataset), reference_summary(gold, dataset)
    mine = ours.to_dict()
    for key in ("f1", "precision", "recall", "facts", "precision_by_type", "misses"):
        assert mine[key] == theirs[key], key
    assert len(mine["extra_orgs"]) == len(theirs["extra_orgs"])
    assert len(mine["extra_persons"]) == len(theirs["extra_persons"])
    return ours


# ----------------------------------------------------------------------------- agreement on the gold set

GOLD_NAMES = sorted(p.stem for p in GOLD_DIR.glob("*.json") if p.with_suffix(".txt").exists()) \
    if GOLD_DIR.is_dir() else []
@functools.cache
def built(name: str) -> Dataset:
    """Each gold release built once for the whole module; the tests only read it."""
    return build_dataset(GOLD_DIR / f"{name}.txt")


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _sorted_quads(dataset: Dataset) -> list[tuple[Any, Any, Any, Any]]:
    return sorted(dataset.quads((None, None, None, None)), key=lambda q: tuple(str(x) for x in q))


def thinned(dataset: Dataset, every: int, offset: int) -> Dataset:
    """The dataset with every `every`-th quad dropped: graphs with misses, half-described nodes."""
    out = Dataset()
    for i, (s, p, o, c) in enumerate(_sorted_quads(dataset)):
        if (i + offset) % every:
            out.graph(c).add((s, p, o))
    return out


def described_elsewhere(dataset: Dataset) -> Dataset:
    """Every second subject (the release aside) described in a graph that is not a release's: it still
    counts where the release mentions it as an object, and its labels still count everywhere."""
    subjects = sorted({str(s) for s, *_ in dataset.quads((None, None, None, None))})
    moved = {s for i, s in enumerate(subjects) if i % 2}
    releases = {str(s) for s, *_ in dataset.quads((None, RDF.type, MG.Release, None))}
    out = Dataset()
    for s, p, o, c in _sorted_quads(dataset):
        out.graph(REFERENCE_GRAPH if str(s) in moved - releases else c).add((s, p, o))
    return out


VARIANTS: dict[str, Callable[[Dataset], Dataset]] = {
    "as built": lambda ds: ds,
    "every third quad dropped": lambda ds: thinned(ds, 3, 0),
    "every second quad dropped": lambda ds: thinned(ds, 2, 1),
    "half the subjects in a reference graph": described_elsewhere,
}


@needs_shared
@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", GOLD_NAMES)
def test_agrees_with_reference_scorer_on_gold_releases(name: str, variant: str) -> None:
    assert_agrees(gold(name), VARIANTS[variant](built(name)))


@needs_shared
def test_gold_set_is_all_there() -> None:
    assert len(GOLD_NAMES) == 79  # a gold file that lost its text would silently drop out of the score


@needs_shared
def test_evaluate_the_gold_folder_matches_the_reference_release_by_release() -> None:
    report = evaluate(GOLD_DIR, lambda text: built(text.stem))
    assert [r.name for r in report.releases] == GOLD_NAMES
    for result in report.releases:
        assert result.error is None
        assert result.score.f1 == reference_summary(gold(result.name), built(result.name))["f1"]
    assert report.min_f1 <= report.mean_f1 <= 1.0


# ----------------------------------------------------------------------------- tiny hand-made graphs


def dataset(release: Iterable[Triple], reference: Iterable[Triple] = ()) -> Dataset:
    """A release graph (with its mg:Release node) and, apart, a reference graph."""
    ds = Dataset()
    graph = ds.graph(RELEASE)
    graph.add((RELEASE, RDF.type, MG.Release))
    for triple in release:
        graph.add(triple)
    other = ds.graph(REFERENCE_GRAPH)
    for triple in reference:
        other.add(triple)
    return ds


def org(key: str, *labels: str) -> list[Triple]:
    node = EX[f"org/{key}"]
    return [(node, RDF.type, ORG.Organization), *((node, RDFS.label, Literal(x)) for x in labels)]


def agreed(gold_data: dict[str, Any], ds: Dataset) -> Score:
    """Our score, checked against the reference scorer when the shared folder is there."""
    return assert_agrees(gold_data, ds) if REFERENCE.exists() else score_graph(gold_data, ds)


IOM = {"name": "International Organization for Migration", "aliases": ["IOM"]}
UN = {"name": "United Nations", "aliases": ["UN"]}
EC = {"name": "European Commission", "aliases": ["Commission"]}


def test_organisation_found_by_alias() -> None:
    score = agreed({"organisations": [IOM]}, dataset(org("iom", "IOM")))
    assert score.facts == {"organisation": RecallCount(1, 1)}
    assert score.precision_by_type["organisation"] == PrecisionCount(1, 1)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_duplicate_node_lowers_precision_not_recall() -> None:
    ds = dataset(org("iom", "IOM") + org("iom-2", "the International Organization for Migration"))
    score = agreed({"organisations": [IOM]}, ds)
    assert score.facts["organisation"] == RecallCount(1, 1)
    assert score.precision_by_type["organisation"] == PrecisionCount(1, 2)
    assert (score.precision, score.recall, score.f1) == (0.5, 1.0, 0.667)


def test_extra_and_missing_entities() -> None:
    ds = dataset(org("iom", "IOM") + org("who", "World Health Organization"))
    score = agreed({"organisations": [IOM, UN]}, ds)
    assert score.facts["organisation"] == RecallCount(1, 2)
    assert score.precision_by_type["organisation"] == PrecisionCount(1, 2)
    assert score.misses == ["organisation: United Nations"]
    assert score.extra_organisations == ["world health organization"]


def test_entity_only_in_a_non_release_graph_is_not_counted_but_its_labels_are() -> None:
    un = EX["org/un"]
    ds = dataset(org("iom", "IOM") + [(EX["org/iom"], ORG.subOrganizationOf, un)],
                 reference=org("un", "United Nations") + org("who", "World Health Organization"))
    score = agreed({"organisations": [IOM, UN | {"parent": None}, {"name": "IOM Ghana"}]}, ds)
    # The UN is mentioned by the release (as an object), so it counts; WHO is only in the gazetteer.
    assert score.precision_by_type["organisation"] == PrecisionCount(2, 2)
    assert score.facts["organisation"] == RecallCount(2, 3)
    hierarchy = {"organisations": [IOM | {"parent": "United Nations"}]}
    assert agreed(hierarchy, ds).facts["hierarchy"] == RecallCount(1, 1)
    alone = dataset(org("iom", "IOM"), reference=org("un", "United Nations"))
    assert agreed({"organisations": [UN]}, alone).facts["organisation"] == RecallCount(0, 1)


def test_without_any_release_graph_every_typed_node_counts() -> None:
    ds = Dataset()
    for triple in org("un", "UN"):
        ds.graph(REFERENCE_GRAPH).add(triple)
    assert agreed({"organisations": [UN]}, ds).facts["organisation"] == RecallCount(1, 1)


def funding(key: str, donor: str, recipient: str, value: str, currency: str = "EUR") -> list[Triple]:
    node, amount = EX[f"funding/{key}"], EX[f"amount/{key}"]
    return [(node, RDF.type, MG.Funding), (node, SDO.funder, EX[f"org/{donor}"]),
            (node, MG.recipient, EX[f"org/{recipient}"]), (node, SDO.amount, amount),
            (amount, SDO.value, Literal(value, datatype=XSD.decimal)),
            (amount, SDO.currency, Literal(currency)), (node, MG.year, Literal("2024", datatype=XSD.gYear))]


def test_funding_within_one_percent_matches_and_two_percent_off_does_not() -> None:
    ds = dataset(org("ec", "European Commission") + org("iom", "IOM")
                 + funding("near", "ec", "iom", "595000000")     # 0.85% above 590 million
                 + funding("far", "ec", "iom", "122400000"))      # 2% above 120 million
    flows = [{"donor": "European Commission", "recipient": "IOM", "amount": 590000000, "currency": "EUR",
              "year": 2024},
             {"donor": "Commission", "recipient": "International Organization for Migration",
              "amount": 120000000, "currency": "EUR", "year": None}]
    score = agreed({"organisations": [EC, IOM], "funding": flows}, ds)
    assert score.facts["funding"] == RecallCount(1, 2)
    assert score.facts["funding-detail"] == RecallCount(2, 2)  # currency and year, of the found one only
    assert score.precision_by_type["funding"] == PrecisionCount(1, 2)
    assert score.misses == ["funding: Commission -> International Organization for Migration 120000000"]


def meeting(key: str, *extra: tuple[URIRef, URIRef | Literal]) -> list[Triple]:
    node = EX[f"meeting/{key}"]
    return [(node, RDF.type, MG.Meeting), *((node, p, o) for p, o in extra)]


def test_meeting_matched_by_date_then_its_details() -> None:
    ds = dataset(org("eu", "EU") + org("iom", "IOM")
                 + meeting("m1", (SDO.startDate, Literal("2025-04-04", datatype=XSD.date)),
                           (MG.participant, EX["org/eu"]), (MG.participant, EX["org/iom"]),
                           (MG.ordinal, Literal(11)), (SDO.location, Literal("Brussels")))
                 + meeting("m2", (SDO.startDate, Literal("2024-01-01", datatype=XSD.date))))
    gold_meeting = {"date": "2025-04-04", "place": "Brussels", "ordinal": 11,
                    "participants": ["European Union", "International Organization for Migration"],
                    "chairs": ["Amy Pope"], "host": None, "framework": None}
    score = agreed({"organisations": [{"name": "European Union", "aliases": ["EU"]}, IOM],
                    "meetings": [gold_meeting]}, ds)
    assert score.facts["meeting"] == RecallCount(1, 1)
    # place, two participants and the ordinal found; the chair is missing.
    assert score.facts["meeting-detail"] == RecallCount(4, 5)
    assert score.misses == ["meeting-detail: meeting on 2025-04-04 chair Amy Pope"]
    assert score.precision_by_type["meeting"] == PrecisionCount(1, 2)


def test_undated_meeting_matched_by_two_participants() -> None:
    ds = dataset(org("eu", "EU") + org("iom", "IOM")
                 + meeting("m1", (MG.participant, EX["org/eu"]), (MG.participant, EX["org/iom"]))
                 + meeting("m2", (MG.participant, EX["org/eu"])))
    gold_meeting = {"date": None, "participants": ["European Union", "IOM"], "attendees": []}
    score = agreed({"organisations": [{"name": "European Union", "aliases": ["EU"]}, IOM],
                    "meetings": [gold_meeting]}, ds)
    assert score.facts["meeting"] == RecallCount(1, 1)
    assert score.precision_by_type["meeting"] == PrecisionCount(1, 2)


def test_post_role_as_whole_words_and_accepted_organisation() -> None:
    pope, post = EX["person/amy-pope"], EX["post/p1"]
    ds = dataset(org("ec", "European Commission") + [
        (pope, RDF.type, FOAF.Person), (pope, FOAF.name, Literal("Amy Pope")),
        (post, RDF.type, ORG.Post), (post, ORG.heldBy, pope), (post, ORG.postIn, EX["org/ec"]),
        (post, RDFS.label, Literal("Acting Director-General"))])
    person = {"name": "Amy Pope", "posts": [{"role": "Director General", "organisation": "DG HOME",
                                             "also_accept_organisation": ["European Commission"]}]}
    score = agreed({"organisations": [EC], "persons": [person]}, ds)
    assert score.facts["post"] == RecallCount(1, 1)
    assert score.precision_by_type["post"] == PrecisionCount(1, 1)


def test_framework_by_name_overlap_or_by_parties_and_date() -> None:
    named, signed = EX["framework/f1"], EX["framework/f2"]
    ds = dataset(org("eu", "EU") + org("iom", "IOM") + [
        (named, RDF.type, MG.Framework), (named, RDFS.label, Literal("Strategic Cooperation Framework")),
        (signed, RDF.type, MG.Framework), (signed, MG.party, EX["org/eu"]), (signed, MG.party, EX["org/iom"]),
        (signed, DCTERMS.created, Literal("2012-07-17", datatype=XSD.date))])
    frameworks = [{"name": "EU-IOM Strategic Cooperation Framework", "parties": []},  # 3 of 5 words: 60%
                  {"name": "Memorandum of Understanding", "parties": ["European Union", "IOM"],
                   "established": "2012-07"}]
    score = agreed({"organisations": [{"name": "European Union", "aliases": ["EU"]}, IOM],
                    "frameworks": frameworks}, ds)
    assert score.facts["framework"] == RecallCount(2, 2)
    assert score.facts["framework-detail"] == RecallCount(3, 3)
    assert score.precision_by_type["framework"] == PrecisionCount(2, 2)


def test_one_party_framework_is_not_found_by_its_party_alone() -> None:
    node = EX["framework/f1"]
    ds = dataset(org("tr", "Türkiye") + [(node, RDF.type, MG.Framework), (node, MG.party, EX["org/tr"]),
                                         (node, RDFS.label, Literal("Grain deal"))])
    turkiye = {"name": "Government of Türkiye", "aliases": ["Turkiye"]}
    frameworks = [{"name": "Black Sea Initiative", "parties": ["Government of Türkiye"]}]
    score = agreed({"organisations": [turkiye], "frameworks": frameworks}, ds)
    assert score.facts["framework"] == RecallCount(0, 1)
    assert score.facts["framework-detail"] == RecallCount(0, 1)  # the party of a framework not found


def test_transitive_hierarchy_through_unit_of_and_sub_organization_of() -> None:
    dg, ec = EX["org/dg-home"], EX["org/ec"]
    ds = dataset(org("dg-home", "DG HOME") + org("ec", "European Commission") + org("eu", "EU")
                 + [(dg, ORG.unitOf, ec), (ec, ORG.subOrganizationOf, EX["org/eu"])])
    dg_home = {"name": "Directorate-General for Migration and Home Affairs", "aliases": ["DG HOME"],
               "parent": "European Union"}
    score = agreed({"organisations": [dg_home, EC | {"parent": "EU"},
                                      {"name": "European Union", "aliases": ["EU"]}]}, ds)
    assert score.facts["hierarchy"] == RecallCount(2, 2)


def test_alternative_participants_only_when_given_one_per_participant() -> None:
    ds = dataset(org("ec", "European Commission") + org("iom", "IOM")
                 + meeting("m1", (SDO.startDate, Literal("2025-04-04T09:00:00", datatype=XSD.dateTime)),
                           (MG.participant, EX["org/ec"]), (MG.participant, EX["org/iom"])))
    organisations = [{"name": "European Union", "aliases": ["EU"]}, IOM, EC]
    one_each = {"date": "2025-04-04", "participants": ["European Union", "IOM"],
                "also_accept_participants": ["European Commission", "IOM"]}
    too_few = one_each | {"also_accept_participants": ["European Commission"]}
    score = agreed({"organisations": organisations, "meetings": [one_each, too_few]}, ds)
    assert score.facts["meeting"] == RecallCount(2, 2)
    assert score.facts["meeting-detail"] == RecallCount(3, 4)
    assert score.misses == ["organisation: European Union",  # only the Commission took part
                            "meeting-detail: meeting on 2025-04-04 participant European Union"]


def test_release_metadata() -> None:
    ds = dataset(org("iom", "IOM") + [
        (RELEASE, DCTERMS.title, Literal("EU, IOM Senior Officials Meet")),
        (RELEASE, DCTERMS.issued, Literal("2025-04-04T08:00:00Z", datatype=XSD.dateTime)),
        (RELEASE, DCTERMS.publisher, EX["org/iom"]),
        (RELEASE, DCTERMS.subject, URIRef("http://metadata.un.org/sdg/10"))])
    release = {"title": "EU–IOM senior officials meet", "date": "2025-04-04", "publisher": "IOM",
               "sdgs": [10, 17]}
    score = agreed({"organisations": [IOM], "release": release}, ds)
    assert score.facts["release"] == RecallCount(4, 5)
    assert score.misses == ["release: SDG 17"]


def test_names_are_normalised_like_the_reference() -> None:
    assert norm("The Republic of Türkiye") == "republic of turkiye"
    folded = norm("EU–IOM Strategic\tCooperation_Framework/2012")
    assert folded == "eu iom strategic cooperation framework 2012"
    assert norm("Director-General (acting)") == "director general acting"


def test_empty_graph_scores_zero() -> None:
    score = agreed({"organisations": [IOM], "release": {"date": "2025-04-04"}}, Dataset())
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score.facts == {"organisation": RecallCount(0, 1), "release": RecallCount(0, 1)}


# ----------------------------------------------------------------------------- the report


def test_evaluate_reports_every_release_and_keeps_going_after_a_failure(tmp_path: Path) -> None:
    for name in ("a", "b", "no-text"):
        (tmp_path / f"{name}.json").write_text(json.dumps({"organisations": [IOM, UN]}), encoding="utf-8")
    (tmp_path / "a.txt").write_text("IOM", encoding="utf-8")
    (tmp_path / "b.txt").write_text("broken", encoding="utf-8")

    def graph_for(path: Path) -> Dataset:
        if path.stem == "b":
            raise RuntimeError("extractor fell over")
        return dataset(org("iom", "IOM") + org("iom-2", "IOM"))

    report = evaluate(tmp_path, graph_for)
    assert [r.name for r in report.releases] == ["a", "b"]
    a, b = report.releases
    assert (a.score.precision, a.score.recall, a.score.f1, a.error) == (0.5, 0.5, 0.5, None)
    assert b.score.f1 == 0.0 and b.error == "RuntimeError: extractor fell over"
    assert (report.mean_f1, report.min_f1) == (0.25, 0.0)
    [row] = report.by_type()
    assert (row.name, row.tp, row.extracted, row.hits, row.total) == ("organisation", 1, 2, 1, 4)

    text = render_text(report).splitlines()
    assert text[0].split() == ["a", "f1", "0.500", "p", "0.500", "r", "0.500"]
    assert "no graph: RuntimeError: extractor fell over" in text[2]
    assert text[-1] == "mean f1 0.250 over 2 releases (min 0.000)"
    assert ["organisation", "0.500", "(1/2)", "0.250", "(1/4)"] in [line.split() for line in text]

    out = json.loads(json.dumps(render_json(report)))
    assert (out["mean_f1"], out["min_f1"]) == (0.25, 0.0)
    assert out["releases"]["a"]["facts"] == {"organisation": [1, 2]}
    assert out["releases"]["b"]["error"] == "RuntimeError: extractor fell over"
    assert out["by_type"]["organisation"] == {"precision": 0.5, "tp": 1, "extracted": 2, "recall": 0.25,
                                              "hits": 1, "total": 4}


def test_evaluate_names_a_missing_gold_folder(tmp_path: Path) -> None:
    from migragraph.errors import ConfigError

    with pytest.raises(ConfigError, match="gold folder .*missing"):
        evaluate(tmp_path / "missing", build_dataset)


def test_build_dataset_puts_the_release_in_its_own_named_graph() -> None:
    ds = build_dataset(DATA / "un-sg-zardari-2012.txt")
    releases = {c for _, _, _, c in ds.quads((None, RDF.type, MG.Release, None))}
    assert len(releases) == 1
    [iri] = releases
    assert str(iri).endswith("/release/un-sg-zardari-2012")
    assert (iri, RDF.type, MG.Release) in ds.graph(iri)
