"""Reading a CSV export: its encoding (:mod:`.decode`), Excel's ``sep=`` line, the delimiter
(given, or detected from the header), and the records."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from msgspec.structs import replace

from ..errors import UserError, Where
from ..limits import MAX_DATA_BYTES
from ..source import read_bytes
from .alike import differing
from .decode import decode
from .table import Alike, ReadOptions, Record, Table, build

DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
# Excel writes (and reads) a first line "sep=;" naming the delimiter; it is not a row.
_SEP_LINE = re.compile(r"\A\ufeff?\"?sep=(.)\"?[ \t]*(?:\r\n|\n|\r)", re.IGNORECASE)
# Larger than any address list a spreadsheet can hold (Excel: 1,048,576 rows); a bigger
# "data file" is something else, and is refused before it fills the memory.
MAX_BYTES = MAX_DATA_BYTES


def read_csv(path: Path, options: ReadOptions) -> Table:
    """A ``.csv``/``.tsv``/``.txt`` file as a table."""
    return csv_table(_read_bytes(path), str(path), options)


def csv_table(raw: bytes, where: str, options: ReadOptions) -> Table:
    """CSV bytes (a file's, or standard input's) as a table named ``where``."""
    decoded = decode(raw, where, options.encoding)
    text = decoded.text
    sep = _SEP_LINE.match(text)
    first_row = 1
    if sep:
        text = text[sep.end() :]
    if options.delimiter:
        delim = parse_delimiter(options.delimiter)
    elif sep and sep.group(1) not in '"\r\n':
        delim = sep.group(1)
    else:
        delim = sniff_delimiter(text)

    def records() -> Iterator[Record]:
        """The records one by one (never all at once: a big file's lists would cost more
        memory than its rows)."""
        # The csv module's default limit of 131,072 characters a cell would refuse the whole
        # file for one long cell; the file's own size limit bounds a cell instead, and a
        # cell too long to print is a problem of its row (table.build).
        csv.field_size_limit(MAX_BYTES)
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=delim, quotechar='"', strict=False
        )
        try:
            for number, record in enumerate(reader, start=first_row):
                yield number, record, {}
        except csv.Error as exc:
            raise UserError(
                f"not readable as CSV: {exc}",
                where=Where(file=where),
                hint="export the sheet again as CSV",
            ) from None

    table = build(records, where, decoded.encoding, delim, eight_bit=decoded.eight_bit)
    if not decoded.alike:
        return table
    other = raw.decode(decoded.alike, errors="replace")[len(decoded.text) - len(text) :]
    cells = differing(text, other, delim, first_row)
    return replace(table, alike=Alike(decoded.encoding, decoded.alike, cells)) if cells else table


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, at most ``MAX_BYTES`` (through the one guarded reader)."""
    return read_bytes(
        path,
        limit=MAX_BYTES,
        what="data file",
        big_hint="split it into smaller files, or check that it is the address list",
    )


def parse_delimiter(text: str) -> str:
    """A --delimiter value: one character, or a name (tab, comma, semicolon, pipe)."""
    value = _DELIMITER_NAMES.get(text.lower(), text)
    if len(value) != 1 or value in '"\r\n':
        raise UserError(
            f"{text!r} cannot be a delimiter",
            where=Where(option="--delimiter"),
            hint="give one character such as ';' or the word 'tab'",
        )
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
