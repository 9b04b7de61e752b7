"""Doubtful but deliverable: what a command prints anyway, with one line saying so.

The engine refuses (``UserError``, exit 2) only what cannot be printed correctly. Everything
else that looks wrong is a ``Notice``: the document is made, and the notice is printed as one
``letterpress: warning:`` line (or an ``info:`` line for something letterpress did on the
user's behalf, such as deriving a region from a postcode). With ``--strict`` the first warning
stops the run before anything is written, with the same text.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from .errors import UserError, Where

Level = Literal["info", "warning"]


class Notice(Struct, frozen=True):
    """One doubt: what looks wrong, where, what to do; ``kind`` names the check (stable, for
    counting and tests), ``level`` is ``warning`` or ``info``."""

    what: str
    where: Where = Where()  # the place, as UserError takes it
    hint: str = ""
    kind: str = ""
    level: Level = "warning"

    def line(self) -> str:
        """The one line printed to the user (without the ``letterpress: warning:`` prefix)."""
        place = str(self.where)
        text = f"{place}: {self.what}" if place else self.what
        return f"{text}; {self.hint}" if self.hint else text

    def as_error(self) -> UserError:
        """The notice as the error ``--strict`` makes of it: same place, text and hint."""
        return UserError(self.what, where=self.where, hint=self.hint)


def first_warning(notices: tuple[Notice, ...] | list[Notice]) -> Notice | None:
    """The first notice at warning level, or None."""
    return next((n for n in notices if n.level == "warning"), None)


def enforce(notices: tuple[Notice, ...] | list[Notice], *, strict: bool) -> None:
    """Under ``--strict``, raise the first warning as a UserError (exit 2)."""
    warning = first_warning(notices) if strict else None
    if warning is not None:
        raise warning.as_error()
