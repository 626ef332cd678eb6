"""Take the README's picture of the network page: build examples/, open the page the build writes
(graph.html) in headless Chromium, find IOM so that its partner panel shows, and save a PNG.

usage: python tools/screenshot.py [-o docs/graph.png] [--find IOM] [--width 1280] [--height 800]
                                  [--chromium /usr/bin/chromium]

Run it again when the page or the extraction changes; tests/test_screenshot.py checks that it runs and
writes a PNG of the size asked for. Playwright (the test extra) drives the system's Chromium (Debian's
chromium package); it downloads no browser of its own. The build is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# Headless without a sandbox (containers run as root) and without any request of Chromium's own.
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
READY_MS = 60_000


def build_examples(into: Path) -> Path:
    """examples/ built into `into`/out; the page it wrote."""
    from migragraph.pipeline import build

    result = build([ROOT / "examples"], into / "out", progress=False)
    if result.errors:
        raise SystemExit(f"screenshot: examples/ did not all build: {result.errors[0].source}: "
                         f"{result.errors[0].reason}")
    return into / "out" / "graph.html"


def shoot(page_file: Path, output: Path, *, find: str, width: int, height: int, chromium: Path) -> str:
    """`page_file` at width x height, once laid out, with `find` searched for (when given), as a PNG;
    what the picture shows, as the page counts it."""
    from playwright.sync_api import sync_playwright

    if not chromium.exists():
        raise SystemExit(f"screenshot: no Chromium at {chromium}: apt-get install chromium, "
                         "or give --chromium PATH")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=READY_MS)
            if find:
                page.fill("#search", find)
                page.press("#search", "Enter")
                page.wait_for_selector("#partners li", timeout=READY_MS)
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            shown = page.locator("#shown-count").inner_text()
            partners = page.locator("#partners li").count()
            return f"{shown}; {partners} partners of {find} listed" if find else shown
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "graph.png")
    parser.add_argument("--find", default="IOM", help="the entity to search for ('' for none)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--chromium", type=Path, default=CHROMIUM)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="migragraph-screenshot-") as folder:
        page_file = build_examples(Path(folder))
        shown = shoot(page_file, options.output, find=options.find, width=options.width,
                      height=options.height, chromium=options.chromium)
    print(f"wrote {options.output} ({options.output.stat().st_size:,} bytes): {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
