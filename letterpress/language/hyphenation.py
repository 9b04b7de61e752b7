"""Hyphenation dictionaries (pyphen), parsed once per machine instead of once per process.

pyphen reads a dictionary's patterns from text each time a process first hyphenates: about
0.1 s for English and 0.6 s for German, paid again by every batch worker. The parsed patterns
are kept in letterpress's cache folder (:mod:`letterpress.cachefiles`), stamped with the Python and
pyphen versions and the dictionary file; a missing or stale file is rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pyphen

from .. import cachefiles

LEFT = RIGHT = 3  # at least three letters before and after a break


class Hyphenator:
    """Splits a word at its hyphenation points, longest first part first, with at least
    ``LEFT`` and ``RIGHT`` letters each side: the callable ReportLab's paragraphs take
    (what ``pyphen.Pyphen.iterate`` gives). The dictionary's patterns are read when the first
    word needs them: most letters break their lines without hyphenating anything."""

    def __init__(self, dictionary: str) -> None:
        self.dictionary = dictionary

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        right = len(word) - RIGHT
        for position in reversed(
            [i for i in patterns(self.dictionary).positions(word) if LEFT <= i <= right]
        ):
            if position.data:  # non-standard hyphenation ("ck" -> "k-k" and the like)
                change, index, cut = position.data
                index += position
                if word.isupper():
                    change = change.upper()
                before, after = change.split("=")
                yield word[:index] + before, after + word[index + cut :]
            else:
                yield word[:position], word[position:]


def hyphenator(dictionary: str) -> Hyphenator:
    """The hyphenator for a pyphen dictionary name such as ``en_GB``."""
    return Hyphenator(dictionary)


@cache
def patterns(dictionary: str) -> pyphen.HyphDict:
    """A dictionary's parsed patterns, read once per process (bundled data, never changed;
    its per-word cache serves every letter the process sets)."""
    path = pyphen.LANGUAGES[dictionary]
    kept = _load(path)
    if kept is None:
        parsed = pyphen.HyphDict(path)
        _store(path, parsed.patterns)
        return parsed
    return _dictionary(kept)


def _name(path: Path) -> str:
    return f"hyphenation-{path.stem}.marshal"


def _load(path: Path) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    patterns = cachefiles.read(_name(path), cachefiles.stamp(path, pyphen.__version__))
    return patterns if isinstance(patterns, dict) and patterns else None


def _store(path: Path, patterns: dict[str, Any]) -> None:
    """Keep the parsed patterns, unless some use pyphen's non-standard hyphenation data
    (those are not plain numbers and are left to pyphen to parse each time)."""
    if any(type(v) is not int for _, values in patterns.values() for v in values):
        return
    cachefiles.write(
        _name(path),
        cachefiles.stamp(path, pyphen.__version__),
        {k: (int(start), tuple(int(v) for v in values)) for k, (start, values) in patterns.items()},
    )


def _dictionary(patterns: dict[str, tuple[int, tuple[int, ...]]]) -> pyphen.HyphDict:
    """A pyphen dictionary from parsed patterns (what ``HyphDict.__init__`` leaves)."""
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns = patterns
    hd.cache = {}
    hd.maxlen = max(len(key) for key in patterns)
    return hd
