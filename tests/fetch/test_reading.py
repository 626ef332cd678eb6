"""What fetching reads: robots.txt (RFC 9309 by protego), feeds and sitemaps as XML trees, page
identity from the canonical URL. Each case says why the library we did not use was left out."""

from __future__ import annotations

from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest
from trafilatura.feeds import FeedParameters, extract_links

from migragraph.fetch.discover import home_page_feeds, is_home_page, read_listing
from migragraph.fetch.robots import Robots
from migragraph.ingest.fetched import canonical_url, page_fields, release_key

ROBOTS = "User-agent: *\nAllow: /\nDisallow: /private/\nCrawl-delay: 2.5\nSitemap: https://example.org/s.xml\n"


def test_robots_longest_match_wins_where_the_standard_library_lets_it_through() -> None:
    """RFC 9309 2.2.2: the most specific rule wins. urllib.robotparser (what trafilatura uses) applies
    the first rule that matches, so "Allow: /" opens /private/ against the site's wish."""
    rules = Robots.parse("migragraph", ROBOTS)
    assert rules.refusal("https://example.org/private/report.html") == "disallowed by robots.txt"
    assert rules.refusal("https://example.org/news/1.html") is None
    assert rules.crawl_delay == 2.5 and rules.sitemaps == ("https://example.org/s.xml",)
    stdlib = RobotFileParser()
    stdlib.parse(ROBOTS.splitlines())
    assert stdlib.can_fetch("migragraph", "https://example.org/private/report.html")  # the bug avoided


def test_robots_rules_for_migragraph_by_name() -> None:
    rules = Robots.parse("migragraph", "User-agent: migragraph\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert rules.refusal("https://example.org/a") == "disallowed by robots.txt"
    others = Robots.parse("otherbot", "User-agent: migragraph\nDisallow: /\n")
    assert others.refusal("https://example.org/a") is None
    assert "unreachable (HTTP 503" in str(Robots.unreachable("migragraph", "HTTP 503 Service Unavailable")
                                          .refusal("https://example.org/a"))


RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>News</title><link>https://example.org/</link>
<!-- <item><link>https://example.org/commented-out</link></item> -->
<item><title>One</title><link>https://example.org/news/1</link></item>
<item><title>Two</title><link><![CDATA[https://example.org/news/2?b=1&a=2]]></link></item>
<item><title>Three</title><guid>https://example.org/news/3</guid></item>
<item><title>Four</title><guid isPermaLink="false">tag:example.org,2025:4</guid></item>
<item><title>Relative</title><link>/news/5</link></item>
<item><title>Not web</title><link>javascript:alert(1)</link></item>
</channel></rss>"""


def test_rss_items_are_read_from_the_tree() -> None:
    listing = read_listing(RSS, "https://example.org/feed.xml")
    assert listing is not None and listing.kind == "feed"
    assert listing.urls == ("https://example.org/news/1", "https://example.org/news/2?b=1&a=2",
                            "https://example.org/news/3", "https://example.org/news/5")


def test_trafilatura_feed_reader_takes_a_commented_link_and_drops_ip_hosts() -> None:
    """Why fetch/discover.py reads feeds itself: trafilatura's regular expressions take a <link> inside
    a comment, and courlan's checks drop every link to an IP address (an intranet, the test server)."""
    params = FeedParameters("https://example.org", "example.org", "https://example.org/feed.xml")
    assert "https://example.org/commented-out" in extract_links(RSS.decode(), params)
    local = b"<rss><channel><item><link>http://127.0.0.1:8080/news/1</link></item></channel></rss>"
    params = FeedParameters("http://127.0.0.1:8080", "127.0.0.1", "http://127.0.0.1:8080/feed.xml")
    assert extract_links(local.decode(), params) == []
    assert read_listing(local, "http://127.0.0.1:8080/feed.xml").urls == ("http://127.0.0.1:8080/news/1",)  # type: ignore[union-attr]


def test_atom_entries_follow_xml_base_and_take_the_alternate_link() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/en/">
      <link rel="self" href="https://example.org/feed.atom"/>
      <entry><link rel="edit" href="/edit/1"/><link href="news/1"/></entry>
      <entry xml:base="/fr/"><link rel="alternate" type="text/html" href="nouvelles/2"/></entry>
      <entry><link rel="enclosure" href="/a.mp3"/></entry>
    </feed>"""
    listing = read_listing(atom, "https://example.org/feed.atom")
    assert listing is not None and listing.kind == "feed"
    assert listing.urls == ("https://example.org/en/news/1", "https://example.org/fr/nouvelles/2")


def test_sitemaps_and_indexes() -> None:
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://example.org/a '
              b"</loc></url><url><loc>https://example.org/a</loc></url><url><loc>ftp://example.org/b</loc></url>"
              b"</urlset>")
    assert read_listing(urlset, "https://example.org/s.xml").urls == ("https://example.org/a",)  # type: ignore[union-attr]
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>'
             b"https://example.org/s1.xml</loc></sitemap></sitemapindex>")
    listing = read_listing(index, "https://example.org/index.xml")
    assert listing is not None and listing.kind == "sitemap index" and listing.urls == ("https://example.org/s1.xml",)
    assert read_listing(b"<svg><g/></svg>", "https://example.org/x.xml") is None
    with pytest.raises(ValueError, match="not well-formed XML"):
        read_listing(b"<rss><channel>", "https://example.org/x.xml")


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("https://example.org/leaked")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<rss><channel><item><link>&x;</link></item>"
           "<item><link>https://example.org/news/1</link></item></channel></rss>").encode()
    listing = read_listing(xxe, "https://example.org/feed.xml")
    assert listing is not None and listing.urls == ("https://example.org/news/1",)


def test_home_page_feeds_are_found_by_trafilatura() -> None:
    page = (b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
            b"<body/></html>")
    assert home_page_feeds(page, "http://127.0.0.1:8080/") == ["http://127.0.0.1:8080/feed.xml"]
    assert is_home_page("https://example.org") and is_home_page("https://example.org/")
    assert not is_home_page("https://example.org/news/") and not is_home_page("https://example.org/?p=1")


def test_identity_comes_from_the_canonical_url() -> None:
    key = release_key("https://www.IOM.int:443/news/eu-iom-meeting?utm_source=x#top")
    assert key == release_key("http://www.iom.int/news/eu-iom-meeting")  # scheme, port, tracking, fragment
    words = "www-iom-int-news-eu-iom-meeting-"
    assert key.startswith(words) and len(key) == len(words) + 10
    assert release_key("https://example.org/a/b") != release_key("https://example.org/a-b")  # same words
    long = "https://example.org/" + "word-" * 40
    assert len(release_key(long)) <= 80 and release_key(long) != release_key(long + "x")
    assert canonical_url("https://Example.org") == "https://example.org/"
    with pytest.raises(ValueError, match="is not an http"):
        canonical_url("file:///etc/passwd")


def test_a_fetch_record_beside_a_page_names_its_release(tmp_path: Path) -> None:
    page = tmp_path / "saved-by-hand.html"
    page.write_text("<p>x</p>")
    assert page_fields(page) == {}
    (tmp_path / "saved-by-hand.html.fetch").write_text('{"url": "https://example.org/news/1#x", '
                                                        '"fetched": "2025-04-05T08:00:00Z"}')
    assert page_fields(page) == {"url": "https://example.org/news/1", "id": release_key("https://example.org/news/1"),
                                 "modified": "2025-04-05T08:00:00Z"}
    for bad, reason in [("[1]", "must be a JSON object"), ('{"url": "ftp://x/y"}', "is not an http"),
                        ("{", "is not JSON"),
                        ('{"url": "https://e.org/", "fetched": "yesterday"}', "UTC time")]:
        (tmp_path / "saved-by-hand.html.fetch").write_text(bad)
        with pytest.raises(ValueError, match=reason):
            page_fields(page)
