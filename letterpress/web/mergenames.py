"""The Mail merge page's file names checked against the data before anything is made: a
pattern that cannot be read, or that names a column the sheet lacks (``{{ row.Nachname }}``,
or ``{{ Nachname }}`` without ``row.``), is said at its box with the sheet's columns, not
when the merge fails."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import UserError, Where

FIELD = "name"  # the page's box of the pattern


def check(
    pattern: str | None, data: Path | None, origin: str, delimiter: str | None, sheet: str | None
) -> None:
    """Raise a UserError at the pattern's box when ``pattern`` cannot name the files of
    ``data`` (the user's ``origin``, read as the merge reads it: ``delimiter``, ``sheet``; None:
    not chosen yet, the pattern alone is read); a data file that cannot be read is left to
    the merge, which says why at its own box."""
    from jinja2 import meta

    from ..batch.names import NamePattern
    from ..batch.table import read_table

    try:
        compiled = NamePattern(pattern)
    except UserError as exc:  # said at the page's box, not at the option --name
        raise UserError(exc.what, where=Where(field=FIELD), hint=exc.hint) from None
    if data is None:
        return
    try:
        columns = read_table(data, delimiter=delimiter, sheet=sheet).columns
    except UserError:
        return
    known = {"row", "n", *compiled.environment.globals}
    tree = compiled.environment.parse(compiled.pattern)
    bare = meta.find_undeclared_variables(tree) - known  # {{ Name }}, not {{ row.Name }}
    for name in sorted(bare | compiled.columns):
        if name in bare and name in columns:
            what, hint = (
                f"the file name pattern uses {name!r} without 'row.' in front",
                f"write {written(name)}",
            )
        elif name not in columns:
            what = f"the file name pattern uses column {name!r}, which {origin} does not have"
            hint = _hint(name, columns)
        else:
            continue
        raise UserError(what, where=Where(file=origin, field=FIELD), hint=hint)


def _hint(name: str, columns: tuple[str, ...]) -> str:
    """The column meant (``{{ row.Name }}``), and the sheet's columns."""
    from ..batch.table import listed

    close = difflib.get_close_matches(name, columns, n=1)
    if close:
        return f"did you mean {written(close[0])}? the columns are {listed(columns)}"
    return "write a column as {{ row.COLUMN }}; the columns are " + listed(columns)


def written(column: str) -> str:
    """A column as the pattern writes it: ``{{ row.last_name }}``, ``{{ row['last name'] }}``."""
    return f"{{{{ row.{column} }}}}" if column.isidentifier() else f"{{{{ row[{column!r}] }}}}"
