"""What a file is, told by its first bytes, not its name: a workbook (``.xlsx``, ``.ods``,
``.xls``), or a document, picture or web page given where a letter file or a data file belongs.
The batch reads data files by it (:mod:`.batch.sniff`), the letter file's reader names the
document it was given instead (:mod:`.source`)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of an .xls (or an old .doc)
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream every .doc holds
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
_ODT = b"application/vnd.oasis.opendocument.text"
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


def known_kind(head: bytes, source: Path | BinaryIO) -> tuple[str, str] | None:
    """``(reader, what)`` for a file its first bytes ``head`` tell: the workbook reader's kind
    (``.xlsx``, ``.ods``, ``.xls``) or ``""`` for no spreadsheet, and what it is (``a PDF``,
    ``a Word document``); None for any other file (text, or binary of no known kind).
    ``source`` is the file, opened only for a zip's parts."""
    if head.startswith(OLE):
        if _WORD_STREAM in head:
            return "", "a Word document (.doc)"
        return ".xls", "an .xls workbook"
    if head.startswith(ZIP):
        return _zip_kind(source)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return "", what
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower().startswith(_MARKUP):
        return "", "a web page (HTML) or an XML file"
    return None


def _zip_kind(source: Path | BinaryIO) -> tuple[str, str]:
    """A zip's kind by its parts; one that cannot be opened is left to the ``.xlsx`` reader,
    which says what is wrong with it."""
    import zipfile  # only for a zip

    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                mimetype = archive.read(info).strip() if info.file_size <= 80 else b""
                if mimetype == _ODS:
                    return ".ods", "an .ods workbook"
                if mimetype == _ODT:
                    return "", "an OpenDocument text"
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
