"""tools/screenshot.py, which makes the README's picture of the network page (issue #17, item 6): it
builds the examples, opens the page in headless Chromium and writes a PNG of the size asked for, a
picture of a drawn network rather than a blank page; the picture in the README is one it made."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
PICTURE = ROOT / "docs" / "graph.png"
MAX_BYTES = 300_000


def _colours(path: Path) -> int:
    with Image.open(path) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])


def test_the_script_builds_the_examples_and_writes_the_page_as_a_png(tmp_path: Path) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not at /usr/bin/chromium; scripts/test.sh installs it as root")
    out = tmp_path / "graph.png"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshot.py"), "-o", str(out),
                          "--width", "900", "--height", "600"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    said = re.fullmatch(rf"wrote {re.escape(str(out))} \({out.stat().st_size:,} bytes\): "
                        r"Showing (\d+) of (\d+) entities; (\d+) partners of IOM listed\n", run.stdout)
    assert said, run.stdout
    shown, total, partners = map(int, said.groups())
    assert 10 < shown <= total and partners >= 3  # the examples: IGAD, ECO and the EU met IOM at least
    with Image.open(out) as image:
        assert (image.format, image.size) == ("PNG", (900, 600))
        image.verify()  # every chunk's checksum
    assert _colours(out) > 200  # a drawing in the page's colours and anti-aliased text, not a blank page


def test_the_readme_shows_the_picture_the_script_made() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"!\[[^\]]+\]\(docs/graph\.png\)", readme)
    assert "python tools/screenshot.py" in readme
    assert PICTURE.stat().st_size < MAX_BYTES
    with Image.open(PICTURE) as image:
        assert (image.format, image.size) == ("PNG", (1280, 800))  # the script's default size
        image.verify()
    assert _colours(PICTURE) > 200
