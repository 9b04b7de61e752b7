"""When a call is welcome: the first working day after the interview, in a mid-morning window."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Any

import holidays
from msgspec import Struct

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SCAN_DAYS = 60


@cache
def rules() -> dict[str, Any]:
    """``advice/rules.toml``."""
    path = resources.files("letterpress") / "advice" / "rules.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


class CallSlot(Struct, frozen=True):
    """A day and a window in the contact's local time."""

    day: date
    start: time
    end: time


def _window(text: str) -> tuple[time, time]:
    start, _, end = text.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def call_window(day: date) -> tuple[time, time] | None:
    """When calls are welcome on ``day``'s weekday (``call_windows``); None: not that day."""
    text = rules()["call_windows"].get(WEEKDAYS[day.weekday()])
    return _window(text) if text else None


def _public_holidays(country: str, years: range, subdiv: str | None = None) -> Any:
    try:
        return holidays.country_holidays(country.upper(), subdiv=subdiv, years=years)
    except (NotImplementedError, KeyError):
        return {}


def public_holiday(day: date, country: str, subdiv: str | None = None) -> str | None:
    """The name of the public holiday on ``day`` in ``country`` (national ones, and with
    ``subdiv`` those of that state or canton too), if any."""
    if not country:
        return None
    name = _public_holidays(country, range(day.year, day.year + 1), subdiv).get(day)
    return str(name) if name else None


def no_calls_day(day: date) -> str | None:
    """The name of the day ("Christmas Eve") when ``day`` is no public holiday but one on which
    offices are mostly empty (``no_calls_on`` in rules.toml), else None."""
    name = rules()["no_calls_on"].get(f"{day:%m-%d}")
    return str(name) if name else None


def working_day(day: date, country: str, subdiv: str | None = None) -> bool:
    """Offices are open: a weekday with a call window, no public holiday (national, or of the
    ``subdiv`` the contact works in: Epiphany in Bavaria), no ``no_calls_day`` (24 or 31 Dec)."""
    if WEEKDAYS[day.weekday()] not in rules()["call_windows"]:
        return False
    if no_calls_day(day):
        return False
    return day not in _public_holidays(country, range(day.year, day.year + 1), subdiv)


def next_working_day(after: date, country: str) -> date:
    """The first ``working_day`` in ``country`` after the day ``after``."""
    return _working_day_from(after, country, timedelta(days=1))


def previous_working_day(before: date, country: str) -> date:
    """The last ``working_day`` in ``country`` before the day ``before``."""
    return _working_day_from(before, country, timedelta(days=-1))


def _working_day_from(day: date, country: str, step: timedelta) -> date:
    """The first ``working_day`` in ``country`` going from ``day`` (not itself) by ``step``."""
    for _ in range(_SCAN_DAYS):
        day += step
        if working_day(day, country):
            return day
    raise RuntimeError("no working day found within 60 days")  # pragma: no cover


def call_slot(
    interview: datetime, now: datetime, country: str, subdiv: str | None = None
) -> CallSlot:
    """The first working day (in ``country``, its ``subdiv`` if known) after the interview day
    whose window has not passed at ``now``."""
    windows = rules()["call_windows"]
    day = max(interview.date() + timedelta(days=1), now.date())
    for _ in range(_SCAN_DAYS):
        if working_day(day, country, subdiv):
            start, end = _window(windows[WEEKDAYS[day.weekday()]])
            if day > now.date() or now.time() < end:
                return CallSlot(day, start, end)
        day += timedelta(days=1)
    raise RuntimeError("no working day found within 60 days")  # pragma: no cover
