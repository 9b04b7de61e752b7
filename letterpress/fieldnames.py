"""What people call the fields of an address: the column names of address lists and contact
exports, and the names a letter file's ``[sender]`` or ``[recipient]`` may use by habit
(``state``, ``zip``, ``postcode``), each with the field letterpress reads it as.

Labels map a list's columns by these names; a letter file that uses one gets a hint naming
the field to write instead.
"""

from __future__ import annotations

import json
import re

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
        "strasseundhausnummer",
        "straßeundhausnummer",
        "anschrift",
        "adresse",
    ),
    "street2": ("address2", "addressline2", "street2", "strasse2", "straße2"),
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
    "city": ("city", "town", "locality", "ort", "wohnort", "stadt", "ville"),
    "region": ("region", "state", "province", "county", "stateprovince", "bundesland"),
    "country": ("country", "countrycode", "countryregion", "land", "landregion", "pays"),
    "address_lines": ("addresslines",),
    "notes": ("notes",),
}
_BY_KEY = {key: field for field, keys in COLUMNS.items() for key in keys}
# Fields of a list that a letter's party writes as part of another field, and how to.
_PART_OF = {
    "first_name": ("name", 'write the whole name as name = "..."'),
    "last_name": ("name", 'write the whole name as name = "..."'),
    "house_number": ("street", 'write the house number with the street: street = "..."'),
    "street2": ("address_lines", 'write every line as address_lines = ["...", "..."]'),
}


def name_key(column: str) -> str:
    """A column or field name as compared: lower case, without spaces, dots, slashes,
    hyphens or underscores, and without a "recipient" prefix."""
    key = re.sub(r"[\s._/-]+", "", column.lower())
    return key.removeprefix("recipient") or key


def field_named(key: str) -> str | None:
    """The field a name (as ``name_key`` gives it) stands for, or None."""
    return _BY_KEY.get(key)


def party_hint(name: str, value: object, allowed: tuple[str, ...]) -> str | None:
    """What to write instead of a party table's unknown field ``name`` that an address list
    would use (``state = "WA"`` -> ``region = "WA"``), or None when it names no field of
    ``allowed``."""
    field = field_named(name_key(name)) or ""
    meant, hint = _PART_OF.get(field, (field, ""))
    if meant not in allowed or meant == name:
        return None
    if hint:
        return hint
    said = '"..."'
    if isinstance(value, str) and len(value) <= 40 and "\n" not in value:
        said = json.dumps(value, ensure_ascii=False)  # a TOML basic string too
    return f"write it as {meant} = {said}"
