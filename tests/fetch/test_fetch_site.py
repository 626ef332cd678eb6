"""`migragraph fetch` against a real HTTP server on loopback (tests/fetch/site.py) that serves the 181
real pages of the article-extraction benchmark, a feed and a sitemap naming them, a robots.txt that
forbids some, and URLs that answer 304, 429, 500, 503, redirects (one to another loopback address the
fetch is not allowed to reach, where a listener counts connections), an oversized and a slow body and
an image. Nothing is mocked: the fetch runs the CLI, the server logs what it was asked.

The first run is shared by the tests of this module (module fixtures), and so is the second.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migragraph.cli.main import cli
from migragraph.ingest.fetched import canonical_url, release_key

from .site import PAGES, Listener, Site, page_bytes, page_ids, serving

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not here (../shared)")

DELAY = 0.05
IDS = page_ids() if PAGES.is_dir() else []
FORBIDDEN = IDS[1:100:20]  # 5 pages robots.txt disallows
THROTTLED, BUSY = (IDS[150], IDS[151]) if IDS else ("", "")  # served only behind 429 / 503-once
NO_VALIDATORS = set(IDS[10:13])
SPECIAL = ["/status/500", "/big.html", "/slow.html", "/image.png", "/redirect-private",
           f"/status/429/{THROTTLED}", f"/status/503-once/{BUSY}", f"/redirect/{IDS[0] if IDS else ''}"]
FAILING = {"/status/500": "HTTP 500 Internal Server Error (3 tries)",
           "/big.html": "over the limit of 2,000,000 bytes; raise --max-bytes to fetch it",
           "/slow.html": "the response took over 2 s (--timeout); left unread",
           "/image.png": "the content type image/png is not HTML, XML or text: not kept"}


def fetch(*args: str) -> Result:
    return CliRunner().invoke(cli, ["fetch", *args], catch_exceptions=False)


@dataclass
class Run:
    result: Result
    hits: list  # the server's log of this run
    files: dict[str, tuple[bytes, int]]  # file name -> (bytes, mtime_ns) after the run


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, Listener]]:
    listener = Listener("127.0.0.2")  # another loopback address: --allow-network 127.0.0.1 refuses it
    pages = [i for i in IDS if i not in (THROTTLED, BUSY)]
    site = Site(feed=[f"/pages/{i}.html" for i in pages[:120]] + SPECIAL,
                sitemap=[f"/pages/{i}.html" for i in pages[100:]],
                forbidden=[f"/pages/{i}.html" for i in FORBIDDEN], no_validators=NO_VALIDATORS)
    with serving(site) as served:
        served.private_target = f"http://127.0.0.2:{listener.port}/secret.html"
        yield served, listener
    listener.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fetched")


def _run(site: Site, folder: Path) -> Run:
    before = len(site.hits)
    # The largest real page is 1.5 MB: 2 MB lets them all in and stops /big.html soon.
    result = fetch(f"{site.base}/feed.xml", f"{site.base}/sitemap.xml", "--into", str(folder),
                   "--delay", str(DELAY), "--allow-network", "127.0.0.1", "--max-bytes", "2000000",
                   "--timeout", "2")
    return Run(result, site.hits[before:], snapshot(folder))


@pytest.fixture(scope="module")
def first(site: tuple[Site, Listener], folder: Path) -> Run:
    return _run(site[0], folder)


@pytest.fixture(scope="module")
def second(site: tuple[Site, Listener], folder: Path, first: Run) -> Run:
    return _run(site[0], folder)


def _page_paths(hits: list) -> Counter[str]:
    return Counter(h.path for h in hits if h.path.startswith("/pages/"))


def test_every_allowed_page_is_saved_once_as_served(site: tuple[Site, Listener], folder: Path,
                                                    first: Run) -> None:
    served, _ = site
    allowed = [i for i in IDS if i not in FORBIDDEN and i not in (THROTTLED, BUSY)]
    asked = _page_paths(first.hits)
    # Each allowed page asked for once, though the feed and sitemap overlap and a redirect leads to one.
    assert asked == Counter({f"/pages/{i}.html": 1 for i in allowed})
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == len(allowed) + 2  # and the pages behind the 429 and the 503
    for page_id in allowed[::15] + [THROTTLED]:
        path = f"/status/429/{page_id}" if page_id == THROTTLED else f"/pages/{page_id}.html"
        url = served.base + path
        saved = folder / f"{release_key(url)}.html"
        assert saved.read_bytes() == page_bytes(page_id)  # the HTML as fetched, gzip undone
        record = json.loads((folder / f"{saved.name}.fetch").read_text())
        assert record["url"] == canonical_url(url) and record["status"] == 200
        assert record["fetched"].endswith("Z") and record["sha256"]
        assert record["size"] == len(page_bytes(page_id))
        assert record["agent"].startswith("migragraph/")
        found_in = "/feed.xml" if page_id in IDS[:120] or page_id == THROTTLED else "/sitemap.xml"
        assert record["found_in"] == served.base + found_in
        assert ("etag" in record) == (page_id not in NO_VALIDATORS)
    assert first.result.stdout.splitlines()[-1] == (
        f"fetched into {folder} in {first.result.stdout.split(' in ')[1].split(' s ')[0]} s "
        f"({len(first.hits)} request(s)): {len(allowed) + 2} new, 0 changed, 0 unchanged, 0 removed; "
        f"{len(FORBIDDEN) + 1} skipped, 5 failed")


def test_robots_txt_is_read_first_and_obeyed(site: tuple[Site, Listener], first: Run) -> None:
    served, _ = site
    assert first.hits[0].path == "/robots.txt" and served.requests_to("/robots.txt") == [first.hits[0]]
    forbidden = {f"/pages/{i}.html" for i in FORBIDDEN}
    assert not forbidden & {h.path for h in served.hits}  # "Allow: /" above them changes nothing
    skipped = {line for line in first.result.stderr.splitlines() if line.startswith("skipped: ")}
    assert {f"skipped: {served.base}{p}: disallowed by robots.txt" for p in forbidden} <= skipped


def test_each_failed_url_is_one_line_with_its_reason(site: tuple[Site, Listener], first: Run) -> None:
    served, listener = site
    errors = [line for line in first.result.stderr.splitlines() if line.startswith("error: ")]
    expected = {f"error: {served.base}{path}: {reason}" for path, reason in FAILING.items()}
    expected.add(f"error: {served.base}/redirect-private: redirected to {served.private_target}: refused: "
                 "127.0.0.2 is a loopback address; pass --allow-private-network to fetch from it")
    assert sorted(errors) == sorted(expected)
    assert first.result.stderr.splitlines()[-1] == "5 URL(s) could not be fetched; the others were"
    assert first.result.exit_code == 1
    assert listener.connections == 0  # refused before connecting: nothing reached 127.0.0.2
    assert [h.status for h in served.requests_to("/status/500")] == [500, 500, 500]


def test_retries_wait_as_the_server_asks(site: tuple[Site, Listener], first: Run) -> None:
    served, _ = site
    throttled = served.requests_to(f"/status/429/{THROTTLED}")
    assert [h.status for h in throttled] == [429, 200]
    assert throttled[1].at - throttled[0].at >= 1.0  # Retry-After: 1
    busy = served.requests_to(f"/status/503-once/{BUSY}")
    assert [h.status for h in busy] == [503, 200] and busy[1].at - busy[0].at >= 1.0  # backoff, at least 1 s
    failing = served.requests_to("/status/500")
    assert failing[1].at - failing[0].at >= 1.0 and failing[2].at - failing[1].at >= 2.0  # doubled


def test_the_delay_between_requests_is_honoured(first: Run) -> None:
    gaps = [b.at - a.at for a, b in zip(first.hits, first.hits[1:], strict=False)]
    assert len(gaps) > 180 and min(gaps) >= DELAY
    agents = {h.headers["user-agent"] for h in first.hits}
    assert len(agents) == 1 and agents.pop().startswith("migragraph/0.")


def test_a_second_run_fetches_nothing_unchanged(folder: Path, first: Run, second: Run) -> None:
    pages = [h for h in second.hits if h.path.startswith("/pages/")]
    assert len(pages) == len(_page_paths(first.hits))
    for hit in pages:
        page_id = hit.path.removeprefix("/pages/").removesuffix(".html")
        if page_id in NO_VALIDATORS:  # no validators to send: the body comes again, its hash says unchanged
            assert hit.status == 200 and "if-none-match" not in hit.headers
        else:
            assert hit.status == 304 and hit.headers["if-none-match"].startswith('"')
            assert hit.headers["if-modified-since"].endswith(" GMT")
    assert second.files == first.files  # not a byte nor a modification time changed
    summary = second.result.stdout.splitlines()[-1]
    assert ", 0 new, 0 changed, " in summary.replace("):", "),") and " 0 removed;" in summary


def test_loopback_is_refused_by_default_before_any_request(site: tuple[Site, Listener],
                                                           tmp_path: Path) -> None:
    served, _ = site
    before = len(served.hits)
    result = fetch(f"{served.base}/feed.xml", "--into", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {served.base}/feed.xml: refused: 127.0.0.1 is a loopback address; pass "
        "--allow-private-network to fetch from it")
    assert len(served.hits) == before  # not even robots.txt was asked for
    assert list((tmp_path / "out").iterdir()) == []


def test_a_host_name_is_judged_by_the_addresses_it_resolves_to(site: tuple[Site, Listener],
                                                               tmp_path: Path) -> None:
    """"localhost" is no IP literal: it is resolved, and each address it resolves to is refused as
    loopback; the connection would go to exactly an address that passed, none here."""
    served, _ = site
    port = served.base.rsplit(":", 1)[1]
    before = len(served.hits)
    result = fetch(f"http://localhost:{port}/feed.xml", "--into", str(tmp_path / "out"))
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error: ")]
    assert line.startswith(f"error: http://localhost:{port}/feed.xml: refused: ")
    assert "127.0.0.1 is a loopback address; pass --allow-private-network" in line
    assert len(served.hits) == before
