"""What python-calamine leaves out of an ``.xls`` sheet's cells: the error values (``#N/A``,
``#DIV/0!``), which it reads as empty cells, and the number formats (``00000``, ``dd.mm.yyyy``),
which it does not read; found in the workbook's own records, so that an error fails its row
and a number shows as the sheet shows it, as in an ``.xlsx`` or ``.ods``.

An ``.xls`` is a compound file (OLE2: a small file system of sectors) holding the
``Workbook`` stream of BIFF8 records ([MS-XLS]): FORMAT and XF records name each cell style's
number format; a cell record (NUMBER, RK, MULRK, FORMULA) names its style; an error shows as
a BOOLERR record or a FORMULA record whose cached result is an error. A file this cannot
follow gives nothing: its cells then read as python-calamine reads them.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

from msgspec import Struct

# Excel's error codes in BIFF8 (the [MS-XLS] specification, BErr).
_CODES = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_END_OF_CHAIN = 0xFFFFFFFE
_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_FORMULA, _BOOLERR = 0x0006, 0x0205
_NUMBER, _RK, _MULRK = 0x0203, 0x027E, 0x00BD
_FORMAT, _XF = 0x041E, 0x00E0

# row index -> column index -> text (both from 0, as python-calamine counts them)
Grid = dict[int, dict[int, str]]


class XlsCells(Struct, frozen=True):
    """A sheet's error values and the number formats of its number cells."""

    errors: Grid
    formats: Grid


def read_cells(source: Path | BinaryIO, sheet: str) -> XlsCells:
    """The error values and number formats of the cells of ``sheet``; none when the file's
    records cannot be followed."""
    try:
        if isinstance(source, Path):
            data = source.read_bytes()
        else:  # python-calamine has read it to its end
            source.seek(0)
            data = source.read()
            source.seek(0)
        stream = _workbook_stream(data)
        if not stream:
            return XlsCells({}, {})
        return _cells(stream, _sheet_offset(stream, sheet), _styles(stream))
    except (struct.error, IndexError, KeyError, ValueError, OSError, UnicodeDecodeError):
        return XlsCells({}, {})


def _workbook_stream(data: bytes) -> bytes:
    """The ``Workbook`` stream of a compound file, else b""."""
    if data[:8] != _MAGIC:
        return b""
    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    fat_count, directory = struct.unpack_from("<II", data, 0x2C)
    cutoff, minifat_start, _, difat_start, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    limit = len(data) // size + 1  # no chain is longer: a loop ends here

    def sector(n: int) -> bytes:
        return data[(n + 1) * size : (n + 2) * size]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    for _ in range(min(difat_count, limit)):
        if difat_start >= _END_OF_CHAIN:
            break
        links = struct.unpack(f"<{size // 4}I", sector(difat_start))
        fat_sectors += links[:-1]
        difat_start = links[-1]
    fat_bytes = b"".join(sector(n) for n in fat_sectors[:fat_count])
    fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes)

    def chain(start: int, table: tuple[int, ...] = fat) -> list[int]:
        out: list[int] = []
        while start < len(table) and len(out) < limit * 64:
            out.append(start)
            start = table[start]
        return out

    entries = b"".join(sector(n) for n in chain(directory))
    found = root = None
    for at in range(0, len(entries) - 127, 128):
        length, kind = struct.unpack_from("<HB", entries, at + 0x40)
        name = entries[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
        start, stream_size = struct.unpack_from("<II", entries, at + 0x74)
        if kind == 5:
            root = (start, stream_size)
        elif kind == 2 and name in ("Workbook", "Book") and found is None:
            found = (start, stream_size)
    if found is None:
        return b""
    start, stream_size = found
    if stream_size >= cutoff or root is None:
        return b"".join(sector(n) for n in chain(start))[:stream_size]
    mini_stream = b"".join(sector(n) for n in chain(root[0]))
    minifat_bytes = b"".join(sector(n) for n in chain(minifat_start))
    minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)
    parts = (mini_stream[n * mini_size : (n + 1) * mini_size] for n in chain(start, minifat))
    return b"".join(parts)[:stream_size]


def _records(stream: bytes, at: int) -> list[tuple[int, bytes]]:
    """The records from offset ``at`` to the end of their substream."""
    out = []
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        out.append((kind, stream[at + 4 : at + 4 + length]))
        at += 4 + length
        if kind == _EOF:
            break
    return out


def _sheet_offset(stream: bytes, sheet: str) -> int:
    """Where the substream of the sheet named ``sheet`` starts (BOUNDSHEET records)."""
    biff8 = False
    for kind, body in _records(stream, 0):
        if kind == _BOF:
            biff8 = struct.unpack_from("<H", body)[0] == 0x0600
        elif kind == _BOUNDSHEET:
            offset, length = struct.unpack_from("<IxxB", body)
            if biff8:
                wide = body[7] & 1
                raw = body[8 : 8 + length * (2 if wide else 1)]
                name = raw.decode("utf-16-le" if wide else "latin-1")
            else:
                name = body[7 : 7 + length].decode("latin-1")
            if name == sheet:
                return int(offset)
    raise KeyError(sheet)


def _styles(stream: bytes) -> list[str]:
    """Each cell style's (XF record's) number format, in the workbook's order; none for a
    workbook older than BIFF8 (Excel 97), whose records differ."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    styles: list[str] = []
    records = _records(stream, 0)
    if not records or records[0][0] != _BOF or records[0][1][:2] != b"\x00\x06":
        return styles
    for kind, body in records:
        if kind == _FORMAT:
            index, length, flags = struct.unpack_from("<HHB", body)
            wide = flags & 1
            raw = body[5 : 5 + length * (2 if wide else 1)]
            formats[index] = raw.decode("utf-16-le" if wide else "latin-1")
        elif kind == _XF:
            styles.append(formats.get(struct.unpack_from("<H", body, 2)[0], "General"))
    return styles


def _cells(stream: bytes, at: int, styles: list[str]) -> XlsCells:
    errors: Grid = {}
    formats: Grid = {}

    def style(row: int, column: int, xf: int) -> None:
        if xf < len(styles) and styles[xf] != "General":
            formats.setdefault(row, {})[column] = styles[xf]

    for kind, body in _records(stream, at):
        if kind in (_NUMBER, _RK, _FORMULA) and len(body) >= 6:
            style(*struct.unpack_from("<HHH", body))
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            for i in range((len(body) - 6) // 6):
                style(row, first + i, struct.unpack_from("<H", body, 4 + 6 * i)[0])
        if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            code = body[6]
        elif kind == _FORMULA and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
            code = body[8]
        else:
            continue
        row, column = struct.unpack_from("<HH", body)
        if code in _CODES:
            errors.setdefault(row, {})[column] = _CODES[code]
    return XlsCells(errors, formats)
