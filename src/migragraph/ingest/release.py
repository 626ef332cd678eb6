"""The record every later stage reads: one release, its text and what its source said about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class RawRelease:
    """One release as read from its source, before extraction.

    `text` is the release text that extraction reads and that evidence offsets point into.
    `source` says where it came from, as the user named it (for messages): a path, or ``path:line``
    for a JSON Lines record. `record` says the same relative to the folder holding the input it was
    found under (``releases/releases.jsonl:6`` for the input ``../data/releases``): what the graph
    states, so that no build publishes a path of the machine it ran on; '' when not read from an input.
    """

    source: str
    text: str
    key: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    raw_sha256: str = ""
    modified: str | None = None
    encoding: str = "utf-8"  # how the file's bytes were decoded (ingest/decode.py)
    record: str = ""

    @property
    def record_name(self) -> str:
        """Where the release was found, as the graph states it (mg:sourceRecord)."""
        return self.record or self.source

    @property
    def content_hash(self) -> str:
        return "sha256:" + (self.raw_sha256 or self.text_sha256)

    @property
    def text_sha256(self) -> str:
        """The hash of the release text alone: the same release read from two files, or from an HTML page
        and a JSON record, has the same one (ingest uses it to build a release once)."""
        return hashlib.sha256(self.text.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass(frozen=True)
class KnownRelease:
    """A release whose record a build has read before with the same bytes: what ingest said of it then
    (key, content and text hashes), recalled instead of parsing, cleaning and identifying it again.
    `file` is where to read it whole, should the build need its text after all."""

    source: str
    key: str
    content_hash: str
    text_sha256: str
    file: str
    record_name: str = ""  # as RawRelease.record_name: what its graph states
    source_iri: str = ""  # what its graph says it was derived from
