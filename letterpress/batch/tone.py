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
    """One row's letter: what the check found in it, or why batch would fail it."""

    row: int
    findings: list[ToneFinding] = field(default_factory=list)
    error: Finding | None = None


class ToneRun(Struct, frozen=True):
    """The data file's name (for messages) and the rows' results, in row order."""

    origin: str
    rows: list[RowTone]


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
    stops = _batch_stops(
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
            replace(r, error=stops[r.row]) if r.error is None and r.row in stops else r
            for r in checked
        ],
    )


def _batch_stops(opts: Options) -> dict[int, Finding]:
    """The first problem ``letterpress batch --check`` fails each row on (an unknown country,
    a postcode that lost its 0, an address the window cannot take), by row: its own checks,
    its lines left unsaid (the check says them with the rows' findings)."""
    from .run import run_batch

    stops: dict[int, Finding] = {}
    for finding in run_batch(opts, lambda line: None).findings:
        if finding.severity == "error":
            stops.setdefault(finding.row, finding)
    return stops


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
