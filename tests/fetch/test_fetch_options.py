"""The fetch's pace and reach on small real sites: a home page's feed or sitemap found, the cap of
pages a run with new pages first, the site's Crawl-delay honoured (measured at the server), a
Crawl-delay too long to honour, and `migragraph build URL...` fetching then building."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migragraph.cli.main import cli

from .site import PAGES, Site, page_ids, serving

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not here (../shared)")
IDS = page_ids() if PAGES.is_dir() else []


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site(feed=[f"/pages/{i}.html" for i in IDS[:25]], sitemap=[f"/pages/{i}.html" for i in IDS[30:33]])
    with serving(site) as served:
        yield served


def _pages_asked(site: Site, since: int) -> list[tuple[str, int]]:
    return [(h.path, h.status) for h in site.hits[since:] if h.path.startswith("/pages/")]


def test_a_home_page_gives_its_feed_and_the_cap_leaves_the_rest_for_the_next_run(site: Site,
                                                                                  tmp_path: Path) -> None:
    args = ("fetch", f"{site.base}/", "--into", str(tmp_path), "--delay", "0.01", "--allow-private-network",
            "--max-pages", "10")
    first = run(*args)
    assert first.exit_code == 0
    assert first.stdout.splitlines()[0] == f"  {site.base}/feed.xml: a feed naming 25 URL(s)"
    assert first.stderr == ("note: 15 page(s) left for the next run (15 never fetched): the cap of pages "
                            "a run was reached (--max-pages)\n")
    asked_first = _pages_asked(site, 0)
    assert len(asked_first) == 10 and {s for _, s in asked_first} == {200}
    mark = len(site.hits)
    second = run(*args)  # new pages first: ten others, nothing asked again yet
    asked_second = _pages_asked(site, mark)
    assert len(asked_second) == 10 and {s for _, s in asked_second} == {200}
    assert not {p for p, _ in asked_first} & {p for p, _ in asked_second}
    assert second.stderr.startswith("note: 15 page(s) left for the next run (5 never fetched)")
    mark = len(site.hits)
    third = run(*args)  # the last five new ones, then five of the known ones asked with validators
    statuses = [s for _, s in _pages_asked(site, mark)]
    assert statuses == [200] * 5 + [304] * 5 and third.exit_code == 0
    assert len(list(tmp_path.glob("*.html"))) == 25


def test_a_home_page_without_a_feed_gives_the_sitemap_of_its_robots_txt(site: Site, tmp_path: Path) -> None:
    site.home_feed = False
    result = run("fetch", site.base, "--into", str(tmp_path), "--delay", "0.01", "--allow-private-network")
    assert result.exit_code == 0
    assert f"  {site.base}/sitemap.xml: a sitemap naming 3 URL(s)" in result.stdout.splitlines()
    assert sorted(p for p, _ in _pages_asked(site, 0)) == sorted(f"/pages/{i}.html" for i in IDS[30:33])
    urls = {json.loads(p.read_text())["found_in"] for p in tmp_path.glob("*.fetch")}
    assert urls == {f"{site.base}/sitemap.xml"}


def test_the_sites_crawl_delay_wins_over_a_shorter_delay(site: Site, tmp_path: Path) -> None:
    site.crawl_delay = 0.5
    site.feed = site.feed[:4]
    result = run("fetch", f"{site.base}/feed.xml", "--into", str(tmp_path), "--delay", "0.01",
                 "--allow-private-network")
    assert result.exit_code == 0
    assert [h.path for h in site.hits][:2] == ["/robots.txt", "/feed.xml"]
    gaps = [b.at - a.at for a, b in zip(site.hits, site.hits[1:], strict=False)]
    assert len(gaps) == 5 and min(gaps) >= 0.5  # robots.txt, the feed, four pages


def test_a_crawl_delay_too_long_to_honour_skips_the_site(site: Site, tmp_path: Path) -> None:
    site.crawl_delay = 3600
    result = run("fetch", f"{site.base}/feed.xml", "--into", str(tmp_path), "--allow-private-network")
    assert result.exit_code == 0 and [h.path for h in site.hits] == ["/robots.txt"]
    assert result.stderr == (f"skipped: {site.base}/feed.xml: the site asks for 3600 s between requests "
                             "(Crawl-delay), more than the 60 s migragraph waits at most; nothing on it is "
                             "fetched\n")


def test_a_bad_network_is_a_usage_error(tmp_path: Path) -> None:
    result = run("fetch", "https://example.org/", "--into", str(tmp_path), "--allow-network", "10.0.0.0/99")
    assert result.exit_code == 2
    assert result.stderr == ("error: --allow-network '10.0.0.0/99' is not an IP address or network "
                             "(give e.g. 10.1.0.0/16 or 127.0.0.1)\n")


def test_build_fetches_urls_then_builds_them(site: Site, tmp_path: Path) -> None:
    site.feed = site.feed[:2]
    out = tmp_path / "out"
    result = run("build", f"{site.base}/feed.xml", "--out", str(out), "--allow-private-network")
    assert len(list((out / "fetched").glob("*.html"))) == 2
    assert [h.path for h in site.hits] == ["/robots.txt", "/feed.xml"] + [f"/pages/{i}.html" for i in IDS[:2]]
    gaps = [b.at - a.at for a, b in zip(site.hits, site.hits[1:], strict=False)]
    assert min(gaps) >= 1.0  # the default delay
    summary = json.loads((out / "build.json").read_text())
    assert result.stdout.splitlines()[1].startswith(f"fetched into {out / 'fetched'} in ")
    assert summary["releases"] + len(summary["errors"]) == 2
    assert result.exit_code == (0 if not summary["errors"] and summary["validation"]["conforms"] else 1)
