"""`migragraph validate`, `query` and `viz` on builds whose content the tests control."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migragraph.cli.main import cli
from migragraph.extract.model import Extraction, Meeting, Organisation, ReleaseInfo, Span
from migragraph.ingest.release import RawRelease
from migragraph.pipeline import build

from .conftest import TEXT

HOSTILE = "<script>alert(1)</script>"


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def violating(tmp_path: Path) -> Path:
    def extractor(release: RawRelease) -> Extraction:
        return Extraction(
            info=ReleaseInfo(), meetings=[Meeting("An empty meeting", Span(0, 4, release.text[:4]))]
        )

    (tmp_path / "iom.txt").write_text(TEXT, encoding="utf-8")
    build([tmp_path / "iom.txt"], tmp_path / "bad", extractor=extractor, progress=False)
    return tmp_path / "bad"


def test_validate_exit_codes(controlled: Path, violating: Path, tmp_path: Path) -> None:
    ok = _invoke("validate", str(controlled))
    assert ok.exit_code == 0 and ok.stdout.startswith("validation: conforms")
    bad = _invoke("validate", str(violating), "--report", str(tmp_path / "report.ttl"))
    assert bad.exit_code == 1
    assert "validation: 1 release(s) break the shapes, 1 result(s)" in bad.stdout
    assert "violation: release:iom: meeting:iom--0 mg:participant:" in bad.stdout
    assert "sh:conforms false" in (tmp_path / "report.ttl").read_text()
    missing = _invoke("validate", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert missing.stderr.startswith("error: no store at ") and "Traceback" not in missing.output


def test_build_exit_code_with_a_violation_is_1(tmp_path: Path) -> None:
    (tmp_path / "iom.txt").write_text(TEXT, encoding="utf-8")
    result = _invoke("build", str(tmp_path / "iom.txt"), "--out", str(tmp_path / "out"))
    summary = json.loads((tmp_path / "out" / "build.json").read_text())
    assert result.exit_code == (0 if summary["validation"]["conforms"] else 1)
    assert "built 1 release(s)" in result.stdout


def test_query_table(controlled: Path) -> None:
    result = _invoke(
        "query",
        str(controlled),
        "SELECT ?org ?name WHERE { ?org a org:Organization ; skos:prefLabel ?name } ORDER BY ?name",
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["org", "name"]
    assert [line.split(None, 1) for line in lines[2:6]] == [
        ["organisation:dg-home", "Directorate-General for Migration and Home Affairs"],
        ["organisation:european-commission", "European Commission"],
        ["organisation:eu", "European Union"],
        ["organisation:iom", "International Organization for Migration"],
    ]
    assert lines[6] == "(4 rows)"


def test_query_formats(controlled: Path) -> None:
    query = (
        "SELECT ?value ?currency WHERE { ?f a mg:Funding ; schema:amount ?a . "
        "?a schema:value ?value ; schema:currency ?currency }"
    )
    rows = list(csv.reader(io.StringIO(_invoke("query", str(controlled), query, "--format", "csv").stdout)))
    assert rows == [["value", "currency"], ["590000000", "EUR"]]
    answer = json.loads(_invoke("query", str(controlled), query, "-f", "json").stdout)
    assert answer["results"]["bindings"][0]["value"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"
    tsv = _invoke("query", str(controlled), query, "-f", "tsv").stdout.splitlines()
    assert tsv == ["?value\t?currency", '"590000000"^^<http://www.w3.org/2001/XMLSchema#decimal>\t"EUR"']
    assert _invoke("query", str(controlled), "ASK { ?m a mg:Meeting ; mg:ordinal 11 }").stdout == "true\n"


def test_query_errors_are_one_line(controlled: Path, tmp_path: Path) -> None:
    bad = _invoke("query", str(controlled), "SELECT WHERE {")
    assert bad.exit_code == 2 and bad.stderr.startswith("error: the SPARQL query is not valid")
    assert len(bad.stderr.splitlines()) == 1
    nowhere = _invoke("query", str(tmp_path / "nowhere"), "ASK {}")
    assert nowhere.exit_code == 2 and "holds no build" in nowhere.stderr


# ---------------------------------------------------------------- graph.html


def _nodes(page: str) -> list[dict[str, str]]:
    match = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)
    assert match
    data: list[dict[str, str]] = json.loads(match[1])
    return data


def _assert_offline(page: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", page, re.IGNORECASE)
    assert "cdnjs" not in page and "jsdelivr" not in page


def test_graph_html_is_offline_and_escapes_labels(tmp_path: Path, extraction: Extraction) -> None:
    extraction.organisations["eu"] = Organisation("eu", HOSTILE, {"href <b>bold</b>"})
    (tmp_path / "iom.txt").write_text(TEXT, encoding="utf-8")
    build([tmp_path / "iom.txt"], tmp_path / "out", extractor=lambda _: extraction, progress=False)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    _assert_offline(page)
    assert HOSTILE not in page  # neither as markup nor inside the inline script
    (hostile,) = [n for n in _nodes(page) if n["id"].endswith("/org/eu")]
    # Drawn as text on the canvas by its acronym (the gazetteer's "EU"); its name in the partner panel.
    assert hostile["fullLabel"] == HOSTILE and HOSTILE in hostile["names"]
    assert hostile["title"].startswith(html.escape(HOSTILE) + "<br>organisation")  # escaped for the tooltip
    kinds = {n["shape"] for n in _nodes(page)}
    assert kinds == {"dot", "triangle", "square", "star", "diamond"}


def test_viz_command(controlled: Path, tmp_path: Path) -> None:
    result = _invoke("viz", str(controlled), "-o", str(tmp_path / "page.html"))
    assert result.exit_code == 0 and "entities" in result.stdout
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    _assert_offline(page)
    labels = {n["fullLabel"] for n in _nodes(page)}
    assert {
        "European Union",
        "Amy Pope",
        "11th EU-IOM Senior Officials Meeting",
        "EU-IOM Strategic Cooperation Framework",
    } <= labels
    edges = re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)
    assert edges and {
        "Director General",
        "participant",
        "chair",
        "party",
        "funder",
        "recipient",
        "part of",
    } <= {e["label"] for e in json.loads(edges[1])}


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "iom.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "plain-file").write_text("a file where a folder should be")
    result = _invoke("build", str(tmp_path / "iom.txt"), "--out", str(tmp_path / "plain-file" / "out"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == f"error: {tmp_path / 'plain-file' / 'out'}: Not a directory\n"
