"""Turning a CSV export's bytes into text: UTF-8 (with or without BOM), UTF-16, cp1252."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import UserError, Where

REPLACEMENT = "\ufffd"
# Bytes cp1252 leaves undefined; anything else decodes to some character.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class Decoded:
    """The text, the encoding it was read as, and whether bytes had to be replaced (U+FFFD)."""

    text: str
    encoding: str
    replaced: bool


def decode(raw: bytes, where: str, encoding: str | None = None) -> Decoded:
    """Decode ``raw``; with no ``encoding`` given, recognise what spreadsheets write.

    A BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else text with valid
    multi-byte UTF-8 sequences is UTF-8 with a few bad bytes; else it is cp1252 (older Excel,
    "CSV (Windows)"). Bad bytes become U+FFFD so the rows holding them can be reported.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UserError(f"unknown encoding {encoding!r}", where=Where(option="--encoding"),
                            hint="use e.g. utf-8, cp1252, latin-1, utf-16") from None
        text = raw.decode(encoding, errors="replace")
        return Decoded(_strip_bom(text), encoding, REPLACEMENT in text)
    if raw.startswith(codecs.BOM_UTF8):
        return _lenient(raw[3:], "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
        return Decoded(text, "utf-16", REPLACEMENT in text)
    if _looks_utf16(raw):
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
    text = "".join(REPLACEMENT if b in _CP1252_HOLES else bytes([b]).decode("cp1252")
                   for b in raw) if any(b in _CP1252_HOLES for b in raw) else raw.decode("cp1252")
    return Decoded(text, "cp1252", REPLACEMENT in text)


def _lenient(raw: bytes, name: str) -> Decoded:
    text = raw.decode("utf-8", errors="replace")
    return Decoded(text, name, REPLACEMENT in text)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without BOM: every other byte of mostly-ASCII text is NUL."""
    sample = raw[:400]
    if len(sample) < 4:
        return False
    return sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
