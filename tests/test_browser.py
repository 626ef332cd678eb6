"""The pages of `migragraph viz`, opened in headless Debian Chromium through Playwright: they render the
expected network, log no console error, fetch nothing from the network, show a node's tooltip on
hover, filter by type, and never run script a release wrote. Screenshots go to tests/artifacts/.

Playwright drives the system browser (/usr/bin/chromium); it never downloads one of its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.visualise import render_page

from .network_builds import IMG, SCRIPT, SHARED, build_hostile, build_known, build_shared
from .test_viz import _star_forest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).parent / "artifacts"
ID = "https://w3id.org/migragraph/id/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not at /usr/bin/chromium (apt-get install chromium); "
                    "scripts/test.sh installs it when run as root")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the test extra (playwright) is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)

    def count(self, expression: str) -> int:
        return int(self.page.evaluate(expression))


def open_page(browser: Any, path: Path, width: int = 1280, height: int = 800,
              timeout: int = 20_000) -> Opened:
    """`path` in a new tab of `width` x `height`, once vis-network has laid the network out (page.js sets
    data-ready), waiting `timeout` ms at most."""
    page = browser.new_page(viewport={"width": width, "height": height})
    opened = Opened(page)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("request",
            lambda r: None if r.url.startswith(("file:", "data:")) else opened.fetched.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=timeout)
    return opened


def _centre(opened: Opened, node: str) -> tuple[float, float]:
    """Where on the page the canvas draws `node` (vis-network's canvas coordinates, made DOM ones)."""
    x, y = opened.page.evaluate("""id => {
        const at = network.canvasToDOM(network.getPositions([id])[id]);
        const box = document.getElementById("mynetwork").getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""", node)
    return float(x), float(y)


def hover(opened: Opened, node: str) -> Any:
    """Move the mouse onto `node` where the canvas draws it; the tooltip that shows."""
    x, y = _centre(opened, node)
    opened.page.mouse.move(x - 40, y - 40)
    opened.page.mouse.move(x, y, steps=4)
    tooltip = opened.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip


def _viz(directory: Path, page: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["viz", str(directory), *options, "-o", str(page)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


def _screenshot(opened: Opened, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / name))


def test_known_page_renders_hovers_and_filters(browser: Any, tmp_path: Path) -> None:
    _viz(build_known(tmp_path), tmp_path / "page.html")
    opened = open_page(browser, tmp_path / "page.html")
    assert opened.count("network.body.data.nodes.length") == 14
    assert opened.count("network.body.data.edges.length") == 22
    tooltip = hover(opened, ID + "org/iom")
    text = tooltip.inner_text()
    assert text.startswith("International Organization for Migration\n"
                           "organisation, seen 2024-03-01 to 2025-05-02")
    assert "Beta: Commissioner meets IOM (2025-05-02)" in text
    assert tooltip.locator("a").first.get_attribute("href") == "https://example.org/beta"
    _screenshot(opened, "known.png")
    opened.page.uncheck("input.type-filter[value=meeting]")
    assert opened.count("nodes.get({filter: n => n.hidden}).length") == 3
    assert opened.count("edges.get({filter: e => e.hidden}).length") == 11  # every edge of a meeting
    opened.page.check("input.type-filter[value=meeting]")
    assert opened.count("nodes.get({filter: n => n.hidden}).length") == 0
    assert opened.errors == [] and opened.fetched == []


def test_hostile_names_are_shown_as_text_and_never_run(browser: Any, tmp_path: Path) -> None:
    _viz(build_hostile(tmp_path), tmp_path / "page.html")
    opened = open_page(browser, tmp_path / "page.html")
    assert opened.count("network.body.data.nodes.length") == 3  # the organisation, the person, the meeting
    shown = hover(opened, ID + "person/hostile-person").inner_text()
    assert shown.startswith(SCRIPT + "\nperson")
    opened.page.mouse.click(*_centre(opened, ID + "org/hostile-org"))  # pinned in the side panel
    assert opened.page.locator("#details").inner_text().startswith(IMG + "\norganisation")
    shown = hover(opened, ID + "org/hostile-org").inner_text()
    assert shown.startswith(IMG + "\norganisation")
    _screenshot(opened, "hostile.png")
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.count("document.querySelectorAll('img').length") == 0
    assert opened.count("document.scripts.length") == 3  # vis-network, the data, page.js: none added
    assert opened.errors == [] and opened.fetched == []


def test_a_cut_page_says_so(browser: Any, tmp_path: Path) -> None:
    page, drawn = render_page(_star_forest(hubs=6, leaves=99), {}, "cut", max_nodes=300)
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    opened = open_page(browser, tmp_path / "cut.html")
    assert opened.count("network.body.data.nodes.length") == drawn.nodes == 300
    assert "showing 300 of 600 entities" in opened.page.locator(".notice").inner_text()
    assert opened.errors == []


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus /work/shared/data/releases is not here")
def test_page_of_the_shared_corpus(browser: Any, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
                                  ) -> None:
    said = _viz(build_shared(tmp_path_factory.getbasetemp() / "shared-corpus"), tmp_path / "corpus.html")
    drawn = int(said.split("(")[1].split()[0])
    assert drawn > 300
    opened = open_page(browser, tmp_path / "corpus.html")
    assert opened.count("network.body.data.nodes.length") == drawn
    assert "International Organization for Migration" in hover(opened, ID + "org/iom").inner_text()
    _screenshot(opened, "shared-corpus.png")
    shutil.copy(tmp_path / "corpus.html", ARTIFACTS / "shared-corpus.html")
    assert opened.errors == [] and opened.fetched == []
