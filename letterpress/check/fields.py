"""Which texts of a letter file the check reads, named by their field path."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import Any

from msgspec import Struct

from ..errors import Where

# Prose the reader sees as written text: tone, pay and copying are checked here.
PROSE = ("subject", "opening", "body", "closing", "postscript", "email.subject", "email.body")
# Long texts compared against the bundled example and starter texts.
LONG = ("body", "email.body")
# Where a number is not taken as text: [references] takes numbers (a customer number), and
# a field letterpress does not know is refused as such, not also as a number.
_NUMBERS_TAKEN = ("references",)


class Text(Struct, frozen=True, dict=True):  # dict: room for the cached properties
    """One string of the input and where it sits."""

    field: str
    text: str
    number: bool = False  # a TOML or JSON number where the text is: written without quotes

    @property
    def prose(self) -> bool:
        """Text written to the reader (letter or email wording, call-sheet talking points)."""
        return self.field in PROSE or self.field.startswith("call.")

    @property
    def long(self) -> bool:
        return self.field in LONG or (self.field.startswith("call.") and len(self.text) > 80)

    @cached_property
    def _newlines(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """The 1-based line of ``offset`` in the text (one look-up, however many findings)."""
        return bisect_right(self._newlines, offset - 1) + 1

    @cached_property
    def words(self) -> list[tuple[str, int]]:
        """The text's words, case-folded, with their offsets (see ``lists.words``)."""
        from .lists import words

        return words(self.text)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The text's words, case-folded, once each."""
        return frozenset(word for word, _ in self.words)


def texts(data: dict[str, Any], *, numbers: bool = False) -> list[Text]:
    """Every string in the input, depth first, with paths like ``interview.involved[1].name``;
    with ``numbers``, every number where text belongs too (in the tables letterpress reads,
    outside [references]), as the text it is read as (``number`` set)."""
    from ..letter.model import LETTER_FIELDS, OTHER_TABLES

    known = set(LETTER_FIELDS + OTHER_TABLES).difference(_NUMBERS_TAKEN)
    out: list[Text] = []

    def walk(value: Any, *path: str | int) -> None:
        if isinstance(value, str):
            out.append(Text(Where().at(*path).field, value))
        elif numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            # a list's item: the list is refused as "a list of texts", not said twice
            if path and path[0] in known and isinstance(path[-1], str):
                out.append(Text(Where().at(*path).field, str(value), number=True))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, *path, str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, *path, index)

    walk(data)
    return out


def names(data: dict[str, Any]) -> set[str]:
    """Words of names and addresses (sender, recipient, interview): their capitals never shout."""
    words: set[str] = set()
    for item in texts(data):
        if item.field.split(".")[0].split("[")[0] in (
            "sender",
            "recipient",
            "interview",
            "mailing",
            "references",
            "enclosures",
            "cc",
        ):
            words.update(item.text.replace("-", " ").split())
    return {w.strip(".,;:()\"'") for w in words}
