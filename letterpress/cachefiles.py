"""Files letterpress can always rebuild, kept between runs to start faster.

Parsed hyphenation patterns, font tables and bundled TOML tables are kept in Python's
``marshal`` format (the quickest to read back, and unable to run code) in
``$LETTERPRESS_CACHE_DIR``, else the user's cache folder (platformdirs:
``~/.cache/letterpress`` on Linux, honouring ``XDG_CACHE_HOME``).
Each file carries a stamp (Python and library versions, the source file's size and time); a
missing, stale or unreadable file is rebuilt, and a folder that cannot be written to is simply
not used.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
import tomllib
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where letterpress keeps files it can always rebuild."""
    explicit = os.environ.get("LETTERPRESS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    import platformdirs  # only for the platform's folder: its import costs a cold run 1 ms

    return platformdirs.user_cache_path("letterpress")


def stamp(source: Path, *versions: object) -> list[Any]:
    """What a cache file built from ``source`` depends on."""
    info = source.stat()
    return [list(sys.version_info[:2]), *versions, source.name, info.st_size, info.st_mtime_ns]


def babel_stamp(*versions: object) -> list[Any]:
    """The stamp of a table made from Babel's data: its global data file and version."""
    import babel

    return stamp(Path(babel.__file__).with_name("global.dat"), babel.__version__, *versions)


def entry(
    name: str,
    current: list[Any],
    key: str,
    kind: type,
    make: Callable[[], Any],
    *,
    newest: int | None = None,
) -> Any:
    """The value of type ``kind`` kept for ``key`` in the table kept under ``name``, else
    ``make()``, added to the table (which keeps only its ``newest`` entries, when given)."""
    kept = read(name, current)
    table: dict[str, Any] = kept if isinstance(kept, dict) else {}
    value = table.get(key)
    if isinstance(value, kind):
        return value
    value = make()
    others = list(table.items())
    if newest is not None:
        others = others[-(newest - 1) :] if newest > 1 else []
    write(name, current, {**dict(others), key: value})
    return value


def read(name: str, expected: list[Any]) -> Any:
    """The data kept under ``name`` if its stamp is ``expected``, else None."""
    try:
        kept_stamp, data = marshal.loads((cache_dir() / name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if kept_stamp == expected else None


def toml(path: Path) -> dict[str, Any]:
    """A bundled TOML file's tables, parsed once and kept for the next runs (a table that
    marshal cannot keep, with dates say, is parsed every time)."""
    current = stamp(path)
    name = f"toml-{path.stem}-{zlib.crc32(str(path).encode()):08x}.marshal"
    kept = read(name, current)
    if isinstance(kept, dict):
        return kept
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    write(name, current, data)
    return data


def write(name: str, current: list[Any], data: Any) -> None:
    """Keep ``data`` (marshal-able) under ``name`` with its stamp; silently skipped when the
    folder cannot be written."""
    target = cache_dir() / name
    try:
        payload = marshal.dumps((current, data))
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except (OSError, ValueError):
        return


def grouped(table: Mapping[str, Any], width: int) -> list[Any]:
    """``table`` as kept for ``Groups``: its entries in groups by the first ``width``
    characters of their keys, each group as marshal data."""
    groups: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        groups.setdefault(key[:width], {})[key] = value
    encoded = {first: marshal.dumps(group) for first, group in groups.items()}
    return [width, encoded]


class Groups:
    """A table kept by ``grouped``, decoded a group at a time: a lookup decodes only the
    group its key belongs to (the first time), so a run that looks up a few keys of a large
    table reads a small part of it."""

    def __init__(self, width: int, encoded: dict[str, bytes]) -> None:
        self.width = width
        self.encoded = encoded  # first characters -> marshal data of a group not yet decoded
        self.decoded: dict[str, Any] = {}  # the entries of the groups decoded so far

    @classmethod
    def kept(cls, data: Any) -> Groups | None:
        """The table from what ``grouped`` made (as read back from the cache folder), or
        None when ``data`` is not of that shape."""
        if not (isinstance(data, list) and len(data) == 2):
            return None
        width, encoded = data
        if not (isinstance(width, int) and isinstance(encoded, dict) and encoded):
            return None
        return cls(width, encoded)

    def decode(self, key: str) -> None:
        """Decode the group ``key`` belongs to, unless it is decoded (or there is none)."""
        data = self.encoded.pop(key[: self.width], None)
        if data is not None:
            self.decoded.update(marshal.loads(data))

    def get(self, key: str) -> Any:
        """The value kept for ``key``, or None."""
        self.decode(key)
        return self.decoded.get(key)

    def everything(self) -> dict[str, Any]:
        """The whole table, what was not decoded yet decoded now."""
        for data in self.encoded.values():
            self.decoded.update(marshal.loads(data))
        self.encoded.clear()
        return self.decoded
