"""What a fetched source names: the items of an RSS or Atom feed, the pages (or nested sitemaps) of a
sitemap, the feeds a site's home page announces.

Feeds and sitemaps are parsed as XML trees by lxml (no entities resolved, no DTD, no network), and
read by element: trafilatura's feed reader finds links with regular expressions over the text (a
<link> inside a comment or CDATA counts), and both its feed and sitemap readers drop every link to a
host without a public domain suffix (an IP address, an intranet name), which --allow-private-network
exists to reach. The feeds of a home page are found by trafilatura's `determine_feed` (the page's
<link rel="alternate"> elements, else links that look like feeds), which parses the page as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from migragraph.ingest.decode import decode_bytes

# The sitemap protocol's own limit on URLs in one file; feeds are far shorter.
MAX_LINKS = 50_000
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap names. `kind`: "feed", "sitemap" or "sitemap index" (whose `urls` are
    sitemaps)."""

    kind: str
    urls: tuple[str, ...]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read_listing(body: bytes, url: str) -> Listing | None:
    """The feed or sitemap in `body` (fetched from `url`); None when it is XML of another kind;
    ValueError when it is not well-formed XML."""
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not well-formed XML ({exc.msg})") from None
    if root is None:
        raise ValueError("an empty XML document")
    kind = _local(root).lower()
    if kind in ("rss", "rdf"):
        return Listing("feed", _unique(_rss_links(root, url)))
    if kind == "feed":
        return Listing("feed", _unique(_atom_links(root, url)))
    if kind == "urlset":
        return Listing("sitemap", _unique(_locations(root, "url", url)))
    if kind == "sitemapindex":
        return Listing("sitemap index", _unique(_locations(root, "sitemap", url)))
    return None


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(element: etree._Element) -> str:
    return (element.text or "").strip() if len(element) == 0 else ""


def _rss_links(root: etree._Element, url: str) -> list[str]:
    links = []
    for item in (e for e in root.iter() if _local(e) == "item"):
        link = next((t for e in _children(item, "link") if (t := _text(e))), None)
        if link is None:  # RSS 2.0: a <guid> is the item's URL unless isPermaLink="false"
            permalinks = (e for e in _children(item, "guid")
                          if e.get("isPermaLink", "true").strip().lower() != "false")
            link = next((t for e in permalinks if (t := _text(e))), None)
        if link:
            links.append(urljoin(url, link))
    return links


def _atom_links(root: etree._Element, url: str) -> list[str]:
    base = urljoin(url, root.get(_XML_BASE, ""))
    links = []
    for entry in (e for e in root.iter() if _local(e) == "entry"):
        entry_base = urljoin(base, entry.get(_XML_BASE, ""))
        for link in _children(entry, "link"):
            if link.get("rel", "alternate").strip() == "alternate" and link.get("href", "").strip():
                links.append(urljoin(entry_base, link.get("href", "").strip()))
                break
    return links


def _locations(root: etree._Element, container: str, url: str) -> list[str]:
    return [urljoin(url, text) for entry in root.iter() if _local(entry) == container
            for loc in _children(entry, "loc") if (text := _text(loc))]


def _unique(urls: list[str]) -> tuple[str, ...]:
    http = (u for u in urls if urlsplit(u).scheme in ("http", "https"))
    return tuple(dict.fromkeys(http))[:MAX_LINKS]


def home_page_feeds(body: bytes, url: str) -> list[str]:
    """The feeds a site's home page announces, found by trafilatura (see the module docstring)."""
    try:
        html = decode_bytes(body, html=True).text
    except ValueError:
        return []
    from trafilatura.feeds import FeedParameters, determine_feed  # as in ingest/clean.py: when needed

    parts = urlsplit(url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url)
    return list(dict.fromkeys(determine_feed(html, params)))


def is_home_page(url: str) -> bool:
    """A site's home page (no path beyond "/", no query): a source whose feeds and sitemaps are read."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


__all__ = ["MAX_LINKS", "Listing", "home_page_feeds", "is_home_page", "read_listing"]
