"""``letterpress check TEMPLATE DATA``: the tone and leftovers check on each row's filled-in
letter, not on the template (whose ``{{ ... }}`` would all read as leftover placeholders), in
the one run of ``batch --check`` that fills each row's letter and says what batch would fail
or warn about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..check import Finding as ToneFinding
from ..check import check_data
from .checks import Finding
from .options import Options

if TYPE_CHECKING:
    from ..source import Source


class RowTone(Struct):
    """One row's letter: what the check found in it, or why batch would fail it, and what
    batch would warn about it."""

    row: int
    findings: list[ToneFinding] = field(default_factory=list)
    error: Finding | None = None
    warnings: list[Finding] = field(default_factory=list)


class ToneRun(Struct, frozen=True):
    """The data file's name (for messages), the rows' results in row order, and the problem
    lines ``batch --check`` says, in its words."""

    origin: str
    rows: list[RowTone]
    said: tuple[str, ...] = ()


class ToneCheck(Struct, frozen=True):
    """The check of one row's letter as filled in, run by batch's workers (a Struct: it is
    sent to them, and two runs' checks compare equal)."""

    language: str | None = None  # the suggestions' language; None: each letter's own

    def __call__(self, data: dict[str, Any]) -> list[ToneFinding]:
        return check_data(data, self.language)


def check_rows(
    template: str | Path | Source,
    data: str | Path,
    *,
    rows: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    language: str | None = None,
) -> ToneRun:
    """Fill the template with every row (or the ``rows`` asked for) and check each letter,
    its suggestions in ``language`` (default: each letter's), with what ``batch --check``
    finds (the first problem it fails each row on, its warnings); unusable input raises
    UserError. ``template`` may be one already read (from standard input, say)."""
    from ..source import Source
    from .run import run_batch

    lines: list[str] = []
    summary = run_batch(
        Options(
            template if isinstance(template, Source) else Path(template),
            Path(data),
            check=True,
            rows=rows,
            delimiter=delimiter,
            sheet=sheet,
            encoding=encoding,
            progress=False,
            inspect=ToneCheck(language),
        ),
        lines.append,
    )
    stops: dict[int, Finding] = {}
    warned: dict[int, list[Finding]] = {}
    for finding in summary.findings:
        if finding.severity == "error":
            stops.setdefault(finding.row, finding)
        elif finding.severity == "warning":
            warned.setdefault(finding.row, []).append(finding)
    # every row is filled in (and checked), or fails before: on a cell, or filling it in
    numbers = sorted(summary.inspected.keys() | stops.keys())
    said = _said(summary.findings)
    return ToneRun(
        summary.origin,
        [
            RowTone(
                n,
                [f for f in summary.inspected.get(n, []) if not said(n, f)],
                stops.get(n),
                warned.get(n, []),
            )
            for n in numbers
        ],
        tuple(line for line in lines if line.startswith(_PROBLEMS)),
    )


def _said(found: list[Finding]) -> Callable[[int, ToneFinding], bool]:
    """Whether batch's lines already say a row's finding, which is then left out (one mistake,
    one line; batch's names the column): a number the template writes in a field batch fails
    or warns about in any row (``date = 5``), a placeholder in a field it fails or warns
    about in that row (a country '[Land]')."""
    named = {(f.row, f.field) for f in found if f.severity in ("error", "warning")}
    fields = {field for _, field in named}

    def said(row: int, finding: ToneFinding) -> bool:
        if finding.kind == "number":
            return finding.field in fields
        return finding.kind == "placeholder" and (row, finding.field) in named

    return said


# The lines of batch's that say a problem (not its info lines).
_PROBLEMS = ("letterpress: error: ", "letterpress: warning: ")
