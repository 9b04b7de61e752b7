"""Row numbers as a spreadsheet shows them (the header is row 1): ``--rows 2-5,12`` read, and
lists of rows written back short for a message (``rows 2-21``, ``rows 2, 5, 9-11 and 3 more``)."""

from __future__ import annotations

from collections.abc import Iterable

from msgspec.structs import replace

from ..errors import UserError, Where
from .table import Table

SHOWN_SPANS = 5  # spans a message lists before "and N more"
MAX_ROW = 1_048_576  # the last row of an Excel or LibreOffice sheet


def parse_rows(text: str) -> set[int]:
    """``--rows``: "7", "2-5", "2-5,12" as row numbers; a UserError for anything else."""
    hint = "write row numbers as the spreadsheet shows them, e.g. 7, 2-5 or 2-5,12"
    rows: set[int] = set()
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        try:
            low, high = int(first), int(last) if dash else int(first)
        except ValueError:
            raise UserError(
                f"{text!r} is not a list of rows", where=Where(option="--rows"), hint=hint
            ) from None
        if low < 1 or high < low:
            raise UserError(
                f"{part!r} is not a range of rows", where=Where(option="--rows"), hint=hint
            )
        if high > MAX_ROW:
            raise UserError(
                f"{part!r} is more rows than a spreadsheet has",
                where=Where(option="--rows"),
                hint=hint,
            )
        rows.update(range(low, high + 1))
    return rows


def spans(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted numbers as runs: [2, 3, 4, 7] -> [(2, 4), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def rows_text(numbers: Iterable[int]) -> str:
    """ "row 5", "rows 2-21", "rows 2, 5, 9-11, 14, 20 and 3 more"."""
    runs = spans(numbers)
    shown = [f"{a}-{b}" if b > a else str(a) for a, b in runs[:SHOWN_SPANS]]
    if len(runs) == 1 and runs[0][0] == runs[0][1]:
        return f"row {shown[0]}"
    more = sum(b - a + 1 for a, b in runs[SHOWN_SPANS:])
    if more:
        return f"rows {', '.join(shown)} and {more} more"
    return "rows " + (", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0])


def all_rows(count: int) -> str:
    """'the row' or 'all 3 rows': every row of a run, as a message says it."""
    return "the row" if count == 1 else f"all {count} rows"


def select_rows(table: Table, wanted: str | None) -> Table:
    """``--rows``: the table with only the rows asked for; every one must be a data row."""
    if wanted is None:
        return table
    numbers = parse_rows(wanted)
    have = {row.number for row in table.rows}
    missing = numbers - have
    if missing:
        first, last = table.rows[0].number, table.rows[-1].number
        raise UserError(
            f"no data in {rows_text(missing)}",
            where=Where(file=table.origin, option="--rows"),
            hint=f"its data rows are {first}-{last} (row {table.header_row} is the header; blank "
            "rows are skipped)",
        )
    return replace(table, rows=tuple(row for row in table.rows if row.number in numbers))
