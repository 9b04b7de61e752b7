"""Standard output and error as the command line uses them: any text prints (a file name
that is not UTF-8, a lone surrogate from a JSON file), and an output that cannot be written
(``> /dev/full``, a closed pipe) is one error line, not a traceback."""

from __future__ import annotations

import errno
import os
import sys

from ..errors import UserError, Where

# Errors of a standard stream that mean "this stream cannot take the output".
_STREAM_ERRORS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM}
)


def prepare() -> None:
    """Print characters the terminal's encoding lacks as escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def is_stdout_failure(exc: OSError) -> bool:
    """Whether ``exc`` is standard output failing (files letterpress writes report their own
    errors, with their name)."""
    return exc.filename is None and exc.errno in _STREAM_ERRORS


def finish() -> None:
    """Flush standard output now, so that a failure is reported while we can still say so."""
    sys.stdout.flush()


def quiet_stdout() -> None:
    """Drop whatever is still written to standard output (so that Python's own flush at exit
    does not fail again on a stream that cannot take it)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def stdout_error(exc: OSError) -> UserError:
    """The error line for standard output that cannot be written; later writes are dropped
    (so Python's own flush at exit does not fail again)."""
    from ..output import write_error

    quiet_stdout()
    error = write_error(exc, "standard output")
    return UserError(
        error.what,
        where=Where(file="standard output"),
        hint=f"{error.hint} (any files were written before this)",
    )
