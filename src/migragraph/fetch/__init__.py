"""Releases from the web: `fetch(sources, into)` saves the pages that page URLs, RSS/Atom feeds,
sitemaps and home pages name into a folder that `migragraph build` reads offline.

    addresses.py  which IP addresses may be connected to (ipaddress objects)
    client.py     one GET at a time, capped in size and time, connected only to checked addresses
    robots.py     robots.txt (RFC 9309, protego)
    polite.py     per-host delays, retries with backoff
    discover.py   the pages a feed, sitemap or home page names
    folder.py     the pages kept, with their .fetch records (ingest/fetched.py)
    crawler.py    sources -> pages, every hop through the same gate
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from migragraph.fetch.crawler import Crawler, FetchReport, Outcome
from migragraph.fetch.folder import Folder
from migragraph.fetch.settings import Settings


def fetch(sources: list[str], into: Path, settings: Settings | None = None,
          on_outcome: Callable[[Outcome], None] | None = None) -> FetchReport:
    """Fetch what `sources` name into the folder `into`; a URL that fails is an Outcome, never an
    exception (StoreError only when the folder cannot be written)."""
    return Crawler(Folder(into), settings or Settings(), on_outcome).run(sources)


__all__ = ["FetchReport", "Outcome", "Settings", "fetch"]
