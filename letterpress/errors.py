"""The project's own exception types: every problem a user can cause is a UserError."""
from __future__ import annotations


class UserError(Exception):
    """Unusable input: reported as one line (where, what, what to do) and exit code 2.

    ``where`` names the place (file, row, field), ``what`` the problem and ``hint`` what to do.
    """

    exit_code = 2

    def __init__(self, what: str, *, where: str = "", hint: str = "") -> None:
        self.what = what
        self.where = where
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The one line printed to the user."""
        text = f"{self.where}: {self.what}" if self.where else self.what
        if self.hint:
            text = f"{text}; {self.hint}"
        return text


class LayoutError(UserError):
    """A layout file is missing, malformed or geometrically impossible."""


class WindowError(UserError):
    """The address block would not show through the envelope window."""


class FontCoverageError(UserError):
    """A character that no bundled font can draw."""


def field_path(*parts: object) -> str:
    """Join field names into a dotted path, with list indexes in brackets."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif out:
            out += f".{part}"
        else:
            out = str(part)
    return out
