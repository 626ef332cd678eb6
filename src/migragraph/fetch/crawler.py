"""`fetch`: sources (pages, feeds, sitemaps, home pages) -> the pages they name, saved in a folder.

Sources are read first, in the order given: a feed or sitemap (XML) gives the pages it names (a
sitemap index, the sitemaps it names), a site's home page gives the pages of the feeds it announces,
else of the sitemaps its robots.txt names (else /sitemap.xml), and any other page is itself a
release. Then the pages found are fetched from courlan's UrlStore (which deduplicates them per host;
it takes http and https of one host as one site, and asks https when both are named), pages not yet
in the folder first so that a run stopped by --max-pages goes on with new pages next time; each from
the host that may be asked soonest.

Every request, redirects included, goes through the same gate, hop by hop: the URL's scheme and host,
robots.txt of its origin, the host's delay (fetch/polite.py), the address it resolves to
(fetch/addresses.py, checked at connection time by fetch/client.py). A page already in the folder is
asked for with its validators (If-None-Match, If-Modified-Since): unchanged, it costs a 304 and
nothing is written. A page that answers 404 or 410 is deleted from the folder, so the next build with
--prune removes its release.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from courlan import UrlStore, validate_url

from migragraph.errors import FetchError
from migragraph.fetch.client import XML_TYPES, AddressRefusedError, Client, Response, check_url
from migragraph.fetch.discover import Listing, home_page_feeds, is_home_page, read_listing
from migragraph.fetch.folder import Folder, Saved
from migragraph.fetch.polite import (
    MAX_CRAWL_DELAY,
    MAX_RETRY_AFTER,
    RETRY_STATUSES,
    Hosts,
    backoff,
    retry_after,
)
from migragraph.fetch.robots import MAX_ROBOTS_BYTES, Robots, origin, robots_url
from migragraph.fetch.settings import Settings
from migragraph.ingest.fetched import canonical_url

MAX_REDIRECTS = 5
MAX_FEEDS = 3  # feeds read from one home page
MAX_SITEMAPS = 50  # sitemaps read in one run (an index may name thousands)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_GONE = frozenset({404, 410})


@dataclass(frozen=True)
class Outcome:
    """What happened to one URL: `kind` is new, changed, unchanged, removed, skipped or failed."""

    url: str
    kind: str
    reason: str = ""


@dataclass
class FetchReport:
    into: str
    outcomes: list[Outcome] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # what each source named, one line each
    left: int = 0  # pages not asked for: the --max-pages cap was reached
    left_new: int = 0  # of which never fetched before
    requests: int = 0
    seconds: float = 0.0

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0


class _SkipError(Exception):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url, self.reason = url, reason


class Crawler:
    def __init__(self, folder: Folder, settings: Settings,
                 on_outcome: Callable[[Outcome], None] | None = None) -> None:
        self.folder, self.settings = folder, settings
        self.client = Client(settings.policy, settings.user_agent, settings.max_bytes, settings.timeout)
        self.hosts = Hosts()
        self.robots: dict[str, Robots] = {}
        self.frontier = UrlStore(compressed=False, strict=False)
        self.found_in: dict[str, str] = {}
        self.done: set[str] = set()  # canonical URLs of the pages settled this run
        self.pages = 0  # page requests made (the --max-pages cap)
        self.sitemaps = 0
        self.report = FetchReport(str(folder.root))
        self.on_outcome = on_outcome

    def run(self, sources: list[str]) -> FetchReport:
        started = time.monotonic()
        try:
            for source in dict.fromkeys(sources):
                self._source(source)
            self._pages()
        finally:
            self.client.close()
            self.report.seconds = time.monotonic() - started
        return self.report

    # ------------------------------------------------------------------ outcomes

    def _tell(self, url: str, kind: str, reason: str = "") -> None:
        outcome = Outcome(url, kind, reason)
        self.report.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    # ------------------------------------------------------------------ sources

    def _source(self, url: str) -> None:
        why = check_url(url)
        if why:
            self._tell(url, "failed", why)
            return
        if is_home_page(url):
            self._home(url)
            return
        if canonical_url(url) in self.done:
            return
        response = self._told_get(url)
        if response is None:
            return
        if response.status == 200 and response.content_type in XML_TYPES:
            self._listing(url, response)
        else:
            self._settle(url, response, None)

    def _told_get(self, url: str, page: bool = False) -> Response | None:
        """`url` fetched with its validators (conditionally); None, the reason told, when it was skipped
        or failed."""
        try:
            return self._get(url, self._validators(url), page=page)
        except _SkipError as skip:
            self._tell(skip.url, "skipped", skip.reason)
        except FetchError as exc:
            self._tell(exc.url, "failed", exc.reason)
        return None

    def _home(self, url: str) -> None:
        try:
            response = self._get(url)
        except (_SkipError, FetchError) as exc:
            self._tell(url, "skipped" if isinstance(exc, _SkipError) else "failed", exc.reason)
            return
        if response.status != 200:
            self._tell(url, "failed", _status(response))
            return
        feeds = home_page_feeds(response.body, response.url)[:MAX_FEEDS]
        found = sum(self._listing_at(feed, url) for feed in feeds)
        if found:
            return
        rules = self.robots.get(origin(response.url))
        sitemaps = (list(rules.sitemaps) if rules and rules.sitemaps
                    else [urljoin(response.url, "/sitemap.xml")])
        if not sum(self._listing_at(sitemap, url) for sitemap in sitemaps):
            self._tell(url, "failed", "a home page with no feed or sitemap that names any page "
                                      f"(tried {', '.join(feeds + sitemaps)})")

    def _listing_at(self, url: str, named_by: str) -> int:
        """Read the feed or sitemap at `url`; how many pages it named."""
        if self.sitemaps >= MAX_SITEMAPS:
            return 0
        self.sitemaps += 1
        try:
            response = self._get(url)
        except (_SkipError, FetchError) as exc:
            self.report.found.append(f"{url} (named by {named_by}): not read: {exc.reason}")
            return 0
        if response.status != 200:
            self.report.found.append(f"{url} (named by {named_by}): not read: {_status(response)}")
            return 0
        return self._listing(url, response)

    def _listing(self, url: str, response: Response) -> int:
        try:
            listing = read_listing(response.body, response.url)
        except ValueError as exc:
            self._tell(url, "failed", f"not a feed or sitemap: {exc}")
            return 0
        if listing is None:
            self._tell(url, "failed", "an XML document that is neither an RSS or Atom feed nor a sitemap")
            return 0
        self.report.found.append(f"{url}: a {listing.kind} naming {len(listing.urls)} URL(s)")
        if listing.kind == "sitemap index":
            return sum(self._listing_at(sitemap, url) for sitemap in listing.urls)
        self._enqueue(listing, url)
        return len(listing.urls)

    def _enqueue(self, listing: Listing, source: str) -> None:
        new: list[str] = []
        known: list[str] = []
        for page in listing.urls:
            try:
                key = canonical_url(page)
            except ValueError as exc:
                self._tell(page, "failed", str(exc))
                continue
            if not validate_url(key)[0]:  # what the store would drop without a word
                self._tell(page, "failed", "not a valid URL (courlan)")
                continue
            self.found_in.setdefault(key, source)
            (known if self.folder.find(key) else new).append(key)
        self.frontier.add_urls(urls=known, appendleft=list(reversed(new)))

    # ------------------------------------------------------------------ pages

    def _pages(self) -> None:
        while domains := self.frontier.get_unvisited_domains():
            if self.pages >= self.settings.max_pages:
                left = [u for d in domains for u in self.frontier.find_unvisited_urls(d)]
                self.report.left = len(left)
                self.report.left_new = sum(1 for u in left if self._known_page(u) is None)
                return
            domain = min(domains, key=lambda d: (self.hosts.ready_at(_host(d)), d))
            url = self.frontier.get_url(domain)
            if url is not None:
                self._page(url)

    def _known_page(self, url: str) -> Saved | None:
        try:
            return self.folder.find(url)
        except ValueError:
            return None

    def _page(self, url: str) -> None:
        if canonical_url(url) in self.done:
            return
        response = self._told_get(url, page=True)
        if response is None:
            return
        if response.status == 200 and response.content_type in XML_TYPES:
            self._tell(url, "failed", f"{response.content_type}: an XML document, not a page")
            return
        self._settle(url, response, self.found_in.get(canonical_url(url)))

    def _settle(self, url: str, response: Response, found_in: str | None) -> None:
        """Keep or drop the page `url` by its answer, and say what became of it."""
        self.done.add(canonical_url(url))
        self.done.add(canonical_url(response.url))
        if response.status == 304:
            self._tell(url, "unchanged", "304 Not Modified")
        elif response.status == 200:
            kind = self.folder.save(url, response, found_in, self.settings.user_agent)
            self._tell(url, kind, "same bytes" if kind == "unchanged" else "")
        elif response.status in _GONE and self.folder.remove(url):
            self._tell(url, "removed", f"{_status(response)}: its page is deleted from the folder")
        else:
            self._tell(url, "failed", _status(response))

    def _validators(self, url: str) -> dict[str, str]:
        saved = self._known_page(url)
        if saved is None:
            return {}
        record = saved.record
        headers = {}
        if record.etag:
            headers["If-None-Match"] = record.etag
        if record.last_modified:
            headers["If-Modified-Since"] = record.last_modified
        return headers

    # ------------------------------------------------------------------ requests

    def _get(self, url: str, headers: dict[str, str] | None = None, page: bool = False) -> Response:
        """GET `url` through at most MAX_REDIRECTS redirects, every hop through the gate; a failure
        after a redirect names the URL asked for and where it led."""
        asked, hop_url = url, url
        try:
            for hop in range(MAX_REDIRECTS + 1):
                response = self._hop(hop_url, headers or {}, page and hop == 0)
                location = response.header("location")
                if response.status not in _REDIRECTS or not location:
                    return response
                hop_url = urljoin(hop_url, location.strip())
                if page and not check_url(hop_url) and canonical_url(hop_url) in self.done:
                    raise _SkipError(hop_url, "already fetched this run")
                headers = self._validators(hop_url) or headers  # the validators of the page it leads to
        except (FetchError, _SkipError) as exc:
            if hop_url == asked:
                raise
            kind = type(exc)
            raise kind(asked, f"redirected to {hop_url}: {exc.reason}") from None
        raise FetchError(asked, f"more than {MAX_REDIRECTS} redirects")

    def _hop(self, url: str, headers: dict[str, str], counted: bool) -> Response:
        why = check_url(url)
        if why:
            raise FetchError(url, why)
        rules = self._robots(url)
        refusal = rules.refusal(url)
        if refusal:
            raise _SkipError(url, refusal)
        gap = self._gap(rules, url)
        if counted:
            self.pages += 1
        return self._request(url, headers, gap)

    def _gap(self, rules: Robots, url: str) -> float:
        asked = rules.crawl_delay or 0.0
        if asked > MAX_CRAWL_DELAY:
            raise _SkipError(url, f"the site asks for {asked:g} s between requests (Crawl-delay), more than "
                             f"the {MAX_CRAWL_DELAY:g} s migragraph waits at most; nothing on it is fetched")
        return max(self.settings.delay, asked)

    def _request(self, url: str, headers: dict[str, str], gap: float) -> Response:
        """One GET, tried again on 429/5xx and dropped connections (fetch/polite.py)."""
        host = _host(url)
        tries = self.settings.retries + 1
        for attempt in range(tries):
            self.hosts.wait(host)
            try:
                response = self.client.get(url, headers)
            except AddressRefusedError:
                raise  # nothing was sent
            except FetchError as exc:
                self.report.requests += 1
                self.hosts.done(host, gap)
                if not exc.retry:
                    raise
                if attempt + 1 == tries:
                    raise FetchError(url, f"{exc.reason} ({tries} tries)") from None
                self.hosts.done(host, backoff(attempt, gap, None))
                continue
            self.report.requests += 1
            if response.status not in RETRY_STATUSES or attempt + 1 == tries:
                self.hosts.done(host, gap)
                if response.status in RETRY_STATUSES and tries > 1:
                    response = Response(response.url, response.status, f"{response.reason} ({tries} tries)",
                                        response.headers)
                return response
            asked = retry_after(response.header("retry-after"))
            if asked is not None and asked > MAX_RETRY_AFTER:
                self.hosts.done(host, gap)
                raise FetchError(url, f"{_status(response)}, asked to retry after {asked:g} s (more than "
                                      f"{MAX_RETRY_AFTER:g}): left for a later run")
            self.hosts.done(host, backoff(attempt, gap, asked))
        raise AssertionError("unreachable")

    def _robots(self, url: str) -> Robots:
        key = origin(url)
        if key not in self.robots:
            rules = self.robots[key] = self._read_robots(url)
            if rules.crawl_delay:  # the request after robots.txt already waits as the site asks
                self.hosts.done(_host(url), min(rules.crawl_delay, MAX_CRAWL_DELAY))
        return self.robots[key]

    def _read_robots(self, url: str) -> Robots:
        agent = self.settings.robots_agent
        target = robots_url(url)
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = self._request(target, {}, self.settings.delay)
                location = response.header("location")
                if response.status not in _REDIRECTS or not location:
                    break
                target = urljoin(target, location.strip())
                if check_url(target):
                    return Robots.allow_all(agent)
            else:
                return Robots.allow_all(agent)  # RFC 9309: past 5 redirects, as if unavailable
        except AddressRefusedError as exc:
            raise AddressRefusedError(url, exc.reason) from None
        except FetchError as exc:
            return Robots.unreachable(agent, exc.reason)
        if response.status == 200:
            return Robots.parse(agent, response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"))
        if 400 <= response.status < 500:
            return Robots.allow_all(agent)
        return Robots.unreachable(agent, _status(response))


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _status(response: Response) -> str:
    return f"HTTP {response.status} {response.reason}".rstrip()


__all__ = ["MAX_REDIRECTS", "Crawler", "FetchReport", "Outcome"]
