"""Reading an input file (TOML, or the same schema as JSON) into a plain dict."""
from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UserError, Where

STDIN = "<stdin>"  # the origin of a file read from standard input (``-``)


@dataclass(frozen=True)
class Source:
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


def load_source(source: str | os.PathLike[str] | dict[str, Any] | Source) -> Source:
    """Load a path (``.toml`` or ``.json``; ``-`` is standard input) or wrap a dict; raise
    UserError on unreadable input. What the file leaves out of your stored details (``[sender]``,
    ``language``, ``layout``) is filled in from them (``profile.with_profile``)."""
    from .profile import apply_stored

    if isinstance(source, Source):
        return source
    if isinstance(source, dict):
        return Source(data=apply_stored(source))
    if str(source) == "-":
        return Source(data=apply_stored(_read_stdin()), origin=STDIN, base_dir=Path.cwd())
    path = Path(source)
    where = Where(file=str(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError("file not found", where=where, hint="check the path") from None
    except IsADirectoryError:
        raise UserError("is a folder, not a file", where=where, hint="name a .toml file") from None
    except OSError as exc:
        raise UserError(f"cannot read file ({exc.strerror})", where=where) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"not UTF-8 text (bad byte at offset {exc.start})", where=where,
                        hint="save the file as UTF-8") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                            where=where) from None
    else:
        data = parse_toml(text, where)
    if not isinstance(data, dict):
        raise UserError("the top level must be a table/object", where=where)
    return Source(data=apply_stored(data), origin=str(path), base_dir=path.resolve().parent)


def _read_stdin() -> dict[str, Any]:
    """``-``: the file's text from standard input (JSON when it starts with ``{``, else TOML)."""
    import sys

    where = Where(file=STDIN)
    try:
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"not UTF-8 text (bad byte at offset {exc.start})", where=where,
                        hint="send the file as UTF-8") from None
    try:
        return json.loads(text) if text.lstrip().startswith("{") else parse_toml(text, where)
    except json.JSONDecodeError as exc:
        raise UserError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                        where=where) from None


# TOML 1.1 lets times drop their seconds (``posted = 2026-12-22T18:00``, ``cutoff = 17:00``);
# Python's tomllib reads TOML 1.0, which needs them. Files that fail are retried with ":00".
_SHORT_TIME = re.compile(
    r"(=\s*(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2})(?=\s*(?:#.*)?$|\s*[,}\]])", re.M)


def parse_toml(text: str, where: Where) -> dict[str, Any]:
    """Parse TOML, accepting times without seconds as TOML 1.1 does."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        first = exc
    try:
        return tomllib.loads(_SHORT_TIME.sub(r"\1:00", text))
    except tomllib.TOMLDecodeError:
        raise UserError(f"invalid TOML: {first}", where=where,
                        hint="fix the syntax (quotes, = signs, [tables])") from None
