"""``letterpress check TEMPLATE DATA``: the tone and leftovers check on each row's filled-in
letter, not on the template (whose ``{{ ... }}`` would all read as leftover placeholders)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import replace

from ..check import Finding as ToneFinding
from ..check import check_data
from ..source import load_source
from . import filters
from .checks import Finding, table_findings
from .options import Options
from .rowlist import select_rows
from .table import Table, read_table
from .template import (
    LetterTemplate,
    RowError,
    check_columns,
    compile_template,
    direct_columns,
    render_row,
)


class RowTone(Struct):
    """One row's letter: what the check found in it, or why batch would fail it, and what
    batch would warn about it."""

    row: int
    findings: list[ToneFinding] = field(default_factory=list)
    error: Finding | None = None
    warnings: list[Finding] = field(default_factory=list)


class ToneRun(Struct, frozen=True):
    """The data file's name (for messages), the rows' results in row order, and the problem
    lines ``batch --check`` says, in its words (None when it cannot run: standard input)."""

    origin: str
    rows: list[RowTone]
    said: tuple[str, ...] | None = None


def check_rows(
    template: str | Path,
    data: str | Path,
    *,
    rows: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    language: str | None = None,
) -> ToneRun:
    """Fill the template with every row (or the ``rows`` asked for) and check each letter,
    its suggestions in ``language`` (default: each letter's); unusable input raises
    UserError."""
    source = load_source(template)
    own = source.data.get("language")  # the template's: how its data's dates are read
    table = read_table(
        data,
        delimiter=delimiter,
        sheet=sheet,
        encoding=encoding,
        locale=own if isinstance(own, str) and "{" not in own else "en",
    )
    order = filters.date_order(v for row in table.rows for v in row.values.values())
    tpl = compile_template(source, order)
    check_columns(tpl, table)
    table = select_rows(table, rows)
    direct = direct_columns(table.columns)
    checked = list(_each(tpl, table, direct, language))
    if "-" in (str(template), str(data)):  # standard input is read: the batch cannot reread it
        return ToneRun(table.origin, checked)
    stops, warned, said = _batch_stops(
        Options(
            Path(template),
            Path(data),
            check=True,
            rows=rows,
            delimiter=delimiter,
            sheet=sheet,
            encoding=encoding,
            progress=False,
        )
    )
    return ToneRun(
        table.origin,
        [
            replace(
                r,
                error=stops.get(r.row) if r.error is None else r.error,
                warnings=warned.get(r.row, []),
            )
            for r in checked
        ],
        said,
    )


# The lines of batch's that say a problem (not its info lines).
_PROBLEMS = ("letterpress: error: ", "letterpress: warning: ")


def _batch_stops(
    opts: Options,
) -> tuple[dict[int, Finding], dict[int, list[Finding]], tuple[str, ...]]:
    """What ``letterpress batch --check`` finds: the first problem it fails each row on (an
    unknown country, a postcode that lost its 0, an address the window cannot take) and its
    warnings, by row, and its problem lines as it says them (the check says them after the
    rows' findings)."""
    from .run import run_batch

    lines: list[str] = []
    stops: dict[int, Finding] = {}
    warned: dict[int, list[Finding]] = {}
    for finding in run_batch(opts, lines.append).findings:
        if finding.severity == "error":
            stops.setdefault(finding.row, finding)
        elif finding.severity == "warning":
            warned.setdefault(finding.row, []).append(finding)
    return stops, warned, tuple(line for line in lines if line.startswith(_PROBLEMS))


def _each(
    tpl: LetterTemplate,
    table: Table,
    direct: dict[str, tuple[str, str]],
    language: str | None = None,
) -> Iterator[RowTone]:
    """Each row's letter filled in and checked; a row the batch would stop on before filling
    it in is that error, in the batch's words: a problem in a column the template reads (a
    spreadsheet error, a formula without its result), a character the export lost."""
    stops: dict[int, Finding] = {}
    for finding in table_findings(table, tpl, direct):
        if finding.severity == "error":
            stops.setdefault(finding.row, finding)
    for row in table.rows:
        if row.number in stops:
            yield RowTone(row.number, error=stops[row.number])
            continue
        try:
            filled = render_row(tpl, row.values, direct, row.number, row.typed)
        except RowError as exc:
            yield RowTone(
                row.number, error=Finding(row.number, exc.columns, exc.field, exc.what, exc.hint)
            )
            continue
        yield RowTone(row.number, check_data(filled.data, language))
