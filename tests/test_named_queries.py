"""The named questions (queries/*.rq) against a small known graph: the IOM worked example's sentences
(tests/conftest.py) and four official releases of tests/data/, built by the real pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.errors import ConfigError
from migragraph.pipeline import build
from migragraph.serve.named import bind, get, named_queries
from migragraph.store.graphstore import GraphStore, Solutions
from tests.conftest import DATA, TEXT

QUESTIONS = {"officials-of-organisation", "meetings-between", "meetings-under-framework",
             "organisation-timeline", "funding-by-year", "co-participation", "sub-units",
             "releases-mentioning", "evidence", "changes-between", "funding-received"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("named")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(DATA / "releases.jsonl", inputs)
    shutil.copy(DATA / "list.json", inputs)
    (inputs / "iom-eu.txt").write_text("Brussels, 04 April 2025\n" + TEXT, encoding="utf-8")
    build([inputs], root / "out", progress=False)
    return root / "out"


def ask(out: Path, name: str, **params: str) -> list[dict[str, str | None]]:
    question = get(name)
    with GraphStore(out / "store", read_only=True) as store:
        result = store.query(question.text, substitutions=bind(question, params))
    assert isinstance(result, Solutions)
    return [{k: None if v is None else str(v) for k, v in zip(result.variables, row, strict=True)}
            for row in result.rows]


def test_every_question_is_shipped_with_its_description() -> None:
    queries = named_queries()
    assert set(queries) == QUESTIONS
    assert all(q.answers for q in queries.values())
    assert [(p.name, p.kind, p.required) for p in queries["funding-by-year"].params] == [
        ("donor", "name", True), ("recipient", "name", False)]
    assert [(p.name, p.required) for p in queries["funding-received"].params] == [
        ("recipient", True), ("donor", False)]


def test_officials_of_an_organisation_with_dates(built: Path) -> None:
    rows = ask(built, "officials-of-organisation", org="iom")  # any label, any case
    pope = [r for r in rows if r["name"] == "Amy Pope"]
    assert [(r["role"], r["first_seen"]) for r in pope] == [("Director General", "2025-04-04")]


def test_meetings_between_two_actors_and_under_a_framework(built: Path) -> None:
    (row,) = ask(built, "meetings-between", a="IOM", b="European Union")
    assert (row["date"], row["place"], row["framework"]) == ("2025-04-04", "Brussels",
                                                            "EU-IOM Strategic Cooperation Framework")
    rows = ask(built, "meetings-under-framework", framework="strategic cooperation")
    assert {(r["ordinal"], r["date"]) for r in rows} == {("11", "2025-04-04")}


def test_timeline_of_an_organisation(built: Path) -> None:
    rows = ask(built, "organisation-timeline", org="IOM")
    dated = [(r["when"], r["kind"]) for r in rows if r["when"]]
    assert dated == [("2012-07", "framework"), ("2024", "funding"), ("2025-04-04", "meeting")]


def test_funding_given_and_received_by_year(built: Path) -> None:
    def flows(rows: list[dict[str, str | None]]) -> set[tuple[str | None, ...]]:
        return {(r["donorName"], r["recipientName"], r["year"], r["currency"], r["total"]) for r in rows}

    assert flows(ask(built, "funding-by-year", donor="EU")) == {
        ("European Union", "Government of Sri Lanka", "2019", "USD", "23650000")}
    assert flows(ask(built, "funding-by-year", donor="european commission")) == {
        ("European Commission", "International Organization for Migration", "2024", "EUR", "590000000")}
    to_sri_lanka = {("European Union", "Government of Sri Lanka", "2019", "USD", "23650000"),
                    ("International Development Association", "Government of Sri Lanka", "2019", "USD",
                     "70000000")}
    assert flows(ask(built, "funding-received", recipient="Government of Sri Lanka")) == to_sri_lanka
    assert flows(ask(built, "funding-received", recipient="Government of Sri Lanka", donor="IDA")) == {
        f for f in to_sri_lanka if f[0] == "International Development Association"}
    assert ask(built, "funding-by-year", donor="EU", recipient="IOM") == []  # the EU's money went elsewhere


def test_names_match_in_any_case_and_spacing(built: Path) -> None:
    """A name parameter is folded as mg:nameKey is (map/keys.py): case and runs of spaces do not matter,
    but the words do."""
    for spelling in ("European Union", "european union", "  EUROPEAN   Union "):
        (row,) = ask(built, "meetings-between", a="iom", b=spelling)
        assert row["date"] == "2025-04-04"
    assert ask(built, "meetings-between", a="IOM", b="European Unio") == []


@pytest.mark.parametrize("hostile", ['"} ; DROP ALL', "IOM' } UNION { ?s ?p ?o", "} ; DROP ALL",
                                     '\\" ) } #', "<http://x> ?p ?o"])
def test_hostile_values_are_only_strings(built: Path, hostile: str) -> None:
    assert ask(built, "funding-by-year", donor=hostile) == []
    assert ask(built, "officials-of-organisation", org=hostile) == []
    with GraphStore(built / "store", read_only=True) as store:
        assert len(store.release_graphs()) == 5  # nothing was dropped


def test_co_participation_sub_units_mentions_evidence_changes(built: Path) -> None:
    def partners_of(org: str) -> set[tuple[str | None, ...]]:
        rows = ask(built, "co-participation", org=org)
        return {(r["organisation"], r["partner"], r["meetings"]) for r in rows}

    partners = partners_of("IOM")
    assert ("International Organization for Migration", "European Union", "1") in partners
    assert all(p[1] != "Amy Pope" for p in partners)  # organisations only
    partners = partners_of("UN")
    assert ("United Nations", "Government of Türkiye", "1") in partners
    (unit,) = ask(built, "sub-units", org="World Bank")
    assert (unit["name"], unit["parentName"]) == (
        "Board of Executive Directors of the World Bank", "World Bank")
    (mention,) = ask(built, "releases-mentioning", entity="WHO")
    assert mention["issued"] == "2022-02-07" and mention["release"].endswith("/release/pg-a2ff94a1ac4a")
    evidence = ask(built, "evidence", entity="Amy Pope")
    post = next(r for r in evidence if "/post/" in str(r["statement"]))
    assert post["sentence"] is not None
    assert post["sentence"].startswith("IOM Director General Amy Pope commended")
    start, end = int(str(post["start"])), int(str(post["end"]))
    assert end - start == len(post["sentence"])
    changes = ask(built, "changes-between", since="2022-01-01", until="2022-12-31")
    assert {r["kind"] for r in changes} == {"framework", "meeting", "post"}
    assert {r["issued"] for r in changes} == {"2022-02-07"}


def test_parameters_are_checked() -> None:
    with pytest.raises(ConfigError, match="needs --param org"):
        bind(get("sub-units"), {})
    with pytest.raises(ConfigError, match="has no parameter colour"):
        bind(get("sub-units"), {"org": "IOM", "colour": "red"})
    with pytest.raises(ConfigError, match="not a date"):
        bind(get("changes-between"), {"since": "last year", "until": "2025-01-01"})
    with pytest.raises(ConfigError, match="known: changes-between, co-participation"):
        get("who-met-whom")


def test_cli_named_query_list_and_formats(built: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["query", "--list"])
    assert listed.exit_code == 0
    assert "funding-by-year\n    What money a donor gave" in listed.output
    assert "--param donor=…  (name, required)" in listed.output
    table = runner.invoke(cli, ["query", str(built), "--named", "funding-by-year", "--param", "donor=EU"])
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["donorName", "recipientName", "year", "currency", "total",
                                                    "flows"]
    assert "Government of Sri Lanka" in table.output and "(1 row)" in table.output
    data = runner.invoke(cli, ["query", str(built), "-n", "funding-received", "-p", "recipient=IOM",
                               "-f", "json"])
    bindings = json.loads(data.output)["results"]["bindings"]
    assert [b["total"]["value"] for b in bindings] == ["590000000"]
    unknown = runner.invoke(cli, ["query", str(built), "--named", "nope"])
    assert unknown.exit_code == 2 and "error: no named query 'nope'; known:" in unknown.output


def test_evidence_of_a_meeting_asked_by_its_own_label(built: Path) -> None:
    with GraphStore(built / "store", read_only=True) as store:
        found = store.query("SELECT ?m ?l WHERE { ?m a mg:Meeting ; rdfs:label ?l ; mg:participant ?p . "
                            "?p skos:prefLabel 'European Union' } ORDER BY ?m LIMIT 1")
    assert isinstance(found, Solutions) and found.rows
    meeting, label = (str(v) for v in found.rows[0])
    rows = ask(built, "evidence", entity=label.upper())  # any case, as a researcher might paste it
    assert {r["statement"] for r in rows} == {meeting}
    assert all(r["sentence"] and r["release"] for r in rows)
