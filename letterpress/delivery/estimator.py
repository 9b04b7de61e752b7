"""Forward and reverse delivery estimates from carrier rules, postal calendars and zones.

International letters (origin country differs from destination country):

* Both countries in the EU: the Postal Directive's cross-border standard (``eu-cross-border``,
  85% by D+3, 97% by D+5 working days Mon-Fri, holidays of both ends) applies, whichever carrier
  was chosen; the carrier still decides the deposit day (its collection days and cut-off).
* Otherwise, the carrier's own international figures if its data file has them
  (``[[international.XX]]`` or ``[[international."*"]]``, e.g. Canada Post 4-7 business days).
* Otherwise the UPU's global target (``upu``: 80% within D+5) with a note that no standard is
  published for the route and no upper bound is known. It is never presented as a promise.

The chosen carrier must collect letters in the origin country (``deutsche-post`` from DE, ...);
otherwise, and for unknown carriers, services or places, a UserError (exit 2) is raised.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import holidays
from msgspec import Struct

from ..countries import in_a_sentence
from ..errors import UserError, Where
from .calendar import (
    HolidaySource,
    NoHolidayDataError,
    Place,
    PostalCalendar,
    format_days,
    parse_place,
)
from .data import load_carriers
from .model import Carrier, Estimate, Rule, Service, Standard
from .postcodes import (
    local_holidays_only,
    normalise,
    parts_of,
    subdivision_of,
    subdivisions_named,
)
from .zones import SELECTORS, Route, ZoneChoice

EU_RULE = "eu-cross-border"
UPU_RULE = "upu"
_ROUTE_CARRIERS = (EU_RULE, UPU_RULE)
_REVERSE_SCAN_DAYS = 120


class NoRuleError(UserError):
    """No rule of the service is valid on the deposit day."""

    def __init__(self, what: str, *, too_early: bool, where: Where, hint: str) -> None:
        super().__init__(what, where=where, hint=hint)
        self.too_early = too_early


class CarrierNotHereError(UserError):
    """The carrier does not collect letters in the origin country: ``national`` is the carrier
    that does (None if none is known), ``countries`` where this one collects. The hint names
    ``--carrier``; a letter file's ``[mailing]`` words its own."""

    def __init__(
        self, carrier: str, country: str, *, countries: tuple[str, ...], national: str | None
    ) -> None:
        hint = (
            f"use --carrier {national}"
            if national
            else f"carriers collect letters where they operate; {carrier}: {', '.join(countries)}"
        )
        super().__init__(
            f"{carrier} does not collect letters in {country}", where=Where(field="from"), hint=hint
        )
        self.carrier = carrier
        self.country = country
        self.countries = countries
        self.national = national


def find_carrier(carrier_id: str) -> Carrier:
    """The carrier with that id, or a UserError listing the known ids."""
    carriers = load_carriers()
    key = str(carrier_id).strip().lower()
    if key not in carriers:
        raise UserError(
            f"unknown carrier {carrier_id!r}",
            where=Where(field="carrier"),
            hint=f"known carriers: {', '.join(carriers)}",
        )
    return carriers[key]


def find_service(carrier: Carrier, service_id: str | None) -> Service:
    """The carrier's service (its default for None), or a UserError listing the services."""
    key = carrier.default_service if service_id is None else str(service_id).strip().lower()
    if key not in carrier.services:
        raise UserError(
            f"unknown service {service_id!r} of {carrier.id}",
            where=Where(field="service"),
            hint=f"{carrier.id} services: {', '.join(carrier.services)}",
        )
    return carrier.services[key]


def carrier_for_country(country: str) -> tuple[str, str] | None:
    """The national carrier and its default service for a country code, or None if none is known."""
    code = str(country).strip().upper().partition("-")[0]
    for carrier in load_carriers().values():
        if carrier.id not in _ROUTE_CARRIERS and code in (*carrier.countries, *carrier.territories):
            return carrier.id, carrier.default_service
    return None


class _Plan(Struct, frozen=True):
    """Everything fixed by carrier, service and route; only the posting time varies."""

    carrier: Carrier
    service: Service
    origin: Place
    destination: Place
    route: Route
    rules: tuple[Rule, ...]
    rules_name: str
    cutoff: time
    collection: PostalCalendar
    notes: tuple[str, ...]


def _route_rules(
    carrier: Carrier, service: Service, origin: Place, destination: Place
) -> tuple[tuple[Rule, ...], str, tuple[str, ...]]:
    """The rules that govern this route, their owner's name, and a note on why."""
    carriers = load_carriers()
    eu = carriers[EU_RULE]
    in_eu = origin.country in eu.countries and destination.country in eu.countries
    if carrier.id == EU_RULE:
        if not in_eu or origin.country == destination.country:
            raise UserError(
                f"{EU_RULE} covers letters between two EU countries, not "
                f"{origin.country} to {destination.country}",
                where=Where(field="to"),
                hint="choose the national carrier for a domestic letter",
            )
        return service.rules, eu.name, ()
    if carrier.id == UPU_RULE:
        if origin.country == destination.country:
            raise UserError(
                f"{UPU_RULE} covers international letters only",
                where=Where(field="to"),
                hint="choose the national carrier for a domestic letter",
            )
        return service.rules, carrier.name, ()
    if origin.country not in carrier.countries:
        suggestion = carrier_for_country(origin.country)
        raise CarrierNotHereError(
            carrier.id,
            origin.country,
            countries=tuple(carrier.countries),
            national=suggestion[0] if suggestion else None,
        )
    if destination.country == origin.country:
        return service.rules, f"{carrier.name} {service.name}", ()
    if in_eu:
        return (
            eu.services[eu.default_service].rules,
            eu.name,
            (
                f"International letter within the EU: the Postal Directive's cross-border standard "
                f"applies instead of {carrier.name}'s domestic standard.",
            ),
        )
    groups = [
        name
        for name, members in carrier.international_groups.items()
        if destination.country in members
    ]
    for key in (destination.country, *groups, "*"):
        if key in carrier.international:
            # A group is named in the data in lower case ("europe"): say it as a place name.
            names = {destination.country: in_a_sentence(destination.country)}
            to = {**names, "*": "other countries"}.get(key, key.replace("-", " ").title())
            return (
                carrier.international[key],
                f"{carrier.name} international",
                (f"International letter: {carrier.name}'s published time to {to} applies.",),
            )
    upu = carriers[UPU_RULE]
    origin_name, dest_name = in_a_sentence(origin.country), in_a_sentence(destination.country)
    return (
        upu.services[upu.default_service].rules,
        upu.name,
        (
            f"No delivery standard is published for letters from {origin_name} to {dest_name}; "
            "the dates use the UPU's global target for international mail (80% within 5 working "
            "days), which is not a promise for this route: one letter in five takes longer and "
            "no upper bound is published.",
        ),
    )


def _resolve(place: Place, postcode: str | None, where: Where) -> tuple[Place, str | None, str]:
    """A place refined by its postcode: (place, normalised postcode, note or "")."""
    if not postcode:
        return place, None, ""
    code = normalise(place.country, postcode, where)
    found = subdivision_of(place.country, code)
    if place.subdiv:
        if (
            found.subdiv
            and found.subdiv != place.subdiv
            and place.subdiv in subdivisions_named(place.country)
        ):
            raise UserError(
                f"postcode {postcode} is in {place.country}-{found.subdiv}, not {place}",
                where=where,
                hint="fix the postcode or the subdivision",
            )
        return place, code, ""
    if not found.settled:
        return place, code, ""
    settled = Place(place.country, found.subdiv, settled=True)
    if found.subdiv:
        return settled, code, f"Holidays of {settled} (from the postcode {postcode}) are counted."
    return (
        settled,
        code,
        (
            f"The postcode {postcode} lies in no part of {place.country} with "
            "holidays of its own: only nationwide holidays are counted."
        ),
    )


def _anywhere_note(place: Place, end: str, postcode: str | None = None) -> str:
    """The note for a place whose region is unknown: every part's holidays count. ``end``
    says which end of the route it is ("origin" or "destination"), ``postcode`` the one given
    there that does not settle the region; the country is named, the example region written as
    it is typed (``IT-AG``)."""
    name = in_a_sentence(place.country)
    parts = parts_of(place.country)
    unknown = (
        f"The postcode {postcode} does not tell letterpress which part of {name} the {end} is in"
        if postcode
        else f"No region or postcode given for the {end} in {name}"
    )
    if not parts:
        example = sorted(holidays.list_supported_countries()[place.country])[0]
        places = "the region" if postcode else "the postcode or the region"
        return (
            f"{unknown}: only holidays kept throughout {name} are counted; a local one (a city's "
            f"patron saint, say) counts when {places} (e.g. {place.country}-{example}) places "
            "the letter."
        )
    example = f"{place.country}-{parts[0]}"
    give = f"the region (e.g. {example})" if postcode else f"e.g. {example} or the postcode"
    return (
        f"{unknown}: a holiday in any part of {name} is counted, so the dates may be late; "
        f"give {give} for one region's holidays."
    )


def _plan(
    carrier_id: str,
    service_id: str | None,
    origin: str,
    destination: str,
    origin_postcode: str | None,
    destination_postcode: str | None,
    cutoff: time | None,
) -> _Plan:
    """Resolve ids and places once for forward and reverse estimates."""
    carrier = find_carrier(carrier_id)
    service = find_service(carrier, service_id)
    origin_place, origin_code, origin_note = _resolve(
        _as_part(carrier, parse_place(origin, where=Where(field="from")), Where(field="from")),
        _clean(origin_postcode),
        Where(field="from_postcode"),
    )
    dest_place, dest_code, dest_note = _resolve(
        _as_part(carrier, parse_place(destination, where=Where(field="to")), Where(field="to")),
        _clean(destination_postcode),
        Where(field="to_postcode"),
    )
    rules, rules_name, notes = _route_rules(carrier, service, origin_place, dest_place)
    route = Route(
        origin_place.country,
        dest_place.country,
        origin_place.subdiv,
        dest_place.subdiv,
        origin_code,
        dest_code,
    )
    origin_place = _holiday_place(carrier, origin_place)
    dest_place = _holiday_place(carrier, dest_place)
    # (country, postcode given) -> place, ends of unknown region
    unknown: dict[tuple[str, str | None], tuple[Place, list[str]]] = {}
    for place, note, end, postcode in (
        (origin_place, origin_note, "origin", origin_postcode),
        (dest_place, dest_note, "destination", destination_postcode),
    ):
        if note and _uses_subdivisions(carrier, place.country):
            notes += (note,)
        if place.anywhere and (parts_of(place.country) or local_holidays_only(place.country)):
            key = (place.country, _clean(postcode))
            unknown.setdefault(key, (place, []))[1].append(end)
    notes += tuple(
        _anywhere_note(place, " and the ".join(ends), postcode)
        for (_, postcode), (place, ends) in unknown.items()
    )
    collection = PostalCalendar(
        service.collection_days or carrier.collection_days, (_holidays_at(carrier, origin_place),)
    )
    return _Plan(
        carrier,
        service,
        origin_place,
        dest_place,
        route,
        rules,
        rules_name,
        cutoff or service.cutoff or carrier.cutoff,
        collection,
        notes,
    )


def _as_part(carrier: Carrier, place: Place, where: Where) -> Place:
    """A territory the carrier serves as domestic mail as the part of its country it is
    (USPS: "PR" is "US-PR"); any other place as it is."""
    if place.country not in carrier.territories or not carrier.countries:
        return place
    return parse_place(f"{carrier.countries[0]}-{place.country}", where=where)


def _clean(postcode: str | None) -> str | None:
    """A stripped postcode, or None for missing or blank."""
    return postcode.strip() or None if isinstance(postcode, str) else None


def _categories(carrier: Carrier, place: Place) -> tuple[str, ...]:
    """Holiday categories the carrier observes at a place (public only outside its countries)."""
    return carrier.holiday_categories if place.country in carrier.countries else ("public",)


def _uses_subdivisions(carrier: Carrier, country: str) -> bool:
    """Whether regional holidays count in a country: not where the carrier delivering there (the
    chosen one at home, the national one abroad) keeps a federal or national calendar."""
    if country not in carrier.countries:
        national = carrier_for_country(country)
        if national is None:
            return True
        carrier = find_carrier(national[0])
    return carrier.subdivision_holidays


def _holidays_at(carrier: Carrier, place: Place) -> HolidaySource:
    """The holidays that count at a place (of all its country's parts if it may be anywhere)."""
    parts = parts_of(place.country) if place.anywhere else ()
    return HolidaySource(place, _categories(carrier, place), parts)


def _holiday_place(carrier: Carrier, place: Place) -> Place:
    """The place whose holidays count: the country's alone where regional ones do not."""
    if _uses_subdivisions(carrier, place.country):
        return place
    return Place(place.country, settled=True)


def _rule_for(plan: _Plan, deposit: date) -> Rule:
    """The rule valid on the deposit day, or a NoRuleError saying which days the rules cover
    and which date to give instead."""
    for rule in plan.rules:
        if rule.valid_on(deposit):
            return rule
    first, covers = plan.rules[0], _covers(plan)
    early = deposit < first.valid_from
    raise NoRuleError(
        f"no {plan.rules_name} rule is valid for a letter deposited on {deposit}",
        too_early=early,
        where=Where(field="posted"),
        hint=f"{covers}; give {first.valid_from} or a later date"
        if early
        else f"{covers}; give an earlier date, or the carrier data needs updating",
    )


def _covers(plan: _Plan) -> str:
    """Which deposit days the rules cover: ``letterpress's rules cover letters deposited from
    2022-01-01 on``."""
    first, last = plan.rules[0], plan.rules[-1]
    end = f"to {last.valid_until}" if last.valid_until else "on"
    return f"letterpress's rules cover letters deposited from {first.valid_from} {end}"


def _share(share: float | None) -> str:
    """``95%`` or ``98.5%``."""
    return "" if share is None else f"{share:g}%"


def _target_text(standard: Standard, rule: Rule) -> str:
    """``95% by D+3, 99% by D+4 (Mon-Sat except public holidays)`` and the like."""
    exp = standard.expected
    if standard.earliest is not None and standard.earliest < exp.days:
        text = f"D+{standard.earliest} to D+{exp.days}"
        text += f" ({_share(exp.share)})" if exp.share else ""
    else:
        text = f"{_share(exp.share)} by D+{exp.days}" if exp.share else f"D+{exp.days}"
    if standard.latest is not None:
        late = standard.latest
        text += (
            f", {_share(late.share)} by D+{late.days}"
            if late.share
            else f", at the latest D+{late.days}"
        )
    days = f"counted days {format_days(rule.counted_days)} except public holidays"
    prefix = f"{standard.label}: " if standard.label else ""
    return f"{prefix}{text} ({days})"


def _estimate(plan: _Plan, posted: datetime) -> Estimate:
    """The forward estimate for one posting time."""
    posted_day = posted.date()
    try:
        collects = plan.collection.is_open(posted_day)
        if collects and posted.time() <= plan.cutoff:
            deposit = posted_day
        else:
            deposit = plan.collection.add(posted_day, 1)
    except NoHolidayDataError:
        # a year the rules do not cover either: say the rules' years, not the holiday data's
        _rule_for(plan, posted_day)
        raise
    rule = _rule_for(plan, deposit)
    choice: ZoneChoice = SELECTORS[rule.selector](plan.carrier, plan.route)
    standard = (
        rule.standards.get(choice.zone) or rule.standards.get("all") or rule.standards["unknown"]
    )
    sources: list[HolidaySource] = []
    for place in (plan.origin, plan.destination):
        source = _holidays_at(plan.carrier, place)
        if source not in sources:
            sources.append(source)
    counted = PostalCalendar(rule.counted_days, tuple(sources))
    delivery = PostalCalendar(rule.delivery_days, tuple(sources))
    expected = counted.add(deposit, standard.expected.days)
    latest = counted.add(deposit, standard.latest.days) if standard.latest else expected
    if standard.earliest is not None:
        earliest = counted.add(deposit, standard.earliest)
    else:
        earliest = min(delivery.add(deposit, 1), expected)
    notes = [*plan.notes, *rule.notes, *choice.notes]
    notes += [standard.note] if standard.note else []
    holidays = plan.collection.holidays_between(posted_day, deposit - timedelta(days=1))
    holidays += counted.holidays_between(deposit + timedelta(days=1), latest)
    if holidays:
        notes.append(
            "Public holidays on the way: "
            + ", ".join(f"{day:%a} {day.day} {day:%b} {name}" for day, name in holidays)
            + "."
        )
    return Estimate(
        carrier=plan.carrier.id,
        service=plan.service.id,
        posted=posted,
        deposit_day=deposit,
        earliest=earliest,
        expected=expected,
        latest=latest,
        target=_target_text(standard, rule),
        source=rule.source,
        valid_from=rule.valid_from,
        notes=tuple(dict.fromkeys(notes)),
        cutoff=plan.cutoff,
        expected_share=standard.expected.share,
        latest_share=standard.latest.share if standard.latest else None,
        ranged=standard.earliest is not None,
        collection_on_posting_day=collects,
    )


def estimate_delivery(
    carrier: str,
    service: str | None,
    *,
    origin: str,
    destination: str,
    posted: datetime,
    origin_postcode: str | None = None,
    destination_postcode: str | None = None,
    cutoff: time | None = None,
) -> Estimate:
    """When a letter posted at ``posted`` arrives: deposit day, earliest, expected and latest."""
    if not isinstance(posted, datetime):
        raise UserError(
            "posting time must be a date and time",
            where=Where(field="posted"),
            hint="write it like 2026-12-23T18:00",
        )
    plan = _plan(
        carrier, service, origin, destination, origin_postcode, destination_postcode, cutoff
    )
    return _estimate(plan, posted.replace(tzinfo=None))


def latest_posting(
    carrier: str,
    service: str | None,
    *,
    origin: str,
    destination: str,
    arrive_by: date,
    origin_postcode: str | None = None,
    destination_postcode: str | None = None,
    cutoff: time | None = None,
) -> datetime:
    """The last posting date and time whose expected date is on or before ``arrive_by``."""
    plan = _plan(
        carrier, service, origin, destination, origin_postcode, destination_postcode, cutoff
    )
    if arrive_by <= plan.rules[0].valid_from:  # a letter arrives a day after its deposit at best
        raise _no_posting_date(plan, arrive_by)
    day = arrive_by
    for _ in range(_REVERSE_SCAN_DAYS):
        if plan.collection.is_open(day):
            posted = datetime.combine(day, plan.cutoff)
            try:
                estimate = _estimate(plan, posted)
            except NoRuleError as exc:
                if exc.too_early:
                    raise _no_posting_date(plan, arrive_by) from None
                estimate = None
            if estimate is not None and estimate.expected <= arrive_by:
                return posted
        day -= timedelta(days=1)
    raise UserError(
        f"no posting date within {_REVERSE_SCAN_DAYS} days meets {arrive_by}",
        where=Where(field="arrive_by"),
        hint="check the date",
    )


def _no_posting_date(plan: _Plan, arrive_by: date) -> UserError:
    """The error for an arrival date that only a letter deposited before the first rule could
    meet."""
    return UserError(
        f"no posting date meets {arrive_by} under known rules",
        where=Where(field="arrive_by"),
        hint=f"{_covers(plan)}; give a later arrival date",
    )
