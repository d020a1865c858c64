"""The records folder's write lock: one process at a time reads, changes and writes.

An fcntl lock on `.locks/write.lock` in the records folder (`.locks/` ignores itself in git: each
clone has its own). A read-change-write of a record (`decide`, the record screen's keys, a
supersede link), a new record, a draft's answer, feedback and `forget` hold it for milliseconds;
whoever comes second waits, then reads what the first one wrote. After LOCK_TIMEOUT seconds (a
hung program) the wait ends with a message naming the process that holds the lock, written into
the lock file by its holder. The lock is re-entrant within a thread, so a step that takes it may
call others that take it too. Where the system has no fcntl (Windows), it serialises nothing.
"""

from __future__ import annotations

import errno
import os
from _thread import get_ident
from contextlib import contextmanager
from pathlib import Path

from wizard.storage.files import Refused, ignored_by_git, open_for_lock

LOCK_FOLDER, LOCK_FILE = ".locks", "write.lock"
LOCK_TIMEOUT = 10.0  # seconds; a write holds the lock for milliseconds


_held: dict[tuple[int, str], int] = {}  # (thread, lock) → how many times this thread holds it


@contextmanager
def lock(root: Path, what: str, timeout: float | None = None):
    """Hold the records folder's write lock while the body reads, changes and writes.

    One process at a time; re-entrant within a thread. Waits up to `timeout` seconds
    (LOCK_TIMEOUT), then raises Refused (files.locked) naming who holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    root = Path(root)
    key, held = (get_ident(), os.path.realpath(root)), _held
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    folder = root / LOCK_FOLDER
    ignored_by_git(root, folder, "client-exit-wizard's lock, held while a record is written")
    lock_fd = open_for_lock(root, folder / LOCK_FILE)
    try:
        _acquire(fcntl, lock_fd, folder / LOCK_FILE, LOCK_TIMEOUT if timeout is None else timeout)
        _say_who(lock_fd, what)
        held[key] = 1
        try:
            yield
        finally:
            held.pop(key, None)
            try:
                os.ftruncate(lock_fd, 0)
            except OSError:
                pass
            fcntl.flock(lock_fd, fcntl.LOCK_UN)
    finally:
        os.close(lock_fd)


def _acquire(fcntl, fd: int, path: Path, timeout: float) -> None:
    import time

    deadline, pause = time.monotonic() + timeout, 0.002
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise Refused("files.locked", path, errno.EAGAIN, holder=_holder(fd),
                              seconds=f"{timeout:g}") from None
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


def _say_who(fd: int, what: str) -> None:
    """Write who holds the lock into the lock file, for the message of whoever waits."""
    import socket
    from datetime import datetime

    text = f"client-exit {what}, process {os.getpid()} on {socket.gethostname()}, since {datetime.now():%H:%M:%S}"
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8", "replace"), 0)
    except OSError:
        pass


def _holder(fd: int) -> str:
    from wizard.inert import inert

    try:
        return inert(os.pread(fd, 300, 0).decode("utf-8", "replace").strip()) or "?"
    except OSError:
        return "?"
