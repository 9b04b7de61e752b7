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

# A window as people write it on a note or a business card: "09:00-11:00", "9-11", "9h30-11h",
# "9:00-11:00 Uhr", "9.30 to 11", "10am-12pm", "2-4 pm". A time is an hour with minutes after
# ":", "." or "h" (or "h" alone), and "am" or "pm" (with or without dots).
# Written with the words around it: "from 9 to 11", "between 9 and 11", "von 9 bis 11 Uhr",
# "zwischen 9 und 11", "de 9h à 11h", "entre 9h et 11h".
_TIME = r"(\d{1,2})(?:[:.h](\d{2})|h(?![a-z]))?\s*([ap])?(?:\.?\s*m\.?)?"
_FROM = r"(?:(?:from|between|von|zwischen|de|entre)\s+)?"
_TO = r"(?:[-–—]|to|till|until|and|bis|und|à|et)"
_WINDOW = re.compile(
    rf"^\s*{_FROM}{_TIME}\s*(?:uhr)?\s*{_TO}\s*{_TIME}\s*(?:uhr|h)?\s*$", re.IGNORECASE
)
# One time, as a window open at one end writes it ("2pm", "14 Uhr", "14h30").
_ONE_TIME = re.compile(rf"^\s*{_TIME}\s*(?:uhr|h)?\s*$", re.IGNORECASE)
# Bare hours this early, with no am or pm, are as likely the afternoon ("2-4") as the night.
_NIGHT_BEFORE = 7
# Office hours as people write them: with no am or pm on the end, an end hour on the 12-hour
# clock smaller than the start ("9-5", "8-4", "10-2", "9:30-5:00") is the afternoon, unless
# written with a leading zero ("09:00-05:00", the 24-hour clock: a window past midnight).
_OFFICE_END = re.compile(rf"{_TO}\s*[1-9](?!\d)", re.IGNORECASE)
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


def parse_window(
    text: str, day: date, tz: ZoneInfo, where: Where, *, said: str | None = None
) -> Window:
    """Parse a window such as '09:00-11:00' (also '9-11', '9h30-11h', '10am-12pm') as local
    times on ``day`` in ``tz``; the end may be after midnight. Messages quote ``said`` (what
    the file wrote, when ``text`` is it reworded), else ``text``.
    :func:`.besttime.read_window` reads the words around it ("mornings", "after 2pm")."""
    match = _WINDOW.match(text)
    hint = 'write it as "09:00-11:00" (24-hour clock, the contact\'s local time)'
    shown = text if said is None else said
    if not match:
        raise UserError(
            f"{shown!r} is not a time window",
            where=where,
            hint=f'{hint}, or as "mornings" or "afternoons"',
        )
    h1, m1, half1, h2, m2, half2 = match.groups()
    start_hm, end_hm = _clock(h1, m1, half1 or "", half2 or "", h2), _clock(h2, m2, half2 or "")
    if start_hm is None or end_hm is None:
        raise UserError(f"{shown!r} has an impossible time", where=where, hint=hint)
    (h1, m1), (h2, m2) = start_hm, end_hm
    if not (half1 or half2) and h1 < _NIGHT_BEFORE and not (m1 or ":" in text or "." in text):
        raise UserError(
            f"{shown!r} could be the night or the afternoon",
            where=where,
            hint=f'write it with the 24-hour clock ("{_afternoon(h1, h2)}"), or with am or pm',
        )
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise UserError(f"{shown!r} has an impossible time", where=where, hint=hint)
    if not half2 and (half1 or "a").lower() == "a" and _office_hours(h1, h2, text):
        h2 += 12  # "9-5": 09:00-17:00, not 20 hours into the night
    start = datetime.combine(day, time(h1, m1), tzinfo=tz)
    end_day = day + timedelta(days=1) if (h2, m2) <= (h1, m1) or h2 == 24 else day
    end = datetime.combine(end_day, time(h2 % 24, m2), tzinfo=tz)
    if (h1, m1) == (h2, m2):
        raise UserError(f"{shown!r} starts and ends at the same time", where=where, hint=hint)
    # Normalise through UTC: a wall time inside a spring-forward gap becomes the real instant.
    start = start.astimezone(UTC).astimezone(tz)
    end = end.astimezone(UTC).astimezone(tz)
    return Window(start, end)


def one_time(text: str) -> tuple[int, int] | None:
    """One time of day as a window open at one end writes it ("2pm", "14 Uhr", "14h30"): its
    hour on the 24-hour clock and its minute, else None. An hour before 7 without am or pm and
    without a leading zero is the afternoon: "after 2" is not 02:00, when no one takes calls."""
    match = _ONE_TIME.match(text)
    if not match:
        return None
    hour, minute, half = match.groups()
    hm = _clock(hour, minute, half or "")
    if hm is None:
        return None
    h, m = hm
    if not half and h < _NIGHT_BEFORE and not hour.startswith("0"):
        h += 12
    return (h, m) if h <= 23 and m <= 59 else None


def twelve_hours(text: str) -> str | None:
    """The window a start and end of the same bare hour from 7 to 11 means on the 12-hour
    clock, the morning to the evening ("9-9": "09:00-21:00"), else None ("09:00-09:00" is
    the 24-hour clock: no window)."""
    match = _WINDOW.match(text)
    if not match:
        return None
    h1, m1, half1, h2, m2, half2 = match.groups()
    if m1 or m2 or half1 or half2 or h1 != h2 or h1.startswith("0"):
        return None
    hour = int(h1)
    return f"{hour:02d}:00-{hour + 12:02d}:00" if _NIGHT_BEFORE <= hour < 12 else None


def _afternoon(start: int, end: int) -> str:
    """The afternoon reading of bare hours before 7, as the 24-hour clock writes it: "2-4" is
    14:00-16:00; with the end before the start, the start is the morning ("6-2": 06:00-14:00)."""
    first = start if end <= start else start + 12
    return f"{first:02d}:00-{(end + 12) % 24:02d}:00"


def _office_hours(start: int, end: int, text: str) -> bool:
    """Whether an end without am or pm is in the afternoon on the 12-hour clock: an end hour
    (1-12, no leading zero) before a start hour from 7 to 12 ("9-5", "8-4", "10am-2")."""
    if not (_NIGHT_BEFORE <= start <= 12 and 1 <= end < start):
        return False
    return bool(_OFFICE_END.search(text))


def _clock(
    hour: str, minute: str | None, half: str, later_half: str = "", later_hour: str = ""
) -> tuple[int, int] | None:
    """A time's hour on the 24-hour clock and its minute; a start without am or pm takes the
    end's ("9-11am", and "2-4pm" is 14:00, but "11-1pm" starts at 11:00). None for an hour
    the 12-hour clock does not have (13pm)."""
    h, m = int(hour), int(minute or 0)
    if not half and later_half:
        end = int(later_hour) % 12 + (12 if later_half.lower() == "p" else 0)
        shifted = h % 12 + (12 if later_half.lower() == "p" else 0)
        return (shifted, m) if shifted <= end else (h, m)
    if not half:
        return h, m
    if not 1 <= h <= 12:
        return None
    return h % 12 + (12 if half.lower() == "p" else 0), m
