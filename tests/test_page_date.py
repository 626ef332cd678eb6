"""An HTML release whose text has no dateline is dated by its page's metadata (trafilatura reads it:
meta tags, JSON-LD, <time>); a dateline in the text still wins, and so does a record's own date field.
A date in the body of a page without metadata is not taken for the page's date."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Literal
from rdflib.term import Node

from migragraph.ingest.clean import html_to_text
from migragraph.ingest.sources import record_release
from migragraph.map.iris import IriMinter
from migragraph.pipeline import build
from migragraph.store import GraphStore, Solutions

BODY = ("<p>IOM Director General Amy Pope met the Minister for Foreign Affairs of Ghana, Kwame Mensah, in "
        "Geneva to discuss labour mobility and the protection of migrant workers.</p>\n"
        "<p>The partners agreed to meet again next year to review the progress made.</p>")
DATELINE = "<p>Geneva, 3 March 2024 – IOM and Ghana signed a memorandum on labour mobility.</p>\n"


def _page(body: str, meta: str = '<meta property="article:published_time" content="2024-03-05">') -> str:
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            f"<title>IOM and Ghana agree to work together on labour mobility</title>\n{meta}\n</head>\n"
            f"<body><nav><a href=\"/\">Home</a></nav><article>\n"
            f"<h1>IOM and Ghana agree to work together on labour mobility</h1>\n{body}\n"
            f"</article></body></html>\n")


def _issued(tmp_path: Path, pages: dict[str, str]) -> dict[str, list[Node | None]]:
    """Build the pages; the dcterms:issued of each one's release."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, page in pages.items():
        (inputs / f"{name}.html").write_text(page, encoding="utf-8")
    build([inputs], tmp_path / "out", progress=False)
    minter = IriMinter()
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        found = {}
        for name in pages:
            answer = store.query(f"SELECT ?d WHERE {{ <{minter('release', name)}> dcterms:issued ?d }}")
            assert isinstance(answer, Solutions)
            found[name] = [row[0] for row in answer.rows]
        return found


def test_a_page_without_a_dateline_is_dated_by_its_metadata(tmp_path: Path) -> None:
    issued = _issued(tmp_path, {"undated": _page(BODY), "dateline": _page(DATELINE + BODY)})
    assert issued["undated"] == [Literal("2024-03-05", datatype=XSD.date)]
    assert issued["dateline"] == [Literal("2024-03-03", datatype=XSD.date)]  # the text's own date wins


@pytest.mark.parametrize(("meta", "date"), [
    ('<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">', "2024-03-05"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"datePublished": "2024-03-05"}</script>', "2024-03-05"),
    ("", None),
])
def test_the_release_takes_the_page_date_only_when_its_text_has_none(meta: str, date: str | None) -> None:
    assert record_release({"html": _page(BODY, meta)}, "page.html", "page").date == date
    assert record_release({"html": _page(DATELINE + BODY, meta)}, "page.html", "page").date is None


def test_a_record_date_field_wins_over_the_page() -> None:
    release = record_release({"html": _page(BODY), "date": "2024-02-01"}, "feed.json", "feed")
    assert release.date == "2024-02-01"


def test_a_date_in_the_body_is_not_the_page_date() -> None:
    # htmldate's search of the text would take "3 March 2023" for the page's date; only metadata counts.
    later = BODY + "\n<p>" + "The two sides have worked together for many years. " * 12 + (
        "On 3 March 2023 they signed a first agreement on the recruitment of migrant workers.</p>")
    page = html_to_text(_page(later, meta=""))
    assert page is not None and "3 March 2023" in page.text
    assert page.date is None
