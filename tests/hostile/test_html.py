"""Bad HTML: truncated, malformed, navigation only, nested past the parser's depth, a 10 MB text node,
a lone fragment in a JSON field, binary data named .html."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from .corpus import DATA, build_beside, refused

PAGE = (DATA / "gov-uk-pm-meets-un-sg-2019.html").read_text(encoding="utf-8")
ARTICLE = ("<p>The Secretary-General met today with H.E. Mr. José Manuel Albares Bueno, Minister for "
           "Foreign Affairs, European Union and Cooperation of Spain. The Secretary-General and the Minister "
           "discussed the war in Ukraine, as well as ongoing developments in Gaza and the Middle East "
           "region.</p>")


def test_page_truncated_in_its_article_keeps_what_was_written(tmp_path: Path) -> None:
    cut = PAGE.index("UN Secretary-General Antonio Guterres") + len("UN Secretary-General")
    built = build_beside(tmp_path, "truncated.html", PAGE[:cut])
    assert built.result.errors == []
    text = built.text_of(str(built.inputs / "truncated.html"))
    assert text.endswith("The Prime Minister met UN Secretary-General")
    assert "<" not in text and "Guterres" not in text  # no markup, nothing past the cut


def test_page_truncated_before_its_article_is_refused(tmp_path: Path) -> None:
    built = build_beside(tmp_path, "head-only.html", PAGE[: PAGE.index("<body")])
    refused(built, "head-only.html", "no article text found in the HTML")


def test_malformed_markup_is_read_as_text(tmp_path: Path) -> None:
    page = ("<html><body><div><<<>>><article><p>The Secretary-General met <b><i>the Minister for "
            "Foreign Affairs of Spain</b></i> in New York today.<p>They discussed the war in Ukraine and the "
            "situation in Gaza at length.</span></div></td></article></html></html><p>")
    built = build_beside(tmp_path, "malformed.html", page)
    assert built.result.errors == []
    text = built.text_of(str(built.inputs / "malformed.html"))
    assert "The Secretary-General met the Minister for Foreign Affairs of Spain in New York today." in text
    assert "They discussed the war in Ukraine" in text and "</" not in text


def test_page_of_only_navigation_is_refused(tmp_path: Path) -> None:
    nav = ("<html><head><title>Readouts</title></head><body><nav><ul>"
           + "".join(f"<li><a href='/sg/{y}'>Readouts {y}</a></li>" for y in range(2000, 2025))
           + "</ul></nav><footer><a href='/privacy'>Privacy Notice</a> | <a href='/terms'>Terms</a></footer>"
           "</body></html>")
    built = build_beside(tmp_path, "navigation.html", nav)
    refused(built, "navigation.html", "no article text found in the HTML (only navigation or an empty page)")


def test_a_hundred_thousand_nested_divs_are_refused_for_depth(tmp_path: Path) -> None:
    # libxml2 stops at depth 256 and drops the rest of the page: the article after the nest would be lost.
    nest = "<div>" * 100_000 + "</div>" * 100_000
    page = f"<html><body>{nest}<article>{ARTICLE}</article></body></html>"
    started = time.monotonic()
    built = build_beside(tmp_path, "nested.html", page)
    refused(built, "nested.html", "beyond what the parser reads whole (Excessive depth in document: 256")
    assert time.monotonic() - started < 30


def test_nesting_within_the_parsers_depth_is_read(tmp_path: Path) -> None:
    page = f"<html><body>{'<div>' * 200}<article>{ARTICLE}</article>{'</div>' * 200}</body></html>"
    built = build_beside(tmp_path, "nested-200.html", page)
    assert built.result.errors == []
    assert "José Manuel Albares Bueno" in built.text_of(str(built.inputs / "nested-200.html"))


def test_a_ten_megabyte_text_node_is_refused(tmp_path: Path) -> None:
    # libxml2 cuts a text node at 10 MB without XML_PARSE_HUGE: what follows would be lost.
    page = f"<html><body><article>{ARTICLE}<p>{'word ' * 2_200_000}</p></article></body></html>"
    built = build_beside(tmp_path, "huge-node.html", page, max_bytes=64 * 1024 * 1024)
    refused(built, "huge-node.html", "beyond what the parser reads whole (Resource limit exceeded")


def test_html_fragment_in_a_json_field_is_read(tmp_path: Path) -> None:
    # trafilatura takes a lone element for a non-page; ingest wraps it in a document first.
    record = {"id": "fragment", "text": ARTICLE}
    built = build_beside(tmp_path, "fragment.json", json.dumps(record))
    assert built.result.errors == []
    assert built.text_of(str(built.inputs / "fragment.json")).startswith("The Secretary-General met today")


def test_binary_data_named_html_is_refused(tmp_path: Path) -> None:
    noise = random.Random(8).randbytes(64 * 1024)
    built = build_beside(tmp_path, "photo.html", b"\x89PNG\r\n\x1a\n" + noise)
    refused(built, "photo.html", "binary data, not text")
