"""The served pages in headless Chromium (Debian's, never a downloaded one): they load with no console
error, their style sheet applies under the Content-Security-Policy, markup from releases shows as
text and runs nothing, and the query box works."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from tests.test_serve_support import HOSTILE_TITLE, Served, serve_once

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                                       reason=f"{CHROMIUM} is missing (Debian's chromium)")]

MEETINGS = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s a mg:Meeting }"})
PAGES = ["", "id/org/iom", "id/release/hostile-markup", "ontology", "search?q=iom", "named",
         "named/sub-units?org=IOM", f"sparql?{MEETINGS}", "?example=officials-of-organisation"]


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page that records console errors, uncaught exceptions and dialogs (an alert() that ran)."""
    context = browser.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield tab, problems
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_cleanly(served: Served, page: tuple[Any, list[str]], path: str) -> None:
    tab, problems = page
    response = tab.goto(served.url + path)
    assert response is not None and response.status == 200
    tab.wait_for_load_state("load")
    assert problems == []
    assert tab.eval_on_selector("nav", "n => getComputedStyle(n).display") == "flex"  # the sheet applied
    assert tab.locator("h1").count() == 1


def test_markup_from_a_release_is_text(served: Served, page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto(served.url + "id/release/hostile-markup")
    assert tab.locator("h1").inner_text() == HOSTILE_TITLE
    assert tab.locator("script").count() == 0
    tab.goto(served.url + "id/org/iom")
    sentences = tab.locator("blockquote.evidence").all_inner_texts()
    assert any("<script>alert('sentence')</script>" in s for s in sentences)
    assert problems == []


def test_query_box_runs_a_query(served: Served, page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto(served.url)
    query = "SELECT ?name WHERE { <https://w3id.org/migragraph/id/org/iom> skos:prefLabel ?name }"
    tab.fill("textarea[name=query]", query)
    tab.click("#query button[type=submit]")
    tab.wait_for_load_state("load")
    assert tab.locator("table.results td").all_inner_texts() == ["International Organization for Migration"]
    assert problems == []


def test_entity_links_lead_to_entities(served: Served, page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto(served.url + "search?q=council")
    tab.click("ul.hits a >> text=Council of the International Organization for Migration")
    tab.wait_for_load_state("load")
    assert tab.url.endswith("/id/org/iom--council")
    assert tab.locator("h1").inner_text() == "Council of the International Organization for Migration"
    tab.click("svg.network a >> nth=0")
    tab.wait_for_load_state("load")
    assert "/id/" in tab.url and tab.locator("h1").count() == 1
    assert problems == []
