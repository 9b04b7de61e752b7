"""Where a run's output goes: the document to standard output for ``-o -`` (summaries then go
to standard error), and under ``--quiet`` only errors and results."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from typing import TextIO

# Lines of standard error that --quiet drops: warnings and info lines.
_DROPPED = ("letterpress: warning:", "letterpress: info:")


class ErrorsOnly(io.TextIOBase):
    """A text stream that passes on only letterpress's own lines that are not warnings or info:
    errors and the line that says a run stopped. Summaries and progress bars are dropped."""

    def __init__(self, target: TextIO) -> None:
        """Pass lines on to ``target``."""
        self.target = target
        self.pending = ""

    def writable(self) -> bool:
        """Always: it is an output stream."""
        return True

    def write(self, text: str) -> int:
        """Keep whole lines that say what failed; drop the rest."""
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if line.startswith("letterpress: ") and not line.startswith(_DROPPED):
                self.target.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        """Flush the stream the kept lines go to."""
        self.target.flush()


def to_stdout(args: argparse.Namespace) -> bool:
    """Whether the command writes its document to standard output (``-o -``)."""
    return getattr(args, "output", None) == "-"


@contextmanager
def routed(args: argparse.Namespace, *, summary_only: bool) -> Iterator[None]:
    """Run a command with its output routed: ``args.document_stream`` is where ``-o -`` writes
    (the real standard output), summaries go to standard error when the document takes standard
    output, and ``--quiet`` keeps only errors (and the output of commands whose output is the
    result, ``summary_only=False``: check, advise, estimate...)."""
    quiet = bool(getattr(args, "quiet", False))
    args.document_stream = getattr(sys.stdout, "buffer", None)
    with ExitStack() as stack:
        if quiet and (summary_only or to_stdout(args)):
            devnull = stack.enter_context(open(os.devnull, "w", encoding="utf-8"))
            stack.enter_context(redirect_stdout(devnull))
        elif to_stdout(args):
            stack.enter_context(redirect_stdout(sys.stderr))
        if quiet:
            errors = ErrorsOnly(sys.stderr)
            stack.enter_context(redirect_stderr(errors))
        yield
