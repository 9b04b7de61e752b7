"""File names for ``--out-dir``: a pattern over the row, made safe (pathvalidate) and unique
across every kind of document a row makes."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from functools import partial

from jinja2 import TemplateSyntaxError, meta
from jinja2.exceptions import TemplateError
from pathvalidate import sanitize_filename

from ..errors import UserError, Where
from .checks import Finding
from .filters import FilterError
from .sandbox import Budget, LimitError, render
from .table import Row, listed
from .tasks import file_name
from .template import RowView, make_environment, referenced_columns

DEFAULT_PATTERN = "row-{{ n }}"
# File systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS) per name: the base
# name keeps room for "-call", a "-12345" that makes it unique, ".pdf" and the temporary
# name's ".", random part and ".part".
MAX_BYTES = 200


class NamePattern:
    """``--name`` compiled once: ``{{ row.last_name }}-{{ row.first_name }}``; ``n`` is the row."""

    def __init__(self, pattern: str | None) -> None:
        self.pattern = pattern or DEFAULT_PATTERN
        env = self.environment = make_environment(None)
        try:
            tree = env.parse(self.pattern)
            self.template = env.from_string(tree)
        except TemplateSyntaxError:
            raise UserError(  # in the user's words, not the engine's "expected 'end of print..."
                f"{self.pattern!r} is not a file name pattern",
                where=Where(option="--name"),
                hint="put each column between {{ and }} and write the rest as it is, e.g. "
                "{{ row.last_name }}-{{ n }} (a column with spaces as {{ row['last name'] }})",
            ) from None
        known = {"n", *env.globals}
        self.columns = referenced_columns(tree, known)
        # {{ Name }}, not {{ row.Name }}: a name the pattern would find undefined in every row
        self.bare = frozenset(meta.find_undeclared_variables(tree) - known - {"row"})

    def check_columns(self, columns: tuple[str, ...], data_origin: str) -> None:
        """A column the pattern uses that the data does not have, or one written without
        ``row.``: one error for the run, naming the column meant and the data's columns."""
        for name in sorted(self.bare | self.columns):
            if name in self.bare and name in columns:
                what = f"the file name pattern uses {name!r} without 'row.' in front"
                hint = f"write {written(name)}"
            elif name not in columns:
                what = (
                    f"the file name pattern uses column {name!r}, which {data_origin} does not have"
                )
                close = difflib.get_close_matches(name, columns, n=1)
                hint = (
                    f"did you mean {written(close[0])}? the columns are {listed(columns)}"
                    if close
                    else "write a column as {{ row.COLUMN }}; the columns are " + listed(columns)
                )
            else:
                continue
            raise UserError(what, where=Where(option="--name"), hint=hint)

    def render(self, number: int, values: dict[str, str]) -> str:
        """The bare, sanitised name (no extension); an exception for a bad row (FilterError
        for one the pattern's limits stopped)."""
        self.environment.budget = Budget()  # each row's limits (see sandbox)
        try:
            text = render(self.template, {"row": RowView(values), "n": number})
        except LimitError as exc:
            raise FilterError(exc.what, exc.hint) from None
        except RecursionError:
            raise FilterError("the pattern calls itself without end") from None
        return sanitise(text) or f"row-{number}"


def written(column: str) -> str:
    """A column as a pattern writes it: ``{{ row.last_name }}``, ``{{ row['last name'] }}``."""
    return f"{{{{ row.{column} }}}}" if column.isidentifier() else f"{{{{ row[{column!r}] }}}}"


def sanitise(text: str) -> str:
    """A name every file system takes: what all of them allow stays (spaces, commas,
    apostrophes, accents: ``Berger, Kim``); separators, ``: * ? " < > |``, control characters,
    leading dots and trailing dots and spaces go; a reserved device name (``CON``, ``COM¹``,
    ``CON.txt``) gets a ``_``; at most ``MAX_BYTES`` bytes of UTF-8, cut between characters."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = sanitize_filename(text, replacement_text="-", platform="universal", max_len=MAX_BYTES)
    text = text.lstrip(".- ").rstrip(". ")
    return sanitize_filename(text, platform="universal", max_len=MAX_BYTES) if text else ""


def row_names(
    pattern: str | None,
    rows: Sequence[Row],
    kinds: tuple[str, ...],
    names: dict[int, str],
    data_origin: str = "the data",
) -> list[Finding]:
    """``--out-dir`` base names per row, unique across every file a row makes, into
    ``names``; a column the pattern uses that the data lacks is a UserError, a row whose
    pattern fails (an error) is a finding."""
    compiled = NamePattern(pattern)
    if rows:
        compiled.check_columns(rows[0].columns, data_origin)
    raw: list[str | None] = []
    found = []
    for row in rows:
        try:
            raw.append(compiled.render(row.number, row.values))
        except Exception as exc:  # noqa: BLE001 - the pattern fails this row, not the run
            raw.append(None)
            what = exc.what if isinstance(exc, FilterError) else f"{type(exc).__name__}: {exc}"
            found.append(
                Finding(
                    row.number,
                    (),
                    "--name",
                    f"the file name pattern failed: {what}",
                    "fix --name or fill the column",
                )
            )
    finals = partial(_finals, kinds=kinds)
    for row, name in zip(rows, unique_names(raw, finals)):
        if name is not None:
            names[row.number] = name
    return found


def _finals(base: str, kinds: tuple[str, ...]) -> list[str]:
    return [file_name(base, kind, kinds) for kind in kinds]


def unique_names(names: list[str | None], finals: Callable[[str], list[str]]) -> list[str | None]:
    """Base names whose files (``finals(base)``: ``NAME.pdf``, ``NAME-call.pdf``) all differ,
    without regard to case: a second 'Lee' becomes 'Lee-2'; a row named 'Lee-call' next to
    a row 'Lee' that also makes a call sheet becomes 'Lee-call-2'."""
    seen: set[str] = set()
    out: list[str | None] = []
    for name in names:
        if name is None:
            out.append(None)
            continue
        candidate, k = name, 1
        while any(_key(f) in seen for f in finals(candidate)):
            k += 1
            candidate = f"{name}-{k}"
        seen.update(_key(f) for f in finals(candidate))
        out.append(candidate)
    return out


def _key(name: str) -> str:
    """Names that one file system or another treats as the same file compare equal."""
    return unicodedata.normalize("NFC", name).casefold()


__all__ = ["NamePattern", "TemplateError", "sanitise", "unique_names"]
