"""Pages fetched from the web, as the build reads them: a page file (``NAME.html`` or ``NAME.txt``,
its bytes as the server sent them, transfer encoding undone) and beside it ``NAME.html.fetch``, a JSON
object saying where and when it was fetched:

    {"url": "https://www.iom.int/news/...",         the page's canonical URL: its identity
     "fetched": "2025-04-05T08:00:00Z",             when these bytes arrived (the release's source time)
     "requested": "...", "status": 200, "etag": "...", "last_modified": "...", "content_type": "...",
     "sha256": "...", "size": 51234, "found_in": "https://www.iom.int/feed.xml", "agent": "migragraph/0.2.0"}

Only "url" is needed: a page saved by hand becomes the same release as the fetched one when a
``.fetch`` file beside it names its URL. The release's key, and so its IRI, comes from the canonical
URL (`release_key`), never from the file name or the content: a page that changes keeps its IRI.

The canonical URL is the URL after redirects, as courlan normalises it (scheme and host in lower case,
default port and fragment dropped, tracking parameters such as utm_* dropped, query sorted). A page's
own <link rel="canonical"> is not used: it is text of the page, and a page could name another page's
URL to take its release.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

from courlan import normalize_url

from migragraph.map.iris import slug

SIDECAR_SUFFIX = ".fetch"
_READABLE = 68  # characters of the key that come from the URL; a hash of the URL follows


def sidecar_of(page: Path) -> Path:
    return page.with_name(page.name + SIDECAR_SUFFIX)


def canonical_url(url: str) -> str:
    """`url` as its page's identity (see the module docstring); ValueError when it is no http(s) URL."""
    bare, _ = urldefrag(url.strip())
    parts = urlsplit(bare)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) URL")
    if not parts.path:
        bare = parts._replace(path="/").geturl()
    return str(normalize_url(bare))


def release_key(url: str) -> str:
    """The key of the release fetched from `url`: the URL's host and path as words, then 10 hex digits
    of the SHA-256 of the canonical URL without its scheme (a page moved from http to https stays
    one release), so two URLs never share a key even where their words do ("/a/b" and "/a-b")."""
    canonical = canonical_url(url)
    without_scheme = canonical.split("://", 1)[1]
    digest = hashlib.sha256(without_scheme.encode("utf-8")).hexdigest()[:10]
    words = slug(without_scheme.replace(".", " "))
    if len(words) > _READABLE:
        words = words[:_READABLE].rsplit("-", 1)[0]
    return f"{words}-{digest}" if words else digest


@dataclass(frozen=True)
class FetchRecord:
    """What a ``.fetch`` file says. Fields other than `url` are optional."""

    url: str
    fetched: str | None = None
    requested: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    sha256: str | None = None
    size: int | None = None
    found_in: str | None = None
    agent: str | None = None

    def to_json(self) -> bytes:
        data = {k: v for k, v in asdict(self).items() if v is not None}
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def read_record(path: Path) -> FetchRecord:
    """The record of a ``.fetch`` file; ValueError naming what is wrong with it."""
    try:
        data: Any = json.loads(path.read_bytes())
    except (ValueError, RecursionError):
        raise ValueError(f"{path.name} is not JSON: give it as {{\"url\": \"https://...\"}}") from None
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise ValueError(f"{path.name} must be a JSON object with the page's \"url\"")
    known = {k: v for k, v in data.items() if k in FetchRecord.__dataclass_fields__}
    record = FetchRecord(**known)
    canonical_url(record.url)  # raises ValueError for a URL that is none
    if record.fetched is not None and not _is_utc_time(record.fetched):
        raise ValueError(f"{path.name}: \"fetched\" must be a UTC time as 2025-04-05T08:00:00Z, not {record.fetched!r}")
    return record


def _is_utc_time(text: object) -> bool:
    if not isinstance(text, str) or not text.endswith("Z"):
        return False
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def page_fields(page: Path) -> dict[str, str]:
    """What the ``.fetch`` file beside `page` adds to its release record: its URL, the key minted from
    it and the time it was fetched ({} when there is no such file); ValueError when it cannot be read."""
    side = sidecar_of(page)
    try:
        record = read_record(side)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ValueError(f"{side.name} cannot be read: {exc.strerror or exc}") from None
    fields = {"url": canonical_url(record.url), "id": release_key(record.url)}
    if record.fetched:
        fields["modified"] = record.fetched
    return fields


__all__ = ["SIDECAR_SUFFIX", "FetchRecord", "canonical_url", "page_fields", "read_record", "release_key",
           "sidecar_of"]
