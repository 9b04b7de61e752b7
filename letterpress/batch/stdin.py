"""Mail-merge data from standard input (``-``): read with the data file's size limit, its
kind told by its first bytes (a zip is an ``.xlsx`` or an ``.ods``, an OLE file an ``.xls``,
text CSV, anything else refused: see :mod:`.sniff`)."""

from __future__ import annotations

import io
import sys

from ..errors import UserError, Where
from ..limits import MAX_DATA_BYTES, size_text
from ..source import STDIN
from .sniff import HEAD, kind_of, refusal
from .table import ReadOptions, Table


def read_stdin_table(options: ReadOptions) -> Table:
    """The table sent on standard input."""
    from . import csvdata, workbook

    raw = sys.stdin.buffer.read(MAX_DATA_BYTES + 1)
    if len(raw) > MAX_DATA_BYTES:
        raise UserError(
            f"the data is larger than {size_text(MAX_DATA_BYTES)}",
            where=Where(file=STDIN),
            hint="split it into smaller files",
        )
    kind, what = kind_of(raw[:HEAD], io.BytesIO(raw))
    if not kind:
        raise refusal(STDIN, what)
    if kind != ".csv":
        for given, option in ((options.delimiter, "--delimiter"), (options.encoding, "--encoding")):
            if given:
                raise UserError(
                    f"{option} applies to CSV files only (standard input holds a {kind} workbook)",
                    where=Where(option=option),
                )
    elif options.sheet:
        raise UserError(
            f"{options.sheet_option} applies to workbooks (.xlsx, .xls, .ods) only (standard "
            "input holds CSV)",
            where=Where(option=options.sheet_option),
        )
    if kind == ".xlsx":
        return workbook.xlsx_table(io.BytesIO(raw), STDIN, options)
    if kind in (".ods", ".xls"):
        return workbook.calamine_table(io.BytesIO(raw), STDIN, kind, options)
    return csvdata.csv_table(raw, STDIN, options)
