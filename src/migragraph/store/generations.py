"""Published generations of a build folder's store: what readers see while a build writes.

A build writes DIR/store as it goes (one transaction a release, bulk batches; store/backend.py), so a
reader of DIR/store during a build would see a half-built graph, and readers opened at different
moments different graphs: 723 then 1,958 of 2,106 graphs, answers alternating between two totals by
server worker (issue #15). So readers never open DIR/store. At its end a build publishes it:

    DIR/generations/7/store       a RocksDB checkpoint of DIR/store (Store.backup): hard links to its
                                  immutable files, made in ~2 ms whatever the size; never written again
    DIR/generations/7/build.json  the summary of the build that made it
    DIR/generations/7.lock        readers hold a shared flock(2) on it while they use generation 7
    DIR/generations/CURRENT       "7": replaced by rename once generation 7 is complete

`migragraph serve`, `query`, `export`, `validate`, `viz`, `analyse` and `network` open the generation
CURRENT names (`hold`), and keep it until they close; a server moves to a new one when CURRENT changes
(serve/site.py). A generation older than the current one is removed once no reader holds its lock
(`remove_unused`: by the build that publishes, and by a server when it lets one go); flock dies with
its process, so a reader killed with SIGKILL leaves nothing to clean up, and the folder keeps the
current generation plus those still being read. A build killed before it publishes leaves CURRENT as it
was (and DIR/store to be completed by the next build: pipeline.py); killed while publishing, it leaves
a `.N.partial` folder, or CURRENT's `.CURRENT.partial` file, that the next publish removes.

A folder built by 0.2.0 has no generations: readers open DIR/store, as it did, until a build publishes.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.store.files import write_text_atomic

FOLDER, CURRENT = "generations", "CURRENT"
_ATTEMPTS = 20  # CURRENT changing under a reader this often in a row means something is wrong


@dataclass
class Lease:
    """A reader's hold on one generation, until close()."""

    name: str
    path: Path       # DIR/generations/NAME
    fd: int | None = field(default=None, repr=False)

    @property
    def store(self) -> Path:
        return self.path / "store"

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the shared lock
            self.fd = None


def current_name(out: Path) -> str | None:
    """The name CURRENT gives, or None when the folder has no published generation."""
    try:
        name = (out / FOLDER / CURRENT).read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None
    return name if name.isdigit() else None


def hold(out: Path) -> Lease | None:
    """The current generation of `out`, held for reading; None when there is none (a folder built by
    0.2.0, or by a build into memory or an endpoint)."""
    folder = out / FOLDER
    for _ in range(_ATTEMPTS):
        name = current_name(out)
        if name is None:
            return None
        lock = folder / f"{name}.lock"
        try:
            fd = os.open(lock, os.O_RDONLY)
        except FileNotFoundError:
            continue  # removed since CURRENT was read: read it again
        except OSError as exc:
            raise StoreError(f"cannot read the published store in {folder}: {exc.strerror or exc}") from None
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a remover holds it, which then unlinks it
        if _still(lock, fd) and (folder / name / "store").is_dir():
            return Lease(name, folder / name, fd)
        os.close(fd)
    raise StoreError(f"the current generation of {out} kept changing while it was being opened; try again")


def _still(lock: Path, fd: int) -> bool:
    """Whether the lock file held by `fd` is still the one at `lock` (a remover unlinks it)."""
    try:
        return os.stat(lock).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def publish(out: Path) -> str | None:
    """Publish DIR/store as the next generation and make it current; remove generations nobody reads.
    The caller holds the build lock. None when the folder has no embedded store."""
    store_dir = out / "store"
    if not store_dir.is_dir():
        return None
    folder = out / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        for partial in folder.glob(".*.partial"):  # a publish cut short: a generation's or CURRENT's
            if partial.is_dir() and not partial.is_symlink():
                shutil.rmtree(partial)
            else:
                partial.unlink(missing_ok=True)
        name = str(max((int(p.name) for p in folder.iterdir() if p.name.isdigit()), default=0) + 1)
        staging = folder / f".{name}.partial"
        staging.mkdir()
        store = ox.Store(str(store_dir))
        try:
            store.backup(str(staging / "store"))  # a checkpoint: hard links, and the store flushed first
        finally:
            del store  # releases RocksDB's lock on DIR/store
        if (out / "build.json").is_file():
            shutil.copyfile(out / "build.json", staging / "build.json")
        (folder / f"{name}.lock").touch()
        os.rename(staging, folder / name)
        write_text_atomic(folder / CURRENT, f"{name}\n")
    except OSError as exc:
        raise StoreError(f"cannot publish the store in {folder}: {exc.strerror or exc}") from None
    remove_unused(out)
    return name


def remove_unused(out: Path) -> list[str]:
    """Remove the generations older than the current one that no reader holds; their names."""
    name = current_name(out)
    if name is None:
        return []
    folder, removed = out / FOLDER, []
    for lock in sorted(folder.glob("*.lock")):
        if not lock.stem.isdigit() or int(lock.stem) >= int(name):
            continue
        try:
            fd = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EACCES):
                continue  # read now: the reader's own close lets a later sweep remove it
            raise
        try:
            shutil.rmtree(folder / lock.stem, ignore_errors=True)
            lock.unlink(missing_ok=True)  # after the folder: a reader that gets the lock sees it gone
            removed.append(lock.stem)
        finally:
            os.close(fd)
    return removed
