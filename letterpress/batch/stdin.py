"""Mail-merge data from standard input (``-``): read with the data file's size limit, its
kind told by its first bytes (a zip is an ``.xlsx`` or an ``.ods``, an OLE file an ``.xls``,
anything else CSV)."""

from __future__ import annotations

import io
import sys
import zipfile

from ..errors import UserError, Where
from ..limits import MAX_DATA_BYTES, size_text
from ..source import STDIN
from .table import ReadOptions, Table

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of an .xls
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


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
    kind = _kind(raw)
    if kind != ".csv":
        for given, option in ((options.delimiter, "--delimiter"), (options.encoding, "--encoding")):
            if given:
                raise UserError(
                    f"{option} applies to CSV files only (standard input holds a {kind} workbook)",
                    where=Where(option=option),
                )
    elif options.sheet:
        raise UserError(
            "--sheet applies to workbooks (.xlsx, .xls, .ods) only (standard input holds CSV)",
            where=Where(option="--sheet"),
        )
    if kind == ".xlsx":
        return workbook.xlsx_table(io.BytesIO(raw), STDIN, options)
    if kind in (".ods", ".xls"):
        return workbook.calamine_table(io.BytesIO(raw), STDIN, kind, options)
    return csvdata.csv_table(raw, STDIN, options)


def _kind(raw: bytes) -> str:
    """``.xlsx``, ``.ods``, ``.xls`` or ``.csv``, from the bytes themselves."""
    if raw.startswith(_OLE):
        return ".xls"
    if not raw.startswith(_ZIP):
        return ".csv"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size <= len(_ODS) + 2 and archive.read(info).strip() == _ODS:
                return ".ods"
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        pass  # the workbook reader says what is wrong with it
    return ".xlsx"
