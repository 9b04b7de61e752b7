"""Turning a CSV export's bytes into text: UTF-8 (with or without BOM), UTF-16, cp1252, Mac
Roman, the DOS code pages cp850 and cp437, or the encoding the user names (which must be a
text encoding the file really is in)."""

from __future__ import annotations

import codecs
import re

from msgspec import Struct

from ..errors import UserError, Where
from .dospage import readings

REPLACEMENT = "\ufffd"
# Bytes cp1252 leaves undefined; anything else decodes to some character.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Codecs that are text encodings to Python but not ways a spreadsheet writes a file.
_NOT_FILE_ENCODINGS = {
    "idna",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
    "undefined",
    "mbcs",
    "oem",
}
_LATIN_END = 0x24F  # Latin-1 Supplement and Latin Extended-A and -B: letters of Latin script
_ENCODING_HINT = "use e.g. utf-8, cp1252, latin-1, utf-16"
# The first line ended by a lone CR, as Excel for Mac ends the rows of "CSV (Macintosh)" (a
# line break in a cell is LF there, as everywhere).
_MAC_LINE = re.compile(rb"[^\r\n]*\r(?!\n)")


class Decoded(Struct, frozen=True):
    """The text, the encoding it was read as, whether bytes had to be replaced (U+FFFD), and
    another code page whose letters fit as well (``Überlingen`` in cp850 is ``šberlingen`` in
    cp1252), ``""`` when the letters decided."""

    text: str
    encoding: str
    replaced: bool
    alike: str = ""

    @property
    def eight_bit(self) -> bool:
        """Read in a one-byte code page, where a letter outside it was saved as ``?``."""
        return is_eight_bit(self.encoding)


def decode(raw: bytes, where: str, encoding: str | None = None) -> Decoded:
    """Decode ``raw``; with no ``encoding`` given, recognise what spreadsheets write.

    A BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else text with valid
    multi-byte UTF-8 sequences is UTF-8 with a few bad bytes; else text whose lines end in CR
    alone is Mac Roman (Excel for Mac, "CSV (Macintosh)"); else it is cp1252 (Excel, "CSV
    (Windows)") or, when its letters read as letters only there, the DOS code page cp850 or
    cp437 (Excel for Windows, "CSV (MS-DOS)"; :mod:`.dospage`). Bad bytes become U+FFFD so
    the rows holding them can be reported.
    """
    if encoding:
        return _named(raw, where, encoding)
    if raw.startswith(codecs.BOM_UTF8):
        return _lenient(raw[3:], "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
        return Decoded(text, "utf-16", REPLACEMENT in text)
    if looks_utf16(raw):
        name = "utf-16-le" if raw[1:2] == b"\0" else "utf-16-be"
        text = raw.decode(name, errors="replace")
        return Decoded(text, name, REPLACEMENT in text)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", errors="replace")
    valid_multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != REPLACEMENT)
    if valid_multibyte > lenient.count(REPLACEMENT):
        return Decoded(lenient, "utf-8", True)
    if not raw:
        raise UserError("the data file is empty", where=Where(file=where), hint="export it again")
    if _MAC_LINE.match(raw):  # the header ends in CR alone: Excel for Mac's own CSV
        return Decoded(raw.decode("mac_roman"), "mac-roman", False)
    # UTF-8 letters of Latin script among bytes that are no UTF-8 (a file edited in two
    # programs) keep it cp1252; two DOS letters that make another script's character by
    # chance (cp850 "Íñigo": 0xD6 0xA4, U+05A4) leave the choice to the letters.
    latin = any(0x7F < ord(ch) <= _LATIN_END for ch in lenient)
    page, alike = readings(raw) if not latin else ("cp1252", "")
    if page != "cp1252":  # Excel for Windows' "CSV (MS-DOS)"
        return Decoded(raw.decode(page), page, False, alike)
    text = (
        "".join(REPLACEMENT if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in raw)
        if any(b in _CP1252_HOLES for b in raw)
        else raw.decode("cp1252")
    )
    return Decoded(text, "cp1252", REPLACEMENT in text, alike)


def _named(raw: bytes, where: str, encoding: str) -> Decoded:
    """``--encoding``: a text encoding, and the file must be in it (else say so, not later
    through a column name that came out mangled)."""
    name = _codec_name(encoding)
    if raw.startswith(codecs.BOM_UTF8) and name.startswith("utf-8"):
        raw = raw[3:]
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UserError(
            f"the file is not {_spelled(encoding)} (byte 0x{raw[exc.start]:02X} on line {line})",
            where=Where(file=where),
            hint="leave out --encoding to let letterpress recognise it, or name the "
            "encoding the file was saved in, e.g. --encoding cp1252",
        ) from None
    except (UnicodeError, ValueError, LookupError):  # codecs that cannot read arbitrary bytes
        raise UserError(
            f"{encoding!r} is not an encoding a data file can be saved in",
            where=Where(option="--encoding"),
            hint=_ENCODING_HINT,
        ) from None
    if is_eight_bit(name) and _is_utf8_text(raw):
        raise UserError(
            f"the file is UTF-8, not {encoding}",
            where=Where(file=where),
            hint="leave out --encoding (or give --encoding utf-8)",
        )
    return Decoded(text.removeprefix("\ufeff"), name, REPLACEMENT in text)


def _codec_name(encoding: str) -> str:
    """The codec's canonical name; a clean error for an unknown or non-text codec."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UserError(
            f"unknown encoding {encoding!r}", where=Where(option="--encoding"), hint=_ENCODING_HINT
        ) from None
    text_codec = getattr(info, "_is_text_encoding", True)
    if not text_codec or info.name in _NOT_FILE_ENCODINGS:
        raise UserError(
            f"{encoding!r} is not an encoding a data file can be saved in",
            where=Where(option="--encoding"),
            hint=_ENCODING_HINT,
        )
    return info.name


def _spelled(name: str) -> str:
    """utf-8 -> UTF-8, utf8 -> UTF8, cp1252 -> cp1252 (as people write them)."""
    return name.upper() if name.lower().startswith("utf") else name


def is_eight_bit(name: str) -> bool:
    """Whether ``name`` is a one-byte code page: each of the 128 upper bytes one character."""
    if not name or name.startswith(("utf", "xlsx", "ods", "xls")):
        return False
    try:
        return len(bytes(range(0x80, 0x100)).decode(name, errors="replace")) == 128
    except (LookupError, UnicodeError, ValueError):
        return False


def _is_utf8_text(raw: bytes) -> bool:
    """Valid UTF-8 with at least one character beyond ASCII."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b > 0x7F for b in raw)


def _lenient(raw: bytes, name: str) -> Decoded:
    text = raw.decode("utf-8", errors="replace")
    return Decoded(text, name, REPLACEMENT in text)


def looks_utf16(raw: bytes) -> bool:
    """UTF-16 without BOM: every other byte of mostly-ASCII text is NUL."""
    sample = raw[:400]
    if len(sample) < 4:
        return False
    return sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
