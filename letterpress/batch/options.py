"""What ``letterpress batch`` was asked to do, and how the run went."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from .checks import Finding
from .manifest import Entry

if TYPE_CHECKING:
    from ..pdf.shift import Shift
    from ..source import Source

# Rows per worker task. A chunk is one PDF from one worker (fonts and repeated paragraphs
# drawn once per chunk), so bigger chunks cost less per letter; at least four chunks keep
# two to four cores busy; at most 250 rows bound memory and the work a crash can lose. The
# size depends on the row count only, so the merged file is the same whatever --jobs.
MIN_CHUNK, MAX_CHUNK, FEW_CHUNKS = 50, 250, 4

Report = Callable[[str], None]  # prints one line for the user
Progress = Callable[[int, int], None]  # rows done so far, rows to do


def chunk_size(rows: int) -> int:
    """Rows per chunk for a table of ``rows`` rows."""
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-rows // FEW_CHUNKS)))


class Options(Struct):
    """What ``letterpress batch`` was asked to do (see the CLI for each option)."""

    template: Path | Source  # a Source: the template already read (standard input is read once)
    data: Path
    output: Path | None = None
    out_dir: Path | None = None
    name: str | None = None
    kind: str = "letter"
    check: bool = False
    strict: bool = False
    resume: bool = False
    duplex: bool = False
    pdfa: bool = False  # the merged PDF made PDF/A-2b
    jobs: int | None = None
    delimiter: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    manifest: Path | None = None
    progress: bool | None = None  # None: only on a terminal
    call_now: date | None = None
    envelope: str | None = None  # the window envelope letters are fitted to; None: template's
    chunk: int | None = None  # rows per worker task; None: chunk_size(rows)
    rows: str | None = None  # --rows 2-5,12: only these rows (as the spreadsheet numbers them)
    preview: Path | None = None  # --preview DIR: page 1 of each document as PNG
    max_rows: int | None = None  # refuse data with more rows, before any row is checked
    on_progress: Progress | None = None  # told (rows done, rows to do) as chunks finish
    shift: Shift | None = None  # --printer: a printer's calibration for letters and envelopes
    # with check: run on each row's document as filled in, in the workers; what it returns is
    # in Summary.inspected by row (a comparable, picklable Struct: it goes to the workers)
    inspect: Callable[[dict[str, Any]], Any] | None = None


class Summary(Struct):
    """How the run went; ``exit_code`` is 0 (all good), 1 (some rows failed, or --check found
    problems) or 2 (--strict stopped: nothing was written)."""

    rows: int = 0
    origin: str = ""  # the data file, as the messages name it
    made: int = 0
    failed: int = 0
    resumed: int = 0
    current: bool = False  # --resume found the output up to date: nothing was written
    stopped: bool = False  # --strict found a problem: nothing was written
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    manifest: Path | None = None
    written: list[Path] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # the manifest's lines
    previews: list[Path] = field(default_factory=list)
    inspected: dict[int, Any] = field(default_factory=dict)  # Options.inspect's, by row

    @property
    def exit_code(self) -> int:
        if self.stopped:
            return 2
        return 1 if any(f.severity == "error" for f in self.findings) else 0

    def failed_rows(self) -> int:
        """How many rows have at least one error."""
        return len({f.row for f in self.findings if f.severity == "error"})
