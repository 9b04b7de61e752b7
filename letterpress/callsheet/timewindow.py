"""Time zones and the best-time window, converted between the contact's and the caller's zone.

All arithmetic goes through aware datetimes and UTC, so a window stays right when either side
changes to or from daylight-saving time on (or around) the call day.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msgspec import Struct

from ..errors import UserError, Where
from ..notices import Notice
from ..zones import machine_zone, one_clock, zones_meant

_WINDOW = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*[-–—]\s*(\d{1,2})[:.h](\d{2})\s*$")
# Environment variable that overrides the caller's zone (tests, or a machine set to UTC).
ENV_ZONE = "LETTERPRESS_TZ"


class Window(Struct, frozen=True):
    """A time window as two aware datetimes in one zone."""

    start: datetime
    end: datetime

    @property
    def zone(self) -> ZoneInfo:
        assert isinstance(self.start.tzinfo, ZoneInfo)
        return self.start.tzinfo

    def to(self, zone: ZoneInfo) -> Window:
        """The same instants, shown in another zone (DST rules of each side applied)."""
        return Window(self.start.astimezone(zone), self.end.astimezone(zone))

    def day_shift(self, day: date) -> int:
        """Days between ``day`` and this window's start day (e.g. -1 for the previous day)."""
        return (self.start.date() - day).days


def zone(name: str, where: Where) -> ZoneInfo:
    """An IANA zone by name, or a UserError naming the field."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"unknown time zone {name!r}",
            where=where,
            hint="use an IANA name such as 'Europe/Berlin' or 'America/New_York'",
        ) from None


def file_zone(name: str, where: Where) -> tuple[ZoneInfo, Notice | None]:
    """A zone field of the file: the IANA zone it names and no warning; or, for a name that is
    not one but means one zone ("Berlin", "new york"), that zone and the warning that says
    what to write; else a UserError naming the field."""
    try:
        return ZoneInfo(name.strip()), None
    except (ZoneInfoNotFoundError, ValueError):
        meant = zones_meant(name)
    key = where.field.rsplit(".", 1)[-1]
    if len(meant) == 1:
        return ZoneInfo(meant[0]), Notice(
            f"{name!r} is not an IANA time zone name; taking {meant[0]}",
            where,
            f'write {key} = "{meant[0]}"',
            kind="call-zone",
        )
    if meant:
        raise UserError(
            f"{name!r} is not an IANA time zone name and could be any of " + ", ".join(meant),
            where=where,
            hint=f'write the one you mean, e.g. {key} = "{meant[0]}"',
        )
    return zone(name, where), None  # raises: no zone has that name


def local_zone() -> ZoneInfo:
    """The caller's zone on this machine: $LETTERPRESS_TZ, else the system's (tzlocal), else
    UTC."""
    name = os.environ.get(ENV_ZONE, "").strip()
    if name:
        return zone(name, Where(option=ENV_ZONE))
    return machine_zone() or ZoneInfo("UTC")


def guess_zone(candidates: tuple[str, ...], day: date) -> ZoneInfo | None:
    """The one zone a number's region implies, or None when its zones differ on ``day``."""
    return one_clock(candidates, day)


def parse_window(text: str, day: date, tz: ZoneInfo, where: Where) -> Window:
    """Parse 'HH:MM-HH:MM' as local times on ``day`` in ``tz``; the end may be after midnight."""
    match = _WINDOW.match(text)
    hint = 'write it as "09:00-11:00" (24-hour clock, the contact\'s local time)'
    if not match:
        raise UserError(f"{text!r} is not a time window", where=where, hint=hint)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise UserError(f"{text!r} has an impossible time", where=where, hint=hint)
    start = datetime.combine(day, time(h1, m1), tzinfo=tz)
    end_day = day + timedelta(days=1) if (h2, m2) <= (h1, m1) or h2 == 24 else day
    end = datetime.combine(end_day, time(h2 % 24, m2), tzinfo=tz)
    if (h1, m1) == (h2, m2):
        raise UserError(f"{text!r} starts and ends at the same time", where=where, hint=hint)
    # Normalise through UTC: a wall time inside a spring-forward gap becomes the real instant.
    start = start.astimezone(UTC).astimezone(tz)
    end = end.astimezone(UTC).astimezone(tz)
    return Window(start, end)
