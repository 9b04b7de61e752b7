"""A language's typography for the text letterpress sets: quotation marks and apostrophes as
a word processor's autocorrect makes them, and no-break spaces where the language puts a space
before punctuation (French ``merci !``), so that no line starts with ``; : ? !`` or ``»``.

The rules per language are data (``typography.toml`` beside this module)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from msgspec import Struct

from .. import cachefiles

RULES_FILE = resources.files("letterpress") / "language" / "typography.toml"
# Styles of the letter file's ``typography`` field.
STYLES = ("typographic", "as-typed")
_SPACES = " \t\u00a0\u202f\u2009"
# After these (or at the start) a quotation mark opens; elsewhere it closes.
_OPENERS = "([{<\u2013\u2014-/\u201c\u2018\u201e\u201a\u00ab\u2039"
_MARKUP = "*_"  # the body's emphasis markers: looked through to decide open or close
_CLOSERS = ")]}\"'\u00bb\u203a\u201d\u2019\u201c\u2018"


class Typography(Struct, frozen=True):
    """One language's rules; empty fields leave that part of the text as typed."""

    quotes: tuple[str, str] | None = None
    inner_quotes: tuple[str, str] | None = None
    apostrophe: str = ""
    quote_space: str = ""  # inside « »
    space_before: tuple[tuple[str, str], ...] = ()  # (mark, no-break space)

    def set(self, text: str, style: str = "typographic") -> str:
        """``text`` as set in this language: typographic quotes and apostrophes (unless
        ``style`` is "as-typed") and unbreakable spaces before punctuation and inside
        quotation marks (always: they only keep lines from starting with a mark)."""
        if not text:
            return text
        typographic = style != "as-typed"
        if typographic and (self.quotes or self.apostrophe) and ('"' in text or "'" in text):
            text = self._quotes(text)
        if self.space_before and any(mark in text for mark, _ in self.space_before):
            text = self._space_before(text, insert=typographic)
        if self.quote_space and ("«" in text or "»" in text):
            text = self._quote_spaces(text, insert=typographic)
        return text

    def _quotes(self, text: str) -> str:
        """Straight ``"`` and ``'`` made typographic: opening or closing by what surrounds
        them, an apostrophe within a word (``O'Connor``) or before a year (``'90s``)."""
        out: list[str] = []
        outer_open = inner_open = False
        for i, char in enumerate(text):
            if char == '"' and self.quotes:
                after = text[i + 1] if i + 1 < len(text) else ""
                outer_open = not (outer_open and not after.isalnum()) and _opens(text, i)
                out.append(self.quotes[0] if outer_open else self.quotes[1])
            elif char == "'":
                made, inner_open = self._single(text, i, inner_open)
                out.append(made)
            else:
                out.append(char)
        return "".join(out)

    def _single(self, text: str, i: int, inner_open: bool) -> tuple[str, bool]:
        """A straight single quote: apostrophe, or an opening or closing inner quote."""
        apostrophe = self.apostrophe or "'"
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isalnum() and after.isalnum():
            return apostrophe, inner_open
        if _opens(text, i):
            if after.isdigit() or not self.inner_quotes or not _closes_later(text, i + 1):
                return apostrophe, inner_open
            return self.inner_quotes[0], True
        if inner_open and self.inner_quotes:
            return self.inner_quotes[1], False
        return apostrophe, inner_open

    def _space_before(self, text: str, insert: bool) -> str:
        """The language's no-break space before each of its marks: a typed space replaced;
        with ``insert``, a missing one added after a word, unless the mark is inside a word
        or a number (``10:30``, ``https://``)."""
        marks = dict(self.space_before)
        out: list[str] = []
        for i, char in enumerate(text):
            space = marks.get(char)
            if space is not None:
                typed = bool(out) and out[-1] in _SPACES
                while out and out[-1] in _SPACES:
                    out.pop()
                previous = out[-1] if out else "\n"
                after = text[i + 1] if i + 1 < len(text) else ""
                ends = (
                    not after
                    or after in _SPACES
                    or after in marks
                    or after in _CLOSERS
                    or after in "\n*_."
                )
                wanted = insert and ends and previous not in marks and previous not in _OPENERS
                if previous != "\n" and (typed or wanted):
                    out.append(space)
            out.append(char)
        return "".join(out)

    def _quote_spaces(self, text: str, insert: bool) -> str:
        """The no-break space inside « »: typed spaces replaced, missing ones added."""
        space = self.quote_space
        text = re.sub(rf"«[{_SPACES}]+", "«" + space, text)
        text = re.sub(rf"[{_SPACES}]+»", space + "»", text)
        if insert:
            text = re.sub(r"«(?=[^\s\u00a0\u202f])", "«" + space, text)
            text = re.sub(r"(?<=[^\s\u00a0\u202f])»", space + "»", text)
        return text


def _previous(text: str, i: int) -> str:
    """The character before position ``i``, looking through emphasis markers."""
    j = i - 1
    while j >= 0 and text[j] in _MARKUP:
        j -= 1
    return text[j] if j >= 0 else ""


def _opens(text: str, i: int) -> bool:
    """Whether a quotation mark at ``i`` opens (at the start, after a space or an opener)."""
    before = _previous(text, i)
    return not before or before.isspace() or before in _OPENERS


def _closes_later(text: str, start: int) -> bool:
    """Whether a straight single quote after ``start`` could close a quotation."""
    for j in range(start, len(text)):
        if text[j] == "'":
            after = text[j + 1] if j + 1 < len(text) else ""
            if not after.isalnum() and j > start and not text[j - 1].isspace():
                return True
    return False


def typed_prefix(text: str, words: list[str]) -> tuple[str, str]:
    """``text`` without a leading ``WORD:`` (any of ``words``, in any case, the colon
    required: "Objet de ma lettre" keeps its word), and that prefix as typed ("" if none)."""
    if ":" not in text:  # no colon, no prefix: no pattern to build and match
        return text, ""
    for word in words:
        found = re.match(rf"\s*{re.escape(word)}\s*:\s*", text, re.IGNORECASE)
        if found:
            return text[found.end() :], found.group(0).strip()
    return text, ""


def load_rules(data: dict[str, Any], tag: str) -> Typography:
    """The rules for a BCP 47 ``tag`` out of the rules file's ``data``: the tag as written
    (``de-CH``), else its language (``de``), else none."""
    parts = tag.replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    table = data.get(f"{language}-{region}") if region else None
    table = table if table is not None else data.get(language)
    if not isinstance(table, dict):
        return Typography()
    quotes, inner = table.get("quotes"), table.get("inner_quotes")
    return Typography(
        quotes=(quotes[0], quotes[1]) if quotes else None,
        inner_quotes=(inner[0], inner[1]) if inner else None,
        apostrophe=table.get("apostrophe", ""),
        quote_space=table.get("quote_space", ""),
        space_before=tuple(sorted(table.get("space_before", {}).items())),
    )


def typography(tag: str) -> Typography:
    """The typography of the language ``tag``, read from the bundled rules file."""
    return load_rules(cachefiles.toml(Path(str(RULES_FILE))), tag)
