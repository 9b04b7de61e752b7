"""What python-calamine leaves out of an ``.xls`` sheet's cells: the error values (``#N/A``,
``#DIV/0!``), which it reads as empty cells, and the number formats (``00000``, ``dd.mm.yyyy``),
which it does not read; read with [xlrd](https://pypi.org/project/xlrd/) (the Excel 97-2003
reader), so that an error fails its row and a number shows as the sheet shows it, as in an
``.xlsx`` or ``.ods``. A file xlrd cannot follow gives nothing: its cells then read as
python-calamine reads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from msgspec import Struct

# row index -> column index -> text (both from 0, as python-calamine counts them)
Grid = dict[int, dict[int, str]]


class XlsCells(Struct, frozen=True):
    """A sheet's error values and the number formats of its number cells."""

    errors: Grid
    formats: Grid


def read_cells(source: Path | BinaryIO, sheet: str) -> XlsCells:
    """The error values and number formats of the cells of ``sheet``; none when the file
    cannot be followed (or is older than Excel 97, whose formats xlrd does not read)."""
    import xlrd  # only for an .xls

    try:
        if isinstance(source, Path):
            data = source.read_bytes()
        else:  # python-calamine has read it to its end
            source.seek(0)
            data = source.read()
            source.seek(0)
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=_Quiet()
        )
        if book.biff_version < 80:
            return XlsCells({}, {})
        return _cells(book, book.sheet_by_name(sheet))
    except Exception:  # noqa: BLE001 - a file xlrd cannot follow reads as python-calamine reads it
        return XlsCells({}, {})


def _cells(book: Any, sheet: Any) -> XlsCells:
    import xlrd

    errors: Grid = {}
    formats: Grid = {}
    for row in range(sheet.nrows):
        for column, cell in enumerate(sheet.row(row)):
            if cell.ctype == xlrd.XL_CELL_ERROR:
                text = xlrd.error_text_from_code.get(cell.value)
                if text is not None:
                    errors.setdefault(row, {})[column] = text
            elif cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                key = book.xf_list[cell.xf_index].format_key
                found = book.format_map.get(key)
                if key in _READERS_SHORT_DATE:
                    continue
                if found is not None and found.format_str not in ("", "General"):
                    formats.setdefault(row, {})[column] = found.format_str
    return XlsCells(errors, formats)


# Excel's built-in short date (14) and date with time (22) show in the reader's own order
# (03.12.2026 in Germany); xlrd gives them its US strings m/d/yy and m/d/yy h:mm, which made
# 3 December 2026 "12.3.26" in a German letter. Without a format they show as YYYY-MM-DD,
# as in an .xlsx.
_READERS_SHORT_DATE = (14, 22)


class _Quiet:
    """Where xlrd writes its warnings about odd records: nowhere (the reading goes on)."""

    def write(self, text: str) -> int:
        return len(text)
