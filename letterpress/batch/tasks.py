"""What the batch's worker processes are given and give back: small, picklable, and free of
ReportLab, so the process that reads the data and merges the output stays light."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .checks import Finding
from ..pdf.merge import LoosePage

KINDS = {"letter": ("letter",), "call": ("call",), "both": ("letter", "call")}


@dataclass(frozen=True)
class Spec:
    """Everything a worker needs, picklable: the raw template and the run's choices."""

    template: dict[str, Any]
    origin: str
    base_dir: Path
    date_order: str | None
    columns: tuple[str, ...]
    kind: str = "letter"
    call_now: date | None = None
    out_dir: Path | None = None


@dataclass
class Outcome:
    """One output of one row: a letter or a call sheet, made or not."""

    row: int
    kind: str
    finding: Finding | None = None
    pages: int = 0
    title: str = ""
    file: str = ""  # --out-dir: the temporary file written
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return self.finding is None


@dataclass
class ChunkResult:
    """A run of rows for the merged PDF: the letters in one PDF (its first page a real page,
    the rest loose), the call sheets in another."""

    index: int
    letters_pdf: bytes | None
    calls_pdf: bytes | None = None  # the call sheets, a page each, in row order
    outcomes: list[Outcome] = field(default_factory=list)
    loose: list[LoosePage] = field(default_factory=list)  # pages after letters_pdf's own


def file_name(name: str, kind: str, kinds: tuple[str, ...]) -> str:
    """``NAME.pdf`` for the letter, ``NAME-call.pdf`` for the call sheet when both are made."""
    return f"{name}-call.pdf" if kind == "call" and len(kinds) > 1 else f"{name}.pdf"
