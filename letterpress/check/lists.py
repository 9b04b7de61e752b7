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
    costs one pass over the text's words however many phrases there are; and only the phrases
    whose every word the text holds, compiled the first time a text needs them (compiling every
    group would cost a letter 30 ms; most texts hold the first word of a phrase, "I", "ich",
    "je", far more often than the whole of it). Regular expressions (``patterns``) are searched
    through the whole text.
    """

    def __init__(
        self,
        kind: str,
        language: str,
        alternative: str,
        by_word: dict[str, list[tuple[str, frozenset[str]]]],
        scan_source: str,
        scan_words: frozenset[str] | None = None,
    ) -> None:
        self.kind = kind
        self.language = language
        self.alternative = alternative
        self._by_word = by_word  # first word -> each phrase's expression and words, in order
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._scan_source = scan_source
        self._scan_words = scan_words  # one of which every match of the expressions holds
        self._scan: re.Pattern[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The first words (case-folded) of the plain phrases."""
        return frozenset(self._by_word)

    def at_word(self, word: str, vocabulary: frozenset[str]) -> re.Pattern[str] | None:
        """The phrases that start with ``word`` (case-folded) and whose words are all among
        ``vocabulary`` (a text's ``words``, case-folded) as one expression, or None. Leaving
        out a phrase that cannot match changes no match: the others keep their order."""
        possible = [source for source, needs in self._by_word.get(word, ()) if needs <= vocabulary]
        if not possible:
            return None
        source = "|".join(f"(?:{p})" for p in possible)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = self._compiled[source] = re.compile(source, re.I)
        return compiled

    def scan(self, vocabulary: frozenset[str]) -> re.Pattern[str] | None:
        """The group's regular expressions, to search a whole text whose words (case-folded)
        are ``vocabulary``; None when it has none, or when the text holds none of the words
        one of which every match holds (``pattern_words``)."""
        if not self._scan_source:
            return None
        if self._scan_words is not None and self._scan_words.isdisjoint(vocabulary):
            return None
        if self._scan is None:
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
    return _fold(match.group()) if match else ""


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` (runs of letters and digits), case-folded, with their offsets.
    A dot above left by case-folding a capital İ is dropped, since a case-insensitive
    expression matches İ as i."""
    return [(_fold(m.group()), m.start()) for m in _WORD.finditer(text)]


def _fold(word: str) -> str:
    folded = word.casefold()
    return folded.replace("\u0307", "") if "\u0307" in folded else folded


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


def _prepared(table: dict[str, Any]) -> list[Any]:
    """A group's table as ``Group`` takes it (marshal data): its alternative, its plain phrases
    as expressions with their words by first word, its other expressions joined."""
    by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
    scanned = [str(pattern) for pattern in table.get("patterns", [])]
    hint = table.get("pattern_words")
    scan_words = frozenset(_fold(str(w)) for w in hint) if hint else None
    for phrase in table.get("phrases", []):
        word = first_word(phrase)
        if word:
            needs = frozenset(w for w, _ in words(phrase))
            by_word.setdefault(word, []).append((phrase_regex(phrase), needs))
        else:  # starts with a sign ("€ 50"): searched like a pattern, whatever the words
            scanned.append(phrase_regex(phrase))
            scan_words = None
    joined = "|".join(f"(?:{p})" for p in scanned)
    return [str(table["alternative"]), by_word, joined, scan_words]


def _language(code: str) -> dict[str, Any]:
    """One language's list with its groups prepared, kept in the cache folder between runs
    (preparing the phrases' expressions costs a letter a few milliseconds)."""
    path = Path(str(_folder() / f"{code}.toml"))
    current = cachefiles.stamp(path, "prepared-2")
    name = f"phrases-{code}.marshal"
    kept = cachefiles.read(name, current)
    if isinstance(kept, dict):
        return kept
    data = cachefiles.toml(path)
    prepared = {
        "groups": [
            [kind, *_prepared(table)] for kind in ("eager", "pay") for table in data.get(kind, [])
        ],
        "emphatic": list(data.get("caps", {}).get("emphatic", [])),
        "thanks": list(data.get("thanks", [])),
    }
    cachefiles.write(name, current, prepared)
    return prepared


@cache
def load_lists() -> Lists:
    """All phrase lists; every language is applied to every letter (they rarely overlap)."""
    common = _read("common.toml")
    groups: list[Group] = []
    emphatic: dict[str, str] = {}
    thanks: list[str] = []
    for code in languages():
        data = _language(code)
        groups += [Group(kind, code, *rest) for kind, *rest in data["groups"]]
        emphatic.update({word: code for word in data["emphatic"]})
        thanks += data["thanks"]
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
