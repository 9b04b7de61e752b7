"""Data rows as letter-like files: a template's ``[recipient]`` filled per row (the batch's
template machinery), or well-known column names mapped to the recipient's fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..batch.checks import check_postcodes, columns_of, normalise_countries
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
from ..countries import country_code
from ..errors import UserError, Where
from ..fieldnames import field_named, name_key
from ..mailpiece.parties import piece_fields
from ..source import Source
from .housenumber import number_first

# Contact exports keep several addresses side by side, each under a prefix: Outlook's
# "Business Street", "Home City", "Business Country/Region"; Google Contacts' "Address 1 -
# Street". A row's address is the first of them it fills.
_GROUPS = ("business", "home", "other", "address1", "address2", "address3")
# German Outlook puts the group after the field: "Straße geschäftlich 2", "Ort privat".
_SUFFIXED = re.compile(r"(.+?)(geschäftlich|privat|weitere)(\d?)")
# Google Contacts' own names: the company is "Organization Name" ("Organization 1 - Name" in
# older exports), its department "Organization Department", an address's second line
# "Address 1 - Extended Address".
_CONTACT_FIELDS = {
    "organizationname": "organization",
    "organization1name": "organization",
    "organizationdepartment": "department",
    "organization1department": "department",
    "extendedaddress": "street2",
}
_ADDRESS = ("street", "street2", "house_number", "postal_code", "city", "region", "country")
_FILLED = ("street", "postal_code", "city")
_POSTCODE = "recipient.postal_code"  # an address with one of these is given


def address_groups(columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The addresses a contact export keeps under prefixes (``Business Street``,
    ``Address 1 - City``), in the order of the columns: field -> column for each."""
    groups: dict[str, dict[str, str]] = {}
    for column in columns:
        key = name_key(column)
        prefix = next((p for p in _GROUPS if key.startswith(p) and key != p), None)
        suffixed = _SUFFIXED.fullmatch(key)
        if prefix:
            group, rest = prefix, key[len(prefix) :]
        elif suffixed:
            group, rest = suffixed.group(2), suffixed.group(1) + suffixed.group(3)
        else:
            continue
        field = _field_named(rest)
        if field in _ADDRESS:
            groups.setdefault(group, {}).setdefault(field, column)
    return [group for group in groups.values() if any(f in group for f in _FILLED)]


def _mapping(columns: tuple[str, ...]) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The columns found by their names, and the addresses of a contact export when no plain
    column gives one (its "Notes" are the owner's notes then, not lines for the post)."""
    fields = column_map(columns)
    if any(f in fields for f in _ADDRESS):
        return fields, []
    groups = address_groups(columns)
    if groups:
        fields.pop("notes", None)
    return fields, groups


def printed_columns(columns: tuple[str, ...]) -> set[str]:
    """The columns labels found by their names print from."""
    fields, groups = _mapping(columns)
    return set(fields.values()) | {c for g in groups for c in g.values()}


def row_countries(table: Table) -> Iterator[str]:
    """Each row's country cell, from the columns labels find by their names."""
    fields, groups = _mapping(table.columns)
    for row in table.rows:
        column = _row_fields(row.values, fields, groups).get("country")
        yield row.values.get(column, "") if column else ""


def _row_fields(
    values: dict[str, str], fields: dict[str, str], groups: list[dict[str, str]]
) -> dict[str, str]:
    """``fields`` with the address of the first group the row fills (the first group when it
    fills none), where no plain column gives an address."""
    if not groups:
        return fields
    filled = (g for g in groups if any(values.get(g.get(f, ""), "").strip() for f in _FILLED))
    return {**fields, **next(filled, groups[0])}


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
        field = _field_named(name_key(column))
        if field is not None and field not in out:
            out[field] = column
    return out


def _field_named(key: str) -> str | None:
    """The field a column name (as ``name_key`` gives it) fills: an address list's name for
    it, or a contact export's."""
    return field_named(key) or _CONTACT_FIELDS.get(key)


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
    the street, after it (Hauptstraße 12) or, with ``number_first``, before it (12 Main
    Street)."""
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


def row_sources(
    table: Table, template: Source | None, language: str, home: str = ""
) -> Iterator[RowSource]:
    """Each row as a letter-like file named after the row (``people.csv, row 3``); ``home``
    is the country a row without a country goes to."""
    workbook = not table.delimiter  # .xlsx, .xls, .ods: a text cell holds what was typed
    if template is None:
        fields = column_map(table.columns)
        if "name" not in fields and "last_name" not in fields and "organization" not in fields:
            raise UserError(
                "no column gives the recipient's name",
                where=Where(file=table.origin),
                hint=column_hint(table)  # a title above the header
                or "name a column name, last_name or organization, or give --template",
            )
        fields, groups = _mapping(table.columns)
        if not groups and not any(f in fields for f in (*_FILLED, "address_lines")):
            raise UserError(  # said once, not once per row
                "no column gives the address",
                where=Where(file=table.origin),
                hint=f"the columns are {', '.join(repr(c) for c in table.columns)}; name the "
                "address columns street, postal_code and city (or Straße, PLZ, Ort), or give "
                "--template",
            )
        mapped = printed_columns(table.columns)
        lost = _lost(table, mapped)
        order = table.columns.index
        for row in table.rows:
            own = _row_fields(row.values, fields, groups)
            destination = _destination(row.values, own, home)
            first = "house_number" in own and "street" in own
            if first:  # the destination's custom; where no data says, the sheet's order
                side = number_first(destination)
                first = order(own["house_number"]) < order(own["street"]) if side is None else side
            recipient = mapped_recipient(row.values, own, first)
            data = {"recipient": recipient, "language": language}
            source = Source(data=data, origin=table.origin, row=row.number)
            made = _checked(row, source, mapped, lost.get(row.number, []))
            if made.source is not None and "postal_code" in own:
                code = {"postal_code": recipient.get("postal_code"), "country": destination}
                mapped_tpl = LetterTemplate(
                    {}, table.origin, Path(), columns={_POSTCODE: (own["postal_code"],)}
                )
                try:  # a postcode that lost its leading zero, said as the batch says it
                    check_postcodes({"recipient": code}, mapped_tpl, {}, row.numeric, workbook)
                except RowError as exc:
                    made = RowSource(row, None, _row_error(table, row, exc))
            feeds = _mapped_feeds(own)
            yield replace(made, columns=lambda field, f=feeds: f.get(field.split("[")[0], ()))
        return
    tpl: LetterTemplate = compile_template(replace(template, data=piece_fields(template.data)))
    check_columns(tpl, table)
    direct = direct_columns(table.columns)
    used = {c for cols in tpl.columns.values() for c in cols} | set(direct)
    lost = _lost(table, used)
    for row in table.rows:
        try:
            source = replace(
                render_row(tpl, row.values, direct, row.number, row.typed), origin=table.origin
            )
            normalise_countries(source.data, tpl, direct)  # as the batch checks its rows
            check_postcodes(source.data, tpl, direct, row.numeric, workbook)
        except RowError as exc:
            yield RowSource(row, None, _row_error(table, row, exc))
            continue
        made = _checked(row, source, used, lost.get(row.number, []))
        yield replace(made, columns=lambda field: columns_of(field, tpl, direct))


def _row_error(table: Table, row: Row, exc: RowError) -> str:
    """A row's RowError as one line naming the row and the columns behind the field."""
    origin = f"{table.origin}, row {row.number}"
    columns = ", ".join(repr(c) for c in exc.columns)
    place = f"{origin}, column {columns} ({exc.field})" if columns else f"{origin}, {exc.field}"
    return f"{place}: {exc.what}" + (f"; {exc.hint}" if exc.hint else "")


def _destination(values: dict[str, str], fields: dict[str, str], home: str) -> str:
    """The ISO code of the country a row goes to: its country cell (a code or a name), else
    ``home``."""
    cell = values.get(fields.get("country", ""), "").strip()
    return (country_code(cell) or cell.upper()) if cell else home


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
