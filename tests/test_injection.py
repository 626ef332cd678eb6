"""No injection: release labels are escaped in graph.html, a user's values never become SPARQL text,
and a record's id cannot name a file outside the output folder."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import lxml.html
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.extract.model import (
    Extraction,
    Framework,
    Funding,
    Meeting,
    Organisation,
    Person,
    Post,
    ReleaseInfo,
    Span,
)
from migragraph.ingest.release import RawRelease
from migragraph.pipeline import BuildResult, build

from .conftest import DATA

# Each would run script if it reached the page as markup: it closes the data's <script>, or opens an
# element with a handler, or breaks out of an attribute, a comment or a template.
PAYLOADS = {
    "org": 'Evil Org </script><script>alert("org")</script>',
    "person": "Mallory <img src=x onerror=alert('person')>",
    "meeting": "Summit\"><svg onload=alert('meeting')>",
    "framework": "Pact --><!-- <iframe src=javascript:alert('framework')>",
    "donor": "Donor ${alert('tpl')} {{7*7}} <a href=\"javascript:alert('donor')\">x</a>",
}


def _span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def _hostile(release: RawRelease) -> Extraction:
    """What a release could have said, if its names were attacks (the rules never read such names; an
    extractor, or a later rule, might)."""
    evidence = _span(release.text, release.text.split("\n")[0])
    return Extraction(
        info=ReleaseInfo(title="Readout", date="2012-09-24"),
        organisations={"evil": Organisation("evil", PAYLOADS["org"]),
                       "donor": Organisation("donor", PAYLOADS["donor"])},
        persons={"mallory": Person("mallory", PAYLOADS["person"])},
        posts=[Post("mallory", "Director", "evil", evidence)],
        meetings=[Meeting(PAYLOADS["meeting"], evidence, participants=["evil", "mallory"])],
        frameworks=[Framework("pact", PAYLOADS["framework"], evidence, parties=["evil", "donor"])],
        funding=[Funding("donor", "evil", Decimal(5), "EUR", evidence)],
    )


def _tame(release: RawRelease) -> Extraction:
    """The same extraction with harmless names: the page's structure to compare with."""
    tame = _hostile(release)
    for entity in [*tame.organisations.values(), *tame.persons.values()]:
        entity.name = f"Plain {entity.key}"
    tame.meetings[0].label, tame.frameworks[0].name = "Plain summit", "Plain pact"
    return tame


def _page(out: Path, extractor: Callable[[RawRelease], Extraction]) -> str:
    build([DATA / "un-sg-zardari-2012.txt"], out, extractor=extractor, progress=False)
    return (out / "graph.html").read_text(encoding="utf-8")


def _hover_elements(page: str) -> list[tuple[str, dict[str, str]]]:
    """The elements page.js makes of the hover texts (box.innerHTML = title), as the browser would."""
    found = []
    for kind in ("nodes", "edges"):
        match = re.search(rf"var {kind} = new vis\.DataSet\((.*?)\);\n", page, re.DOTALL)
        assert match, f"graph.html no longer embeds its {kind} as `var {kind} = new vis.DataSet(...)`"
        for item in json.loads(match[1]):
            if isinstance(item.get("title"), str):
                box = lxml.html.fragment_fromstring(item["title"], create_parent="div")
                found += [(e.tag, dict(e.attrib)) for e in box.iterdescendants() if isinstance(e.tag, str)]
    return found


def _elements(page: str) -> list[tuple[str, list[str]]]:
    return [(e.tag, sorted(e.attrib)) for e in lxml.html.fromstring(page).iter() if isinstance(e.tag, str)]


def test_hostile_labels_are_inert_in_graph_html(tmp_path: Path) -> None:
    page = _page(tmp_path / "hostile", _hostile)
    tame = _page(tmp_path / "tame", _tame)
    for payload in PAYLOADS.values():
        assert payload not in page  # never verbatim: each holds a < or a " that must be escaped
        for tag in re.findall(r"</?\w+[^<>]*>?", payload):
            assert page.count(tag) == tame.count(tag), f"{tag} reached the page as markup"
    assert _elements(page) == _elements(tame)  # no label opened, closed or attributed an element
    hover = _hover_elements(page)
    assert {tag for tag, _ in hover} <= {tag for tag, _ in _hover_elements(tame)} | {"br", "small"}
    assert not [(t, a) for t, a in hover
                if any(k.startswith("on") or "javascript:" in v for k, v in a.items())]
    assert "Evil Org" in page and "Mallory" in page  # the labels are there, as text


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("injection") / "out"
    result: BuildResult = build([DATA], out, progress=False)
    assert result.releases >= 5
    return out


def _query(out: Path, *args: str) -> tuple[int, list[dict[str, str]], str]:
    result = CliRunner().invoke(cli, ["query", str(out), *args, "--format", "csv"], catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(result.stdout))) if result.exit_code == 0 else []
    return result.exit_code, rows, result.stderr


def _count(out: Path) -> int:
    code, rows, _ = _query(out, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert code == 0
    return int(rows[0]["n"])


@pytest.mark.parametrize("value", [
    # Pasted into the query as "VALUE", this makes its FILTER true for every row (9 rows on tests/data,
    # tried): bound as a term, it is a name nothing has.
    'x")) || true || (STR("',
    "x' || true || '",
    '"} UNION { ?o ?p ?org } #',
    '"} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "United Nations\\\" || \\\"",
])
def test_a_hostile_parameter_is_only_a_name(value: str, store_dir: Path) -> None:
    before = _count(store_dir)
    code, control, _ = _query(store_dir, "--named", "officials-of-organisation",
                              "--param", "org=United Nations")
    assert code == 0 and {r["name"] for r in control} >= {"Antonio Guterres"}
    code, rows, err = _query(store_dir, "--named", "officials-of-organisation", "--param", f"org={value}")
    assert (code, rows, err) == (0, [], "")  # a name no organisation has: nothing, and no error
    assert _count(store_dir) == before  # and nothing written


def test_a_hostile_date_parameter_is_refused(store_dir: Path) -> None:
    code, _, err = _query(store_dir, "--named", "changes-between", "--param", 'since=2020-01-01"} UNION {',
                          "--param", "until=2030-01-01")
    assert code == 2 and "is not a date (YYYY-MM-DD)" in err


HOSTILE_IDS = {
    "../../etc/passwd": "etc-passwd",
    "/tmp/x": "tmp-x",
    "..\\..\\windows\\system32": "windows-system32",
    "a/../../b": "a-b",
    "%2e%2e%2fetc%2fshadow": "2e-2e-2fetc-2fshadow",
    "~root/.ssh/authorized_keys": "root-ssh-authorized-keys",
}


def test_a_record_id_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in" / "deep" / "er", tmp_path / "in" / "deep" / "er" / "out"
    inputs.mkdir(parents=True)
    text = (DATA / "un-sg-zardari-2012.txt").read_text(encoding="utf-8")
    records = [{"id": key, "text": f"{text} ({n})"} for n, key in enumerate([*HOSTILE_IDS, ".."])]
    (inputs / "ids.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    result = build([inputs / "ids.jsonl"], out, progress=False)
    assert result.errors == []
    after = sorted(p for p in tmp_path.rglob("*") if out not in p.parents and p != out)
    assert after == before  # nothing written outside out/
    assert not any(p.name in ("passwd", "x", "shadow", "authorized_keys") for p in out.rglob("*"))
    with (out / "graph.trig").open("rb") as handle:
        graphs = {str(q.graph_name.value) for q in ox.parse(handle, format=ox.RdfFormat.TRIG)}
    base = "https://w3id.org/migragraph/id/release/"
    keys = sorted(g.removeprefix(base) for g in graphs if g.startswith(base))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", k) for k in keys), keys
    assert set(HOSTILE_IDS.values()) <= set(keys) and len(keys) == len(records)
