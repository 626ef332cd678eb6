"""The check that graph.html fetches nothing from the network (visualise/offline.py) reads the page as a
browser parses it: what loads is an element or CSS, never text in a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migragraph.pipeline import build
from migragraph.visualise.offline import fetches

from .test_viz import data_set


@pytest.mark.parametrize(("html", "found"), [
    ('<script src="//cdn.example.org/vis.js"></script>', ["<script src=//cdn.example.org/vis.js>"]),
    ("<SCRIPT SRC=HTTPS://cdn.example.org/vis.js></SCRIPT>", ["<script src=HTTPS://cdn.example.org/vis.js>"]),
    ('<link rel="stylesheet" href="https://fonts.example.org/a.css">', ["<link href=https://fonts.example.org/a.css>"]),
    ('<img srcset="a.png 1x, https://img.example.org/b.png 2x">', ["<img srcset=https://img.example.org/b.png>"]),
    ("<style>@import url(//fonts.example.org/a.css);</style>", ["CSS in <style>: //fonts.example.org/a.css"]),
    ("<style>@import 'https://fonts.example.org/a.css';</style>", ["CSS in <style>: https://fonts.example.org/a.css"]),
    ("<div style=\"background: url('https://img.example.org/i.png')\"></div>",
     ["CSS in <div>: https://img.example.org/i.png"]),
    ('<meta http-equiv="refresh" content="0; url=https://example.org/">',
     ["<meta http-equiv=refresh> to https://example.org/"]),
    # A script's text that closes the script: the browser then loads the script after it, and so do we.
    ('<script>var t = "</script><script src=//cdn.example.org/x.js></script>";</script>',
     ["<script src=//cdn.example.org/x.js>"]),
])
def test_what_a_page_would_fetch_is_found(html: str, found: list[str]) -> None:
    assert fetches(f"<!DOCTYPE html><html><head>{html}</head><body><p>page</p></body></html>") == found


@pytest.mark.parametrize("html", [
    # Text in a script is data: what it says is never fetched ("</div>" does not end a script).
    '<script>var t = "@import url(//cdn.example.org/a.css) </div><img src=//img.example.org/i.png>"</script>',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<a href="https://example.org/release" target="_blank">the release</a>',  # followed when clicked
    "<style>.legend { background: url(#pattern); }</style>",
    '<script src="page.js"></script>',  # beside the page
])
def test_what_a_page_holds_without_fetching_is_not_found(html: str) -> None:
    assert fetches(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>") == []


def test_a_release_whose_title_reads_like_css_still_gets_its_page(tmp_path: Path) -> None:
    # Matched as text over the whole page, this title refused graph.html for the whole store.
    title = "IOM and UNHCR discuss @import rules for url(//cdn.example.org/x.css) styles"
    record = {"title": title, "date": "2020-01-05", "url": "https://www.iom.int/news/x",
              "text": f"{title}\n\nGeneva, 5 January 2020 - IOM Director General Antonio Vitorino met UNHCR "
                      "High Commissioner Filippo Grandi in Geneva today."}
    inputs = tmp_path / "releases.jsonl"
    inputs.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = build([inputs], tmp_path / "out", extraction="rules", progress=False)
    assert result.ok and result.releases == 1
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert fetches(page) == []
    nodes = data_set(page, "nodes")
    assert any("@import rules for url(//cdn.example.org/x.css) styles" in str(n["title"]) for n in nodes)
    assert {str(n["fullLabel"]) for n in nodes} >= {"Antonio Vitorino", "Filippo Grandi"}
