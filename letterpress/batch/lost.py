"""Characters an export lost: ``?`` where a one-byte code page had no letter (Excel's "CSV
(Windows)" writes ``?ukasz`` for Łukasz, ``Y?lmaz`` for Yılmaz), and U+FFFD where bytes could
not be read. A letter must not carry them into the window, the salutation or the bookmark."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .decode import REPLACEMENT
from .table import Table

# A "?" directly before a letter: inside a word (Y?lmaz) or at its start (?ukasz). A "?" after
# a word or alone ("Kim?", "? ") is punctuation, written on purpose.
_LOST = re.compile(r"\?+(?=[^\W\d_])")
WHAT = "a character was lost when the sheet was saved"
HINT = 'save the sheet as "CSV UTF-8" or .xlsx and use that file'


def lost_characters(table: Table, people: Iterable[str]) -> list[tuple[int, str, str, str]]:
    """(row, column, what, hint) for every cell that lost a character: U+FFFD in any column;
    a ``?`` before a letter in the name and address columns ``people`` of a file read in a
    one-byte code page."""
    watched = set(people) if table.eight_bit else set()
    out = []
    for row in table.rows:
        for column, value in row.values.items():
            if REPLACEMENT in value or (column in watched and _LOST.search(value)):
                shown = value if len(value) <= 40 else value[:37] + "..."
                out.append((row.number, column, f"{WHAT} ({shown!r})", HINT))
    return out
