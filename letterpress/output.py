"""Atomic file output: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import UserError, Where


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto ``target`` on success.

    On any exception the temporary file is removed, so a half-written file never appears
    under the target name.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"output folder {str(folder)!r} does not exist",
                        where=Where(file=str(target)),
                        hint="create it or choose another -o path")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(target: str | os.PathLike[str], write: Callable[[BinaryIO], object], *,
                 durable: bool = True) -> Path:
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


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes, *,
                       durable: bool = True) -> Path:
    """Write ``data`` to ``target`` atomically."""
    return write_atomic(target, lambda handle: handle.write(data), durable=durable)

