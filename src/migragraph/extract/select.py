"""The extractors by name: `rules` (gazetteers and patterns over the text) and `hybrid` (a pretrained
spaCy pipeline's entities and parse under the same gazetteers); `migragraph build --extractor` picks
one, and each is built once per process."""

from __future__ import annotations

from collections.abc import Callable

from migragraph.errors import ConfigError
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease

Extractor = Callable[[RawRelease], Extraction]
EXTRACTORS = ("rules", "hybrid")
DEFAULT_EXTRACTOR = "hybrid"


def extractor_named(name: str) -> Extractor:
    """The extraction function called `name`; ConfigError naming the choices for another name."""
    if name == "rules":
        from migragraph.extract.extractor import extract
        return extract
    if name == "hybrid":
        from migragraph.extract.extractor import extract_hybrid
        return extract_hybrid
    raise ConfigError(f"unknown extractor {name!r}: choose one of {', '.join(EXTRACTORS)}")
