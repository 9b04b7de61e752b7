"""Loading and validating ``carriers/*.toml`` into typed carrier models."""

from __future__ import annotations

import tomllib
from datetime import date, time
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import UserError, Where
from ..resources import data_dir
from .model import WEEKDAYS, Carrier, Rule, Service, Standard, Target

_CARRIER_KEYS = {
    "id",
    "name",
    "countries",
    "default_service",
    "cutoff",
    "cutoff_source",
    "collection_days",
    "holiday_categories",
    "subdivision_holidays",
    "services",
    "international",
    "international_groups",
    "source",
    "territories",
}
_RULE_KEYS = {
    "valid_from",
    "valid_until",
    "source",
    "counted_days",
    "delivery_days",
    "selector",
    "zones",
    "notes",
    "expected",
    "earliest",
    "latest",
    "label",
    "note",
    "valid_from_note",
}
_STANDARD_KEYS = {"expected", "earliest", "latest", "label", "note"}
SELECTORS = ("none", "ca-postal", "au-postcode", "us-drive-time")


class _Reader:
    """Typed access to one data file's fields, raising a UserError that names file and field."""

    def __init__(self, path: Path) -> None:
        self.where = Where(file=str(path))

    def fail(self, field: str, what: str) -> UserError:
        """An error about ``field`` (a dotted path) of this file."""
        return UserError(what, where=self.where.at(field), hint="fix the carrier data file")

    def table(self, raw: Any, field: str, allowed: set[str] | None = None) -> dict[str, Any]:
        """A TOML table, optionally with a closed set of keys."""
        if not isinstance(raw, dict):
            raise self.fail(field, "must be a table")
        if allowed is not None:
            unknown = sorted(set(raw) - allowed)
            if unknown:
                raise self.fail(field, f"unknown key {unknown[0]!r}")
        return raw

    def text(self, raw: Any, field: str) -> str:
        """A non-empty string."""
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(field, "must be a non-empty string")
        return raw.strip()

    def day(self, raw: Any, field: str) -> date:
        """A TOML local date."""
        if not isinstance(raw, date) or hasattr(raw, "hour"):
            raise self.fail(field, "must be a date like 2025-01-01")
        return raw

    def clock(self, raw: Any, field: str) -> time:
        """An ``HH:MM`` string."""
        try:
            return parse_clock(raw)
        except ValueError:
            raise self.fail(field, 'must be a time like "17:00"') from None

    def weekdays(self, raw: Any, field: str) -> frozenset[int]:
        """A weekday set written as a range (``mon-sat``) or a list (``["mon", "wed"]``)."""
        try:
            return parse_weekdays(raw)
        except ValueError:
            raise self.fail(field, 'must be a day range like "mon-fri" or a list of days') from None

    def count(self, raw: Any, field: str) -> int:
        """A day count of at least 1."""
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1 or raw > 60:
            raise self.fail(field, "must be a whole number of days from 1 to 60")
        return raw

    def target(self, raw: Any, field: str) -> Target:
        """``{ days = N, share = P }`` with the share optional."""
        table = self.table(raw, field, {"days", "share"})
        share = table.get("share")
        if share is not None and (
            isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 100
        ):
            raise self.fail(f"{field}.share", "must be a percentage above 0 and up to 100")
        return Target(
            self.count(table.get("days"), f"{field}.days"),
            float(share) if share is not None else None,
        )


def parse_clock(raw: Any) -> time:
    """``"17:00"`` (or a TOML time) as a ``time``; ValueError otherwise."""
    if isinstance(raw, time):
        return raw
    if not isinstance(raw, str):
        raise ValueError(raw)
    hours, sep, minutes = raw.strip().partition(":")
    if (
        not sep
        or not hours.isdigit()
        or not minutes.isdigit()
        or len(minutes) != 2
        or len(hours) > 2
    ):
        raise ValueError(raw)
    return time(int(hours), int(minutes))


def parse_weekdays(raw: Any) -> frozenset[int]:
    """``"mon-fri"``, ``"tue-sat"`` or ``["mon", "wed", "fri"]`` as weekday numbers (Mon = 0)."""
    if isinstance(raw, str) and "-" in raw:
        first, _, last = raw.lower().partition("-")
        start, end = WEEKDAYS.index(first.strip()), WEEKDAYS.index(last.strip())
        if end < start:
            raise ValueError(raw)
        return frozenset(range(start, end + 1))
    if isinstance(raw, list) and raw and all(isinstance(item, str) for item in raw):
        return frozenset(WEEKDAYS.index(item.lower().strip()) for item in raw)
    raise ValueError(raw)


def _standard(reader: _Reader, raw: dict[str, Any], field: str) -> Standard:
    """One standard from a rule or a zone table."""
    earliest = raw.get("earliest")
    expected = reader.target(raw.get("expected"), f"{field}.expected")
    latest = reader.target(raw["latest"], f"{field}.latest") if "latest" in raw else None
    if earliest is not None:
        earliest = reader.count(earliest, f"{field}.earliest")
        if earliest > expected.days:
            raise reader.fail(f"{field}.earliest", "must not be later than expected")
    if latest is not None and latest.days < expected.days:
        raise reader.fail(f"{field}.latest", "must not be earlier than expected")
    return Standard(
        expected=expected,
        earliest=earliest,
        latest=latest,
        label=str(raw.get("label", "")),
        note=str(raw.get("note", "")),
    )


def _rule(reader: _Reader, raw: Any, field: str) -> Rule:
    """One dated rule."""
    table = reader.table(raw, field, _RULE_KEYS)
    valid_from = reader.day(table.get("valid_from"), f"{field}.valid_from")
    valid_until = (
        reader.day(table["valid_until"], f"{field}.valid_until") if "valid_until" in table else None
    )
    if valid_until is not None and valid_until < valid_from:
        raise reader.fail(f"{field}.valid_until", "is before valid_from")
    counted = reader.weekdays(table.get("counted_days"), f"{field}.counted_days")
    delivery = (
        reader.weekdays(table["delivery_days"], f"{field}.delivery_days")
        if "delivery_days" in table
        else counted
    )
    selector = table.get("selector", "none")
    if selector not in SELECTORS:
        raise reader.fail(f"{field}.selector", f"unknown selector {selector!r}")
    if "zones" in table:
        zones = reader.table(table["zones"], f"{field}.zones")
        standards = {
            name: _standard(
                reader,
                reader.table(zone, f"{field}.zones.{name}", _STANDARD_KEYS),
                f"{field}.zones.{name}",
            )
            for name, zone in zones.items()
        }
        if "unknown" not in standards:
            raise reader.fail(f"{field}.zones", "needs an 'unknown' zone for missing data")
    else:
        standards = {"all": _standard(reader, table, field)}
    notes = table.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        raise reader.fail(f"{field}.notes", "must be a list of strings")
    if "valid_from_note" in table:
        notes = [*notes, str(table["valid_from_note"])]
    return Rule(
        valid_from=valid_from,
        valid_until=valid_until,
        source=reader.text(table.get("source"), f"{field}.source"),
        counted_days=counted,
        delivery_days=delivery,
        standards=standards,
        selector=selector,
        notes=tuple(notes),
    )


def _rules(reader: _Reader, raw: Any, field: str) -> tuple[Rule, ...]:
    """A non-empty list of rules whose periods do not overlap."""
    if not isinstance(raw, list) or not raw:
        raise reader.fail(field, "needs at least one [[...rules]] entry")
    rules = sorted(
        (_rule(reader, item, f"{field}[{i + 1}]") for i, item in enumerate(raw)),
        key=lambda rule: rule.valid_from,
    )
    for before, after in pairwise(rules):
        if before.valid_until is None or before.valid_until >= after.valid_from:
            raise reader.fail(
                field,
                f"rules from {before.valid_from} and {after.valid_from} "
                "overlap; give the earlier one a valid_until",
            )
    return tuple(rules)


def load_carrier(path: Path) -> Carrier:
    """Read and validate one carrier file."""
    reader = _Reader(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"invalid TOML: {exc}", where=Where(file=str(path))) from None
    table = reader.table(raw, "top level", _CARRIER_KEYS)
    carrier_id = reader.text(table.get("id"), "id")
    if carrier_id != path.stem:
        raise reader.fail("id", f"must match the file name {path.stem!r}")
    services_raw = reader.table(table.get("services"), "services")
    services: dict[str, Service] = {}
    for service_id, service_raw in services_raw.items():
        field = f"services.{service_id}"
        service_table = reader.table(
            service_raw, field, {"name", "rules", "cutoff", "cutoff_source", "collection_days"}
        )
        services[service_id] = Service(
            id=service_id,
            name=reader.text(service_table.get("name"), f"{field}.name"),
            rules=_rules(reader, service_table.get("rules"), f"{field}.rules"),
            cutoff=(
                reader.clock(service_table["cutoff"], f"{field}.cutoff")
                if "cutoff" in service_table
                else None
            ),
            collection_days=(
                reader.weekdays(service_table["collection_days"], f"{field}.collection_days")
                if "collection_days" in service_table
                else None
            ),
        )
    default_service = reader.text(table.get("default_service"), "default_service")
    if default_service not in services:
        raise reader.fail("default_service", f"names no service of {carrier_id}")
    international = {
        (dest.upper() if len(dest) == 2 else dest.lower()): _rules(
            reader, rules, f"international.{dest}"
        )
        for dest, rules in reader.table(table.get("international", {}), "international").items()
    }
    countries = table.get("countries")
    if not isinstance(countries, list) or not countries:
        raise reader.fail("countries", "must list the ISO country codes the carrier serves")
    groups = {
        str(name).lower(): frozenset(str(code).upper() for code in members)
        for name, members in reader.table(
            table.get("international_groups", {}), "international_groups"
        ).items()
    }
    for dest in international:
        if dest != "*" and len(dest) != 2 and dest.lower() not in groups:
            raise reader.fail(
                f"international.{dest}",
                'must be a country code, "*" or a name in international_groups',
            )
    return Carrier(
        id=carrier_id,
        name=reader.text(table.get("name"), "name"),
        countries=tuple(str(code).upper() for code in countries),
        cutoff=reader.clock(table.get("cutoff"), "cutoff"),
        cutoff_source=reader.text(table.get("cutoff_source"), "cutoff_source"),
        collection_days=reader.weekdays(table.get("collection_days"), "collection_days"),
        services=services,
        default_service=default_service,
        holiday_categories=tuple(table.get("holiday_categories", ("public",))),
        subdivision_holidays=bool(table.get("subdivision_holidays", True)),
        international=international,
        international_groups=groups,
        source=str(table.get("source", "")),
        territories=tuple(str(code).upper() for code in table.get("territories", ())),
    )


@cache
def load_carriers(folder: Path | None = None) -> dict[str, Carrier]:
    """All carriers in ``folder`` (default: the bundled ``carriers/``), keyed by id."""
    folder = folder or data_dir("carriers")
    return {path.stem: load_carrier(path) for path in sorted(folder.glob("*.toml"))}
