"""What a data file is, told by its first bytes, not its name: a portal's ``export.csv`` may be
an ``.xlsx`` workbook, a file may have no extension, and a PDF or a picture may be given by
mistake. A zip is an ``.xlsx`` or an ``.ods`` (or no spreadsheet: a Word document), an OLE
compound file an ``.xls``, text is CSV, and anything else is refused with one line instead of
being read as CSV and its bytes shown as column names."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ..errors import UserError, Where
from ..filekind import known_kind
from .decode import looks_utf16

HEAD = 8192  # bytes read to tell the kind
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1a")
HINT = "save the sheet as .xlsx, .ods or CSV and give that file"


def kind_of(head: bytes, source: Path | BinaryIO) -> tuple[str, str]:
    """``(reader, what)``: the reader's kind (``.xlsx``, ``.ods``, ``.xls``, ``.csv``), or
    ``""`` with what the file is (``a PDF``; ``""`` for binary of no known kind). ``head``
    is the file's first bytes, ``source`` the file, opened only for a zip's parts."""
    known = known_kind(head, source)
    if known is not None:
        return known
    if _binary(head):
        return "", ""
    return ".csv", "a CSV file"


def refusal(where: str, what: str) -> UserError:
    """The one line for a file that is no data file."""
    return UserError(
        f"this is {what}, not a spreadsheet" if what else "not a spreadsheet or a text file",
        where=Where(file=where),
        hint=f"open it in the spreadsheet program and {HINT}"
        if what.startswith("a web page")
        else HINT,
    )


def _binary(head: bytes) -> bool:
    """Bytes no text file holds: NUL (outside UTF-16) or many control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_utf16(head):
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > 4 and controls * 50 > len(head)  # a stray one is a typing slip
