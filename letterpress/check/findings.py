"""One finding of the check: kind, field, the phrase as written and a calmer alternative."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

KINDS = ("eager", "placeholder", "copied-example", "pay", "number")
# The kinds fixed by new words (the others, and letter's warnings, as their line says).
REPHRASED = frozenset({"eager", "placeholder", "copied-example", "pay"})


class Finding(Struct, frozen=True):
    """Something to fix before sending; ``line`` counts within the field (1 = first line),
    ``lines``: how many lines the field has."""

    kind: str
    field: str
    phrase: str
    alternative: str
    line: int = 1
    lines: int = 1

    @property
    def at_line(self) -> bool:
        """Whether the line is worth saying: the field has more than one."""
        return self.line > 1 or self.lines > 1

    def where(self) -> str:
        """``body, line 3`` (``body, line 1`` too), or ``subject`` for a one-line field."""
        return f"{self.field}, line {self.line}" if self.at_line else self.field

    def describe(self, origin: str) -> str:
        """The finding as one line: file, field, kind, the phrase and a suggestion."""
        return (
            f'{origin}: {self.where()}: {self.kind}: "{self.phrase}"; '
            f"suggestion: {self.alternative}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "field": self.field,
            "phrase": self.phrase,
            "alternative": self.alternative,
            "line": self.line,
        }


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


# The most characters of a passage a finding quotes (12 words of a real text come to ~80).
_QUOTED_CHARS = 100


def shorten(text: str, words: int = 12) -> str:
    """The first words of a passage, on one line, and no more than ``_QUOTED_CHARS``
    characters of them (one "word" may be thousands of characters long)."""
    parts = text.split()
    quoted = " ".join(parts[:words])
    if len(quoted) > _QUOTED_CHARS:
        return quoted[:_QUOTED_CHARS].rstrip() + "…"
    return quoted + (" …" if len(parts) > words else "")
