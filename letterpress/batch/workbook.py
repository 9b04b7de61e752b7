"""Reading a workbook: ``.xlsx`` with openpyxl (it gives each cell's number format, so a
cell shows as it does in Excel: ``hh:mm`` -> 10:00, ``00000`` -> 01067), ``.xls`` and ``.ods``
with python-calamine (values only); an ``.ods`` also keeps the text each cell showed, which
:mod:`.odsshown` reads, and an ``.xls`` each cell's number format and error value, which
:mod:`.xlscells` reads. A cell a letter may misread (a negative number shown without its
sign, a date in words of another language) is doubted by :mod:`.celldoubts`.

Only the real cells are read, never the range a file declares, and every file is checked
before it is opened: a zip that would unpack to more than ``MAX_UNPACKED`` bytes, a missing
part, XML entities or anything else a reader chokes on becomes one clean error.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from babel import Locale

from ..errors import UserError, Where
from .celldoubts import checked_number, foreign_date, written_in
from .cells import CellFormats, as_decimal, names_language, rounds_code
from .csvdata import MAX_BYTES
from .odsshown import shown_texts
from .table import NO_RESULT, ReadOptions, Record, Rounded, Table, build, cell_error
from .xlscells import read_cells

# What an address list comes nowhere near; a file beyond is refused, not read for minutes.
MAX_UNPACKED = 512 * 2**20
MAX_COLUMNS = 1000
_AGAIN = "open it in the spreadsheet program and save it again"


def read_xlsx(path: Path, options: ReadOptions) -> Table:
    """An ``.xlsx``/``.xlsm`` workbook, its cells as they show."""
    return xlsx_table(path, str(path), options)


def xlsx_table(source: Path | BinaryIO, where: str, options: ReadOptions) -> Table:
    """An ``.xlsx`` workbook from a file or from bytes (standard input), named ``where``."""
    from openpyxl import load_workbook

    _check_zip(source, where, ".xlsx")
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for broken files
        raise _unreadable(where, ".xlsx", exc) from None
    try:
        name = _sheet_name(book.sheetnames, options, where)
        ws = book[name]
        ws.reset_dimensions()  # the declared <dimension> may be smaller or huge: read the cells
        unsaved = _unsaved_formulas(source, getattr(ws, "_worksheet_path", ""))
        shown = CellFormats(options.babel_locale())
        records: list[Record] = []
        for number, cells in enumerate(ws.iter_rows(), start=1):
            _check_width(len(cells), number, where)
            record = _record(
                number, ((c.value, getattr(c, "number_format", None)) for c in cells), shown
            )
            for column in unsaved.get(number, ()):
                record[2][column] = NO_RESULT
            records.append(record)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken part shows while the rows are read
        raise _unreadable(where, ".xlsx", exc) from None
    finally:
        book.close()
    title = f"{where} [{name}]" if options.sheet else where
    return _built(records, title, "xlsx", name, book.sheetnames, options)


def read_calamine(path: Path, options: ReadOptions) -> Table:
    """An ``.xls`` or ``.ods`` workbook (python-calamine), its cells as they show."""
    _check_size(path, path.suffix.lower())
    return calamine_table(path, str(path), path.suffix.lower(), options)


def read_as(path: Path, kind: str, options: ReadOptions) -> Table:
    """A workbook of ``kind`` whose name says another (a portal's ``export.csv`` that is an
    ``.xlsx``), read from the open file: the readers go by a path's extension."""
    _check_size(path, kind)
    with path.open("rb") as file:
        if kind == ".xlsx":
            return xlsx_table(file, str(path), options)
        return calamine_table(file, str(path), kind, options)


def _check_size(path: Path, kind: str) -> None:
    """An ``.xls`` is read whole (a zip's size is checked by what it unpacks to)."""
    if kind == ".xls" and path.stat().st_size > MAX_BYTES:
        raise UserError(
            f"the workbook is larger than {MAX_BYTES // 2**20} MiB",
            where=Where(file=str(path)),
            hint="split it into smaller files",
        )


def calamine_table(source: Path | BinaryIO, where: str, kind: str, options: ReadOptions) -> Table:
    """An ``.xls`` or ``.ods`` workbook from a file or from bytes, named ``where``."""
    from python_calamine import CalamineWorkbook

    if kind == ".ods":
        _check_zip(source, where, kind)
    shown = CellFormats(options.babel_locale())
    try:
        opened = (
            CalamineWorkbook.from_path(str(source))
            if isinstance(source, Path)
            else CalamineWorkbook.from_filelike(source)
        )
        with opened as book:
            names = list(book.sheet_names)
            name = _sheet_name(names, options, where)
            sheet = book.get_sheet_by_name(name)
            rows = list(sheet.iter_rows())
            top, left = _origin(sheet.end, rows)
            languages: dict[int, dict[int, str]] = {}
            if kind == ".ods":
                ods = shown_texts(source, where, name, MAX_COLUMNS + 1)
                displayed, styles, languages = ods.texts, {}, ods.languages
            else:
                cells = read_cells(source, name)
                displayed, styles = cells.errors, cells.formats
            records: list[Record] = []
            for number, values in enumerate(rows, start=top + 1):
                _check_width(len(values), number, where)
                style = styles.get(number - 1, {})
                record = _record(
                    number, ((v, style.get(left + i)) for i, v in enumerate(values)), shown
                )
                records.append(
                    _as_displayed(
                        record,
                        displayed.get(number - 1),
                        left,
                        languages.get(number - 1, {}),
                        shown.locale,
                    )
                )
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine's errors for broken files vary
        raise _unreadable(where, kind, exc) from None
    title = f"{where} [{name}]" if options.sheet else where
    return _built(records, title, kind.lstrip("."), name, list(names), options)


# A formula cell whose result the file does not keep: a program that writes workbooks
# (openpyxl, many exports) leaves the results to Excel or LibreOffice to work out on opening.
_CELL = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]+)(\d+)\"[^>]*>(.*?)</(?:\w+:)?c>", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _unsaved_formulas(source: Path | BinaryIO, part: str) -> dict[int, list[int]]:
    """The formula cells of the sheet ``part`` without a saved result: row number -> column
    indexes (from 0)."""
    try:
        with zipfile.ZipFile(source) as archive:
            data = archive.read(part) if part else b""
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        data = b""
    finally:
        if not isinstance(source, Path):
            source.seek(0)
    if not _FORMULA.search(data):
        return {}
    found: dict[int, list[int]] = {}
    for match in _CELL.finditer(data):
        inner = match.group(3)
        if _FORMULA.search(inner) and not _VALUE.search(inner):
            found.setdefault(int(match.group(2)), []).append(_column_index(match.group(1)))
    return found


def _column_index(letters: bytes) -> int:
    """``b"A"`` -> 0, ``b"AB"`` -> 27."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def _built(
    records: list[Record],
    title: str,
    kind: str,
    sheet: str,
    sheets: list[str],
    options: ReadOptions,
) -> Table:
    """The table of the sheet read; when that first sheet has no rows and others exist, the
    error names the sheet and the others (a workbook may start with a notes sheet)."""
    try:
        return build(lambda: iter(records), title, kind, "")
    except UserError as exc:
        others = [n for n in sheets if n != sheet]
        if options.sheet or not others:
            raise
        raise UserError(
            f"{exc.what} in its first sheet {sheet!r}",
            where=exc.place,
            hint="give the sheet with the addresses: "
            + ", ".join(f"{options.sheet_option} {n!r}" for n in others[:5]),
        ) from None


def _record(number: int, cells: Iterable[tuple[Any, str | None]], shown: CellFormats) -> Record:
    """One row's texts (as the cells show) and typed values (numbers, dates, times)."""
    texts: list[str] = []
    typed: dict[int, Any] = {}
    for i, (value, fmt) in enumerate(cells):
        if value == "" or value is None:
            texts.append("")
            continue
        texts.append(shown.text(value, fmt))
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            exact = as_decimal(value)
            typed[i] = (
                Rounded(exact) if rounds_code(value, fmt) else checked_number(exact, texts[-1])
            )
        elif isinstance(value, (date, time, timedelta)):
            typed[i] = _in_its_language(value, fmt, texts[-1], shown)
    while texts and not texts[-1]:
        texts.pop()
    return number, texts, typed


def _in_its_language(value: Any, fmt: str | None, text: str, shown: CellFormats) -> Any:
    """A date cell's typed value; doubted when its format writes month or day names in
    another language than the letter's (``[$-407]d. mmmm yyyy`` in an English letter):
    printed as the sheet shows it, with a warning."""
    language = names_language(value, fmt, shown.locale)
    return value if language is None else foreign_date(value, language, text, shown.locale)


def _origin(end: tuple[int, int] | None, rows: list[list[Any]]) -> tuple[int, int]:
    """The sheet row and column (from 0) of the first of python-calamine's ``rows``: counted
    back from the last cell (``end``), whether the rows start at the sheet's first row or at
    its first used one (python-calamine gives the leading empty rows, not the columns)."""
    if end is None or not rows:
        return 0, 0
    return max(end[0] + 1 - len(rows), 0), max(end[1] + 1 - len(rows[0]), 0)


def _as_displayed(
    record: Record,
    displayed: dict[int, str] | None,
    left: int,
    languages: dict[int, str],
    locale: Locale,
) -> Record:
    """``record`` with the texts its typed cells displayed (an ``.ods`` keeps them), where
    there are such texts; ``left`` is the column python-calamine's row starts at; a date
    written in words in another language (``languages``) than the letter's (``locale``)
    is doubted."""
    number, texts, typed = record
    if displayed:
        for i, value in typed.items():
            text = displayed.get(left + i, "").strip()
            if text and i < len(texts):
                text = _ZERO_DASH.sub(r"\1 -", text) if value == 0 else text
                texts[i] = text
                language = written_in(languages.get(left + i, ""), locale)
                if language and isinstance(value, (date, time)):
                    typed[i] = foreign_date(value, language, text, locale)
                if _PADDED.fullmatch(text) and isinstance(value, Decimal):
                    if value != value.to_integral_value():  # 1067.5 shown as 01068
                        typed[i] = Rounded(value)
                elif isinstance(held := getattr(value, "value", value), Decimal):
                    typed[i] = checked_number(held, text)  # as LibreOffice showed it
        for column, text in displayed.items():  # python-calamine reads an error as ""
            i = column - left
            if i >= 0 and cell_error(text.strip()):
                texts.extend([""] * (i + 1 - len(texts)))
                texts[i] = text.strip()
            elif 0 <= i < len(texts) and texts[i] and i not in typed and text.strip():
                texts[i] = text.strip()  # a duration of over a day: "PT27H05M00S" read, 27:05 shown
    return number, texts, typed


# Zero in the US Accounting format, as LibreOffice keeps it without the fill between the
# symbol and the dash ("$-"): printed "$ -", as the cell shows it and an .xlsx prints it.
_ZERO_DASH = re.compile(r"^([^\d\s()+-]+)-$")
# A number LibreOffice showed as a code padded with zeros (format 00000): 01067.
_PADDED = re.compile(r"-?0\d+")


def _sheet_name(names: list[str], options: ReadOptions, where: str) -> str:
    """The worksheet to read: the one asked for (a name that is none is an error at the
    option that gave it), else the first."""
    wanted = options.sheet
    if not names:
        raise UserError("the workbook has no worksheet", where=Where(file=where), hint=_AGAIN)
    if wanted is None:
        return names[0]
    if wanted not in names:
        raise UserError(
            f"no sheet named {wanted!r}",
            where=Where(file=where, option=options.sheet_option),
            hint=f"sheets: {', '.join(names)}",
        )
    return wanted


def _check_width(width: int, number: int, where: str) -> None:
    if width > MAX_COLUMNS:
        raise UserError(
            f"row {number} has a value in column {width}; an address list has at "
            f"most {MAX_COLUMNS} columns",
            where=Where(file=where),
            hint="delete what lies to the right of the table, save and try again",
        )


def _check_zip(source: Path | BinaryIO, name: str, kind: str) -> None:
    """A workbook is a zip: refuse one that is not, or that would unpack to too much."""
    where = Where(file=name)
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if not isinstance(source, Path):
            source.seek(0)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UserError(
            f"not a readable {kind} workbook (not a zip file)", where=where, hint=_AGAIN
        ) from None
    if unpacked > MAX_UNPACKED:
        raise UserError(
            f"the workbook unpacks to {unpacked // 2**20:,} MiB, more than the "
            f"{MAX_UNPACKED // 2**20} MiB an address list needs",
            where=where,
            hint="split it into smaller files, or save it again",
        )


def _unreadable(where: str, kind: str, exc: Exception) -> UserError:
    detail = type(exc).__name__
    if isinstance(exc, KeyError):
        detail = f"a part is missing: {exc.args[0] if exc.args else ''}".rstrip(": ")
    return UserError(
        f"not a readable {kind} workbook ({detail})", where=Where(file=where), hint=_AGAIN
    )
