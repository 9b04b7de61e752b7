"""What the cells of an ``.ods`` sheet show: OpenDocument keeps, beside each number, date and
time, the text the spreadsheet displayed for it (``<text:p>01067</text:p>`` for the value 1067
formatted ``00000``, ``1.234,50 €`` for 1234.5 as money). python-calamine gives only the
values; this reads those texts, streaming, so that a cell prints as the sheet showed it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, BinaryIO
from xml.etree.ElementTree import Element, ParseError, iterparse

from ..errors import UserError, Where

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SHEET = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME = f"{{{_TABLE}}}name"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
# LibreOffice marks a formula whose result is an error (shown as "#DIV/0!") with this.
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_CALC_VALUE_TYPE = f"{{{_CALCEXT}}}value-type"
_ANNOTATION = f"{{{_OFFICE}}}annotation"
_PARAGRAPHS = (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
_SPACES, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_COUNT = f"{{{_TEXT}}}c"
# A row repeated more often than this is a formatted empty stretch, not copies of a record.
_MAX_REPEAT = 1000
_AGAIN = "open it in the spreadsheet program and save it again"

# The displayed texts of the cells that hold a number, date, time, truth value or error:
# row index -> column index -> text (both counted from 0, as python-calamine counts them).
Shown = dict[int, dict[int, str]]


def shown_texts(source: Path | BinaryIO, where: str, sheet: str, width: int) -> Shown:
    """The displayed texts of ``sheet``'s typed cells, up to column ``width``."""
    try:
        with zipfile.ZipFile(source) as archive, archive.open("content.xml") as content:
            if b"<!DOCTYPE" in content.read(4096):
                raise UserError(
                    "the workbook's content declares XML entities, which a spreadsheet "
                    "never writes",
                    where=Where(file=where),
                    hint=_AGAIN,
                )
        with zipfile.ZipFile(source) as archive, archive.open("content.xml") as content:
            return _read(content, sheet, width)
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(
            f"not a readable .ods workbook ({type(exc).__name__})",
            where=Where(file=where),
            hint=_AGAIN,
        ) from None
    finally:
        if not isinstance(source, Path):
            source.seek(0)


def _read(content: IO[bytes], sheet: str, width: int) -> Shown:
    """Stream ``content.xml``: count rows and columns of ``sheet``, keep the typed cells'
    texts, and drop every row once it is read."""
    shown: Shown = {}
    inside = False
    row = col = 0
    cells: dict[int, str] = {}
    for event, element in iterparse(content, events=("start", "end")):
        tag = element.tag
        if tag == _SHEET:
            inside = event == "start" and element.get(_NAME) == sheet
            if event == "end" and element.get(_NAME) == sheet:
                break
            continue
        if not inside:
            if event == "end" and tag == _ROW:
                element.clear()
            continue
        if event == "start":
            if tag == _ROW:
                col, cells = 0, {}
            continue
        if tag in _CELLS:
            repeat = _count(element.get(_COLUMNS_REPEATED))
            kind = element.get(_VALUE_TYPE)
            typed = kind not in (None, "string") or element.get(_CALC_VALUE_TYPE) == "error"
            if typed and col < width:
                text = cell_text(element)
                for c in range(col, min(col + repeat, width)):
                    cells[c] = text
            col += repeat
            element.clear()
        elif tag == _ROW:
            repeat = _count(element.get(_ROWS_REPEATED))
            if cells:
                for r in range(row, row + min(repeat, _MAX_REPEAT)):
                    shown[r] = cells
            row += repeat
            element.clear()
    return shown


def _count(text: str | None) -> int:
    """A repetition count (``number-columns-repeated``); 1 when absent or not a number."""
    try:
        return max(int(text or 1), 1)
    except ValueError:
        return 1


def cell_text(cell: Element) -> str:
    """A cell's displayed text: its paragraphs, one a line, without notes (annotations)."""
    return "\n".join(_inline(p) for p in cell if p.tag in _PARAGRAPHS)


def _inline(element: Element) -> str:
    """The text inside ``element``: spans and links as their text, ``text:s`` as spaces."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACES:
            parts.append(" " * _count(child.get(_COUNT)))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        elif child.tag != _ANNOTATION:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
