"""The exception tree of migragraph. Every message names the culprit and, where there is one, the fix.

    MigragraphError
     ├── ConfigError      a setting, option or data file of migragraph is wrong
     ├── IngestError      a release could not be read (file, line, reason)
     ├── FetchError       a URL could not be fetched (URL, reason)
     ├── MappingError     an extraction could not be mapped to RDF
     ├── ShapeError       the shapes themselves could not be loaded or run
     └── StoreError       the store could not be opened, read or written
"""

from __future__ import annotations


class MigragraphError(Exception):
    """Base of every error migragraph raises on purpose."""


class ConfigError(MigragraphError):
    """A setting, an option or a packaged data file is wrong."""


class IngestError(MigragraphError):
    """A release could not be read. `source` names the file (and line), `reason` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(MigragraphError):
    """A URL could not be fetched. `url` names it, `reason` says why; `retry`: a network failure that
    may pass on a later try (a timeout, a dropped connection), unlike a refusal."""

    def __init__(self, url: str, reason: str, *, retry: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retry = retry


class MappingError(MigragraphError):
    """An extraction could not be turned into RDF."""


class ShapeError(MigragraphError):
    """The SHACL shapes could not be loaded or run."""


class StoreError(MigragraphError):
    """The store could not be opened, read or written."""
