"""Entity pages of `migragraph serve` as a researcher reads them (issue #17), on a build of the shared
corpus and examples/: sections in order, rows dated and sorted, each evidence sentence once, a legend
on the drawing, and result pages that offer only formats that exist. Pages are read as HTML trees."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from .network_builds import SHARED, build_shared_and_examples
from .test_serve_support import BROWSER, fetch, start_server, stop_server

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus {SHARED} is not here")

ORDER = ["Posts", "Meetings", "Agreements", "Funding", "Sub-units", "Releases"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = build_shared_and_examples(tmp_path_factory.getbasetemp() / "shared-and-examples")
    process, url = start_server(out, tmp_path_factory.mktemp("entity-pages") / "server.log")
    yield url
    stop_server(process)
    if process.stdout is not None:
        process.stdout.close()  # else a ResourceWarning surfaces in whichever test runs when it is collected


def _page(site: str, path: str) -> lxml.html.HtmlElement:
    reply = fetch(site + path, Accept=BROWSER)
    assert reply.status == 200, reply.text
    return lxml.html.fromstring(reply.text)


def _sections(page: lxml.html.HtmlElement) -> list[str]:
    return [s.findtext("h2").strip() for s in page.xpath("//section[@class='profile']")]


def test_iom_page_sections_come_in_order_each_dated_and_sorted(site: str) -> None:
    page = _page(site, "id/org/iom")
    assert _sections(page) == ORDER  # IOM has all six
    for section in page.xpath("//section[@class='profile']"):
        cells = section.xpath(".//td[@class='date']")
        dates = [td.text_content().strip().removeprefix("reported ") for td in cells]
        known = [d for d in dates if d]
        assert known == sorted(known, reverse=True), (section.get("id"), known)  # the newest first
        assert dates[: len(known)] == known, section.get("id")  # the undated last
    meetings = page.xpath("//section[@id='meetings']//tr")
    assert len(meetings) > 20
    reported = page.xpath("//section[@class='profile']//span[@class='reported']")
    assert all(r.text.startswith("reported 20") for r in reported)  # see the test below for the marking


def test_each_evidence_sentence_once_with_a_link_to_its_source(site: str) -> None:
    page = _page(site, "id/org/iom")
    for row in page.xpath("//section[@class='profile']//tr"):
        # each sentence once a release (a unit several releases name is "stated in" each of them)
        cited = [(b.text_content(), b.getnext().text_content())
                 for b in row.xpath(".//blockquote[@class='evidence']")]
        assert len(cited) == len(set(cited)), cited
    for section in ("meetings", "agreements", "funding"):
        for row in page.xpath(f"//section[@id='{section}']//tr[.//blockquote]"):
            texts = [q.text_content() for q in row.xpath(".//blockquote[@class='evidence']")]
            # the page of old showed some 2 or 3 times, once for each other actor of the event; a sentence
            # naming two agreements ("the Cooperation Agreement's aims … and Plan of Action") is in both rows
            assert len(texts) == len(set(texts)), (section, texts)
        quotes = page.xpath(f"//section[@id='{section}']//blockquote[@class='evidence']")
        assert quotes, section
    sources = page.xpath("//section[@id='funding']//a[@class='source']/@href")
    assert sources and all(href.startswith("http") for href in sources)
    japan = [row for row in page.xpath("//section[@id='funding']//tr")
             if "received" in row.text_content() and "Government of Japan" in row.text_content()]
    assert len(japan) >= 4  # Japan's contributions to IOM, each a row
    totals = page.xpath("//section[@id='funding']//table[@class='totals']//tr/td[1]/text()")
    assert "received" in totals


def test_the_drawing_has_a_legend(site: str) -> None:
    page = _page(site, "id/org/iom")
    legend = [li.text_content().strip() for li in page.xpath("//ul[@class='legend']/li")]
    assert "organisation" in legend and "framework" in legend
    drawn = set(page.xpath("//svg[@class='network']/circle/@class"))
    assert {c.split()[0] for c in drawn} <= {f"kind-{k}" for k in ("org", "person", "meeting", "framework",
                                                                  "funding", "post", "role", "place")}


def test_a_select_result_page_offers_no_graph_formats(site: str) -> None:
    query = "SELECT ?s WHERE { ?s a org:Organization } LIMIT 3"
    page = _page(site, "sparql?" + urllib.parse.urlencode({"query": query}))
    offered = page.xpath("//p[@class='downloads']/a/@href")
    formats = [urllib.parse.parse_qs(urllib.parse.urlsplit(h).query)["format"][0] for h in offered]
    assert formats == ["json", "xml", "csv", "tsv"]
    for href in offered:  # each answers
        assert fetch(site + href.lstrip("/")).status == 200


def test_a_release_page_is_titled_by_its_page_not_its_id(site: str, tmp_path: Path) -> None:
    page = _page(site, "id/release/pg-07808841882d")  # its headline is "Last modified: 11 December, …"
    heading = page.find(".//h1")
    title = heading.text_content() if heading is not None else ""
    assert title.startswith("UNDP finance ministrys erd extend partnership") and "Last modified" not in title


def test_a_row_without_a_date_of_its_own_is_placed_by_its_release_and_marked() -> None:
    from migragraph.serve.profile import Evidence, Row, _sorted
    from migragraph.serve.render import Cell

    def row(name: str, date: str, *issued: str) -> Row:
        found = Row(Cell(name), "meeting", date)
        for day in issued:
            found.cite(Evidence(f"{name} met.", Cell(day), Cell(day), day), day)
        return found

    rows = _sorted([row("own", "2020-01-01", "2021-05-05"), row("by release", "", "2022-03-03", "2023-01-01"),
                    row("none", "")])
    assert [(r.subject.text, r.date, r.reported) for r in rows] == [
        ("by release", "2022-03-03", True), ("own", "2020-01-01", False), ("none", "", False)]
