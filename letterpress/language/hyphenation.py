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
    word needs them: most letters break their lines without hyphenating anything, and a
    word decodes only the groups it needs (see ``Patterns``)."""

    def __init__(self, dictionary: str) -> None:
        self.dictionary = dictionary

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        kept = patterns(self.dictionary)
        if kept.groups:
            kept.decode_for(word)
        right = len(word) - RIGHT
        for position in reversed([i for i in kept.hyph.positions(word) if LEFT <= i <= right]):
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


class Patterns:
    """A dictionary's patterns (a ``pyphen.HyphDict``), read from the cache folder in groups
    by their first two letters (``cachefiles.Groups``): a group is decoded when the first
    word containing those letters is hyphenated, so a letter that hyphenates two words reads
    a few dozen of the thousands of patterns (a tenth of the time of reading them all).
    ``table`` is None when pyphen parsed the dictionary itself (all patterns are there)."""

    def __init__(self, hyph: pyphen.HyphDict, table: cachefiles.Groups | None) -> None:
        self.hyph = hyph
        self.table = table
        # the groups not decoded yet (the table's own, emptied as they are decoded)
        self.groups = table.encoded if table is not None else {}
        if table is not None:
            hyph.patterns = table.decoded  # filled as groups are decoded

    def decode_for(self, word: str) -> None:
        """Decode the groups of every pattern ``HyphDict.positions`` can look up for ``word``
        (dotted as pyphen dots it): those keyed by its letters and pairs of letters."""
        lower = word.lower()
        if self.table is None or lower in self.hyph.cache:
            return
        pointed = f".{lower}."
        for i in range(len(pointed)):
            self.table.decode(pointed[i])
            self.table.decode(pointed[i : i + 2])


@cache
def patterns(dictionary: str) -> Patterns:
    """A dictionary's parsed patterns, read once per process (bundled data, never changed;
    its per-word cache serves every letter the process sets)."""
    path = pyphen.LANGUAGES[dictionary]
    kept = _load(path)
    if kept is None:
        parsed = pyphen.HyphDict(path)
        _store(path, parsed.patterns)
        return Patterns(parsed, None)
    return _dictionary(*kept)


# The cache file's layout: the longest pattern, and the patterns grouped by first letters
# (``cachefiles.grouped``), each pattern's values as bytes, equal values shared (``_store``).
_LAYOUT = "grouped-6"


def _name(path: Path) -> str:
    return f"hyphenation-{path.stem}.marshal"


def _stamp(path: Path) -> list[Any]:
    return cachefiles.stamp(path, pyphen.__version__, _LAYOUT)


def _load(path: Path) -> tuple[int, cachefiles.Groups] | None:
    kept = cachefiles.read(_name(path), _stamp(path))
    if not (isinstance(kept, list) and len(kept) == 2 and isinstance(kept[0], int)):
        return None
    table = cachefiles.Groups.kept(kept[1])
    return (kept[0], table) if table is not None else None


def _store(path: Path, patterns: dict[str, Any]) -> None:
    """Keep the parsed patterns, unless some use pyphen's non-standard hyphenation data
    (those are not plain numbers and are left to pyphen to parse each time).

    A pattern's values (digits) are kept as bytes, which ``HyphDict.positions`` reads as it
    reads pyphen's tuple of ints (their length, and each value as an int): one object where
    a tuple holds several, and one the cycle collector does not track: reading all German
    patterns back takes a third fewer instructions (260 M -> 182 M).

    Equal values are kept as one object, which marshal writes once per group and then refers
    to: the German patterns have 2,465 different values among 66,441, and reading them all
    back takes 126 M instructions instead of 175 M."""
    if any(type(v) is not int or not 0 <= v < 256 for _, vs in patterns.values() for v in vs):
        return
    shared: dict[tuple[int, bytes], tuple[int, bytes]] = {}
    plain = {}
    for key, (start, values) in patterns.items():
        value = (int(start), bytes(values))
        plain[key] = shared.setdefault(value, value)
    longest = max(len(key) for key in plain)
    cachefiles.write(_name(path), _stamp(path), [longest, cachefiles.grouped(plain, 2)])


def _dictionary(longest: int, table: cachefiles.Groups) -> Patterns:
    """A pyphen dictionary from kept patterns (what ``HyphDict.__init__`` leaves), with
    none of its patterns decoded yet."""
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.cache = {}
    hd.maxlen = longest
    return Patterns(hd, table)
