"""The check's phrase lists (``phrases/*.toml``), loaded once and compiled to expressions."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


class Group:
    """Phrases of one kind that share a calmer alternative. Its expression is compiled the
    first time a text might match: a group of plain phrases is skipped for a text that holds
    none of their first words (compiling every group would cost a letter 30 ms)."""

    def __init__(self, kind: str, language: str, source: str, alternative: str,
                 needles: frozenset[str] | None) -> None:
        self.kind = kind
        self.language = language
        self.source = source
        self.alternative = alternative
        self.needles = needles  # lower-case words one of which any match contains, or None
        self._pattern: re.Pattern[str] | None = None

    def might_match(self, lowered: str) -> bool:
        """Whether the text (lower-cased) can hold a match at all."""
        return self.needles is None or any(n in lowered for n in self.needles)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.I)
        return self._pattern


@dataclass(frozen=True)
class Lists:
    """Everything the detectors need, from all bundled languages."""

    groups: tuple[Group, ...]
    placeholders: tuple[re.Pattern[str], ...]
    acronyms: frozenset[str]
    emphatic: dict[str, str]          # shouted word -> language it belongs to
    max_exclamations: int
    thanks: re.Pattern[str]
    copied_min_words: int


def phrase_regex(phrase: str) -> str:
    """A whole-word, spacing-tolerant expression for a plain phrase (either apostrophe)."""
    words = ["['’]".join(re.escape(part) for part in re.split("['’]", word))
             for word in phrase.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _folder() -> Any:
    return resources.files("letterpress") / "check" / "phrases"


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads((_folder() / name).read_text(encoding="utf-8"))


def languages() -> list[str]:
    """The languages with a phrase list (``en``, ``de``...)."""
    return sorted(entry.name[:-5] for entry in _folder().iterdir()
                  if entry.name.endswith(".toml") and entry.name != "common.toml")


def _group(kind: str, language: str, table: dict[str, Any]) -> Group:
    phrases = list(table.get("phrases", []))
    parts = [phrase_regex(p) for p in phrases] + list(table.get("patterns", []))
    needles = None if table.get("patterns") else frozenset(_needle(p) for p in phrases)
    return Group(kind, language, "|".join(f"(?:{p})" for p in parts),
                 str(table["alternative"]), needles)


def _needle(phrase: str) -> str:
    """The longest run of letters in the phrase's first word, lower-cased: every match of
    the phrase contains it (apostrophes may differ, case and spacing may not matter)."""
    first = phrase.split()[0]
    return max(re.split(r"\W+", first), key=len).lower()


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
    return Lists(
        groups=tuple(groups),
        placeholders=tuple(re.compile(p) for p in common["placeholders"]["patterns"]),
        acronyms=frozenset(common["caps"]["acronyms"]),
        emphatic=emphatic,
        max_exclamations=int(common["exclamations"]["max_per_field"]),
        thanks=re.compile("|".join(rf"(?<!\w){re.escape(t)}" for t in thanks), re.I),
        copied_min_words=int(common["copied"]["min_words"]),
    )
