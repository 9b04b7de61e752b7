"""Reading the mail-merge data as people export it: CSV in any common encoding and delimiter,
or an Excel workbook. Every value stays a string (postcodes keep their leading zeros)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import UserError, Where
from .decode import REPLACEMENT, decode

DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


_NOTHING: frozenset[str] = frozenset()
_SHARED_COLUMNS: dict[tuple[str, ...], tuple[str, ...]] = {}
_JOIN = "\x00"  # never in a cell: the csv module refuses NUL, and XML cannot hold it


class Row:
    """One data row: its number as a spreadsheet shows it (the header is row 1), its values by
    column, and problems found while reading it (column, message, hint).

    Stored compactly (the cells joined in one string, the column names shared by all rows),
    so that a table of many thousand rows costs little memory, in this process and in the
    worker processes forked from it; ``values`` builds the dict when asked."""

    __slots__ = ("number", "_columns", "_cells", "problems", "numeric")

    def __init__(self, number: int, values: dict[str, str],
                 problems: tuple[tuple[str, str, str], ...] = (),
                 numeric: frozenset[str] = _NOTHING) -> None:
        columns = tuple(values)
        self.number = number
        self._columns = _SHARED_COLUMNS.setdefault(columns, columns)
        cells = tuple(values.values())
        self._cells: str | tuple[str, ...] = (
            _JOIN.join(cells) if not any(_JOIN in c for c in cells) else cells)
        self.problems = problems
        self.numeric = numeric or _NOTHING

    @property
    def values(self) -> dict[str, str]:
        cells = self._cells
        return dict(zip(self._columns, cells.split(_JOIN) if isinstance(cells, str) else cells))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Row) and (self.number, self.values, self.problems,
                                           self.numeric) == (other.number, other.values,
                                                             other.problems, other.numeric)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"Row(number={self.number}, values={self.values!r}, problems={self.problems!r},"
                f" numeric={set(self.numeric) or '{}'})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Row, (self.number, self.values, self.problems, self.numeric))


@dataclass(frozen=True)
class Table:
    """The header and the non-empty rows of the data file."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    origin: str
    encoding: str = ""
    delimiter: str = ""
    notes: tuple[str, ...] = field(default=())


def read_table(path: str | Path, *, delimiter: str | None = None, sheet: str | None = None,
               encoding: str | None = None) -> Table:
    """Read a ``.csv``/``.tsv``/``.txt`` or ``.xlsx`` file; raise UserError if unusable."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise UserError(f"{suffix} files cannot be read", where=Where(file=where),
                        hint="save the sheet as .xlsx or as CSV (UTF-8)")
    if not path.is_file():
        raise UserError("data file not found", where=Where(file=where), hint="check the path")
    if suffix in (".xlsx", ".xlsm"):
        if delimiter:
            raise UserError("--delimiter applies to CSV files only",
                            where=Where(option="--delimiter"))
        return _read_xlsx(path, sheet)
    if sheet:
        raise UserError("--sheet applies to .xlsx files only", where=Where(option="--sheet"))
    return _read_csv(path, delimiter, encoding)


def parse_delimiter(text: str) -> str:
    """A --delimiter value: one character, or a name (tab, comma, semicolon, pipe)."""
    value = _DELIMITER_NAMES.get(text.lower(), text)
    if len(value) != 1 or value in "\"\r\n":
        raise UserError(f"{text!r} cannot be a delimiter", where=Where(option="--delimiter"),
                        hint="give one character such as ';' or the word 'tab'")
    return value


def sniff_delimiter(text: str) -> str:
    """The candidate that occurs most often, outside quotes, in the header line."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            break
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path, delimiter: str | None, encoding: str | None) -> Table:
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the data file ({exc.strerror})",
                        where=Where(file=where)) from None
    decoded = decode(raw, where, encoding)
    text = decoded.text
    delim = parse_delimiter(delimiter) if delimiter else sniff_delimiter(text)

    def records() -> Iterator[tuple[int, list[str]]]:
        """The records one by one (never all at once: a big file's lists would cost more
        memory than its rows)."""
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"',
                            strict=False)
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as exc:
            raise UserError(f"not readable as CSV: {exc}", where=Where(file=where),
                            hint="export the sheet again as CSV") from None

    table = _build(records, where, decoded.encoding, delim)
    if decoded.replaced:
        table = _flag_replacements(table, decoded.encoding)
    return table


def _build(records: Callable[[], Iterator[tuple[int, list[str]]]], where: str,
           encoding: str, delimiter: str,
           numeric: dict[int, frozenset[str]] | None = None) -> Table:
    """Header from the first non-empty record, rows from the rest (blank rows skipped).
    ``records`` gives a fresh pass over the records each time it is called."""
    body = (item for item in records() if any(v.strip() for v in item[1]))
    first = next(body, None)
    if first is None:
        raise UserError("the data file has no header row", where=Where(file=where),
                        hint="the first row must name the columns")
    header_no, header = first
    names = [_clean_header(h) for h in header]
    used = [bool(name) for name in names]
    if not all(used):  # a second pass finds values under nameless columns
        for number, rec in records():
            if number > header_no:
                for i, value in enumerate(rec[:len(names)]):
                    used[i] = used[i] or bool(value.strip())
    for i, name in enumerate(names):
        if not name and used[i]:
            raise UserError(f"column {i + 1} has values but no name in the header row",
                            where=Where(file=where, row=header_no),
                            hint="give the column a name or delete it")
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise UserError(f"column {name!r} appears twice in the header row",
                            where=Where(file=where, row=header_no), hint="rename one of them")
        seen.add(name)
    keep = [i for i, name in enumerate(names) if name]
    columns = tuple(names[i] for i in keep)
    rows = []
    for number, rec in body:  # the rest of the pass that found the header
        values = {names[i]: _clean_value(rec[i]) if i < len(rec) else "" for i in keep}
        problems = []
        extra = [v for v in rec[len(names):] if v.strip()]
        if extra:
            problems.append(("", f"the row has {len(rec)} values but the header names "
                                 f"{len(names)} columns",
                             "quote values that contain the delimiter "
                             f"{_show(delimiter)}, or check for a stray one"))
        rows.append(Row(number, values, tuple(problems),
                        (numeric or {}).get(number, frozenset())))
    if not rows:
        raise UserError("the data file has a header but no rows", where=Where(file=where))
    return Table(columns, tuple(rows), where, encoding, delimiter)


def _show(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else repr(delimiter)


def _clean_header(name: str) -> str:
    return name.replace("\ufeff", "").replace("\u00a0", " ").strip()


def _clean_value(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _flag_replacements(table: Table, encoding: str) -> Table:
    rows = []
    for row in table.rows:
        bad = [col for col, value in row.values.items() if REPLACEMENT in value]
        problems = row.problems + tuple(
            (col, f"undecodable bytes (the file was read as {encoding})",
             "save the data as 'CSV UTF-8' or give --encoding") for col in bad)
        rows.append(Row(row.number, row.values, problems, row.numeric))
    return Table(table.columns, tuple(rows), table.origin, table.encoding, table.delimiter)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    where = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise UserError(f"not a readable .xlsx workbook ({type(exc).__name__})",
                        where=Where(file=where),
                        hint="open it in a spreadsheet program and save it again") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise UserError(f"no sheet named {sheet!r}", where=Where(file=where),
                                hint=f"sheets: {', '.join(book.sheetnames)}")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        records: list[tuple[int, list[str]]] = []
        numeric: dict[int, set[int]] = {}
        for number, cells in enumerate(ws.iter_rows(), start=1):
            values = []
            for i, cell in enumerate(cells):
                value = cell.value
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    numeric.setdefault(number, set()).add(i)
                values.append(cell_text(value, getattr(cell, "number_format", "General")))
            records.append((number, values))
    finally:
        book.close()
    header = next((rec for _, rec in records if any(v.strip() for v in rec)), [])
    names = [_clean_header(h) for h in header]
    numeric_cols = {n: frozenset(names[i] for i in cols if i < len(names) and names[i])
                    for n, cols in numeric.items()}
    title = f"{where} [{ws.title}]" if sheet else where
    return _build(lambda: iter(records), title, "xlsx", "", numeric_cols)


def cell_text(value: Any, number_format: str = "General") -> str:
    """An Excel cell as the text it shows: whole numbers without '.0', zero-padded where the
    cell's format pads (a postcode formatted '00000'), dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        fmt = number_format or ""
        if fmt and set(fmt) == {"0"}:
            return str(value).zfill(len(fmt))
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)
