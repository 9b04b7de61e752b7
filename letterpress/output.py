"""Writing outputs: the one guarded entry for every file letterpress writes.

A file is written under a temporary name in its folder and renamed onto the target when it is
complete, so a failed run never leaves a half-written file and never replaces a good one. A
symbolic link is followed: the file it points to is replaced, the link stays. A pipe or a
character device (``/dev/null``, ``/dev/stdout``, a FIFO) is never renamed over: the complete
output is written into it. A folder, a disk device or a socket is refused. Every failure
(missing folder, read-only file system, no permission, disk full, name too long) is one
UserError naming the file.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import UserError, Where

PART_SUFFIX = ".part"
_NAME_MAX = 255  # bytes in one file name: ext4, APFS, NTFS (in UTF-16 units) and most others
_RANDOM = 8  # characters tempfile adds
_PART = re.compile(rf"^\..+\.[a-z0-9_]{{{_RANDOM}}}{re.escape(PART_SUFFIX)}$")

# What an OSError while writing means to the user, and what to do.
WRITE_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space or write elsewhere"),
    errno.EDQUOT: ("the disk quota is used up", "free some space or write elsewhere"),
    errno.EFBIG: ("the file is too large for this file system", "write elsewhere"),
    errno.EROFS: ("the file system is read-only", "write elsewhere"),
    errno.EACCES: ("no permission to write there", "choose a folder you can write to"),
    errno.EPERM: ("no permission to write there", "choose a folder you can write to"),
    errno.ENAMETOOLONG: ("the file name is too long", "use a shorter name"),
    errno.EISDIR: ("is a folder, not a file", "name a file inside it"),
    errno.ENOENT: ("the folder does not exist", "create it or write elsewhere"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the path"),
    errno.ENXIO: ("nothing is reading from the pipe", "start the reading program first"),
    errno.EPIPE: ("the program reading from the pipe stopped", "check the reading program"),
    errno.EIO: ("the disk reported an input/output error", "check the disk or write elsewhere"),
}


def write_error(exc: OSError, target: str | os.PathLike[str]) -> UserError:
    """The one-line error for an OSError met while writing ``target``."""
    what, hint = WRITE_ERRORS.get(exc.errno or 0, (exc.strerror or str(exc), "write elsewhere"))
    return UserError(f"cannot write: {what}", where=Where(file=str(target)), hint=hint)


def final_path(target: str | os.PathLike[str]) -> Path:
    """Where the bytes for ``target`` end up: a symbolic link's destination, else itself."""
    path = Path(target)
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise write_error(exc, target) from None


def is_stream(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is a pipe or a character device, written into, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


# Things that exist under an output's name and cannot take a PDF: what they are, what to do.
_NOT_WRITABLE: dict[str, tuple[str, str]] = {
    "folder": ("is a folder, not a file", "name a file inside it"),
    "device": ("is a disk device, not a file", "name a file"),
    "other": ("is not a file (a socket?)", "name a file"),
}


def _existing_kind(mode: int) -> str | None:
    """None for what can be written (a file, a pipe, a character device), else its kind."""
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return None
    return "folder" if stat.S_ISDIR(mode) else "device" if stat.S_ISBLK(mode) else "other"


def check_target(target: str | os.PathLike[str]) -> Path:
    """Refuse, before any work, an output that cannot be written: its folder missing or a
    file, the target a folder, a disk device or a socket. Returns the final path."""
    path = final_path(target)
    where = Where(file=str(target))
    try:
        kind = _existing_kind(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        kind = None
    except OSError as exc:
        raise write_error(exc, target) from None
    if kind is not None:
        what, hint = _NOT_WRITABLE[kind]
        raise UserError(what, where=where, hint=hint)
    if path.parent.exists() and not path.parent.is_dir():
        raise UserError(
            f"{str(path.parent)!r} is a file, not a folder", where=where, hint="choose another path"
        )
    if not path.parent.is_dir():
        raise UserError(
            f"the folder {str(path.parent)!r} does not exist",
            where=where,
            hint="create it or choose another path",
        )
    return path


def make_folder(folder: str | os.PathLike[str]) -> Path:
    """Create an output folder (and its parents) if needed; refuse one below a file, or one
    that cannot be created, with one line."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise UserError(
            "is a file, not a folder", where=Where(file=str(path)), hint="choose a folder name"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(
            "a part of the path is a file, not a folder",
            where=Where(file=str(path)),
            hint="check the path",
        ) from None
    except OSError as exc:
        raise write_error(exc, path) from None
    return path


def temporary_prefix(name: str) -> str:
    """The start of a temporary file's name for ``name``: ``.NAME.``, shortened so that the
    whole temporary name stays within the file system's limit for one name."""
    room = _NAME_MAX - 2 - _RANDOM - len(PART_SUFFIX)
    name = name[:room]
    while len(os.fsencode(name)) > room:  # a character may take up to four bytes
        name = name[:-1]
    return f".{name}."


def temporary_file(folder: str | os.PathLike[str], name: str) -> Path:
    """A new, empty temporary file in ``folder`` for the output ``name`` (mode 0644)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(name), suffix=PART_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_error(exc, Path(folder) / name) from None
    os.close(fd)
    return Path(tmp)


def write_temporary(folder: str | os.PathLike[str], name: str, data: bytes) -> Path:
    """``data`` in a new temporary file in ``folder`` for the output ``name``, on the disk
    (fsync); the caller renames it into place with ``move_into_place``."""
    tmp = temporary_file(folder, name)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(exc, Path(folder) / name) from None
    return tmp


def move_into_place(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Rename a finished temporary file onto ``target`` (in the same folder)."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(exc, target) from None


def remove_parts(folder: str | os.PathLike[str], name: str | None = None) -> int:
    """Remove the temporary files an interrupted run left in ``folder`` (only those of the
    output ``name`` when given); returns how many were removed."""
    prefix = temporary_prefix(name) if name is not None else "."
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if (
            entry.name.startswith(prefix)
            and _PART.match(entry.name)
            and entry.is_file(follow_symlinks=False)
        ):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path for ``target``; on success it becomes ``target``.

    A regular (or new) file: the temporary file is beside it and renamed onto it. A pipe or
    character device: the temporary file is in the system's temporary folder and its bytes
    are written into the target, which is never replaced. On any exception the temporary
    file is removed; an OSError while writing becomes a UserError naming ``target``.
    """
    path = check_target(target)
    stream = is_stream(path)
    tmp = temporary_file(tempfile.gettempdir() if stream else path.parent, path.name)
    try:
        yield tmp
        if stream:
            _copy_into(tmp, path)
        else:
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.filename not in (None, str(tmp), str(path), os.fspath(target)):
            raise  # about another file: its reader reports it
        raise write_error(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if stream:
            tmp.unlink(missing_ok=True)


def _copy_into(source: Path, stream: Path) -> None:
    """Write the finished file into a pipe or device; a pipe nobody reads is an error, not
    a wait forever."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(stream, flags)
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with open(source, "rb") as data, os.fdopen(fd, "wb", closefd=False) as out:
            shutil.copyfileobj(data, out)
    finally:
        os.close(fd)


def write_atomic(
    target: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, durable: bool = True
) -> Path:
    """Call ``write`` with a binary file object and move the result onto ``target``.

    ``durable`` waits for the disk before the rename (fsync), so that a power cut leaves the
    old file or the new one; scratch files that are checked before reuse can skip it."""
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as handle:
            write(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    return Path(target)


def write_bytes_atomic(
    target: str | os.PathLike[str], data: bytes, *, durable: bool = True
) -> Path:
    """Write ``data`` to ``target`` atomically."""
    return write_atomic(target, lambda handle: handle.write(data), durable=durable)
