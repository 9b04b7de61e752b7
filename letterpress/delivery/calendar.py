"""Postal calendars: counted weekdays plus public holidays of the places a letter passes through."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.rrule import DAILY, rrule, weekday
from msgspec import Struct

from ..countries import country_code, in_a_sentence, suggestion
from ..errors import UserError, Where
from .model import WEEKDAYS

_MAX_SCAN = 400  # days; no letter standard comes anywhere near this
_ISO_SUBDIVISION = re.compile(r"[A-Z0-9]{1,3}")  # the part after the hyphen in ISO 3166-2


class Place(Struct, frozen=True):
    """A country (ISO 3166-1 alpha-2), optionally with a subdivision as `holidays` names it.

    ``settled`` says the region is known even without a subdivision (a postcode in a part of the
    country with no holidays of its own, or a carrier on a national calendar); an unsettled place
    without subdivision may be anywhere in the country.
    """

    country: str
    subdiv: str | None = None
    settled: bool = False

    @property
    def anywhere(self) -> bool:
        """Whether the place may lie in any part of its country."""
        return self.subdiv is None and not self.settled

    def __str__(self) -> str:
        return f"{self.country}-{self.subdiv}" if self.subdiv else self.country


def parse_place(text: str, *, where: Where) -> Place:
    """``"DE"``, ``"DE-BY"`` or a country's name (``"Deutschland"``) as a Place, checked
    against the holidays package."""
    named = country_code(str(text))  # a name first: "Guinea-Bissau" has a hyphen
    country, _, subdiv = (named, "", "") if named else str(text).strip().partition("-")
    country = country.upper()
    supported = holidays.list_supported_countries()
    if len(country) != 2 or country not in supported:
        close = suggestion(str(text)) if not named else None
        hint = f"did you mean {close!r}? " if close else ""
        raise UserError(
            f"unknown country {text!r}",
            where=where,
            hint=f"{hint}use a country's name or ISO code like DE, or DE-BY for a subdivision",
        )
    if not subdiv:
        return Place(country)
    known = {code.upper(): code for code in supported[country]}
    if subdiv.upper() not in known:
        raise _unknown_subdivision(country, subdiv, where)
    return Place(country, known[subdiv.upper()], settled=True)


def typed_subdivisions(country: str) -> list[str]:
    """A country's subdivisions as people type them after its code (ISO 3166-2: BY of DE-BY,
    971 of FR-971), sorted; not the cities and school-holiday zones the holidays package also
    keeps for local holidays (Augsburg, Zone A)."""
    codes = holidays.list_supported_countries().get(country, ())
    return sorted(code for code in codes if _ISO_SUBDIVISION.fullmatch(code))


def _unknown_subdivision(country: str, typed: str, where: Where) -> UserError:
    """The error for ``DE-XX``: the country by name, the nearest subdivision (by code or by
    its name, ``DE-Bayern``), and the ones to choose from."""
    import difflib  # only for the hint

    name = in_a_sentence(country)
    codes = typed_subdivisions(country)
    if not codes:
        return UserError(
            f"unknown subdivision {typed!r} of {name}",
            where=where,
            hint=f"letterpress knows no subdivisions of {name}: write {country} alone",
        )
    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {})
    names = {str(alias).casefold(): str(code) for alias, code in aliases.items() if code in codes}
    close_name = difflib.get_close_matches(typed.casefold(), list(names), n=1, cutoff=0.8)
    close_code = difflib.get_close_matches(typed.upper(), codes, n=1, cutoff=0.6)
    nearest = [names[close_name[0]]] if close_name else close_code
    guess = f"did you mean {country}-{nearest[0]}? " if nearest else ""
    return UserError(
        f"unknown subdivision {typed!r} of {name}",
        where=where,
        hint=f"{guess}known subdivisions: {', '.join(codes)}",
    )


@lru_cache(maxsize=256)
def _holidays(place: Place, categories: tuple[str, ...]) -> holidays.HolidayBase:
    """The holidays package's calendar for one place and category set (expanded lazily)."""
    cls = holidays.country_holidays(place.country)
    usable = tuple(c for c in categories if c in cls.supported_categories) or ("public",)
    return holidays.country_holidays(place.country, subdiv=place.subdiv, categories=usable)


class NoHolidayDataError(UserError):
    """The holiday data has no calendar for the year asked about."""


class HolidaySource(Struct, frozen=True):
    """One place's public holidays, with the categories the carrier observes there; for a place
    that may lie anywhere in its country, also the holidays of each of its ``parts``."""

    place: Place
    categories: tuple[str, ...] = ("public",)
    parts: tuple[str, ...] = ()

    def _name(self, place: Place, day: date) -> str | None:
        """One calendar's holiday name on ``day``; NoHolidayDataError if the data lacks that
        year."""
        calendar = _holidays(place, self.categories)
        if not calendar.start_year <= day.year <= calendar.end_year:
            raise NoHolidayDataError(
                f"no public-holiday data for {place.country} in {day.year}",
                where=Where(field="posted"),
                hint=f"letterpress knows the public holidays of {in_a_sentence(place.country)} "
                f"from {calendar.start_year} to {calendar.end_year}; give a date in those years",
            )
        return calendar.get(day)

    def label(self, day: date) -> str | None:
        """``"Christmas Day (DE)"``, or for a place anywhere in its country a holiday of any of
        its parts, ``"Easter Monday (GB-ENG, GB-NIR, GB-WLS)"``; None on other days."""
        name = self._name(self.place, day)
        if name or not self.place.anywhere:
            return f"{name} ({self.place})" if name else None
        found: dict[str, list[str]] = {}
        for part in self.parts:
            part_name = self._name(Place(self.place.country, part, settled=True), day)
            if part_name:
                found.setdefault(part_name, []).append(part)
        if not found:
            return None
        name, parts = next(iter(found.items()))
        where = ", ".join(f"{self.place.country}-{part}" for part in parts[:3])
        more = f" and {len(parts) - 3} more" if len(parts) > 3 else ""
        return f"{name} ({where}{more})"


def format_days(days: frozenset[int]) -> str:
    """``Mon-Sat`` for a contiguous set, else ``Mon, Wed, Fri``."""
    ordered = sorted(days)
    names = [WEEKDAYS[d].capitalize() for d in ordered]
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{names[0]}-{names[-1]}"
    return ", ".join(names)


class PostalCalendar(Struct, frozen=True):
    """Days that count: given weekdays that are a holiday in none of the given places."""

    weekdays: frozenset[int]
    sources: tuple[HolidaySource, ...]

    def holiday(self, day: date) -> str | None:
        """``"Christmas Day (DE)"`` if ``day`` is a holiday at any place, else None."""
        for source in self.sources:
            label = source.label(day)
            if label:
                return label
        return None

    def is_open(self, day: date) -> bool:
        """Whether ``day`` counts."""
        return day.weekday() in self.weekdays and self.holiday(day) is None

    def _after(self, day: date) -> Iterator[date]:
        """Counted days strictly after ``day``, in order (dateutil's rrule does the weekdays)."""
        rule = rrule(
            DAILY,
            dtstart=day + timedelta(days=1),
            count=_MAX_SCAN,
            byweekday=[weekday(d) for d in sorted(self.weekdays)],
        )
        for moment in rule:
            if self.holiday(moment.date()) is None:
                yield moment.date()

    def add(self, day: date, count: int) -> date:
        """The ``count``-th counted day after ``day`` (``day`` itself for 0)."""
        if count == 0:
            return day
        for number, current in enumerate(self._after(day), start=1):
            if number == count:
                return current
        raise UserError(f"no {count} counted days within {_MAX_SCAN} days of {day}")

    def holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Holidays on otherwise counted weekdays in ``first..last`` (both included)."""
        found = []
        current = first
        while current <= last:
            if current.weekday() in self.weekdays:
                name = self.holiday(current)
                if name:
                    found.append((current, name))
            current += timedelta(days=1)
        return found
