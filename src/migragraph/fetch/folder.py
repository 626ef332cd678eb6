"""The folder `migragraph fetch --into DIR` keeps: one page file and its ``.fetch`` record per release
(ingest/fetched.py), named by the release key of the page's canonical URL, so the same page is always
the same file. The folder is the fetcher's only memory: the validators for conditional requests and
the hash that says whether a page changed are read back from the records, so a folder copied to
another machine fetches on from where it was.

A page is written whole or not at all (store/files.py): the page first, then its record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from migragraph.errors import StoreError
from migragraph.fetch.client import HTML_TYPES, Response
from migragraph.ingest.fetched import (
    SIDECAR_SUFFIX,
    FetchRecord,
    canonical_url,
    read_record,
    release_key,
    sidecar_of,
)
from migragraph.store.files import write_atomic

PAGE_SUFFIXES = (".html", ".txt")


@dataclass(frozen=True)
class Saved:
    page: Path
    record: FetchRecord


class Folder:
    """The pages fetched into `root`, found by their canonical URL or the URL requested for them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot write to the folder {root}: {exc.strerror or exc}") from None
        self.by_url: dict[str, Saved] = {}
        for side in sorted(root.glob(f"*{SIDECAR_SUFFIX}")):
            self._index(side)

    def _index(self, side: Path) -> None:
        page = side.with_name(side.name.removesuffix(SIDECAR_SUFFIX))
        try:
            record = read_record(side)
        except (OSError, ValueError):
            return  # the build names a bad record; here the page is simply fetched again
        if not page.is_file():
            return
        saved = Saved(page, record)
        for url in (record.url, record.requested):
            if url:
                self.by_url[canonical_url(url)] = saved

    def find(self, url: str) -> Saved | None:
        return self.by_url.get(canonical_url(url))

    def save(self, requested: str, response: Response, found_in: str | None, agent: str) -> str:
        """Keep `response` (a 200) as the page of its canonical URL: "new", "changed" or "unchanged"
        (the same bytes as before: only new validators, if any, are written)."""
        url = canonical_url(response.url)
        suffix = ".html" if response.content_type in HTML_TYPES else ".txt"
        page = self.root / f"{release_key(url)}{suffix}"
        digest = hashlib.sha256(response.body).hexdigest()
        before = self.find(url)
        record = FetchRecord(
            url=url, fetched=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), requested=requested,
            status=response.status, etag=response.header("etag"),
            last_modified=response.header("last-modified"),
            content_type=response.header("content-type"), sha256=digest, size=len(response.body),
            found_in=found_in, agent=agent)
        if before is not None and before.page == page and before.record.sha256 == digest:
            kept = replace(record, fetched=before.record.fetched, found_in=before.record.found_in)
            if kept != before.record:
                write_atomic(sidecar_of(page), lambda out: out.write(kept.to_json()))
            self._remember(requested, Saved(page, kept))
            return "unchanged"
        write_atomic(page, lambda out: out.write(response.body))
        write_atomic(sidecar_of(page), lambda out: out.write(record.to_json()))
        for other in PAGE_SUFFIXES:  # the page's file of its former content type, if it changed
            if other != suffix:
                self._drop(page.with_suffix(other))
        self._remember(requested, Saved(page, record))
        return "new" if before is None else "changed"

    def remove(self, url: str) -> bool:
        """Delete the page of `url` (gone from its site); whether there was one."""
        saved = self.find(url)
        if saved is None:
            return False
        self._drop(saved.page)
        self.by_url = {k: v for k, v in self.by_url.items() if v.page != saved.page}
        return True

    def _remember(self, requested: str, saved: Saved) -> None:
        self.by_url[canonical_url(saved.record.url)] = saved
        self.by_url[canonical_url(requested)] = saved

    def _drop(self, page: Path) -> None:
        try:
            page.unlink(missing_ok=True)
            sidecar_of(page).unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot remove {page}: {exc.strerror or exc}") from None


__all__ = ["PAGE_SUFFIXES", "Folder", "Saved"]
