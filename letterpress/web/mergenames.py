"""The Mail merge page's file names checked against the data before anything is made: a
pattern that cannot be read, or that names a column the sheet lacks (``{{ row.Nachname }}``,
or ``{{ Nachname }}`` without ``row.``), is said at its box with the sheet's columns, not
when the merge fails."""

from __future__ import annotations

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
    try:
        compiled.check_columns(columns, origin)
    except UserError as exc:  # at the page's box, not at the option --name
        raise UserError(exc.what, where=Where(file=origin, field=FIELD), hint=exc.hint) from None
