"""Choosing a standard's zone from origin and destination (postcodes, regions), one handler each."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UserError
from .model import Carrier


@dataclass(frozen=True)
class Route:
    """Where a letter goes: countries, subdivisions as given, and postcodes if known."""

    origin_country: str
    destination_country: str
    origin_subdiv: str | None = None
    destination_subdiv: str | None = None
    origin_postcode: str | None = None
    destination_postcode: str | None = None


@dataclass(frozen=True)
class ZoneChoice:
    """The zone a route falls into, why, and regions (subdivisions) learnt from the postcodes."""

    zone: str
    notes: tuple[str, ...] = ()
    origin_region: str | None = None
    destination_region: str | None = None


Selector = Callable[[Carrier, Route], ZoneChoice]

_CA_POSTCODE = re.compile(r"^[A-Z]\d[A-Z](\d[A-Z]\d)?$")


def _ca_region(carrier: Carrier, code: str, where: str) -> tuple[str, str]:
    """Normalised Canadian postal code (or FSA) and its province, by longest known prefix."""
    norm = code.replace(" ", "").upper()
    if not _CA_POSTCODE.match(norm):
        raise UserError(f"{code!r} is not a Canadian postal code", where=where,
                        hint="write it like K1A 0B1 (or just the first three characters)")
    for length in (3, 2, 1):
        region = carrier.postcode_regions.get(norm[:length])
        if region:
            return norm, region
    raise UserError(f"postal code {code!r} starts with a letter no province uses", where=where,
                    hint="check the postal code")


def _check_region(given: str | None, found: str, code: str, where: str) -> None:
    """A postcode must lie in the subdivision given with --from/--to, if one was given."""
    if given and given.upper() != found.upper():
        raise UserError(f"postcode {code} is in {found}, not {given}", where=where,
                        hint="fix the postcode or the subdivision")


def region_of(carrier: Carrier, code: str | None, where: str) -> str | None:
    """The subdivision a postcode lies in, for carriers whose data maps postcodes to regions."""
    if not code:
        return None
    if carrier.postcode_regions:
        return _ca_region(carrier, code, where)[1]
    if carrier.postcode_ranges:
        return _au_region(carrier, code, where)
    return None


def canada_postal(carrier: Carrier, route: Route) -> ZoneChoice:
    """Canada Post: local (same city), provincial or national, from the two postal codes."""
    if not route.origin_postcode or not route.destination_postcode:
        return ZoneChoice("unknown", (
            "Canada Post's standard depends on the postal codes (2 days within a city, 3 within "
            "a province, 4 nationally); without both codes the national 4 days are used.",))
    origin, origin_region = _ca_region(carrier, route.origin_postcode, "from_postcode")
    dest, dest_region = _ca_region(carrier, route.destination_postcode, "to_postcode")
    _check_region(route.origin_subdiv, origin_region, route.origin_postcode, "from_postcode")
    _check_region(route.destination_subdiv, dest_region, route.destination_postcode,
                  "to_postcode")
    if origin[:3] == dest[:3]:
        zone, notes = "local", ()
    elif origin_region == dest_region:
        zone, notes = "provincial", (
            "Different forward sortation areas in one province: within one city the standard "
            "is 2 days, but the city cannot be told from postal codes, so the provincial 3 days "
            "are used.",)
    else:
        zone, notes = "national", ()
    return ZoneChoice(zone, notes, origin_region, dest_region)


def _au_region(carrier: Carrier, code: str, where: str) -> str:
    """The state or territory of an Australian postcode."""
    norm = code.strip()
    if not (norm.isdigit() and len(norm) == 4):
        raise UserError(f"{code!r} is not an Australian postcode", where=where,
                        hint="Australian postcodes have four digits, like 2000")
    number = int(norm)
    for low, high, region in carrier.postcode_ranges:
        if low <= number <= high:
            return region
    raise UserError(f"postcode {code} is in no Australian state's range", where=where,
                    hint="check the postcode")


def australia_postcode(carrier: Carrier, route: Route) -> ZoneChoice:
    """Australia Post: same state or interstate from postcodes; metro/country is not known here."""
    metro = ("Whether each end is metropolitan or country is not in letterpress's data, so the "
             "range covers both.")
    if not route.origin_postcode or not route.destination_postcode:
        return ZoneChoice("unknown", (
            "Australia Post's standard depends on the postcodes (same state or interstate, "
            "metropolitan or country); without both postcodes the widest range is given.",))
    origin = _au_region(carrier, route.origin_postcode, "from_postcode")
    dest = _au_region(carrier, route.destination_postcode, "to_postcode")
    _check_region(route.origin_subdiv, origin, route.origin_postcode, "from_postcode")
    _check_region(route.destination_subdiv, dest, route.destination_postcode, "to_postcode")
    zone = "intrastate" if origin == dest else "interstate"
    return ZoneChoice(zone, (metro,), origin, dest)


def usps_drive_time(carrier: Carrier, route: Route) -> ZoneChoice:
    """USPS: the standard follows the drive time between ZIP codes, which letterpress lacks."""
    for code, where in ((route.origin_postcode, "from_postcode"),
                        (route.destination_postcode, "to_postcode")):
        if code and not re.fullmatch(r"\d{5}(-\d{4})?", code.strip()):
            raise UserError(f"{code!r} is not a US ZIP code", where=where,
                            hint="write five digits, like 20500")
    return ZoneChoice("unknown", (
        "USPS sets the First-Class standard (1 to 5 days) per origin and destination ZIP code "
        "from drive times between its facilities; letterpress has no drive-time data, so the "
        "whole 1-5 day range is given.",))


def no_zones(carrier: Carrier, route: Route) -> ZoneChoice:
    """Carriers with one national standard."""
    return ZoneChoice("all")


SELECTORS: dict[str, Selector] = {
    "none": no_zones,
    "ca-postal": canada_postal,
    "au-postcode": australia_postcode,
    "us-drive-time": usps_drive_time,
}
