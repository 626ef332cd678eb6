"""One release through the stages that need no store: extract, map, write (its N-Quads for the store
and its piece of graph.trig), validate. The build runs this in worker processes (workers.py), or in
its own process for a small build or a live extractor.

The extractor is named by a factory, not given as a live object: a worker process calls the factory
once when it starts (a spaCy pipeline is loaded once a process, not once a release), so the factory
must be picklable (a module-level function, or functools.partial of one). `rules_extractor` is the
default, the rule-based extractor of migragraph.extract.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from migragraph.errors import ConfigError, MigragraphError
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import release_triples
from migragraph.store.terms import ReleaseQuads, nquads
from migragraph.store.trig import digest, piece_of_nquads
from migragraph.validate.outcomes import Outcome, ReleaseChecker

Extractor = Callable[[RawRelease], Extraction]
ExtractorFactory = Callable[[], Extractor]


def rules_extractor() -> Extractor:
    """The rule-based extractor (migragraph.extract)."""
    try:
        from migragraph.extract.extractor import extract
    except ImportError as exc:
        raise ConfigError(f"the extraction stage cannot be loaded ({exc}); reinstall migragraph") from None
    return extract


@dataclass(frozen=True)
class Settings:
    """What every worker needs to build releases as the build would (picklable)."""

    base: str
    version: str
    engine: str
    shapes_folder: Path | None
    extractor: ExtractorFactory = rules_extractor


@dataclass(frozen=True)
class Built:
    """A release built: its graph for the store, its piece of graph.trig and its validation."""

    iri: str
    quads: ReleaseQuads
    piece: bytes
    digest: str
    outcome: Outcome


@dataclass(frozen=True)
class Failed:
    reason: str


class ReleaseBuilder:
    def __init__(self, settings: Settings, extract: Extractor | None = None) -> None:
        self.settings = settings
        self.minter = IriMinter(settings.base)
        self.extract = extract or settings.extractor()
        self.checker = ReleaseChecker(settings.engine, settings.shapes_folder, settings.base)

    def __call__(self, release: RawRelease) -> Built | Failed:
        iri = self.minter("release", release.key)
        try:
            triples = release_triples(release, self.extract(release), self.minter, self.settings.version)
            written = nquads(iri, triples)
        except Exception as exc:  # an extractor fails in ways of its own; one release must not stop the rest
            reason = str(exc) if isinstance(exc, MigragraphError) else f"{type(exc).__name__}: {exc}"
            return Failed(f"cannot extract or map this release: {reason}")
        return self.finish(str(iri), written, triples)

    def finish(self, iri: str, written: ReleaseQuads, triples: list[tuple]) -> Built:  # type: ignore[type-arg]
        """The piece, digest and validation of a release graph already written as N-Quads."""
        piece = piece_of_nquads(written.named, self.settings.base)
        ntriples = "".join(line + " .\n" for line in written.union)
        return Built(iri, written, piece, digest(piece), self.checker.check(iri, ntriples, triples))


# ---------------------------------------------------------------------------- in a worker process

_BUILDER: ReleaseBuilder | None = None


def start_worker(settings: Settings) -> None:
    """Once per worker process (workers.Workers' initializer)."""
    global _BUILDER
    _BUILDER = ReleaseBuilder(settings)


def build_in_worker(release: RawRelease) -> Built | Failed:
    if _BUILDER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("release worker not started")
    return _BUILDER(release)
