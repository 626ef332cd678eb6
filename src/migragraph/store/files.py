"""The files of a build folder, written whole or not at all.

Each file is written beside its final name and renamed over it (rename is atomic within a folder), so a
build killed or stopped by a full disk never leaves a truncated graph.trig or build.json: readers see
the last complete one until the next build replaces it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from migragraph.errors import StoreError


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces `path` when the block ends without error."""
    staging = path.with_name(f".{path.name}.partial")
    try:
        yield staging
        os.replace(staging, path)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        staging.unlink(missing_ok=True)


_BUFFER = 1 << 23


def write_atomic(path: Path, writer: Callable[[IO[bytes]], object]) -> None:
    """Write `path` through `writer(stream)`, whole or not at all."""
    # A large buffer: fewer writes, each of which gives up Python's lock to a thread that may keep it
    # (graph.trig is written while the page is drawn).
    with replacing(path) as staging, staging.open("wb", buffering=_BUFFER) as handle:
        writer(handle)
        handle.flush()
        os.fsync(handle.fileno())


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, lambda handle: handle.write(text.encode("utf-8")))
