"""migragraph: press releases of international organisations in, a knowledge graph of institutional
relations out (organisations, officials and posts, meetings, frameworks, funding), as validated RDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from migragraph.errors import ConfigError, IngestError, MappingError, MigragraphError, ShapeError, StoreError

if TYPE_CHECKING:
    from migragraph.analyse.graph import to_networkx
    from migragraph.pipeline import BuildResult, build

__version__ = "0.3.0"

__all__ = [
    "BuildResult",
    "ConfigError",
    "IngestError",
    "MappingError",
    "MigragraphError",
    "ShapeError",
    "StoreError",
    "__version__",
    "build",
    "to_networkx",
]


def __getattr__(name: str) -> Any:
    # The pipeline pulls in every stage (trafilatura, pyshacl, pyoxigraph): import it on first use so
    # that `import migragraph.extract` and the CLI's --help stay quick.
    if name in ("build", "BuildResult"):
        from migragraph import pipeline

        return getattr(pipeline, name)
    if name == "to_networkx":  # NetworkX is imported only by those who ask for a graph
        from migragraph.analyse.graph import to_networkx

        return to_networkx
    raise AttributeError(f"module 'migragraph' has no attribute {name!r}")
