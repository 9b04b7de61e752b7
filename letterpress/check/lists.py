"""The check's phrase lists (``phrases/*.toml``), loaded once and compiled to expressions."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from msgspec import Struct

from .. import cachefiles


class Group:
    """Phrases of one kind that share a calmer alternative.

    Plain phrases are tried only where a text has their first word (``at_word``), so a check
    costs one pass over the text's words however many phrases there are; the expressions for
    a word are compiled the first time a text holds it (compiling every group would cost a
    letter 30 ms). Regular expressions (``patterns``) are searched through the whole text.
    """

    def __init__(
        self, kind: str, language: str, phrases: list[str], patterns: list[str], alternative: str
    ) -> None:
        self.kind = kind
        self.language = language
        self.alternative = alternative
        self._by_word: dict[str, list[str]] = {}  # first word -> phrase expressions, in order
        scanned = list(patterns)
        for phrase in phrases:
            word = first_word(phrase)
            if word:
                self._by_word.setdefault(word, []).append(phrase_regex(phrase))
            else:  # starts with a sign ("€ 50"): searched like a pattern
                scanned.append(phrase_regex(phrase))
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._scan_source = "|".join(f"(?:{p})" for p in scanned)
        self._scan: re.Pattern[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The first words (case-folded) of the plain phrases."""
        return frozenset(self._by_word)

    def at_word(self, word: str) -> re.Pattern[str] | None:
        """The phrases that start with ``word`` (case-folded) as one expression, or None."""
        compiled = self._compiled.get(word)
        if compiled is None and word in self._by_word:
            compiled = self._compiled[word] = re.compile(
                "|".join(f"(?:{p})" for p in self._by_word[word]), re.I
            )
        return compiled

    @property
    def scan(self) -> re.Pattern[str] | None:
        """The regular expressions of the group, searched through a whole text; or None."""
        if self._scan is None and self._scan_source:
            self._scan = re.compile(self._scan_source, re.I)
        return self._scan


class Lists(Struct, frozen=True):
    """Everything the detectors need, from all bundled languages."""

    groups: tuple[Group, ...]
    first_words: dict[str, tuple[int, ...]]  # a phrase's first word -> groups (by index)
    placeholders: tuple[re.Pattern[str], ...]
    acronyms: frozenset[str]
    emphatic: dict[str, str]  # shouted word -> language it belongs to
    max_exclamations: int
    thanks: re.Pattern[str]
    copied_min_words: int


_WORD = re.compile(r"\w+")


def first_word(phrase: str) -> str:
    """The word a phrase's matches start with, case-folded: the letters and digits before its
    first space, apostrophe or hyphen (what ``words`` finds at the start of a match)."""
    match = _WORD.match(phrase)
    return match.group().casefold() if match else ""


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` (runs of letters and digits), case-folded, with their offsets."""
    return [(m.group().casefold(), m.start()) for m in _WORD.finditer(text)]


def phrase_regex(phrase: str) -> str:
    """A whole-word, spacing-tolerant expression for a plain phrase (either apostrophe)."""
    words = [
        "['’]".join(re.escape(part) for part in word.replace("’", "'").split("'"))
        for word in phrase.split()
    ]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _folder() -> Any:
    return resources.files("letterpress") / "check" / "phrases"


def _read(name: str) -> dict[str, Any]:
    """A phrase list's tables (kept parsed in the cache folder between runs)."""
    return cachefiles.toml(Path(str(_folder() / name)))


def languages() -> list[str]:
    """The languages with a phrase list (``en``, ``de``...)."""
    return sorted(
        entry.name[:-5]
        for entry in _folder().iterdir()
        if entry.name.endswith(".toml") and entry.name != "common.toml"
    )


def _group(kind: str, language: str, table: dict[str, Any]) -> Group:
    return Group(
        kind,
        language,
        list(table.get("phrases", [])),
        list(table.get("patterns", [])),
        str(table["alternative"]),
    )


@cache
def load_lists() -> Lists:
    """All phrase lists; every language is applied to every letter (they rarely overlap)."""
    common = _read("common.toml")
    groups: list[Group] = []
    emphatic: dict[str, str] = {}
    thanks: list[str] = []
    for code in languages():
        data = _read(f"{code}.toml")
        for kind in ("eager", "pay"):
            groups += [_group(kind, code, table) for table in data.get(kind, [])]
        emphatic.update({word: code for word in data.get("caps", {}).get("emphatic", [])})
        thanks += data.get("thanks", [])
    first_words: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        for word in group.words:
            first_words.setdefault(word, []).append(index)
    return Lists(
        groups=tuple(groups),
        first_words={word: tuple(indices) for word, indices in first_words.items()},
        placeholders=tuple(re.compile(p) for p in common["placeholders"]["patterns"]),
        acronyms=frozenset(common["caps"]["acronyms"]),
        emphatic=emphatic,
        max_exclamations=int(common["exclamations"]["max_per_field"]),
        thanks=re.compile("|".join(rf"(?<!\w){re.escape(t)}" for t in thanks), re.I),
        copied_min_words=int(common["copied"]["min_words"]),
    )
