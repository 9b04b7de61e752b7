"""What a data file is, told by its first bytes, not its name: a portal's ``export.csv`` may be
an ``.xlsx`` workbook, a file may have no extension, and a PDF or a picture may be given by
mistake. A zip is an ``.xlsx`` or an ``.ods`` (or no spreadsheet: a Word document), an OLE
compound file an ``.xls``, text is CSV, and anything else is refused with one line instead of
being read as CSV and its bytes shown as column names."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from ..errors import UserError, Where
from .decode import looks_utf16

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of an .xls (or an old .doc)
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
HEAD = 8192  # bytes read to tell the kind
# Files given by mistake, by their first bytes.
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
)
# Zip files that are documents, not sheets, by a part they hold.
_ZIP_DOCUMENTS = (
    ("word/", "a Word document"),
    ("ppt/", "a PowerPoint presentation"),
)
# Web portals save an HTML table (or Excel's XML) under the name .xls; Excel opens it.
_MARKUP = (b"<!doctype html", b"<html", b"<table", b"<?xml")
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1a")
HINT = "save the sheet as .xlsx, .ods or CSV and give that file"


def kind_of(head: bytes, source: Path | BinaryIO) -> tuple[str, str]:
    """``(reader, what)``: the reader's kind (``.xlsx``, ``.ods``, ``.xls``, ``.csv``), or
    ``""`` with what the file is (``a PDF``; ``""`` for binary of no known kind). ``head``
    is the file's first bytes, ``source`` the file, opened only for a zip's parts."""
    if head.startswith(OLE):
        return ".xls", "an .xls workbook"
    if head.startswith(ZIP):
        return _zip_kind(source)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return "", what
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower().startswith(_MARKUP):
        return "", "a web page (HTML) or an XML file"
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


def _zip_kind(source: Path | BinaryIO) -> tuple[str, str]:
    """A zip's kind by its parts; one that cannot be opened is left to the ``.xlsx`` reader,
    which says what is wrong with it."""
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= len(_ODS) + 2 and archive.read(info).strip() == _ODS:
                    return ".ods", "an .ods workbook"
                return "", "an OpenDocument file other than a spreadsheet"
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        return ".xlsx", "an .xlsx workbook"
    finally:
        if not isinstance(source, Path):
            source.seek(0)
    if any(name.startswith("xl/") for name in names):
        return ".xlsx", "an .xlsx workbook"
    for prefix, what in _ZIP_DOCUMENTS:
        if any(name.startswith(prefix) for name in names):
            return "", what
    return "", "a zip archive"


def _binary(head: bytes) -> bool:
    """Bytes no text file holds: NUL (outside UTF-16) or many control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_utf16(head):
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > 4 and controls * 50 > len(head)  # a stray one is a typing slip
