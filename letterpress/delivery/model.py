"""Typed models of carrier rules and delivery estimates, shared by every delivery module."""

from __future__ import annotations

from datetime import date, datetime, time

from msgspec import Struct, field

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Target(Struct, frozen=True):
    """A number of counted days after the deposit day, with the published share if there is one."""

    days: int
    share: float | None = None


class Standard(Struct, frozen=True):
    """One delivery standard: an optional lower end, the on-time target and an optional backstop."""

    expected: Target
    earliest: int | None = None
    latest: Target | None = None
    label: str = ""
    note: str = ""


class Rule(Struct, frozen=True):
    """A standard as published for a period: counted days, zones and the source that says so."""

    valid_from: date
    valid_until: date | None
    source: str
    counted_days: frozenset[int]
    delivery_days: frozenset[int]
    standards: dict[str, Standard]
    selector: str = "none"
    notes: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        """Whether the rule applies to letters deposited on ``day``."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class Service(Struct, frozen=True):
    """A carrier's letter service and its rules over time."""

    id: str
    name: str
    rules: tuple[Rule, ...]
    cutoff: time | None = None
    collection_days: frozenset[int] | None = None


class Carrier(Struct, frozen=True):
    """A postal carrier as loaded from ``carriers/<id>.toml``."""

    id: str
    name: str
    countries: tuple[str, ...]
    cutoff: time
    cutoff_source: str
    collection_days: frozenset[int]
    services: dict[str, Service]
    default_service: str
    holiday_categories: tuple[str, ...] = ("public",)
    subdivision_holidays: bool = True
    international: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    international_groups: dict[str, frozenset[str]] = field(default_factory=dict)
    source: str = ""
    # places with ISO codes of their own that the carrier serves as domestic mail, as parts
    # of its country (USPS: Puerto Rico, "PR", is "US-PR")
    territories: tuple[str, ...] = ()


class Estimate(Struct, frozen=True):
    """A delivery estimate; the first eleven fields are the ``--json`` keys."""

    carrier: str
    service: str
    posted: datetime
    deposit_day: date
    earliest: date
    expected: date
    latest: date
    target: str
    source: str
    valid_from: date
    notes: tuple[str, ...]
    # For the human sentence only (not part of the JSON):
    cutoff: time = time(17, 0)
    expected_share: float | None = None
    latest_share: float | None = None
    ranged: bool = False
    collection_on_posting_day: bool = True


JSON_KEYS = (
    "carrier",
    "service",
    "posted",
    "deposit_day",
    "earliest",
    "expected",
    "latest",
    "target",
    "source",
    "valid_from",
    "notes",
)
