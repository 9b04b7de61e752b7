"""The project's own exception types: every problem a user can cause is a UserError."""

from __future__ import annotations

from msgspec import Struct
from msgspec.structs import replace


class Where(Struct, frozen=True):
    """A place in the input: file, spreadsheet row and column, field path, command-line option.

    Printed as one comma-separated text, e.g. ``letter.toml, recipient.name``,
    ``row 4, recipient.city``, ``row 4, column 'Ort' (recipient.city)`` (the column that
    filled the field) or ``--posted``; absent parts are left out.
    """

    file: str = ""
    row: int | None = None  # spreadsheet row number, as the user counts rows
    column: str = ""  # spreadsheet column name
    field: str = ""  # dotted field path, list items as [n]: recipient.address_lines[2]
    option: str = ""  # command-line option (or environment variable): --posted
    command: str = ""  # the command itself, for problems with its options as a whole

    def __str__(self) -> str:
        parts = (
            self.command,
            self.file,
            "" if self.row is None else f"row {self.row}",
            f"column {self.column!r}" + (f" ({self.field})" if self.field else "")
            if self.column
            else self.field,
            self.option,
        )
        return ", ".join(part for part in parts if part)

    def with_field(self, field: str) -> Where:
        """This place with ``field`` as its field path (what ``replace`` would make, made
        directly: a batch re-places every address line of every letter)."""
        return Where(self.file, self.row, self.column, field, self.option, self.command)

    def at(self, *parts: str | int) -> Where:
        """The place of a field inside this one: names joined with dots, and a list's item
        ``i`` (counted from 0) written as ``[i + 1]``, as users count."""
        path = self.field
        for part in parts:
            if isinstance(part, int):
                path += f"[{part + 1}]"
            elif path:
                path += f".{part}"
            else:
                path = str(part)
        return Where(self.file, self.row, self.column, path, self.option, self.command)


class UserError(Exception):
    """Unusable input: reported as one line (where, what, what to do) and exit code 2.

    ``where`` names the place (file, row, column, field, option), ``what`` the problem and
    ``hint`` what to do. The place is kept as ``place``; ``where`` gives it as text.
    """

    exit_code = 2

    def __init__(self, what: str, *, where: Where = Where(), hint: str = "") -> None:
        self.what = what
        self.place = where
        self.hint = hint
        super().__init__(self.line())

    @property
    def where(self) -> str:
        """The place as the text printed before the message ('' when there is none)."""
        return str(self.place)

    def line(self) -> str:
        """The one line printed to the user."""
        where = self.where
        text = f"{where}: {self.what}" if where else self.what
        if self.hint:
            text = f"{text}; {self.hint}"
        return text


def in_input(exc: UserError, where: Where) -> UserError:
    """``exc`` naming the input at ``where`` (its file, or its mail-merge row) when it names
    neither: parts made without knowing the input (page furniture a batch shares between
    letters, pages laid out from a plan) raise errors with only a field."""
    if not isinstance(exc.place, Where) or exc.place.file or exc.place.row is not None:
        return exc
    return type(exc)(
        exc.what, where=replace(exc.place, file=where.file, row=where.row), hint=exc.hint
    )


class LayoutError(UserError):
    """A layout file is missing, malformed or geometrically impossible."""


class WindowError(UserError):
    """The address block would not show through the envelope window."""


class LongParagraphError(UserError):
    """A paragraph (``kind``: or bullet item) of a body longer than ``limits.py`` allows; its
    ``text`` lets a mail merge name the cells that filled it."""

    def __init__(
        self, what: str, *, where: Where = Where(), hint: str = "", text: str = "", kind: str = ""
    ) -> None:
        super().__init__(what, where=where, hint=hint)
        self.text = text
        self.kind = kind


class FontCoverageError(UserError):
    """A character that no bundled font can draw (``char``)."""

    def __init__(
        self, what: str, *, where: Where = Where(), hint: str = "", char: str = ""
    ) -> None:
        super().__init__(what, where=where, hint=hint)
        self.char = char


def choice_hint(typed: str, names: list[str], cutoff: float = 0.6) -> str:
    """The hint for a name that is not one of ``names``: the nearest as a question with the
    whole list, or, with none near, the list to choose from."""
    import difflib  # only for a mistake: a run without one never loads it

    known = ", ".join(names)
    close = difflib.get_close_matches(typed, names, n=1, cutoff=cutoff)
    return f"did you mean {close[0]!r}? (known: {known})" if close else f"use one of {known}"
