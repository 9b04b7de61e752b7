"""Time zones from what people give: a phone number (phonenumbers' data) or a country (CLDR's),
where it names one clock, or this computer's setting (tzlocal)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def one_clock(candidates: Iterable[str], day: date) -> ZoneInfo | None:
    """The first of ``candidates`` when they all keep the same clock on ``day``, else None."""
    zones = []
    for name in candidates:
        try:
            zones.append(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if not zones:
        return None
    noon = datetime.combine(day, time(12), tzinfo=UTC)
    offsets = {noon.astimezone(z).utcoffset() for z in zones}
    return zones[0] if len(offsets) == 1 else None


def _in_country(zones: Iterable[str], country: str) -> list[str]:
    """The zones that lie in ``country`` (a calling code such as +1 or +44 spans several)."""
    from babel.core import get_global

    territories = get_global("zone_territories")
    return [z for z in zones if territories.get(z) == country]


def current_name(zone: str) -> str:
    """A zone under its current IANA name where an older one is given (phonenumbers' data
    says ``Asia/Calcutta`` for ``Asia/Kolkata``): CLDR's aliases, through Babel."""
    from babel.core import get_global

    current = get_global("zone_aliases").get(zone)
    return current if current is not None and current in available_timezones() else zone


def phone_zone(phone: str, country: str, day: date) -> ZoneInfo | None:
    """The zone of a phone number (``country`` for a national number), when its area keeps one
    clock on ``day``."""
    import phonenumbers
    from phonenumbers import timezone

    try:
        number = phonenumbers.parse(phone, country.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number) or ""
    return one_clock(_in_country(timezone.time_zones_for_number(number), region), day)


def country_zone(country: str, day: date) -> ZoneInfo | None:
    """The zone of a country, when all of it keeps one clock on ``day`` (DE, FR, GB; not US or
    ES): CLDR's zones of the country, through Babel."""
    from babel.core import get_global

    return one_clock(get_global("territory_zones").get(country.upper(), ()), day)


def machine_zone() -> ZoneInfo | None:
    """This computer's zone (tzlocal reads $TZ and the system's setting, on Windows too), or
    None when it has none."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError, LookupError, OSError):
        return None


def _spelled(name: str) -> str:
    """A zone name or city as compared: case ignored, spaces written as underscores."""
    return "_".join(name.split()).casefold()


@cache
def _by_spelling() -> dict[str, frozenset[str]]:
    """Each zone's name and its last part (the city), as ``_spelled`` writes them, to the
    zones they name, each under its current name (CLDR's aliases through Babel:
    ``America/Buenos_Aires`` is ``America/Argentina/Buenos_Aires``)."""
    from babel.core import get_global

    aliases = get_global("zone_aliases")
    known = available_timezones()
    found: dict[str, set[str]] = {}
    for key in known:
        current = aliases.get(key, key) if aliases.get(key) in known else key
        for spelling in {_spelled(key), _spelled(key.rsplit("/", 1)[-1])}:
            found.setdefault(spelling, set()).add(current)
    return {spelling: frozenset(zones) for spelling, zones in found.items()}


def zones_meant(name: str) -> tuple[str, ...]:
    """The IANA zones a name that is not one may mean, sorted: those whose name or city is
    ``name`` up to case and spaces ("Berlin", "europe/berlin", "New York"); empty when
    none. Only one is a mistyped name; several ("Eastern": US or Canada) need a choice."""
    return tuple(sorted(_by_spelling().get(_spelled(name), ())))
