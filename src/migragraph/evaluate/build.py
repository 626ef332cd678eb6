"""The graph of one release file built in memory, for scoring: no store, no SHACL, no output folder."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from migragraph import __version__
from migragraph.errors import IngestError
from migragraph.extract.select import DEFAULT_EXTRACTOR, extractor_named
from migragraph.ingest.sources import read_inputs
from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.map.mapper import map_release


def build_dataset(path: Path, base: str = DEFAULT_BASE, extractor: str = DEFAULT_EXTRACTOR) -> Dataset:
    """The releases read from `path`, each extracted and mapped into its own named graph (named by the
    release IRI), as `migragraph build` would store them.

    Raises IngestError when `path` cannot be read or holds no release: scoring a partly read file
    would report misses the extractor is not to blame for.
    """
    ingest = read_inputs([path])
    if ingest.errors:
        raise ingest.errors[0]
    if not ingest.releases:
        raise IngestError(str(path), "holds no release to build")
    extract = extractor_named(extractor)
    minter = IriMinter(base)
    dataset = Dataset()
    for release in ingest.releases:
        graph = map_release(release, extract(release), minter, __version__)
        named = dataset.graph(graph.identifier)
        named += graph
    return dataset
