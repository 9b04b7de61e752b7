"""Hyphenation dictionaries (pyphen), parsed once per machine instead of once per process.

pyphen reads a dictionary's patterns from text each time a process first hyphenates: about
0.1 s for English and 0.6 s for German, paid again by every batch worker. The parsed patterns
are kept in Python's ``marshal`` format (the quickest to read back) in the user's cache folder:
``$LETTERPRESS_CACHE_DIR``, else ``$XDG_CACHE_HOME/letterpress``, else ``~/.cache/letterpress``.
They are keyed by the Python and pyphen versions and the dictionary file's size and modification
time. A missing, stale or unreadable cache file is rebuilt from the dictionary; a folder that
cannot be written to is simply not used.
"""
from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyphen

LEFT = RIGHT = 3  # at least three letters before and after a break


def cache_dir() -> Path:
    """Where letterpress keeps files it can always rebuild."""
    explicit = os.environ.get("LETTERPRESS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letterpress"


class Hyphenator:
    """Splits a word at its hyphenation points, longest first part first, with at least
    ``LEFT`` and ``RIGHT`` letters each side: the callable ReportLab's paragraphs take
    (what ``pyphen.Pyphen.iterate`` gives, over patterns read through this module's cache)."""

    def __init__(self, patterns: pyphen.HyphDict) -> None:
        self._patterns = patterns

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        right = len(word) - RIGHT
        for position in reversed([i for i in self._patterns.positions(word)
                                  if LEFT <= i <= right]):
            if position.data:  # non-standard hyphenation ("ck" -> "k-k" and the like)
                change, index, cut = position.data
                index += position
                if word.isupper():
                    change = change.upper()
                before, after = change.split("=")
                yield word[:index] + before, after + word[index + cut:]
            else:
                yield word[:position], word[position:]


def hyphenator(dictionary: str) -> Hyphenator:
    """The hyphenator for a pyphen dictionary name such as ``en_GB``."""
    path = pyphen.LANGUAGES[dictionary]
    patterns = _load(path)
    if patterns is None:
        parsed = pyphen.HyphDict(path)
        _store(path, parsed.patterns)
        return Hyphenator(parsed)
    return Hyphenator(_dictionary(patterns))


def _stamp(path: Path) -> list[Any]:
    info = path.stat()
    return [sys.version_info[:2], pyphen.__version__, path.name, info.st_size,
            info.st_mtime_ns]


def _cache_file(path: Path) -> Path:
    return cache_dir() / f"hyphenation-{path.stem}.marshal"


def _load(path: Path) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    try:
        stamp, patterns = marshal.loads(_cache_file(path).read_bytes())
        if stamp != _stamp(path) or not isinstance(patterns, dict) or not patterns:
            return None
        return patterns
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _store(path: Path, patterns: dict[str, Any]) -> None:
    """Write the parsed patterns, unless some use pyphen's non-standard hyphenation data
    (those are not plain numbers and are left to pyphen to parse each time)."""
    if any(type(v) is not int for _, values in patterns.values() for v in values):
        return
    data = marshal.dumps((_stamp(path), {k: (int(start), tuple(int(v) for v in values))
                                         for k, (start, values) in patterns.items()}))
    target = _cache_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError:
        return


def _dictionary(patterns: dict[str, tuple[int, tuple[int, ...]]]) -> pyphen.HyphDict:
    """A pyphen dictionary from parsed patterns (what ``HyphDict.__init__`` leaves)."""
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns = patterns
    hd.cache = {}
    hd.maxlen = max(len(key) for key in patterns)
    return hd
