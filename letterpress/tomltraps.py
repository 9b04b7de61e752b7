"""TOML syntax errors explained in the user's terms: the traps a word processor or a habit
sets (curly quotes, a date written 27.11.2026, an unclosed \"\"\", a space TOML does not
accept) get the fix; anything else gets the parser's own message and where it is."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from msgspec import Struct
from msgspec.structs import replace

from .errors import UserError, Where

GENERIC_HINT = "fix the syntax (quotes, = signs, [tables])"
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_KEY_LINE = re.compile(
    r"^[ \t]*((?:[A-Za-z0-9_-]+|\"[^\"\n]*\")(?:[ \t]*\.[ \t]*"
    r"(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"))*)[ \t]*="
)
_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_MULTI = re.compile(r"=[ \t]*(\"\"\"|''')")
_STATEMENT = re.compile(r"^[ \t]*(?:[A-Za-z0-9_-]+[ \t]*=[ \t]*\S|\[[A-Za-z0-9_. -]+\][ \t]*$)")
_CURLY = "“”„‟«»‘’‚‛"
_DOTTED_DATE = re.compile(r"=[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_SLASHED_DATE = re.compile(r"=[ \t]*(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DATE = re.compile(r"=[ \t]*(\d{4})-(\d{2})-(\d{2})\b")
# A value of digits that TOML cannot read as a number (a leading 0, spaces, a + and spaces, a
# slash): a postcode, a phone number written without quotes. Dates are other traps' business.
_BARE_DIGITS = re.compile(r"=[ \t]*(\+?[0-9][0-9 \t/().-]*)[ \t]*(?:#.*)?$")
# Characters that look like a space (or nothing) but that TOML does not accept between parts.
_ODD_SPACE = re.compile(r"[^\S \t\r\n]|[\u200b\u2060\ufeff]")


class _Error(Struct, frozen=True):
    """The parser's complaint: its message and the line (1-based) and column it points at."""

    message: str
    text: str
    line: int
    column: int

    def line_text(self, number: int | None = None) -> str:
        lines = self.text.splitlines()
        index = (number or self.line) - 1
        return lines[index] if 0 <= index < len(lines) else ""


def explain(
    text: str,
    message: str,
    where: Where,
    hint: str | None = None,
    label: str = "invalid TOML",
) -> UserError:
    """The UserError for TOML ``text`` that tomllib refused with ``message``; ``label`` and
    ``hint`` (None: ``GENERIC_HINT``) say what is wrong and what to do when no known trap
    explains it."""
    error = _locate(text, message)
    for trap in TRAPS.values():
        found = trap(error, where)
        if found is not None:
            return found
    return UserError(
        f"{label}: {message}", where=where, hint=GENERIC_HINT if hint is None else hint
    )


def _locate(text: str, message: str) -> _Error:
    match = _POSITION.search(message)
    if match:
        return _Error(message, text, int(match.group(1)), int(match.group(2)))
    return _Error(message, text, text.count("\n") + 1, 1)  # "at end of document"


def _field(error: _Error, where: Where, number: int | None = None) -> Where:
    """``where`` narrowed to the key on line ``number`` (default: the error's line), inside
    the [table] above it."""
    lines = error.text.splitlines()
    index = (number or error.line) - 1
    key = _KEY_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    if key is None:
        return where
    table = next((m.group(1) for line in reversed(lines[:index]) if (m := _TABLE.match(line))), "")
    parts = [
        p.strip().strip('"')
        for p in ((table + ".") if table else "").split(".") + key.group(1).split(".")
        if p.strip()
    ]
    return replace(where, field=".".join(parts))


def _unclosed_multiline(error: _Error, where: Where) -> UserError | None:
    """A text opened with \"\"\" (or ''') whose closing is missing: it runs to the end of the
    file, or swallows the next ``key = value`` lines."""
    text = error.text
    position = 0
    while (match := _MULTI.search(text, position)) is not None:
        quote = match.group(1)
        start = match.end()
        close = text.find(quote, start)
        inside = text[start:] if close < 0 else text[start:close]
        opened = text.count("\n", 0, match.start()) + 1
        closed = text.count("\n", 0, max(close, 0)) + 1
        runs_on = next(
            (i for i, line in enumerate(inside.splitlines()[1:], 1) if _STATEMENT.match(line)), None
        )
        if close >= 0 and error.line not in (closed, closed + 1):
            runs_on = None  # the error is elsewhere: this text was closed where it should be
        if close < 0 or runs_on is not None:
            into = (
                f", and runs into line {opened + runs_on}"
                if runs_on is not None
                else " and runs to the end of the file"
            )
            return UserError(
                f"invalid TOML: the text opened with {quote} on line {opened} "
                f"is never closed{into}",
                where=_field(error, where, opened),
                hint=f"add {quote} on a line of its own after the text",
            )
        position = close + len(quote)
    return None


def _curly_quotes(error: _Error, where: Where) -> UserError | None:
    line = error.line_text()
    value = line.partition("=")[2].strip()
    if not value or value[0] not in _CURLY:
        return None
    shown = value.split("#")[0].strip()
    inner = shown.strip(_CURLY + " ")
    return UserError(
        f"invalid TOML, line {error.line}: the text {shown} is in curly quotes",
        where=_field(error, where),
        hint=f'use straight quotes: "{inner}" (a word processor curls them; '
        "turn off smart quotes or use a plain-text editor)",
    )


def _written_date(error: _Error, where: Where) -> UserError | None:
    line = error.line_text()
    dotted = _DOTTED_DATE.search(line)
    if dotted:
        day, month, year = (int(g) for g in dotted.groups())
        example = f"{year:04d}-{month:02d}-{day:02d}"
        shown = dotted.group(0).lstrip("= \t")
    elif slashed := _SLASHED_DATE.search(line):
        shown = slashed.group(0).lstrip("= \t")
        example = "2026-11-27"
    else:
        return None
    return UserError(
        f"invalid TOML, line {error.line}: the date {shown} is not written as TOML reads dates",
        where=_field(error, where),
        hint=f"write dates as {example} (year-month-day, no quotes)",
    )


def _no_such_date(error: _Error, where: Where) -> UserError | None:
    """A date in TOML's form that the calendar does not have (2026-13-01, 2026-02-30)."""
    found = _ISO_DATE.search(error.line_text())
    if found is None:
        return None
    year, month, day = (int(g) for g in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        shown = found.group(0).lstrip("= \t")
        why = (
            f"there is no month {month}" if not 1 <= month <= 12 else f"that month has no day {day}"
        )
        return UserError(
            f"invalid TOML, line {error.line}: {shown} is not a date ({why})",
            where=_field(error, where),
            hint="write a day the calendar has, as year-month-day",
        )
    return None


def _digits_without_quotes(error: _Error, where: Where) -> UserError | None:
    """``postal_code = 01234``, ``phone = 030 1234567``: text of digits written without
    quotes, which TOML refuses as a number."""
    line = error.line_text()
    found = _BARE_DIGITS.search(line)
    key = _KEY_LINE.match(line)
    if found is None or key is None:
        return None
    shown = found.group(1).strip()
    return UserError(
        f"invalid TOML, line {error.line}: {shown} is written without quotes",
        where=_field(error, where),
        hint=f'write it in quotes, as it should print: {key.group(1).strip()} = "{shown}"',
    )


def _odd_space(error: _Error, where: Where) -> UserError | None:
    line = error.line_text()
    odd = _ODD_SPACE.search(line)
    if odd is None:
        return None
    char = odd.group()
    name = unicodedata.name(char, "control character").lower()
    return UserError(
        f"invalid TOML, line {error.line}, column {odd.start() + 1}: a {name} "
        f"(U+{ord(char):04X}) where TOML expects a plain space or a tab",
        where=_field(error, where),
        hint="replace it with a plain space (word processors and web pages insert such spaces)",
    )


def _unclosed_quote(error: _Error, where: Where) -> UserError | None:
    if not error.message.startswith("Illegal character '\\n'"):
        return None
    line = error.line_text()
    if line.partition("=")[2].strip()[:1] not in ('"', "'"):
        return None
    return UserError(
        f"invalid TOML, line {error.line}: the text has no closing quote",
        where=_field(error, where),
        hint='end it with " on the same line, or write a text of several lines between """ and """',
    )


def _control_character(error: _Error, where: Where) -> UserError | None:
    line = error.line_text()
    index = error.column - 1
    if not error.message.startswith("Illegal character") or not 0 <= index < len(line):
        return None
    char = line[index]
    if unicodedata.category(char) != "Cc" or char in "\n\r":
        return None
    return UserError(
        f"invalid TOML, line {error.line}, column {error.column}: a control "
        f"character (U+{ord(char):04X}) in the text",
        where=_field(error, where),
        hint="remove it (it prints nothing; a copy from another program may have brought it)",
    )


def _spaced_key(error: _Error, where: Where) -> UserError | None:
    if not error.message.startswith("Expected '=' after a key"):
        return None
    key = error.line_text().partition("=")[0].strip()
    if not re.fullmatch(r"[A-Za-z0-9_-]+(?:[ \t]+[A-Za-z0-9_-]+)+", key):
        return None
    joined = re.sub(r"[ \t]+", "_", key)
    return UserError(
        f"invalid TOML, line {error.line}: the name {key!r} has a space in it",
        where=where,
        hint=f"write {joined} (names of fields have no spaces)",
    )


def _given_twice(error: _Error, where: Where) -> UserError | None:
    """A field written twice (a second ``street =`` pasted below the first), or a [table]
    opened twice: say which, and where the first one is."""
    if error.message.startswith("Cannot overwrite a value"):
        second = _field(error, where)
        if not second.field:
            return None
        first = next(
            (n for n in range(1, error.line) if _field(error, where, n).field == second.field),
            None,
        )
        also = f" (first on line {first})" if first else ""
        return UserError(
            f"invalid TOML, line {error.line}: {second.field} is given twice{also}",
            where=second,
            hint="keep one of the two lines",
        )
    declared = re.match(r"Cannot declare \((.*)\) twice", error.message)
    if declared is None:
        return None
    name = ".".join(re.findall(r"'([^']*)'", declared.group(1)))
    lines = error.text.splitlines()[: error.line - 1]
    first = next(
        (i for i, line in enumerate(lines, 1) if (m := _TABLE.match(line)) and m.group(1) == name),
        None,
    )
    also = f" (first on line {first})" if first else ""
    return UserError(
        f"invalid TOML, line {error.line}: the table [{name}] is opened twice{also}",
        where=where,
        hint=f"put everything of [{name}] under one [{name}] line",
    )


def _unquoted_text(error: _Error, where: Where) -> UserError | None:
    """A text written without quotes (``subject = Thank you``): TOML takes only numbers,
    dates, true and false bare."""
    if not error.message.startswith("Invalid value"):
        return None
    key, equals, value = error.line_text().partition("=")
    value = value.split(" #")[0].strip()
    if not equals or not value[:1].isalpha() or value in ("true", "false") or '"' in value:
        return None
    return UserError(
        f"invalid TOML, line {error.line}: the text {value} has no quotes",
        where=_field(error, where),
        hint=f'write {key.strip()} = "{value}"',
    )


def _apostrophe_in_single_quotes(error: _Error, where: Where) -> UserError | None:
    """An apostrophe inside a text in single quotes (``'Jonas's interview'``) ends it early."""
    if not error.message.startswith("Expected newline or end of document after a statement"):
        return None
    key, _, value = error.line_text().partition("=")
    value = value.strip()
    if not value.startswith("'") or value.startswith("'" * 3) or value.count("'") < 3:
        return None
    inner = value[1:-1] if value.endswith("'") else value[1:]
    if '"' in inner:
        return None
    return UserError(
        f"invalid TOML, line {error.line}: the apostrophe in {value} ends the text in single "
        "quotes",
        where=_field(error, where),
        hint=f'put the text in double quotes: {key.strip()} = "{inner}"',
    )


def _backslash(error: _Error, where: Where) -> UserError | None:
    """A backslash in a text in double quotes, mostly a Windows path (``"C:\\Users\\..."``):
    TOML reads it as the start of a code such as \\n."""
    if not error.message.startswith(("Invalid hex value", "Unescaped '\\'")):
        return None
    key, _, value = error.line_text().partition("=")
    value = value.strip()
    if not value.startswith('"') or "\\" not in value:
        return None
    inner = value.strip('"')
    return UserError(
        f"invalid TOML, line {error.line}: the text {value} holds a backslash, which TOML "
        "reads as the start of a code such as \\n",
        where=_field(error, where),
        hint=f"write the path with / ({inner.replace(chr(92), '/')}), or in single quotes "
        f"('{inner}')",
    )


# Tried in order: the first trap that recognises the error explains it.
TRAPS: dict[str, Callable[[_Error, Where], UserError | None]] = {
    "unclosed multi-line text": _unclosed_multiline,
    "curly quotes": _curly_quotes,
    "date written as people write it": _written_date,
    "date the calendar does not have": _no_such_date,
    "digits without quotes": _digits_without_quotes,
    "space TOML does not accept": _odd_space,
    "text without its closing quote": _unclosed_quote,
    "control character": _control_character,
    "name with a space": _spaced_key,
    "field or table given twice": _given_twice,
    "text without quotes": _unquoted_text,
    "apostrophe in single quotes": _apostrophe_in_single_quotes,
    "backslash in a path": _backslash,
}
