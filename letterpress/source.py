"""Reading a user's file: the one guarded entry (size limit, folders, devices, encodings) and
the letter file (TOML, or the same schema as JSON) as a plain dict."""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeAlias

from msgspec import Struct, field

from .errors import UserError, Where
from .limits import MAX_INPUT_BYTES, MAX_NESTING, size_text

# The names of the mail merge's data files (batch, labels, check TEMPLATE DATA): never a letter.
DATA_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")
STDIN = "<stdin>"  # the origin of a file read from standard input (``-``)


class Source(Struct, frozen=True):
    """Raw input data plus where it came from, for error messages and relative paths.

    ``origin`` names the file ("<dict>" for a dict, "" for a row of a mail merge's data);
    ``row`` is the spreadsheet row a mail merge's letter was made from.
    """

    data: dict[str, Any]
    origin: str = "<dict>"
    base_dir: Path = field(default_factory=Path.cwd)
    row: int | None = None

    @property
    def where(self) -> Where:
        """The place every error about this input starts from: its file, or its row."""
        return Where(file=self.origin, row=self.row)


# What the public functions take as a letter file: a path (``-`` for standard input), the
# file's contents as a mapping (the TOML schema: tables as dicts, arrays as lists; it is
# copied, never changed), or a Source already read.
LetterInput: TypeAlias = str | os.PathLike[str] | Mapping[str, object] | Source


def read_bytes(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_INPUT_BYTES,
    what: str = "file",
    hint: str = "check the path",
    big_hint: str = "check that this is the right file",
) -> bytes:
    """The bytes of a file the user named, at most ``limit`` of them.

    Every problem is a UserError naming the file: missing, a folder, not readable, or larger
    than ``limit`` (a device such as /dev/zero is read no further than that). A pipe is read
    like a file. ``what`` names the file in messages ("data file"); ``hint`` says what to do
    when it is missing, ``big_hint`` when it is too large."""
    where = Where(file=str(path))
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise _too_large(where, what, limit, big_hint)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UserError(f"{what} not found", where=where, hint=hint) from None
    except IsADirectoryError:
        raise UserError(
            "is a folder, not a file", where=where, hint=f"name the {what} inside it"
        ) from None
    except PermissionError:
        raise UserError(
            f"no permission to read the {what}", where=where, hint="check the file's permissions"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot read the {what} ({exc.strerror or exc})", where=where) from None
    if len(data) > limit:
        raise _too_large(where, what, limit, big_hint)
    return data


def _too_large(where: Where, what: str, limit: int, hint: str) -> UserError:
    return UserError(f"the {what} is larger than {size_text(limit)}", where=where, hint=hint)


def read_text(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_INPUT_BYTES,
    what: str = "file",
    hint: str = "check the path",
) -> str:
    """A UTF-8 text file the user named (a BOM is allowed), read with ``read_bytes``."""
    raw = read_bytes(path, limit=limit, what=what, hint=hint)
    return _decoded(raw, Where(file=str(path)), "save the file as UTF-8")


def _decoded(raw: bytes, where: Where, hint: str) -> str:
    """UTF-8 text (a BOM is allowed), or a UserError naming the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(_not_utf8(raw, exc.start), where=where, hint=hint) from None


def _not_utf8(raw: bytes, at: int) -> str:
    """Where the first byte that is not UTF-8 is, as an editor shows it: the line, the
    column and, when it is one, the character an older Windows editor meant by it."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "not UTF-8 text: the file is saved as UTF-16"
    line_start = raw.rfind(b"\n", 0, at) + 1
    line = raw.count(b"\n", 0, at) + 1
    column = len(raw[line_start:at].decode("utf-8", errors="replace")) + 1
    byte = raw[at]
    try:
        meant = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        meant = ""
    said = f" ({meant!r} in Windows-1252)" if meant.isprintable() and meant.strip() else ""
    return f"not UTF-8 text: line {line}, column {column} has the byte 0x{byte:02X}{said}"


_NOT_A_LETTER = "not a letter file (TOML or JSON)"
_SPREADSHEET_HINT = (
    "give the letter file here; in a mail merge the spreadsheet comes after the "
    "template (letterpress batch letter.toml people.csv)"
)
_DOCUMENT_HINT = (
    "give the letter file (.toml or .json); copy the letter's text into its body "
    "(letterpress init thank-you writes a starter)"
)


def _binary(raw: bytes, where: Where) -> UserError | None:
    """A file a word processor, a spreadsheet or letterpress itself made, given as the letter
    file (known by its first bytes): the error saying what it is and what to give instead."""
    import io

    from .filekind import known_kind

    known = known_kind(raw, io.BytesIO(raw))
    if known is None:
        return None
    reader, what = known
    if reader:  # a workbook
        return UserError(f"a spreadsheet, {_NOT_A_LETTER}", where=where, hint=_SPREADSHEET_HINT)
    if what == "a PDF":
        hint = "give the letter file (.toml or .json) the PDF was made from"
    elif what == "a zip archive":
        hint = "unzip it and give the letter file in it"
    else:
        hint = _DOCUMENT_HINT
    return UserError(f"{what}, {_NOT_A_LETTER}", where=where, hint=hint)


def _letter_text(raw: bytes, where: Where, hint: str) -> str:
    """The letter file's text, or the error naming the document it is instead."""
    refused = _binary(raw, where)
    if refused is not None:
        raise refused
    return _decoded(raw, where, hint)


def load_source(source: LetterInput) -> Source:
    """Load a path (``.toml`` or ``.json``; ``-`` is standard input) or wrap a dict; raise
    UserError on unreadable input. What the file leaves out of your stored details (``[sender]``,
    ``language``, ``layout``) is filled in from them (``profile.with_profile``)."""
    from .profile import apply_stored

    if isinstance(source, Source):
        return source
    if isinstance(source, Mapping):
        return Source(data=apply_stored(dict(source)))
    if str(source) == "-":
        return Source(data=apply_stored(_read_stdin()), origin=STDIN, base_dir=Path.cwd())
    path = Path(source)
    where = Where(file=str(path))
    if path.suffix.lower() in DATA_SUFFIXES:  # read as TOML, a spreadsheet says "invalid TOML"
        raise UserError(f"a spreadsheet, {_NOT_A_LETTER}", where=where, hint=_SPREADSHEET_HINT)
    text = _letter_text(read_bytes(path), where, "save the file as UTF-8")
    data = parse_json(text, where) if path.suffix.lower() == ".json" else parse_toml(text, where)
    return Source(data=apply_stored(data), origin=str(path), base_dir=path.resolve().parent)


def parse_json(text: str, where: Where) -> dict[str, Any]:
    """Parse the JSON form of a letter file: an object, nested no deeper than the limit."""
    import json  # only for JSON letters: most are TOML

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", where=where
        ) from None
    except RecursionError:
        raise _too_deep(where) from None
    except ValueError:  # an integer of more digits than Python converts
        raise _long_number(text, where) from None
    if not isinstance(data, dict):
        raise UserError("the top level must be a table/object", where=where)
    return _checked_depth(data, where)


def _read_stdin() -> dict[str, Any]:
    """``-``: the file's text from standard input (JSON when it starts with ``{``, else TOML),
    at most ``MAX_INPUT_BYTES`` of it, read and checked as a file is."""
    import sys

    where = Where(file=STDIN)
    raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise _too_large(where, "input", MAX_INPUT_BYTES, "check what is sent to letterpress")
    text = _letter_text(raw, where, "send the file as UTF-8")
    return parse_json(text, where) if text.lstrip().startswith("{") else parse_toml(text, where)


# TOML 1.1 lets times drop their seconds (``posted = 2026-12-22T18:00``, ``cutoff = 17:00``);
# Python's tomllib reads TOML 1.0, which needs them. Files that fail are retried with ":00".
_SHORT_TIME = re.compile(
    r"(=\s*(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2})(?=\s*(?:#.*)?$|\s*[,}\]])", re.M
)


def parse_toml(
    text: str, where: Where, hint: str | None = None, label: str = "invalid TOML"
) -> dict[str, Any]:
    """Parse TOML, accepting times without seconds as TOML 1.1 does; a syntax error is
    explained in the user's terms where it is a known trap (curly quotes, a date written
    27.11.2026, an unclosed \"\"\", a space TOML does not accept); any other syntax error
    is ``label`` and the parser's message, with ``hint`` saying what to do (None: fix the
    syntax)."""
    try:
        return _checked_depth(_loads(text, where), where)
    except tomllib.TOMLDecodeError as exc:
        first = exc
    try:
        return _checked_depth(_loads(_SHORT_TIME.sub(r"\1:00", text), where), where)
    except tomllib.TOMLDecodeError:
        from . import tomltraps  # only for a file that does not parse

        raise tomltraps.explain(text, str(first), where, hint, label) from None


def _loads(text: str, where: Where) -> dict[str, Any]:
    """tomllib.loads, with its crashes on hostile input turned into UserErrors."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise _too_deep(where) from None
    except ValueError:  # an integer of more digits than Python converts
        raise _long_number(text, where) from None


def _too_deep(where: Where) -> UserError:
    return UserError(
        f"tables or lists are nested more than {MAX_NESTING} deep",
        where=where,
        hint="a letter file needs three levels at most; check the brackets",
    )


def _long_number(text: str, where: Where) -> UserError:
    digits = re.search(r"\d{4000,}", text)
    line = f" (line {text.count(chr(10), 0, digits.start()) + 1})" if digits else ""
    return UserError(
        f"a number has too many digits{line}",
        where=where,
        hint="write it in quotes as text, or shorten it",
    )


def _checked_depth(data: dict[str, Any], where: Where) -> dict[str, Any]:
    """``data`` unchanged, or a UserError when it nests deeper than ``MAX_NESTING`` (every
    later stage walks the tree, and none of them should meet a RecursionError)."""
    level: list[Any] = [data]
    for _ in range(MAX_NESTING + 1):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, (dict, list))
        ]
        if not level:
            return data
    raise _too_deep(where)
