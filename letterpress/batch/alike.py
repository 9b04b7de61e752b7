"""A CSV file whose letters read as well in two code pages (cp850's ``Änne`` is cp1252's
``Žnne`` byte for byte, and no word tells which was meant): the cells the other code page
reads differently, and the one warning line that names the first of them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .table import Alike, Differing, clean_header

_SHOWN = 40  # characters of a cell shown in the warning


def differing(text: str, other: str, delimiter: str, first_row: int = 1) -> tuple[Differing, ...]:
    """The cells whose text differs in the two readings ``text`` and ``other`` of the same
    bytes (one character a byte, so their records match one for one), row by row; the
    header row names the columns."""
    if text == other:
        return ()
    found: list[Differing] = []
    names: list[str] | None = None
    rows = zip(_records(text, delimiter), _records(other, delimiter), strict=False)
    for number, (read, alt) in enumerate(rows, start=first_row):
        if names is None:
            if any(cell.strip() for cell in read):
                names = [clean_header(cell) for cell in read]
            continue
        found += [
            (number, names[i], a, b)
            for i, (a, b) in enumerate(zip(read, alt, strict=False))
            if a != b and i < len(names) and names[i]
        ]
    return tuple(found)


def _records(text: str, delimiter: str) -> Iterable[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)


def first_differing(
    alike: Alike | None, rows: Iterable[int], columns: Iterable[str] | None = None
) -> Differing | None:
    """The first differing cell among ``rows`` (the rows read: ``--rows`` may pick some) and
    ``columns`` (any column when None)."""
    if alike is None:
        return None
    read = set(rows)
    wanted = None if columns is None else set(columns)
    return next(
        (c for c in alike.cells if c[0] in read and (wanted is None or c[1] in wanted)), None
    )


def warning(alike: Alike, cell: Differing) -> tuple[str, str]:
    """What (the reading chosen, and the other) and what to do, for ``cell``."""
    _, _, read, other = cell
    return (
        f"the file reads as {alike.encoding} and as {alike.other} alike; read as "
        f"{alike.encoding}: {_shown(read)!r} (as {alike.other}: {_shown(other)!r})",
        f"if the sheet says {_shown(other)!r}, give --encoding {alike.other}",
    )


def _shown(value: str) -> str:
    return value if len(value) <= _SHOWN else value[: _SHOWN - 3] + "..."
