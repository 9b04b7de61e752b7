"""Passages copied word for word from the bundled example letters or the ``init`` starter texts."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from .. import cachefiles
from .fields import Text, texts
from .findings import Finding, shorten
from .lists import Lists

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text.replace("’", "'")))


def _sources() -> list[Path]:
    """The files of the bundled texts: the example letters' snapshot, then the starters."""
    root = resources.files("letterpress")
    files = [Path(str(root / "check" / "examples.toml"))]
    starters = root / "starters"
    for language in sorted(starters.iterdir(), key=lambda p: p.name):
        if language.is_dir() and not language.name.startswith("_"):
            files += [
                Path(str(entry))
                for entry in sorted(language.iterdir(), key=lambda p: p.name)
                if entry.name.endswith(".toml")
            ]
    return files


@cache
def known_texts() -> tuple[tuple[str, str], ...]:
    """(origin, text) of every bundled text a letter should not copy.

    The example letters are snapshotted in ``check/examples.toml`` (a test keeps the snapshot
    equal to ``examples/``, which the wheel does not ship); the starters are read directly.
    """
    snapshot, *starters = _sources()
    out = [(f"{t['source']} {t['field']}", t["text"]) for t in cachefiles.toml(snapshot)["text"]]
    for entry in starters:
        data = cachefiles.toml(entry)
        out += [
            (f"starter {entry.parent.name}/{entry.name} {item.field}", item.text)
            for item in texts(data)
            if item.prose or item.long
        ]
    return tuple(out)


@cache
def _shingles(size: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``size`` words of the bundled texts (lower case): kept in the cache
    folder, stamped with the files the texts come from (reading and splitting them costs a
    letter more than the check itself)."""
    stamp = [size, "tuples", *(cachefiles.stamp(path) for path in _sources())]
    kept = cachefiles.read(f"copied-{size}.marshal", stamp)
    if isinstance(kept, frozenset):
        return kept
    grams: set[tuple[str, ...]] = set()
    for _, text in known_texts():
        words = [m.group().lower() for m in _tokens(text)]
        grams.update(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    cachefiles.write(f"copied-{size}.marshal", stamp, frozenset(grams))
    return frozenset(grams)


def copied(item: Text, lists: Lists, says: dict[str, str]) -> list[Finding]:
    """One finding per run of at least ``min_words`` words found in a bundled text."""
    size = lists.copied_min_words
    tokens = _tokens(item.text)
    words = [m.group().lower() for m in tokens]
    grams = _shingles(size)
    runs: list[list[int]] = []
    for i in range(len(words) - size + 1):
        if tuple(words[i : i + size]) in grams:
            if runs and i <= runs[-1][1]:
                runs[-1][1] = i + size - 1
            else:
                runs.append([i, i + size - 1])
    out = []
    for first, last in runs:
        start, end = tokens[first].start(), tokens[last].end()
        out.append(
            Finding(
                "copied-example",
                item.field,
                shorten(item.text[start:end]),
                says["copied"],
                item.line_of(start),
            )
        )
    return out
