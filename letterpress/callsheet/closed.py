"""Whether offices are closed on the call's day: a weekend, or a public holiday where the
contact works, national or of their subdivision (a German state, a US state), found from the
address's region or postcode as the delivery estimates find it."""

from __future__ import annotations

from datetime import date

from ..errors import UserError, Where
from ..letter.model import Party


def subdivision(party: Party, country: str) -> str | None:
    """The holidays package's subdivision of ``party``'s address: its ``region`` when that
    names one ("IL", "BY"), else the one its postcode lies in; None when neither settles it."""
    import holidays

    from ..delivery.postcodes import normalise, subdivision_of

    known = holidays.list_supported_countries().get(country.upper(), ())
    region = party.region.strip().upper()
    if region in known:
        return region
    if not party.postal_code.strip():
        return None
    try:
        code = normalise(country.upper(), party.postal_code, Where())
    except UserError:
        return None  # the letter says what is wrong with it
    found = subdivision_of(country.upper(), code)
    return found.subdiv if found.settled and found.subdiv in known else None


def closed_because(day: date, country: str, subdiv: str | None = None) -> str | None:
    """Why offices are closed on ``day`` ("a Saturday", "Christmas Day, a public holiday in
    the United States", "Epiphany, a public holiday in Germany (BY)", "Christmas Eve": a day
    the advice never calls on), or None."""
    if day.weekday() >= 5:
        return "a Saturday" if day.weekday() == 5 else "a Sunday"
    from ..advice.calls import no_calls_day, public_holiday  # holiday calendars: only here
    from ..countries import in_a_sentence

    name = public_holiday(day, country)
    if name:
        return f"{name}, a public holiday in {in_a_sentence(country)}"
    regional = public_holiday(day, country, subdiv) if subdiv else None
    if regional:
        return f"{regional}, a public holiday in {in_a_sentence(country)} ({subdiv})"
    return no_calls_day(day)
