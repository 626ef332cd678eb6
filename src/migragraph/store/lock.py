"""One build at a time in an output folder: an advisory lock on DIR/build.lock.

flock(2) locks die with their process, so a build killed with SIGKILL leaves no stale lock to clean
up: the next build simply gets it. The file keeps the pid of the last build that held it, for the
message a refused build prints.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from types import TracebackType

from migragraph.errors import StoreError

LOCK_NAME = "build.lock"


class BuildLock:
    """Held for the whole of a build; refuses at once (no waiting) when another build holds it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot write to the output folder {self.path.parent}: "
                             f"{exc.strerror or exc} ({self.path})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _pid_in(fd)
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StoreError(f"another build is writing to {self.path.parent}"
                                 + (f" (process {holder})" if holder else "")
                                 + "; wait for it to finish, or build into another folder") from None
            raise StoreError(f"cannot lock {self.path}: {exc.strerror or exc}") from None
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass  # the pid is only for messages; the lock itself is held
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None


def _pid_in(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
