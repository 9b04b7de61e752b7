"""What the batch's worker processes are given and give back: small, picklable, and free of
ReportLab, so the process that reads the data and merges the output stays light."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..pdf.merge import Drawn
from .checks import Finding

if TYPE_CHECKING:
    from ..pdf.shift import Shift

KINDS = {
    "letter": ("letter",),
    "call": ("call",),
    "both": ("letter", "call"),
    "envelope": ("envelope",),
}


class Spec(Struct, frozen=True):
    """Everything a worker needs, picklable: the raw template and the run's choices."""

    template: dict[str, Any]
    origin: str
    base_dir: Path
    date_order: str | None
    columns: tuple[str, ...]
    kind: str = "letter"
    call_now: date | None = None
    out_dir: Path | None = None
    strict: bool = False  # warnings fail their row
    workbook: bool = False  # the data is a workbook: a text cell holds what was typed
    envelope: str | None = None  # --envelope: the letters' window envelope; an envelope's size
    shift: Shift | None = None  # --printer: moves the letters' and envelopes' content
    # The warnings said once for the template (field, what): not printed again for each row.
    said: frozenset[tuple[str, str]] = frozenset()
    # --check: a look at each row's document as filled in (check TEMPLATE DATA's tone check),
    # before batch's checks; comparable and picklable (a Struct), see Options.inspect.
    inspect: Callable[[dict[str, Any]], Any] | None = None


class Outcome(Struct):
    """One output of one row: a letter or a call sheet, made or not."""

    row: int
    kind: str
    finding: Finding | None = None
    pages: int = 0
    title: str = ""
    warnings: tuple[Finding, ...] = ()
    file: str = ""  # --out-dir: the temporary file written
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return self.finding is None


class ChunkResult(Struct):
    """A run of rows for the merged PDF: per kind of document, the chunk's documents drawn
    together (one PDF whose first page is a real page, the rest loose), and every outcome."""

    index: int
    parts: dict[str, Drawn] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)


def file_name(name: str, kind: str, kinds: tuple[str, ...]) -> str:
    """``NAME.pdf`` for the letter, ``NAME-call.pdf`` for the call sheet when both are made."""
    return f"{name}-call.pdf" if kind == "call" and len(kinds) > 1 else f"{name}.pdf"
