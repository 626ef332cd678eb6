"""`migragraph viz` and the page it writes, read as text: offline, escaped, focused, windowed, and cut to
the best connected nodes (with a notice) when the graph is too large. tests/test_browser.py opens the
same pages in a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from migragraph.analyse.graph import Release
from migragraph.cli.main import cli
from migragraph.visualise import render_page
from migragraph.visualise.page import search_list

from .network_builds import IMG, SCRIPT, build_hostile, build_known

ID = "https://w3id.org/migragraph/id/"


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def data_set(page: str, name: str) -> list[dict[str, object]]:
    """The items the page hands vis-network (`var nodes = new vis.DataSet([...]);`)."""
    match = re.search(rf"var {name} = new vis\.DataSet\((\[.*?\])\);\n", page, re.DOTALL)
    assert match, name
    items: list[dict[str, object]] = json.loads(match[1])
    return items


def assert_offline(page: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)  # all CSS is inline
    assert not re.search(r"(?:https?:)?//[^\s\"'<>]*\.(?:js|css)\b", page)
    assert "cdnjs" not in page and "jsdelivr" not in page and "@import" not in page


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_known(tmp_path_factory.mktemp("known"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile(tmp_path_factory.mktemp("hostile"))


def test_page_of_the_known_graph(known: Path, tmp_path: Path) -> None:
    result = _invoke("viz", str(known), "-o", str(tmp_path / "page.html"))
    assert result.stdout == f"wrote {tmp_path / 'page.html'} (14 entities, 22 relations)\n"
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert_offline(page)
    nodes, edges = data_set(page, "nodes"), data_set(page, "edges")
    assert len(nodes) == 14 and len(edges) == 22
    by_id = {n["id"]: n for n in nodes}
    iom = by_id[ID + "org/iom"]
    assert (iom["shape"], iom["color"], iom["kind"]) == ("dot", "#4e79a7", "organisation")
    assert iom["size"] > by_id[ID + "org/sea-rescue-ngo"]["size"]  # size follows degree
    title = str(iom["title"])
    assert title.startswith("International Organization for Migration<br>organisation, seen 2024-03-01 to "
                            "2025-05-02<br>in 2 release(s):")
    assert '<a href="https://example.org/beta" target="_blank" rel="noopener noreferrer">Beta: ' in title
    assert {e["label"] for e in edges} >= {"participant", "chair", "host", "party", "framework", "funder",
                                           "recipient", "part of", "Director General", "Commissioner"}
    # The legend names each type drawn with its count, with a checkbox that filters it.
    for kind, count in {"organisation": 5, "person": 2, "meeting": 3, "framework": 1, "funding": 3}.items():
        assert re.search(rf'value="{kind}" checked>\s*<span[^>]*>.</span> {kind} \({count}\)', page)
    assert 'class="notice"' not in page


def test_hostile_names_are_text_and_bad_urls_are_no_links(hostile: Path, tmp_path: Path) -> None:
    _invoke("viz", str(hostile), "-o", str(tmp_path / "page.html"))
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert IMG not in page and SCRIPT not in page
    data = page.split("var nodes = ", 1)[1].split("</script>", 1)[0]  # what came from the store
    assert "<script" not in data and "<img" not in data  # "onerror=" stays, as text
    nodes = {n["kind"]: n for n in data_set(page, "nodes")}
    assert nodes["organisation"]["label"] == IMG  # drawn on the canvas as text
    assert str(nodes["organisation"]["title"]).startswith(html.escape(IMG) + "<br>organisation")
    assert str(nodes["person"]["title"]).startswith(html.escape(SCRIPT) + "<br>person")
    assert "javascript:" not in data  # the release's URL is javascript:, so it is no link, nor shown
    assert "href" not in str(nodes["person"]["title"])
    assert html.escape(SCRIPT) in str(nodes["person"]["title"])  # the release title, escaped


def test_focus_and_window(known: Path, tmp_path: Path) -> None:
    focused = _invoke("viz", str(known), "--focus", "unhcr", "--depth", "1", "-o", str(tmp_path / "f.html"))
    # One step joins two actors through what they share (issue #17): UNHCR's meetings, and who was in
    # them, its parent, and the framework the Alpha meeting was held under.
    assert "(9 entities, 12 relations)" in focused.stdout
    page = (tmp_path / "f.html").read_text(encoding="utf-8")
    assert {n["fullLabel"] for n in data_set(page, "nodes")} == {
        "Office of the United Nations High Commissioner for Refugees", "Alpha meeting", "Gamma meeting",
        "United Nations", "European Union", "International Organization for Migration", "Sea Rescue NGO",
        "Amy Pope", "EU-IOM Framework"}
    assert "within 1 step(s)" in page
    windowed = _invoke("viz", str(known), "--since", "2025", "-o", str(tmp_path / "w.html"))
    assert "(8 entities, 7 relations)" in windowed.stdout  # beta and gamma
    assert "2025 to …" in (tmp_path / "w.html").read_text(encoding="utf-8")
    unknown = CliRunner().invoke(cli, ["viz", str(known), "--focus", "Nobody",
                                       "-o", str(tmp_path / "n.html")])
    assert unknown.exit_code == 2 and unknown.stderr.startswith("error: no entity named 'Nobody'")


def _star_forest(hubs: int, leaves: int) -> nx.MultiDiGraph:
    """`hubs` organisations each with `leaves` meetings: hubs have the highest degree."""
    graph = nx.MultiDiGraph()
    for h in range(hubs):
        hub = f"{ID}org/{h}"
        graph.add_node(hub, iri=hub, label=f"Org {h}", type="organisation", releases="", release_count=0)
        for m in range(leaves):
            meeting = f"{ID}meeting/{h}-{m}"
            graph.add_node(meeting, iri=meeting, label=f"Meeting {h}-{m}", type="meeting", releases="",
                           release_count=0)
            graph.add_edge(meeting, hub, key="participant", id=f"{meeting} participant {hub}",
                           relation="participant", releases="")
    return graph


def _page_var(page: str, name: str) -> object:
    match = re.search(rf"var {name} = (.*?);\n", page)
    assert match, name
    return json.loads(match[1])


def test_the_partner_panel_names_each_partner_once_and_lines_refer_to_it(known: Path, tmp_path: Path) -> None:
    # (partners written out in full in every line were half of a 30 MB page at 10,000 releases)
    _invoke("viz", str(known), "-o", str(tmp_path / "page.html"))
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    partners, actors, sources = (_page_var(page, n) for n in ("partners", "partnerActors", "sources"))
    assert isinstance(partners, dict) and isinstance(actors, list) and isinstance(sources, list)
    assert len({a[0] for a in actors}) == len(actors)  # each partner once
    lines = [(actors[row[0]][1], row[1], row[2], row[3], [sources[i]["title"] for i in row[4]], row[5])
             for row in partners[ID + "org/iom"]]
    assert lines == [
        ("European Union", {"funded by": 3, "met": 2, "signed": 1}, "2012-07", 0,
         ["Beta: Commissioner meets IOM", "Alpha: EU, IOM and UNHCR meet"], 2),  # strongest, latest first
        ("Amy Pope", {"met": 1}, "2024-03-01", 0, ["Alpha: EU, IOM and UNHCR meet"], 1),
        ("Jane Doe", {"met": 1}, "2025-05-02", 0, ["Beta: Commissioner meets IOM"], 1),
        ("Office of the United Nations High Commissioner for Refugees", {"met": 1}, "2024-03-01", 0,
         ["Alpha: EU, IOM and UNHCR meet"], 1)]


def test_a_large_graph_is_cut_to_its_best_connected_and_says_so() -> None:
    graph = _star_forest(hubs=40, leaves=99)  # 4,000 nodes
    page, drawn = render_page(graph, {}, "big")
    assert (drawn.nodes, drawn.total_nodes) == (1500, 4000)
    nodes = data_set(page, "nodes")
    assert len(nodes) == 1500 and {f"Org {h}" for h in range(40)} <= {n["label"] for n in nodes}
    assert drawn.note and "showing 1,500 of 4,000 entities, the best connected of each type" in drawn.note
    assert "left out: 2,500 meeting." in drawn.note
    assert f'<div class="notice" role="status">{html.escape(drawn.note)}</div>' in page
    small, shown = render_page(graph, {}, "big", max_nodes=5000)
    assert shown.note is None and len(data_set(small, "nodes")) == 4000


def test_release_links_are_escaped_and_limited() -> None:
    graph = nx.MultiDiGraph()
    iris = [f"{ID}release/{i}" for i in range(7)]
    graph.add_node("n", iri="n", label="N", type="organisation", releases=" ".join(iris), release_count=7)
    releases = {iri: Release(iri, f'T{i} "quoted" <b>', f"2024-01-0{i + 1}", f"https://x.org/{i}?a=1&b=2")
                for i, iri in enumerate(iris)}
    page, _ = render_page(graph, releases, "links")
    title = str(data_set(page, "nodes")[0]["title"])
    assert title.count("<a href=") == 5 and "… and 2 more" in title
    assert '<a href="https://x.org/6?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">' \
           'T6 &quot;quoted&quot; &lt;b&gt;</a> (2024-01-07)' in title  # the latest first


_PAGE_OF_TWO_CASES = """
import hashlib, networkx as nx
from migragraph.visualise import render_page
graph = nx.MultiDiGraph()
graph.add_node("iom", iri="iom", label="International Organization for Migration", type="organisation",
               releases="", release_count=0)
names = {"iom": ["International Organization for Migration", "IOM", "UN Migration Agency",
                 "UN migration agency", "the UN Migration Agency", "the UN migration agency"]}
page, _ = render_page(graph, {}, "cases", names=names)
print(hashlib.sha256(page.encode()).hexdigest())
"""


def test_the_page_is_the_same_bytes_whatever_the_hash_seed() -> None:
    # The search box lists every name once; names that differ only by case came out of a set in the order
    # Python's hash seed gave them ("UN Migration Agency" of one release, "UN migration agency" of another).
    digests = {subprocess.run([sys.executable, "-c", _PAGE_OF_TWO_CASES], check=True, capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(8)}
    assert len(digests) == 1
    assert search_list(["the UN migration agency", "UN Migration Agency", "UN migration agency", "IOM"]) == [
        "IOM", "the UN migration agency", "UN Migration Agency", "UN migration agency"]
