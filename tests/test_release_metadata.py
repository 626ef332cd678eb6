"""What a reader sees of a release (issue #17): a title from the page, its headline or its URL, never
its record id or page furniture; provenance without any path of the machine that built; one count of
triples, or each labelled for what it counts."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.map.titles import choose_title, fallback_label, reads_as_title, slug_title

from .conftest import DATA

EXAMPLES = Path(__file__).parents[1] / "examples"

# (record or page title, headline read from the text, URL) -> title: real cases of the shared corpus.
CASES = [
    # The headline is a page's "Last modified" stamp: the URL's words say what the release is.
    (None, "Last modified: 11 December, 2023, 08:57 am",
     "https://www.tbsnews.net/economy/corporates/undp-finance-ministrys-erd-extend-partnership-signing-3-"
     "project-agreements", "UNDP finance ministrys erd extend partnership signing 3 project agreements"),
    # Letters lost when a PDF was copied; the URL's last segment has two words only: no title.
    (None, "COU CIL OF THE EUROPEA U IO", "http://www.docstoc.com/docs/15350653/External-Relations", None),
    # A news agency's byline; the page id and the "_1" after the slug are dropped.
    (None, "Press Trust of India New Delhi",
     "https://www.business-standard.com/amp/india-news/sitharaman-meets-un-deputy-secretary-general-"
     "exchanges-views-on-sdgs-123070401029_1.html",
     "Sitharaman meets UN deputy secretary general exchanges views on sdgs"),
    # A hash ends the slug; a date starts another.
    (None, None, "https://www.zawya.com/en/economy/north-africa/egypt-eu-sign-development-financing-"
                 "agreements-worth-146mln-cdwrwsy6",
     "Egypt EU sign development financing agreements worth 146mln"),
    (None, None, "http://m.en.rfi.fr/en/europe/20160302-eu-commission-announces-aid-package-tackle-refugee-crisis",
     "EU commission announces aid package tackle refugee crisis"),
    # A title the record gave wins over the headline; a good headline over the URL.
    ("IOM, AU Renew Strategic Partnership on Migration", "Addis Ababa – IOM and the AU…",
     "https://example.org/x-y-z", "IOM, AU Renew Strategic Partnership on Migration"),
    (None, "Signing of MoU", "https://www.erc.trade.gov.mv/news-1/signing-of-mou", "Signing of MoU"),
    # Nothing but a hash in the URL.
    (None, None, "https://bdnews24.com/bangladesh/05e25db22933", None),
]


@pytest.mark.parametrize(("record", "headline", "url", "expected"), CASES)
def test_title_from_the_page_the_headline_or_the_url(record: str | None, headline: str | None, url: str,
                                                     expected: str | None) -> None:
    assert choose_title(record, headline, url) == expected


def test_furniture_is_no_title() -> None:
    for furniture in ("Last modified: 11 December, 2023, 08:57 am", "21 March 1995", "10/12/2018",
                      "Press Trust of India New Delhi", "COU CIL OF THE EUROPEA U IO", "Updated 3 May 2024"):
        assert not reads_as_title(furniture), furniture
    for title in ("FOREIGN MINISTERS OF SECURITY COUNCIL PERMANENT MEMBERS, SECRETARY-GENERAL TO MEET",
                  "Foreign Affairs Council, 10/12/2018",
                  "PM meeting with the UN Secretary-General: 24 September 2019"):
        assert reads_as_title(title), title
    assert slug_title("https://europa.rs/?lang=en&p=6068") is None
    assert fallback_label("https://www.bdnews24.com/x", "2024-05-07") == \
        "a release of bdnews24.com, 2024-05-07"
    assert fallback_label(None, None) == "an untitled release"


def _build(cwd: Path, *inputs: str) -> Path:
    """`migragraph build INPUTS --out out` run from `cwd`, as the README has it."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["build", *inputs, "--out", "out"], catch_exceptions=False)
    finally:
        os.chdir(here)
    assert result.exit_code in (0, 1), result.output
    return cwd / "out"


def test_no_output_file_names_a_path_of_the_build_machine(tmp_path: Path) -> None:
    """Built from inputs given relative to the working folder, no file of the build (the store's own
    database files aside), nor the export, holds the absolute path of the folder it ran in, nor a
    file: URI; and a build from the same files given by absolute paths elsewhere is byte-identical."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copytree(DATA, tmp_path / "data")
    out = _build(tmp_path, "examples", "data")
    export = CliRunner().invoke(cli, ["export", str(out), "--format", "nq", "-o", str(tmp_path / "all.nq")])
    assert export.exit_code == 0
    written = [p for p in out.rglob("*") if p.is_file() and "store" not in p.relative_to(out).parts]
    assert {p.name for p in written} >= {"graph.trig", "build.json", "validation.ttl", "graph.html"}
    for path in [*written, tmp_path / "all.nq"]:
        content = path.read_bytes()
        assert str(tmp_path).encode() not in content, f"{path.name} names {tmp_path}"
        assert b"file:/" not in content, f"{path.name} holds a file: URI"
    records = {r["source"] for r in json.loads((out / "build.json").read_text())["errors"]}
    assert all(not s.startswith("/") for s in records)
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert 'mg:sourceRecord "examples/iom-releases.jsonl:1"' in trig
    assert 'mg:sourceRecord "data/un-sg-zardari-2012.txt"' in trig
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    again = _build(elsewhere, str(tmp_path / "examples"), str(tmp_path / "data"))
    assert (again / "graph.trig").read_bytes() == (out / "graph.trig").read_bytes()


def test_no_release_is_labelled_by_its_record_id(tmp_path: Path) -> None:
    out = _build(tmp_path, str(EXAMPLES))
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    lines = (EXAMPLES / "iom-releases.jsonl").read_text(encoding="utf-8").splitlines()
    release_ids = [json.loads(line)["id"] for line in lines if line.strip()]
    assert len(release_ids) == 4
    for key in release_ids:
        assert f'rdfs:label "{key}"' not in trig and f'dcterms:title "{key}"' not in trig
