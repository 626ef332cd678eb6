"""Every input form is built into a release graph; every bad input is one error line, the rest still built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Literal, URIRef

from migragraph.cli.main import cli
from migragraph.pipeline import build
from migragraph.store import GraphStore, Solutions

from .conftest import DATA

RELEASE_QUERY = """
SELECT ?source ?title ?issued ?url ?text WHERE {
  ?r a mg:Release ; mg:sourceRecord ?source ; schema:text ?text .
  OPTIONAL { ?r dcterms:title ?title } OPTIONAL { ?r dcterms:issued ?issued } OPTIONAL { ?r schema:url ?url }
} ORDER BY ?source"""


def _releases(out: Path) -> list[dict[str, object]]:
    with GraphStore(out / "store", read_only=True) as store:
        answer = store.query(RELEASE_QUERY)
    assert isinstance(answer, Solutions)
    return [dict(zip(answer.variables, row, strict=True)) for row in answer.rows]


def _build_one(name: str, tmp_path: Path) -> list[dict[str, object]]:
    result = build([DATA / name], tmp_path / "out", progress=False)
    assert result.errors == []
    return _releases(tmp_path / "out")


def test_html_page(tmp_path: Path) -> None:
    (r,) = _build_one("gov-uk-pm-meets-un-sg-2019.html", tmp_path)
    assert r["title"] == Literal("PM meeting with the UN Secretary-General: 24 September 2019")
    text = str(r["text"])
    assert (
        "The Prime Minister met UN Secretary-General Antonio Guterres today at the General Assembly." in text
    )
    assert (
        "cookies" not in text.lower() and "Crown copyright" not in text
    )  # the site around the article is gone


def test_text_file(tmp_path: Path) -> None:
    (r,) = _build_one("un-sg-zardari-2012.txt", tmp_path)
    assert str(r["text"]).startswith(
        "Readout of the Secretary-General’s meeting with H.E. Mr. Asif Ali Zardari"
    )
    # The file as given, never where it sits on the machine that built (issue #17).
    assert r["source"] == Literal("un-sg-zardari-2012.txt")


def test_json_lines(tmp_path: Path) -> None:
    rows = _build_one("releases.jsonl", tmp_path)
    assert [str(r["source"]) for r in rows] == ["releases.jsonl:1", "releases.jsonl:2"]
    assert rows[0]["url"] == Literal(
        "https://worldbank.org/en/news/loans-credits/2019/03/14/local-development-support-project",
        datatype=XSD.anyURI,
    )
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        assert store.release_graphs() == [
            URIRef("https://w3id.org/migragraph/id/release/pg-3c1b4d3ff7e8"),
            URIRef("https://w3id.org/migragraph/id/release/pg-a2ff94a1ac4a"),
        ]
        # beside them, the gazetteer's reference graph (map/reference.py)
        assert URIRef("https://w3id.org/migragraph/id/graph/gazetteer") in store.named_graphs()


def test_json_list(tmp_path: Path) -> None:
    rows = _build_one("list.json", tmp_path)
    assert [str(r["source"]) for r in rows] == ["list.json[0]", "list.json[1]"]
    assert "Hakan Fidan" in str(rows[0]["text"]) and "Giorgi Gigauri" in str(rows[1]["text"])


def test_json_object_with_body_and_published(tmp_path: Path) -> None:
    (r,) = _build_one("object-body.json", tmp_path)
    assert r["title"] == Literal("Director-General Attends Opening of 100th IOM Council")
    assert r["issued"] == Literal("2011-12-06", datatype=XSD.date)
    assert "100th session of the Council of the International Organization for Migration" in str(r["text"])


def test_json_object_with_content(tmp_path: Path) -> None:
    (r,) = _build_one("object-content.json", tmp_path)
    assert "Pradhan Mantri Gram Sadak Yojana (PMGSY) Rural Roads Project" in str(r["text"])


# ---------------------------------------------------------------- bad inputs

GOOD = DATA / "un-sg-zardari-2012.txt"
OFFICIAL = (DATA / "un-sg-zardari-2012.txt").read_text(encoding="utf-8")
NAV_ONLY = (
    "<html><head><title>Readouts</title></head><body><nav><ul>"
    + "".join(f"<li><a href='/sg/{i}'>Readouts {i}</a></li>" for i in range(2010, 2025))
    + "</ul></nav><footer><a href='/privacy'>Privacy Notice</a></footer></body></html>"
)

BAD = {
    "empty.txt": (b"", "the file is empty"),
    "binary.txt": (bytes(range(256)) * 4, "binary data, not text"),
    # Latin-1 text is read as windows-1252 now, not refused: tests/hostile/test_encodings.py.
    "navigation.html": (NAV_ONLY.encode(), "no article text found"),
    "big.txt": ((OFFICIAL * 4).encode(), "over the limit of 2,000"),
}


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_error_line(name: str, tmp_path: Path) -> None:
    content, reason = BAD[name]
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / name).write_bytes(content)
    shutil.copy(GOOD, inputs / GOOD.name)
    code, out, err = _run(
        CliRunner(), "build", str(inputs), "--out", str(tmp_path / "out"), "--max-bytes", "2000"
    )
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {inputs / name}: ") and reason in errors[0]
    assert "1 input(s) could not be built" in err
    assert "Traceback" not in out + err
    assert "built 1 release(s)" in out
    assert [str(r["source"]) for r in _releases(tmp_path / "out")] == [f"in/{GOOD.name}"]


def test_malformed_json_line_among_good_lines(tmp_path: Path) -> None:
    good = (DATA / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join([good[0], '{"id": "broken", "text": "The Secretary-General met', good[1]]) + "\n"
    )
    code, out, err = _run(CliRunner(), "build", str(path), "--out", str(tmp_path / "out"))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {path}:2: malformed JSON")
    assert [str(r["source"]) for r in _releases(tmp_path / "out")] == [f"{path.name}:1", f"{path.name}:3"]


def test_missing_input_and_bad_base_iri(tmp_path: Path) -> None:
    code, _, err = _run(
        CliRunner(), "build", str(tmp_path / "nope.txt"), str(GOOD), "--out", str(tmp_path / "o")
    )
    assert code == 1 and f"error: {tmp_path / 'nope.txt'}: no such file or folder" in err
    code, _, err = _run(
        CliRunner(), "build", str(GOOD), "--out", str(tmp_path / "o"), "--base-iri", "ftp://x"
    )
    assert code == 2
    assert err.startswith("error: base IRI 'ftp://x' must be an http(s) IRI") and "Traceback" not in err


def test_a_folder_of_files_that_are_no_releases_is_named(tmp_path: Path) -> None:
    # Saved pages still compressed, a PDF: none is read, and the folder says so in one line, beside a
    # good release given too. Hidden files (".DS_Store") are nobody's releases and are not counted.
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (pages / "b.html.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (pages / "report.pdf").write_bytes(b"%PDF-1.4")
    (pages / ".DS_Store").write_bytes(b"\x00")
    code, out, err = _run(CliRunner(), "build", str(pages), str(GOOD), "--out", str(tmp_path / "out"))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {pages}: no release file in this folder (2 .html.gz, 1 .pdf); releases are "
                      ".htm, .html, .json, .jsonl, .txt files"]
    assert "built 1 release(s)" in out
