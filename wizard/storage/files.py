"""The one guarded file layer: every read, write, rename and delete under the records folder.

The records folder is shared by a team, often through git, so anything in it may have been put
there by someone else: a link, a FIFO, a device, a huge file. The rules, kept here and nowhere
else:

- Writes and deletes stay inside the folder. Every sub-folder on the way (`drafts/`,
  `feedback/<id>/`, `exports/`, `.index/`, `.locks/`, ...) is opened one step at a time with
  O_NOFOLLOW, and everything after that works relative to the opened folder (openat, renameat,
  unlinkat), so a link is refused with a message naming it, never followed. The records folder
  itself may be a link: it is the user's own choice of where records live.
- Only regular files are read, never blocking (a FIFO is refused, not waited on), and only up
  to a size limit (1 MB for a record, an answers file or a feedback file).
- Writes are atomic: a temporary file in the same folder, flushed to disk, then renamed (or
  linked, when an existing file must never be replaced).
- Folders are created owner-only (0700) whatever the umask, unless the records folder is marked
  shared (`.client-exit-shared`): then they follow the umask, so the team's group can read them.
- Read-change-write takes the folder's lock (wizard/storage/locks.py), kept in `.locks/`
  through this layer.

Importing this module costs nothing: the command line imports it for `list`.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from wizard.storage.refusals import RecordChanged, Refused, reason  # noqa: F401  (callers say files.Refused)

MAX_BYTES = 1_000_000  # a record, an answers file, a feedback file: 1 MB (a real one is a few KB)
SHARED_MARKER = ".client-exit-shared"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_AT_FD = os.open in os.supports_dir_fd and _NOFOLLOW and _DIRECTORY  # POSIX: work relative to folders


# ---------------------------------------------------------------------------------------------
# Modes


def shared(root: Path) -> bool:
    """Is this records folder shared with a team? Marked by a `.client-exit-shared` file.

    An explicit marker, not a guess: a git work tree may be private, a synced or network
    folder may be shared without git, and the marker travels with the folder (commit it).
    """
    return os.path.isfile(os.path.join(root, SHARED_MARKER))


def _modes(root: Path) -> tuple[int, int]:
    """The modes new files and folders are created with; the umask applies to both."""
    return (0o666, 0o777) if shared(root) else (0o600, 0o700)


# ---------------------------------------------------------------------------------------------
# Folders, reached without following links


def make_root(root: Path) -> None:
    """Create the records folder and any missing folder above it, owner-only (0700) whatever
    the umask: another local user must not be able to swap a folder on the way."""
    root = Path(root)
    missing = []
    for folder in (root, *root.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        os.chmod(folder, 0o700)  # a umask such as 0o277 must not leave it unusable either
    if not root.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(root))


@contextmanager
def opened(root: Path, folder: Path, *, create: bool = False):
    """An open file descriptor of `folder` (the records folder or a folder inside it), reached
    one step at a time without following a link; missing folders are made when `create`.
    Yields None where the system cannot open folders (then paths are checked with lstat)."""
    root, folder = Path(root), Path(folder)
    parts = _inside(root, folder).parts
    if create:
        make_root(root)
    if not _AT_FD:
        _check_path(root, parts, create)
        yield None
        return
    fd = os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        here = root
        for part in parts:
            here = here / part
            parent, fd = fd, _step(fd, part, here, root, create)
            os.close(parent)
        yield fd
    finally:
        os.close(fd)


def _step(fd: int, name: str, path: Path, root: Path, create: bool) -> int:
    """Open the sub-folder `name` of the folder `fd`, never through a link."""
    made = False
    if create:
        try:
            os.mkdir(name, _modes(root)[1], dir_fd=fd)
            made = True
        except FileExistsError:
            pass
    try:
        child = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=fd)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            _refuse_odd(fd, name, path)
        if error.filename is None or error.filename == name:
            error.filename = str(path)  # the whole path, not the name inside its folder
        raise
    if made and not shared(root):
        os.fchmod(child, 0o700)
    return child


def _refuse_odd(fd: int | None, name: str, path: Path) -> None:
    """Raise Refused when `name` is a link or not a folder (called after opening it failed)."""
    try:
        info = os.lstat(name, dir_fd=fd) if fd is not None else os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise Refused("files.link", path, errno.ELOOP, target=_target(fd, name, path))
    if not stat.S_ISDIR(info.st_mode):
        raise Refused("files.not_folder", path, errno.ENOTDIR)


def _target(fd: int | None, name: str, path: Path) -> str:
    from wizard.inert import inert

    try:
        return inert(os.readlink(name, dir_fd=fd) if fd is not None else os.readlink(path))
    except OSError:
        return "?"


def _check_path(root: Path, parts: tuple[str, ...], create: bool) -> None:
    """Where folders cannot be opened: refuse a link on the way, create what is missing."""
    here = root
    for part in parts:
        here = here / part
        if create and not os.path.lexists(here):
            os.mkdir(here, _modes(root)[1])
        if os.path.islink(here) or (os.path.lexists(here) and not here.is_dir()):
            _refuse_odd(None, part, here)


def _inside(root: Path, path: Path) -> Path:
    """`path` relative to `root`; a path outside is a bug of the caller, never a user's doing."""
    relative = path.relative_to(root)
    if ".." in relative.parts:
        raise ValueError(f"{path} is not inside {root}")
    return relative


# ---------------------------------------------------------------------------------------------
# Reading


def read_bytes(path: Path, *, limit: int = MAX_BYTES, follow: bool = True, root: Path | None = None,
               what: str = "files.what.record") -> bytes:
    """The content of a regular file of at most `limit` bytes. Never blocks on a FIFO or a
    device. With `root`, the file is reached from the records folder `root` without following
    any link on the way. Raises FileNotFoundError, IsADirectoryError, Refused (a link when not
    `follow`, not a regular file, too large) or another OSError."""
    flags = os.O_RDONLY | _NONBLOCK | _CLOEXEC | (0 if follow else _NOFOLLOW)
    if root is not None:
        with opened(root, Path(path).parent) as folder:
            fd = _open_file(path, flags, folder)
    else:
        fd = _open_file(path, flags, None)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise Refused("files.not_regular", path, errno.EINVAL)
        if info.st_size > limit:
            raise _too_large(path, limit, what)
        chunks, size = [], 0
        while size <= limit:  # the file may grow while it is read
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_large(path, limit, what)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _open_file(path: Path, flags: int, folder: int | None) -> int:
    name = Path(path).name if folder is not None else path
    try:
        return os.open(name, flags, dir_fd=folder)
    except OSError as error:
        if error.errno == errno.ELOOP and flags & _NOFOLLOW:
            raise Refused("files.link_read", path, errno.ELOOP, target=_target(folder, Path(path).name, Path(path))) from None
        raise


def _too_large(path: Path, limit: int, what: str) -> Refused:
    from wizard.i18n import t

    return Refused("files.too_large", path, errno.EFBIG, limit=f"{limit / 1_000_000:g} MB", what=t(what, "en"))


def entries(root: Path, folder: Path) -> list[os.DirEntry]:
    """The entries of `folder` (the records folder or a folder inside it), unsorted; none when
    it is missing. Raises Refused when a folder on the way is a link, OSError (naming the
    folder) when it cannot be read."""
    root, folder = Path(root), Path(folder)
    here = root
    for part in _inside(root, folder).parts:
        here = here / part
        try:
            info = os.lstat(here)
        except FileNotFoundError:
            return []
        if stat.S_ISLNK(info.st_mode):
            raise Refused("files.link", here, errno.ELOOP, target=_target(None, "", here))
        if not stat.S_ISDIR(info.st_mode):
            return []
    try:
        with os.scandir(folder) as found:
            return list(found)
    except (FileNotFoundError, NotADirectoryError):
        return []


# ---------------------------------------------------------------------------------------------
# Writing


def write_text(root: Path, path: Path, text: str, *, overwrite: bool, must_exist: bool = False,
               durable: bool = True) -> None:
    """Write `text` to `path` (inside the records folder `root`) so that no reader ever sees half
    a file. The text goes to a temporary file in the same folder, is flushed to disk, then takes
    the final name in one step.

    With `overwrite=False` an existing file is never replaced: FileExistsError. With
    `must_exist`, a file that is gone is never re-created: Refused (files.gone). A link in the
    file's place is refused, never followed. `durable=False` skips flushing to disk, for a
    cache that may be lost."""
    path = Path(path)
    data = text.encode("utf-8")
    with opened(root, path.parent, create=True) as fd:
        name = path.name if fd is not None else str(path)
        existing = _lstat(name, fd)
        if existing is not None and stat.S_ISLNK(existing.st_mode):
            raise Refused("files.link", path, errno.ELOOP, target=_target(fd, name, path))
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise Refused("files.not_regular", path, errno.EINVAL)
        if must_exist and existing is None:
            raise Refused("files.gone", path, errno.ENOENT)
        try:
            temp = _create_temp(path, fd, _modes(root)[0])
        except OSError as error:  # the folder refuses a new file: name the folder
            error.filename = str(path.parent)
            raise
        try:
            _write_all(temp[1], data, durable)
            if overwrite:
                os.replace(temp[0], name, src_dir_fd=fd, dst_dir_fd=fd)
            else:
                os.link(temp[0], name, src_dir_fd=fd, dst_dir_fd=fd)  # fails if the name is taken
                os.unlink(temp[0], dir_fd=fd)
        except BaseException as error:
            try:
                os.unlink(temp[0], dir_fd=fd)
            except FileNotFoundError:
                pass
            if isinstance(error, OSError) and error.filename in (temp[0], name):
                error.filename = str(path)  # the file, not its name inside the folder
            raise
        if durable:
            _fsync_folder(fd, path.parent)


def _create_temp(path: Path, fd: int | None, mode: int) -> tuple[str, int]:
    """A new hidden temporary file beside `path`: its name (relative to `fd`) and an open
    descriptor. Hidden names (`.tmp-*`) are never read as records."""
    import secrets

    for _ in range(100):
        name = f".tmp-{secrets.token_hex(6)}{path.suffix}"
        where = name if fd is not None else str(path.parent / name)
        try:
            return where, os.open(where, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode, dir_fd=fd)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _write_all(fd: int, data: bytes, durable: bool) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(fd: int | None, folder: Path) -> None:
    try:
        own = fd if fd is not None else os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(own)
    except OSError:
        pass
    finally:
        if fd is None:
            os.close(own)


def _lstat(name: str, fd: int | None) -> os.stat_result | None:
    try:
        return os.lstat(name, dir_fd=fd)
    except FileNotFoundError:
        return None


def open_for_lock(root: Path, path: Path) -> int:
    """An open descriptor of `path`, created when missing, reached without following a link:
    the file an fcntl lock is taken on (wizard/storage/locks.py)."""
    with opened(root, path.parent, create=True) as fd:
        name = path.name if fd is not None else str(path)
        return os.open(name, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, _modes(root)[0], dir_fd=fd)


def make_folder(root: Path, folder: Path) -> None:
    """Create `folder` inside the records folder (and what is missing on the way), private
    unless the folder is shared; a link on the way is refused."""
    with opened(root, folder, create=True):
        pass


def ignored_by_git(root: Path, folder: Path, what: str) -> None:
    """Give `folder` a `.gitignore` of `*`, so that in a records folder shared through git its
    files stay on this machine. Raises OSError when the folder cannot be written."""
    try:
        write_text(root, Path(folder) / ".gitignore", f"# {what}: never commit it\n*\n", overwrite=False)
    except FileExistsError:
        pass


# ---------------------------------------------------------------------------------------------
# Deleting


def delete(root: Path, path: Path, *, missing_ok: bool = False) -> None:
    """Delete a file, or a folder with everything in it, inside the records folder. A link is
    refused (the link itself, never what it points to, would be the target of a mistake)."""
    path = Path(path)
    with opened(root, path.parent) as fd:
        name = path.name if fd is not None else str(path)
        info = _lstat(name, fd)
        if info is None:
            if missing_ok:
                return
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        if stat.S_ISLNK(info.st_mode):
            raise Refused("files.link", path, errno.ELOOP, target=_target(fd, name, path))
        if stat.S_ISDIR(info.st_mode):
            import shutil

            shutil.rmtree(name, dir_fd=fd)  # fd-based: never follows a link inside
        else:
            os.unlink(name, dir_fd=fd)


def stale_temp_files(root: Path, folder: Path, older_than: float = 60.0) -> list[Path]:
    """Temporary files (`.tmp-*`) that an interrupted write left behind: a program killed between
    creating one and renaming it. A write in progress is younger than a minute, so never touched."""
    import time

    limit = time.time() - older_than
    try:
        return [Path(folder) / e.name for e in entries(root, folder) if e.name.startswith(".tmp-")
                and e.is_file(follow_symlinks=False) and e.stat(follow_symlinks=False).st_mtime < limit]
    except OSError:
        return []
