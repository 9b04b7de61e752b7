"""The mail-merge data as rows: the header, then one ``Row`` per non-empty record, whichever
file it came from (CSV in :mod:`.csvdata`, workbooks in :mod:`.workbook`).

Every value is the text the cell shows (postcodes keep their leading zeros); a cell that holds
a number, date or time in a workbook also keeps that value (``Row.typed``), which the filters
use instead of reading the text back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale
from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where
from ..limits import MAX_PARAGRAPH_CHARS

_NOTHING: frozenset[str] = frozenset()
_JOIN = "\x00"  # never in a cell: the csv module refuses NUL, and XML cannot hold it

Problem = tuple[str, str, str]  # column, what, hint
# One record of a data file: its row number, the texts of its cells, and the typed values
# of the cells that hold numbers, dates or times (by cell index).
Record = tuple[int, list[str], dict[int, Any]]
# The typed value of a formula cell whose result the workbook does not keep.
NO_RESULT = object()
_NO_RESULT_PROBLEM = (
    "the cell holds a formula whose result the file does not keep",
    "open the file in Excel or LibreOffice and save it: the results are then kept",
)
# The error values a formula shows, as Excel and LibreOffice write them into a workbook (always
# in English there) and, as the sheet shows them, into a CSV export (English, German, French);
# LibreOffice's own are "Err:502" and the like. No name or address is one of these.
CELL_ERRORS = frozenset(
    "#N/A #DIV/0! #VALUE! #REF! #NAME? #NUM! #NULL! #SPILL! #CALC! #FIELD! #BLOCKED! "
    "#CONNECT! #BUSY! #UNKNOWN! #GETTING_DATA #NV #WERT! #BEZUG! #ZAHL! #VALEUR! #NOM? "
    "#NOMBRE! #NUL!".split()
)
_LIBREOFFICE_ERROR = re.compile(r"Err:\d{3}")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def cell_error(text: str) -> bool:
    """Whether a cell's text is a spreadsheet's error value (``#DIV/0!``, ``Err:502``)."""
    return text in CELL_ERRORS or _LIBREOFFICE_ERROR.fullmatch(text) is not None


def _long(column: str, text: str) -> Problem | None:
    """A cell with a paragraph longer than a letter may have (laying out a paragraph takes
    time that grows with its length): a problem of its row where the template reads it."""
    longest = max(len(p) for p in _PARAGRAPHS.split(text)) if len(text) > MAX_PARAGRAPH_CHARS else 0
    if longest <= MAX_PARAGRAPH_CHARS:
        return None
    what = "the cell has" if longest == len(text) else "a paragraph in the cell has"
    return (
        column,
        f"{what} {longest:,} characters; a paragraph of a letter may have at most "
        f"{MAX_PARAGRAPH_CHARS:,}",
        "shorten it in the spreadsheet",
    )


def _error_problem(column: str, text: str) -> Problem:
    return (
        column,
        f"the cell holds the spreadsheet error {text}",
        "fix the formula in the spreadsheet and save the file again",
    )


class Row:
    """One data row: its number as a spreadsheet shows it (the header is row 1), its values by
    column, problems found while reading it (column, message, hint), and the typed values of
    cells that hold numbers, dates or times.

    Stored compactly (the cells joined in one string, the column names the table's own tuple),
    so that a table of many thousand rows costs little memory, in this process and in the
    worker processes forked from it; ``values`` builds the dict when asked."""

    __slots__ = ("number", "columns", "_cells", "problems", "typed")

    def __init__(
        self,
        number: int,
        columns: tuple[str, ...],
        cells: tuple[str, ...],
        problems: tuple[Problem, ...] = (),
        typed: dict[str, Any] | None = None,
    ) -> None:
        self.number = number
        self.columns = columns
        self._cells: str | tuple[str, ...] = (
            _JOIN.join(cells) if not any(_JOIN in c for c in cells) else cells
        )
        self.problems = problems
        self.typed = typed or None

    @property
    def values(self) -> dict[str, str]:
        cells = self._cells
        return dict(zip(self.columns, cells.split(_JOIN) if isinstance(cells, str) else cells))

    @property
    def numeric(self) -> frozenset[str]:
        """The columns whose cell holds a number (not text) in the spreadsheet."""
        if not self.typed:
            return _NOTHING
        return frozenset(c for c, v in self.typed.items() if isinstance(v, (int, Decimal)))

    def with_problems(self, problems: tuple[Problem, ...]) -> Row:
        """The same row with more problems."""
        row = Row(self.number, self.columns, (), self.problems + problems, self.typed)
        row._cells = self._cells
        return row

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Row) and (self.number, self.values, self.problems, self.typed) == (
            other.number,
            other.values,
            other.problems,
            other.typed,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Row(number={self.number}, values={self.values!r}, problems={self.problems!r},"
            f" typed={self.typed!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        cells = self._cells
        return (
            Row,
            (
                self.number,
                self.columns,
                tuple(cells.split(_JOIN)) if isinstance(cells, str) else cells,
                self.problems,
                self.typed,
            ),
        )


Differing = tuple[int, str, str, str]  # row, column, as read, as another code page reads it
Doubt = tuple[int, str, str, str]  # row, column, what, hint: a warning found while reading


class Rounded(Struct, frozen=True):
    """The typed value of a number cell whose format shows it rounded, as a code of digits
    (``00000``: 1067.5 shows 01068): a warning of its row, then the number it holds."""

    value: Decimal


class Doubted(Struct, frozen=True):
    """The typed value of a cell that prints as its sheet shows it, doubtfully (a date whose
    format names its months in another language than the letter's): a warning of its row
    (``what``, ``hint``), then the value it holds."""

    value: Any
    what: str
    hint: str


class Alike(Struct, frozen=True):
    """A CSV file's code page, another one whose letters fit as well (:mod:`.alike`), and the
    cells they read differently."""

    encoding: str
    other: str
    cells: tuple[Differing, ...]


class Table(Struct, frozen=True):
    """The header and the non-empty rows of the data file; ``eight_bit`` when the file was
    read in a one-byte code page (where letters outside it may have become ``?``); ``alike``
    when another code page would have read it as well, with other letters."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    origin: str
    encoding: str = ""
    delimiter: str = ""
    notes: tuple[str, ...] = ()
    eight_bit: bool = False
    header_row: int = 1  # as the spreadsheet numbers it (blank rows above it are skipped)
    alike: Alike | None = None
    doubts: tuple[Doubt, ...] = ()


Reader = Callable[[Path, "ReadOptions"], Table]
# The workbook kinds, each with its reader in .workbook (imported for workbooks only: with
# Babel's date patterns, time zones and an XML parser it costs a CSV run 23 M instructions).
WORKBOOKS = {
    ".xlsx": "read_xlsx",
    ".xlsm": "read_xlsx",
    ".xls": "read_calamine",
    ".ods": "read_calamine",
}


class ReadOptions(Struct, frozen=True):
    """How to read a data file: CSV delimiter and encoding, the worksheet, and the locale
    whose separators and month names formatted cells show."""

    delimiter: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    locale: str = "en"
    sheet_option: str = "--sheet"  # the option that names the worksheet ("--worksheet")

    def babel_locale(self) -> Locale:
        try:
            return Locale.parse(self.locale.replace("-", "_"))
        except (ValueError, TypeError, LookupError):
            return Locale.parse("en")


def read_table(
    path: str | Path,
    *,
    delimiter: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    locale: str = "en",
    sheet_option: str = "--sheet",
) -> Table:
    """Read a ``.csv``/``.tsv``/``.txt``, ``.xlsx``, ``.xls`` or ``.ods`` file (``-``: standard
    input, its kind told by its first bytes); raise UserError if unusable. ``sheet_option``
    is how the command names the worksheet option (``labels``: ``--worksheet``)."""
    from . import csvdata

    if str(path) == "-":
        from .stdin import read_stdin_table

        return read_stdin_table(ReadOptions(delimiter, sheet, encoding, locale, sheet_option))
    path = Path(path)
    where = Where(file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".numbers":
        raise UserError(
            ".numbers files cannot be read",
            where=where,
            hint="export the sheet from Numbers as .xlsx or as CSV (UTF-8)",
        )
    if not path.exists():
        raise UserError("data file not found", where=where, hint="check the path")
    if not path.is_file():
        raise UserError("is not a file", where=where, hint="give a .csv, .xlsx, .xls or .ods file")
    kind, misnamed = _kind(path, suffix)  # misnamed: what the file is, when its name says not
    reader = WORKBOOKS.get(kind)
    told = f" ({path} is {misnamed})" if misnamed else ""
    if reader is not None and delimiter:
        raise UserError(
            f"--delimiter applies to CSV files only{told}", where=Where(option="--delimiter")
        )
    if reader is not None and encoding:
        raise UserError(
            f"--encoding applies to CSV files only{told}", where=Where(option="--encoding")
        )
    if reader is None and sheet:
        raise UserError(
            f"{sheet_option} applies to workbooks (.xlsx, .xls, .ods) only{told}",
            where=Where(option=sheet_option),
        )
    options = ReadOptions(delimiter, sheet, encoding, locale, sheet_option)
    if reader is None:
        table = csvdata.read_csv(path, options)
    else:
        from . import workbook

        read: Reader = getattr(workbook, reader)
        table = workbook.read_as(path, kind, options) if misnamed else read(path, options)
    if not misnamed:
        return table
    name = f"its name ends in {suffix!r}" if suffix else "its name has no extension"
    note = f"the file is {misnamed}, though {name}; read as one"
    return replace(table, notes=(*table.notes, note))


def _kind(path: Path, suffix: str) -> tuple[str, str]:
    """The file's kind (``.csv`` or a key of ``WORKBOOKS``) told by its first bytes, and what
    it is ("an .xlsx workbook") when its name says otherwise, else ""; raise UserError for a
    file that is no data file."""
    from .sniff import HEAD, kind_of, refusal

    try:
        with path.open("rb") as file:
            head = file.read(HEAD)
    except OSError:
        return (suffix if suffix in WORKBOOKS else ".csv"), ""  # the reader says why
    kind, what = kind_of(head, path)
    if not kind:
        raise refusal(str(path), what)
    named = ".xlsx" if suffix == ".xlsm" else suffix
    if kind == named or (kind == ".csv" and named not in WORKBOOKS):
        return (suffix if kind != ".csv" else kind), ""
    return kind, what


def build(
    records: Callable[[], Iterator[Record]],
    where: str,
    encoding: str,
    delimiter: str,
    eight_bit: bool = False,
) -> Table:
    """Header from the first non-empty record, rows from the rest (blank rows skipped).
    ``records`` gives a fresh pass over the records each time it is called."""
    body = (item for item in records() if any(v.strip() for v in item[1]))
    first = next(body, None)
    if first is None:
        raise UserError(
            "the data file has no header row",
            where=Where(file=where),
            hint="the first row must name the columns",
        )
    header_no, header, _ = first
    names = [clean_header(h) for h in header]
    if any("\ufffd" in name for name in names):  # not a column name to suggest: an encoding
        raise UserError(
            f"the header row has characters that could not be read as {encoding}",
            where=Where(file=where, row=header_no),
            hint='save the sheet as "CSV UTF-8", or give --encoding (e.g. cp1252)',
        )
    used = [bool(name) for name in names]
    if not all(used):  # a second pass finds values under nameless columns
        for number, rec, _ in records():
            if number > header_no:
                for i, value in enumerate(rec[: len(names)]):
                    used[i] = used[i] or bool(value.strip())
    for i, name in enumerate(names):
        if not name and used[i]:
            titled = sum(map(bool, names)) == 1  # one filled cell: a title, not a header
            raise UserError(
                f"column {i + 1} has values but no name in the header row",
                where=Where(file=where, row=header_no),
                hint=_titled_hint(records, header_no)
                if titled
                else "give the column a name or delete it",
            )
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise UserError(
                f"column {name!r} appears twice in the header row",
                where=Where(file=where, row=header_no),
                hint="rename one of them",
            )
        seen.add(name)
    keep = [i for i, name in enumerate(names) if name]
    columns = tuple(names[i] for i in keep)
    rows = []
    doubts: list[Doubt] = []
    for number, rec, typed in body:  # the rest of the pass that found the header
        cells = tuple(_clean_value(rec[i]) if i < len(rec) else "" for i in keep)
        problems: tuple[Problem, ...] = ()
        extra = [v for v in rec[len(names) :] if v.strip()]
        if extra:
            problems = (_beyond(rec, extra, len(names), delimiter),)
        if max(map(len, cells), default=0) > MAX_PARAGRAPH_CHARS:
            problems += tuple(p for n, c in zip(columns, cells) if (p := _long(n, c)))
        if any(c[:1] == "#" or c[:4] == "Err:" for c in cells):
            problems += tuple(
                _error_problem(name, c) for name, c in zip(columns, cells) if cell_error(c)
            )
        unsaved = [i for i in keep if typed.get(i) is NO_RESULT] if typed else []
        if unsaved:
            problems += tuple((names[i], *_NO_RESULT_PROBLEM) for i in unsaved)
            typed = {i: v for i, v in typed.items() if v is not NO_RESULT}
        if typed and any(isinstance(v, (Rounded, Doubted)) for v in typed.values()):
            doubts += [
                (number, names[i], *_doubt(v, rec[i]))
                for i, v in typed.items()
                if isinstance(v, (Rounded, Doubted)) and i in keep
            ]
            typed = {
                i: v.value if isinstance(v, (Rounded, Doubted)) else v for i, v in typed.items()
            }
        if delimiter and any("E+" in c for c in cells):  # a CSV keeps what the sheet showed
            doubts += [
                (number, name, *_shortened(c))
                for name, c in zip(columns, cells)
                if _SHORTENED.fullmatch(c.strip())
            ]
        values = {names[i]: typed[i] for i in keep if i in typed} if typed else None
        rows.append(Row(number, columns, cells, problems, values))
    if not rows:
        raise UserError(
            "the data file has a header but no rows",
            where=Where(file=where),
            hint="add a row below the header for each letter and save the file again",
        )
    return Table(
        columns,
        tuple(rows),
        where,
        encoding,
        delimiter,
        eight_bit=eight_bit,
        header_row=header_no,
        doubts=tuple(doubts),
    )


def _doubt(typed: Rounded | Doubted, shown: str) -> tuple[str, str]:
    """What is doubtful about a cell that shows ``shown``, and what to do."""
    if isinstance(typed, Doubted):
        return typed.what, typed.hint
    return _rounded(typed.value, shown)


# A long number as a spreadsheet shows it in General in a column too narrow for its digits
# (1.23457E+11; German 1,23457E+11), which a CSV export keeps.
_SHORTENED = re.compile(r"-?\d(?:[.,]\d+)?E\+\d{2,3}")


def _shortened(shown: str) -> tuple[str, str]:
    """The warning for a CSV cell that holds a long number cut short (1.23457E+11)."""
    shown = shown.strip()
    return (
        f"the cell holds {shown!r}, a long number as a spreadsheet shows it in a narrow "
        "column: its other digits are not in the file",
        f"{shown!r} is printed; in the spreadsheet give the column the Number format without "
        "decimals (a code of more than 15 digits: Text, and type it again) and export again",
    )


def _rounded(value: Decimal, shown: str) -> tuple[str, str]:
    """The warning for a cell whose format shows its number rounded (1067.5 as 01068)."""
    held = format(value.normalize(), "f")
    return (
        f"the cell holds {held}, which its format shows rounded, as {shown.strip()!r}",
        f"{shown.strip()!r} is printed; correct the cell if that is not the code",
    )


def _beyond(rec: list[str], extra: list[str], named: int, delimiter: str) -> Problem:
    """A row with values right of the columns the header names: in a CSV, more fields than
    the header (a value holding the delimiter unquoted); in a workbook, whose cells need no
    quotes, a note beside the table, which the message shows so it can be found."""
    if delimiter:
        return (
            "",
            f"the row has {len(rec)} values but the header names {named} columns",
            f"quote values that contain the delimiter {_show(delimiter)}, or check for a stray one",
        )
    shown = extra[0] if len(extra[0]) <= 40 else extra[0][:37] + "..."
    more = ", ..." if len(extra) > 1 else ""
    values = "a value" if len(extra) == 1 else f"{len(extra)} values"
    return (
        "",
        f"the row has {values} right of the {named} columns the header names ({shown!r}{more})",
        "name every column in the header row, or delete the values right of the named columns",
    )


def listed(columns: Iterable[str]) -> str:
    """Column names for a message, with characters that are not printable escaped (a header
    may hold control characters; a terminal must not get them)."""
    return ", ".join(
        "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name) for name in columns
    )


_TITLE_ROWS = 5  # a title above a list takes a line or two, and maybe a date or a note
_DELIMITER_WORDS = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}


def _titled_hint(records: Callable[[], Iterator[Record]], title: int) -> str:
    """The title hint for a header row of one filled cell: the real header is the first
    row below it, within a few rows, with two or more filled cells (a blank row or a note
    between the title and the header is part of what to delete)."""
    for number, rec, _ in records():
        if number > title + _TITLE_ROWS:
            break
        if number > title and sum(1 for v in rec if v.strip()) > 1:
            return title_hint(title, number - 1)
    return title_hint(title)


def title_hint(row: int, last: int = 0) -> str:
    """What to do about a title in ``row`` (to ``last``, when it takes several rows) above
    the header."""
    if last > row:
        return (
            f"rows {row} {'and' if last == row + 1 else 'to'} {last} look like a title: "
            f"delete them so the column names are "
            f"in row {row}"
        )
    return f"row {row} looks like a title: delete it so the column names are in row {row}"


def column_hint(table: Table, wanted: str = "") -> str:
    """What to do about the column ``wanted``, which the template uses and the data lacks,
    when the header is not what it should be: a header of one column is the header joined by
    a delimiter other than the one used (a wrong --delimiter), or a title above the header
    when the rows below hold more values than it names, hold delimiters, or hold the name
    ``wanted`` (the real header of a one-column list); else ''."""
    if len(table.columns) == 1:
        name = table.columns[0]
        header = next(
            (
                row.number
                for row in table.rows[:_TITLE_ROWS]
                if wanted and clean_header(row.values.get(name, "")) == wanted
            ),
            0,
        )
        if header:
            return title_hint(table.header_row, header - 1)
        joined = max(_DELIMITER_WORDS, key=name.count)
        if table.delimiter and name.count(joined):
            return (
                f"the header has {_show(joined)} in it: leave out --delimiter or use "
                f"--delimiter {_DELIMITER_WORDS[joined]}"
            )
        below = table.rows[0].values.get(name, "")  # in a CSV, the header row joined
        wider = next(  # the real header: the first row with more values than the title
            (row.number for row in table.rows if any(not c for c, _, _ in row.problems)), 0
        )
        if wider or (table.delimiter and any(d in below for d in _DELIMITER_WORDS)):
            first = table.rows[0].number
            last = wider - 1 if table.header_row < wider <= table.header_row + _TITLE_ROWS else 0
            return title_hint(table.header_row, last or first - 1)
    return ""


def _show(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else repr(delimiter)


def clean_header(name: str) -> str:
    """A header cell as a column name: no BOM, no-break spaces as spaces, trimmed."""
    return name.replace("\ufeff", "").replace("\u00a0", " ").strip()


def _clean_value(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()
