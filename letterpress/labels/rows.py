"""Data rows as letter-like files: a template's ``[recipient]`` filled per row (the batch's
template machinery), or well-known column names mapped to the recipient's fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..batch.checks import columns_of
from ..batch.lost import lost_characters
from ..batch.table import Problem, Row, Table, column_hint
from ..batch.template import (
    LetterTemplate,
    RowError,
    check_columns,
    compile_template,
    direct_columns,
    render_row,
)
from ..errors import UserError, Where
from ..mailpiece.parties import piece_fields
from ..source import Source

# Column names (compared in lower case without spaces, dots, hyphens or underscores, and
# without a "recipient" prefix) and the recipient field each fills.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "recipient", "contact", "contactname"),
    "first_name": ("firstname", "givenname", "forename", "first", "vorname", "prenom"),
    "last_name": ("lastname", "surname", "familyname", "last", "nachname", "nom"),
    "organization": ("organization", "organisation", "company", "firm", "employer", "firma"),
    "department": ("department", "dept", "abteilung"),
    "street": (
        "street",
        "address",
        "streetaddress",
        "address1",
        "addressline1",
        "street1",
        "streetname",
        "strasse",
        "straße",
        "adresse",
    ),
    "street2": ("address2", "addressline2", "street2"),
    # A house number kept beside the street (German lists: Straße; Hausnummer). Not "Nr" or
    # "Number": a list's first column often numbers its rows or customers.
    "house_number": (
        "housenumber",
        "houseno",
        "housenr",
        "hausnummer",
        "hausnr",
        "streetnumber",
        "streetno",
        "huisnummer",
        "husnummer",
        "husnr",
    ),
    "postal_code": (
        "postalcode",
        "postcode",
        "zip",
        "zipcode",
        "plz",
        "postleitzahl",
        "codepostal",
    ),
    "city": ("city", "town", "locality", "ort", "stadt", "ville"),
    "region": ("region", "state", "province", "county", "stateprovince", "bundesland"),
    "country": ("country", "countrycode", "land", "pays"),
    "address_lines": ("addresslines",),
    "notes": ("notes",),
}
_BY_KEY = {key: field for field, keys in COLUMNS.items() for key in keys}


def _key(column: str) -> str:
    key = re.sub(r"[\s._-]+", "", column.lower())
    return key.removeprefix("recipient") or key


def _no_columns(field: str) -> tuple[str, ...]:
    return ()


class RowSource(Struct, frozen=True):
    """One row as a letter-like file, or why it could not be made into one; ``columns``
    names the data columns that fill a field (``recipient.city`` -> ``('Ort',)``)."""

    row: Row
    source: Source | None
    error: str = ""
    columns: Callable[[str], tuple[str, ...]] = _no_columns


def column_map(columns: tuple[str, ...]) -> dict[str, str]:
    """Which column fills which recipient field (the first column of each field wins)."""
    out: dict[str, str] = {}
    for column in columns:
        field = _BY_KEY.get(_key(column))
        if field is not None and field not in out:
            out[field] = column
    return out


def _mapped_feeds(fields: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Which columns fill each recipient field when columns are mapped by their names."""
    made = {"first_name": "name", "last_name": "name", "street2": "street"}
    made["house_number"] = "street"
    feeds: dict[str, tuple[str, ...]] = {}
    for field, column in fields.items():
        path = f"recipient.{made.get(field, field)}"
        if field in ("first_name", "last_name") and "name" in fields:
            continue  # a name column wins over first and last names
        feeds[path] = (*feeds.get(path, ()), column)
    return feeds


def mapped_recipient(
    values: dict[str, str], fields: dict[str, str], number_first: bool = False
) -> dict[str, Any]:
    """The recipient table of one row from the mapped columns; a house number column joins
    the street, after it (Hauptstraße 12) or, when the sheet has it left of the street,
    before it (12 Main Street)."""
    got = {field: values.get(column, "").strip() for field, column in fields.items()}
    if got.get("house_number"):
        parts = (got.get("street"), got["house_number"])
        got["street"] = " ".join(p for p in (parts[::-1] if number_first else parts) if p)
    recipient: dict[str, Any] = {}
    name = got.get("name") or " ".join(
        p for p in (got.get("first_name"), got.get("last_name")) if p
    )
    for field in ("organization", "department", "postal_code", "city", "region", "country"):
        if got.get(field):
            recipient[field] = got[field]
    if name:
        recipient["name"] = name
    street = "\n".join(p for p in (got.get("street"), got.get("street2")) if p)
    if street:
        recipient["street"] = street
    for field in ("address_lines", "notes"):
        if got.get(field):
            recipient[field] = got[field]
    return recipient


def row_sources(table: Table, template: Source | None, language: str) -> Iterator[RowSource]:
    """Each row as a letter-like file named after the row (``people.csv, row 3``)."""
    if template is None:
        fields = column_map(table.columns)
        if "name" not in fields and "last_name" not in fields and "organization" not in fields:
            raise UserError(
                "no column gives the recipient's name",
                where=Where(file=table.origin),
                hint=column_hint(table)  # a title above the header
                or "name a column name, last_name or organization, or give --template",
            )
        feeds = _mapped_feeds(fields)
        mapped = set(fields.values())
        lost = _lost(table, mapped)
        order = table.columns.index
        first = "house_number" in fields and "street" in fields
        first = first and order(fields["house_number"]) < order(fields["street"])
        for row in table.rows:
            recipient = mapped_recipient(row.values, fields, first)
            data = {"recipient": recipient, "language": language}
            source = Source(data=data, origin=table.origin, row=row.number)
            made = _checked(row, source, mapped, lost.get(row.number, []))
            yield replace(made, columns=lambda field: feeds.get(field.split("[")[0], ()))
        return
    tpl: LetterTemplate = compile_template(replace(template, data=piece_fields(template.data)))
    check_columns(tpl, table)
    direct = direct_columns(table.columns)
    used = {c for cols in tpl.columns.values() for c in cols} | set(direct)
    lost = _lost(table, used)
    for row in table.rows:
        origin = f"{table.origin}, row {row.number}"
        try:
            source = replace(render_row(tpl, row.values, direct, row.number), origin=table.origin)
        except RowError as exc:
            columns = ", ".join(repr(c) for c in exc.columns)
            place = (
                f"{origin}, column {columns} ({exc.field})" if columns else f"{origin}, {exc.field}"
            )
            yield RowSource(
                row, None, f"{place}: {exc.what}" + (f"; {exc.hint}" if exc.hint else "")
            )
            continue
        made = _checked(row, source, used, lost.get(row.number, []))
        yield replace(made, columns=lambda field: columns_of(field, tpl, direct))


def _lost(table: Table, used: set[str]) -> dict[int, list[Problem]]:
    """The cells the labels print that lost a character when the sheet was saved (``?ukasz``
    from Excel's "CSV (Windows)"), by row: such a name stops its row, as in the batch."""
    out: dict[int, list[Problem]] = {}
    for number, column, what, hint in lost_characters(table, used):
        if column in used:
            out.setdefault(number, []).append((column, what, hint))
    return out


def _checked(row: Row, source: Source, used: set[str], lost: list[Problem]) -> RowSource:
    """The row's source, unless reading the data already found a problem in the row, or a
    character the export lost (in a column the labels print: a cell no label shows cannot
    spoil one)."""
    problems = [p for p in row.problems if not p[0] or p[0] in used] + lost
    if problems:
        column, what, hint = problems[0]
        place = f"{source.where}, column {column!r}" if column else source.where
        return RowSource(row, None, f"{place}: {what}" + (f"; {hint}" if hint else ""))
    return RowSource(row, source)
