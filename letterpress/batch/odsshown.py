"""What the cells of an ``.ods`` sheet show: OpenDocument keeps, beside each number, date and
time, the text the spreadsheet displayed for it (``<text:p>01067</text:p>`` for the value 1067
formatted ``00000``, ``1.234,50 €`` for 1234.5 as money). python-calamine gives only the
values; this reads those texts, streaming, so that a cell prints as the sheet showed it, and
the language of the date cells whose style writes month or day names (``3. Dezember 2026``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, BinaryIO
from xml.etree.ElementTree import Element, ParseError, iterparse

from msgspec import Struct

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

# Data styles: a date style's language where it writes month or day names in words.
_STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_DATE_STYLE = f"{{{_NUMBER}}}date-style"
_STYLE = f"{{{_STYLE_NS}}}style"
_STYLE_NAME = f"{{{_STYLE_NS}}}name"
_DATA_STYLE = f"{{{_STYLE_NS}}}data-style-name"
_LANGUAGE, _COUNTRY = f"{{{_NUMBER}}}language", f"{{{_NUMBER}}}country"
_MONTH, _WEEKDAY = f"{{{_NUMBER}}}month", f"{{{_NUMBER}}}day-of-week"
_TEXTUAL = f"{{{_NUMBER}}}textual"
_MAP, _APPLY = f"{{{_STYLE_NS}}}map", f"{{{_STYLE_NS}}}apply-style-name"
# A data style of any kind may hand its values to others (a date format with a text section,
# "d. mmmm yyyy;@", is a text style whose map applies the date style).
_DATA_STYLES = {
    f"{{{_NUMBER}}}{kind}-style"
    for kind in ("date", "time", "number", "text", "currency", "percentage", "boolean")
}
_CELL_STYLE = f"{{{_TABLE}}}style-name"
_COLUMN = f"{{{_TABLE}}}table-column"
_COLUMN_STYLE = f"{{{_TABLE}}}default-cell-style-name"

# The displayed texts of the cells that hold a number, date, time, truth value or error:
# row index -> column index -> text (both counted from 0, as python-calamine counts them).
Shown = dict[int, dict[int, str]]


class OdsCells(Struct, frozen=True):
    """A sheet's displayed texts, and the languages (``de-DE``) of its date cells whose
    style writes month or day names, in the same grid."""

    texts: Shown
    languages: Shown


class _Styles(Struct):
    """The styles read so far: date style -> its language (those that write names in
    words); data style -> the data styles its map applies; cell style -> its data style."""

    named: dict[str, str]
    maps: dict[str, list[str]]
    cells: dict[str, str]

    def take(self, element: Element) -> None:
        """Note ``element`` if it is a data style or a cell style."""
        if element.tag in _DATA_STYLES:
            name = element.get(_STYLE_NAME, "")
            self.maps[name] = [c.get(_APPLY, "") for c in element if c.tag == _MAP]
            language = element.get(_LANGUAGE)
            words = any(
                child.tag == _WEEKDAY or (child.tag == _MONTH and child.get(_TEXTUAL) == "true")
                for child in element
            )
            if element.tag == _DATE_STYLE and language and words:
                country = element.get(_COUNTRY)
                self.named[name] = f"{language}-{country}" if country else language
        elif element.tag == _STYLE and element.get(_DATA_STYLE):
            self.cells[element.get(_STYLE_NAME, "")] = element.get(_DATA_STYLE, "")

    def language(self, style: str | None) -> str:
        """The language in which a cell of ``style`` writes its date in words, or ""."""
        data = self.cells.get(style or "", "")
        found = [self.named.get(n, "") for n in (data, *self.maps.get(data, ()))]
        return next((tag for tag in found if tag), "")


def shown_texts(source: Path | BinaryIO, where: str, sheet: str, width: int) -> OdsCells:
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
        styles = _Styles({}, {}, {})
        with zipfile.ZipFile(source) as archive:
            if "styles.xml" in archive.namelist():
                with archive.open("styles.xml") as common:
                    if b"<!DOCTYPE" not in common.read(4096):
                        common.seek(0)
                        for _, element in iterparse(common):
                            styles.take(element)
        with zipfile.ZipFile(source) as archive, archive.open("content.xml") as content:
            return _read(content, sheet, width, styles)
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(
            f"not a readable .ods workbook ({type(exc).__name__})",
            where=Where(file=where),
            hint=_AGAIN,
        ) from None
    finally:
        if not isinstance(source, Path):
            source.seek(0)


def _read(content: IO[bytes], sheet: str, width: int, styles: _Styles) -> OdsCells:
    """Stream ``content.xml``: note its own styles, count rows and columns of ``sheet``,
    keep the typed cells' texts and the languages of its dates in words, and drop every row
    once it is read."""
    shown: Shown = {}
    languages: Shown = {}
    inside = False
    row = col = 0
    cells: dict[int, str] = {}
    worded: dict[int, str] = {}
    columns: list[str | None] = []  # each column's default cell style
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
            elif event == "end" and (tag in _DATA_STYLES or tag == _STYLE):
                styles.take(element)
            continue
        if event == "start":
            if tag == _ROW:
                col, cells, worded = 0, {}, {}
            elif tag == _COLUMN and len(columns) < width:
                repeat = min(_count(element.get(_COLUMNS_REPEATED)), width - len(columns))
                columns += [element.get(_COLUMN_STYLE)] * repeat
            continue
        if tag in _CELLS:
            repeat = _count(element.get(_COLUMNS_REPEATED))
            kind = element.get(_VALUE_TYPE)
            typed = kind not in (None, "string") or element.get(_CALC_VALUE_TYPE) == "error"
            if typed and col < width:
                text = cell_text(element)
                style = element.get(_CELL_STYLE) or (columns[col] if col < len(columns) else None)
                language = styles.language(style) if kind == "date" else ""
                for c in range(col, min(col + repeat, width)):
                    cells[c] = text
                    if language:
                        worded[c] = language
            col += repeat
            element.clear()
        elif tag == _ROW:
            repeat = _count(element.get(_ROWS_REPEATED))
            for r in range(row, row + min(repeat, _MAX_REPEAT)) if cells else ():
                shown[r] = cells
                if worded:
                    languages[r] = worded
            row += repeat
            element.clear()
    return OdsCells(shown, languages)


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
