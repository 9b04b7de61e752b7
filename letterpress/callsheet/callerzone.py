"""The caller's time zone ("your time" on the call sheet), and what it was taken from.

In order: the file's ``call.caller_timezone``; the zone the program passes; ``$LETTERPRESS_TZ``;
your stored profile's home zone; the zone of your phone number, else of your country, where
phonenumbers' data gives one clock; else this computer's setting (tzlocal), else UTC.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from msgspec import Struct

from ..errors import Where
from ..zones import country_zone, machine_zone, phone_zone
from .timewindow import ENV_ZONE, zone


class CallerZone(Struct, frozen=True):
    """A zone and what it was taken from, as the line that reports it says it."""

    zone: ZoneInfo
    source: str


def caller_zone(
    *,
    in_file: ZoneInfo | None,
    given: ZoneInfo | None,
    stored: Callable[[], str | None],
    phone: str,
    country: str,
    day: date,
) -> CallerZone:
    """The caller's zone by the order above; ``in_file`` is the file's, already checked (see
    ``timewindow.file_zone``); ``stored`` reads the profile's (only when it is needed)."""
    if in_file is not None:
        return CallerZone(in_file, "call.caller_timezone in the file")
    if given is not None:
        return CallerZone(given, "the zone given to the program")
    env = os.environ.get(ENV_ZONE, "").strip()
    if env:
        return CallerZone(zone(env, Where(option=ENV_ZONE)), f"${ENV_ZONE}")
    home = stored()
    if home:
        from ..config import config_path

        return CallerZone(
            zone(home, Where(file=str(config_path()), field="me.timezone")), "your stored profile"
        )
    found = phone_zone(phone, country, day) if phone else None
    if found is not None:
        return CallerZone(found, f"your phone number {phone}")
    found = country_zone(country, day) if country else None
    if found is not None:
        return CallerZone(found, f"your country ({country.upper()})")
    machine = machine_zone()
    if machine is not None:
        return CallerZone(machine, "this computer's setting")
    return CallerZone(ZoneInfo("UTC"), "no setting on this computer (UTC)")
