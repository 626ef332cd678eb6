"""Names that would forge lines or reorder text, and parameters given twice.

Version 0.2.0 printed file names as they were, so a file named "x\\nerror: forged.txt" printed an
`error:` line of its own; a right-to-left override (U+202E) in a release title reversed the rest of
the served page's <title> and <h1>; and `org=` given twice took the first value over HTTP and the last
on the command line. Now every message line is escaped (migragraph/lines.py), text from releases is
isolated on pages (serve/render.py), and a repeated parameter is refused, both ways.
"""

from __future__ import annotations

import http.client
import json
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.pipeline import build
from tests.test_serve_support import BROWSER, HOSTILE, Reply, Served, serve_once, start_server, stop_server

DATA = Path(__file__).parent.parent / "data"
RLO, FSI, PDI = "\u202e", "\u2068", "\u2069"  # right-to-left override; first strong isolate ... pop
FORGING = ["evil\nerror: forged.txt", "bell\x07\x1b[2J.txt", f"{RLO}exe.txt", "line\u2028sep.txt",
           "cr\rerror: x.txt"]


def fetch(url: str, **headers: str) -> Reply:
    """GET over http.client straight to loopback (the guard of this folder refuses urllib's requests)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request("GET", f"{parts.path}?{parts.query}" if parts.query else parts.path, headers=headers)
    response = connection.getresponse()
    reply = Reply(response.status, response.headers, response.read())
    connection.close()
    return reply


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr.splitlines()


def test_file_names_cannot_forge_error_lines(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(DATA / "un-sg-zardari-2012.txt", inputs)
    for name in FORGING:
        (inputs / name).write_text("too short", encoding="utf-8")
    code, lines = _run("build", str(inputs), "--out", str(tmp_path / "out"))
    assert code == 1
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == len(FORGING)  # one line each, and no other
    shown = {"evil\\nerror: forged.txt", "bell\\x07\\x1b[2J.txt", "\\u202eexe.txt", "line\\u2028sep.txt",
             "cr\\rerror: x.txt"}
    assert {line.split(": ", 1)[1].rsplit("/", 1)[1].split(": too little")[0] for line in errors} == shown
    assert all(ch.isprintable() for line in lines for ch in line)


def test_folder_names_cannot_forge_error_lines(tmp_path: Path) -> None:
    folder = tmp_path / "no\nerror: such build"
    for args in (("query", str(folder), "ASK {}"), ("validate", str(folder)), ("export", str(folder)),
                 ("viz", str(folder), "-o", str(tmp_path / "p.html"))):
        code, lines = _run(*args)
        assert code == 2 and len(lines) == 1 and "no\\nerror: such build" in lines[0], (args, lines)


def test_a_parameter_given_twice_is_refused_on_the_command_line(controlled: Path) -> None:
    code, lines = _run("query", str(controlled), "--named", "sub-units", "--param", "org=IOM",
                       "--param", "org=UNHCR")
    assert code == 2 and lines[-1] == ("Error: --param org is given twice ('IOM' and 'UNHCR'); give each "
                                       "parameter once")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def test_a_parameter_given_twice_is_refused_over_http(served: Served) -> None:
    twice = fetch(served.url + "named/sub-units?org=IOM&org=UNHCR")
    assert twice.status == 400
    assert twice.text == "the parameter org is given 2 times (org='IOM', org='UNHCR'); give it once\n"
    once = fetch(served.url + "named/sub-units?org=IOM", Accept="text/csv")
    rows = once.text.splitlines()
    assert once.status == 200 and rows[0] == "org,unit,name,parentName" and len(rows) > 1  # IOM's units
    formats = fetch(served.url + "sparql?query=ASK%7B%7D&format=json&format=xml")
    assert formats.status == 400 and "format is given 2 times" in formats.text
    page = fetch(served.url + "search?q=a&q=b", Accept=BROWSER)
    assert page.status == 400 and "q is given 2 times" in page.text


TITLE = f"{RLO}EU and IOM meet in Brussels"


@pytest.fixture(scope="module")
def bidi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("bidi")
    (root / "in").mkdir()
    (root / "in" / "bidi.json").write_text(json.dumps({**HOSTILE, "id": "bidi-title", "title": TITLE}),
                                           encoding="utf-8")
    build([root / "in"], root / "out", progress=False)
    process, url = start_server(root / "out", root / "server.log")
    yield url
    stop_server(process)


def test_right_to_left_overrides_are_isolated(bidi_url: str) -> None:
    page = fetch(bidi_url + "id/release/bidi-title", Accept=BROWSER)
    assert page.status == 200
    tree = lxml.html.fromstring(page.body)
    # <title> takes no elements: isolated by FSI ... PDI, the override inside dropped.
    assert tree.findtext(".//title") == f"{FSI}EU and IOM meet in Brussels{PDI} · migragraph"
    heading = tree.find(".//h1")
    assert heading is not None and heading.text is None and [c.tag for c in heading] == ["bdi"]
    assert heading[0].text == TITLE
    # Wherever the override stands on the page, it is the first text of a <bdi> and ends with it.
    holders = [(el.tag, "text") for el in tree.iter() if RLO in (el.text or "")]
    holders += [(el.tag, "tail") for el in tree.iter() if RLO in (el.tail or "")]
    assert holders and set(holders) == {("bdi", "text")}, holders
