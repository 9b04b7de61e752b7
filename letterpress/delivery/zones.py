"""Choosing a standard's zone from origin and destination (regions, postcodes), one handler each.

The route's subdivisions are those given with --from/--to or settled by the postcodes; the
postcodes arrive normalised (see ``postcodes.normalise``).
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct

from .model import Carrier
from .postcodes import area_of


class Route(Struct, frozen=True):
    """Where a letter goes: countries, subdivisions (given or from postcodes), postcodes."""

    origin_country: str
    destination_country: str
    origin_subdiv: str | None = None
    destination_subdiv: str | None = None
    origin_postcode: str | None = None
    destination_postcode: str | None = None


class ZoneChoice(Struct, frozen=True):
    """The zone a route falls into, and why."""

    zone: str
    notes: tuple[str, ...] = ()


Selector = Callable[[Carrier, Route], ZoneChoice]


def _ca_local(route: Route) -> str | None:
    """Why a Canadian route is local (same FSA, or FSAs of one city), or None."""
    origin, dest = route.origin_postcode, route.destination_postcode
    if not origin or not dest:
        return None
    if origin[:3] == dest[:3]:
        return "same forward sortation area"
    city = area_of("CA", "city", origin)
    if city and city == area_of("CA", "city", dest):
        return f"both postal codes are in {city}"
    return None


def canada_postal(carrier: Carrier, route: Route) -> ZoneChoice:
    """Canada Post: local (same city), provincial or national, from postal codes and provinces."""
    local = _ca_local(route)
    if local:
        return ZoneChoice("local", (f"Local standard: {local}.",))
    origin, dest = route.origin_subdiv, route.destination_subdiv
    if not origin or not dest:
        return ZoneChoice(
            "unknown",
            (
                "Canada Post's standard depends on where the letter goes (2 days within a city, 3 "
                "within a province, 4 nationally); without both provinces or postal codes the "
                "national 4 days are used.",
            ),
        )
    if origin != dest:
        return ZoneChoice("national")
    if route.origin_postcode and route.destination_postcode:
        why = (
            f"Both ends are in CA-{origin} but letterpress cannot tell from these postal "
            "codes that they are in one city, so the provincial 3 days are used (2 within a "
            "city)."
        )
    else:
        why = (
            f"Both ends are in CA-{origin}: the provincial 3 days are used; within one city "
            "the standard is 2 days (give both postal codes)."
        )
    return ZoneChoice("provincial", (why,))


def _au_kind(code: str | None) -> str | None:
    """``metro`` or ``country`` for an Australian postcode, None without one."""
    if not code:
        return None
    return "metro" if area_of("AU", "metro", code) == "metro" else "country"


def australia_postcode(carrier: Carrier, route: Route) -> ZoneChoice:
    """Australia Post: same state or interstate from the states; metro or country from postcodes."""
    origin, dest = route.origin_subdiv, route.destination_subdiv
    if not origin or not dest:
        return ZoneChoice(
            "unknown",
            (
                "Australia Post's standard depends on the states (same state or interstate) and "
                "on whether each end is metropolitan; without both states or postcodes the widest "
                "range is given.",
            ),
        )
    scope = "same-state" if origin == dest else "interstate"
    kinds = {_au_kind(route.origin_postcode), _au_kind(route.destination_postcode)}
    if None in kinds:
        return ZoneChoice(
            scope,
            (
                "Whether each end is metropolitan or country needs both postcodes, so the range "
                "covers both.",
            ),
        )
    kind = "mixed" if len(kinds) == 2 else kinds.pop()
    return ZoneChoice(
        f"{scope}-{kind}",
        (
            "Metropolitan postcodes are letterpress's conservative list of capital-city "
            "postcodes (Australia Post's own list was not found); any other postcode counts as "
            "country, which errs late.",
        ),
    )


def usps_drive_time(carrier: Carrier, route: Route) -> ZoneChoice:
    """USPS: the standard follows the drive time between ZIP codes, which letterpress lacks."""
    return ZoneChoice(
        "unknown",
        (
            "USPS sets the First-Class standard (1 to 5 days) per origin and destination ZIP code "
            "from drive times between its facilities; letterpress has no drive-time data, so the "
            "whole 1-5 day range is given.",
        ),
    )


def no_zones(carrier: Carrier, route: Route) -> ZoneChoice:
    """Carriers with one national standard."""
    return ZoneChoice("all")


SELECTORS: dict[str, Selector] = {
    "none": no_zones,
    "ca-postal": canada_postal,
    "au-postcode": australia_postcode,
    "us-drive-time": usps_drive_time,
}
