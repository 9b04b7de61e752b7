"""A letter file's ``[mailing]`` table, and the posting-time formats users write, as estimates."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from .. import fields
from ..countries import country_code, in_a_sentence
from ..errors import UserError, Where
from ..letter import model
from ..notices import Notice
from ..source import Source
from .calendar import parse_place
from .data import parse_clock
from .estimator import CarrierNotHereError, carrier_for_country, estimate_delivery
from .model import Estimate

if TYPE_CHECKING:
    from ..letter.resolve import Prepared

MAILING_KEYS = (
    "carrier",
    "service",
    "posted",
    "from",
    "to",
    "cutoff",
    "from_postcode",
    "to_postcode",
)


# What each text key of [mailing] takes, and how to write it (a true or a list is not read)
TEXT_KEYS = {
    "carrier": ("a carrier", 'write a carrier in quotes, e.g. carrier = "deutsche-post"'),
    "service": ("a service", 'write a service in quotes, e.g. service = "standard"'),
    "from": ("a country", 'write one country\'s name or ISO code in quotes, e.g. from = "DE"'),
    "to": ("a country", 'write one country\'s name or ISO code in quotes, e.g. to = "DE"'),
    "from_postcode": ("a postcode", 'write it in quotes, e.g. from_postcode = "01067"'),
    "to_postcode": ("a postcode", 'write it in quotes, e.g. to_postcode = "01067"'),
}


def parse_posted(raw: Any, *, where: Where) -> datetime:
    """``YYYY-MM-DDTHH:MM`` (or a TOML datetime) as a naive local datetime."""
    return fields.parse_moment(raw, where, what="a posting date and time")[0]


def parse_day(raw: Any, *, where: Where) -> date:
    """``YYYY-MM-DD`` (or a TOML date) as a date: the letter file's own date rule."""
    return fields.parse_day(raw, where)


def posting_from_option(
    raw: Any, now: datetime, *, where: Where
) -> tuple[datetime, tuple[str, ...]]:
    """``--posted`` or ``[mailing] posted`` (a TOML date or datetime too): ``now``, a date alone
    (today: now; another day: before its last collection) or a date and time; returns the
    moment and the notes that say what was assumed."""
    if isinstance(raw, str) and raw.strip().lower() == "now":
        return now.replace(second=0, microsecond=0, tzinfo=None), ()
    moment, timed = fields.parse_moment(
        raw.strip() if isinstance(raw, str) else raw,
        where,
        what="a posting date and time",
        date_alone_at=time(0, 0),
        hint="write it as YYYY-MM-DDTHH:MM (e.g. 2026-12-22T10:00), a date alone or now",
    )
    if timed:
        return moment, ()
    if moment.date() == now.date():
        return now.replace(second=0, microsecond=0, tzinfo=None), (
            f"Posted today: taken as now ({now:%H:%M}).",
        )
    return moment, ("No posting time given: assumed before the last collection that day.",)


def arrival_from_option(raw: str, *, where: Where) -> tuple[date, tuple[str, ...]]:
    """``--arrive-by``: a date, or a date and time as ``--posted`` takes it. Standards name a
    day, not an hour, so the day counts; the note says the time is not used."""
    text = str(raw).strip()
    if ":" not in text:  # no time of day
        return parse_day(text, where=where), ()
    hint = "write it as YYYY-MM-DD (e.g. 2026-12-10) or with a time, YYYY-MM-DDTHH:MM"
    moment = fields.parse_moment(text, where, what="an arrival date", hint=hint)[0]
    return moment.date(), (
        f"The arrival time {moment:%H:%M} is not used: delivery standards name a day, not an "
        f"hour, and a letter may come at any time that day; for a deadline at {moment:%H:%M}, "
        "ask for the day before.",
    )


class NoCarrierError(UserError):
    """No carrier given, and none known for letters posted in ``country`` (a real country)."""

    def __init__(self, what: str, *, where: Where, hint: str, country: str | None) -> None:
        super().__init__(what, where=where, hint=hint)
        self.country = country


def carrier_or_national(
    carrier: str | None, origin: str, *, where: Where, origin_where: Where
) -> str:
    """The carrier given, else the national carrier of the origin country; an origin that is no
    country is refused as such, at ``origin_where``."""
    if carrier:
        return str(carrier)
    found = carrier_for_country(country_code(origin) or origin)  # "Germany" as DE
    if found is None:
        code = (country_code(origin) or origin).strip().upper().partition("-")[0]
        if not country_code(code):
            parse_place(origin, where=origin_where)  # "unknown country 'XX'", with the closest
        raise NoCarrierError(
            f"letterpress knows no carrier collecting letters in {in_a_sentence(code)}",
            where=where,
            hint="for a letter abroad, --carrier eu-cross-border (to an EU country) or --carrier "
            "upu gives the international target; see `letterpress carriers`",
            country=code if country_code(code) else None,
        )
    return found[0]


def with_notes(estimate: Estimate, notes: tuple[str, ...]) -> Estimate:
    """The estimate with ``notes`` put first."""
    return replace(estimate, notes=(*notes, *estimate.notes)) if notes else estimate


def parse_cutoff(raw: Any, *, where: Where) -> time:
    """``HH:MM`` (or a TOML time) as a time."""
    try:
        return parse_clock(raw)
    except ValueError:
        raise UserError(
            f"{fields.written(raw)} is not a time of day", where=where, hint="write it like 17:30"
        ) from None


def estimate_from_mailing(
    mailing: dict[str, Any],
    *,
    where: Where | str,
    origin_country: str,
    destination_country: str,
    destination_postcode: str | None,
    origin_postcode: str | None,
    default_posted: datetime,
    now: datetime | None = None,
    default_where: Where | None = None,
) -> Estimate:
    """The estimate for a letter file's ``[mailing]`` table; errors name ``where, mailing.<key>``.

    ``now`` (default: the computer's clock, read here) is what ``posted = "now"`` means and
    the year a day is written without.

    ``posted`` is read as ``--posted`` reads it (``now`` being ``now``): a TOML datetime, a
    ``YYYY-MM-DDTHH:MM`` string, ``"now"`` or a date alone (a TOML date or a ``YYYY-MM-DD``
    string: today is now, another day before its last collection, with a note); it defaults
    to ``default_posted``, which came from ``default_where`` (the letter's ``date``, say; by
    default the ``[mailing]`` table): a date the estimate refuses is named there.
    ``carrier`` defaults to the origin country's national carrier, ``service`` to its default.
    ``where`` is the letter file's place (a plain text names the file).
    """
    base = where if isinstance(where, Where) else Where(file=where)
    now = datetime.now() if now is None else now

    def place(key: str) -> Where:
        return base.at("mailing", key)

    if not isinstance(mailing, dict):
        raise fields.not_table(mailing, base.at("mailing"))
    unknown = sorted(set(mailing) - set(MAILING_KEYS))
    if unknown:
        raise UserError(
            f"unknown key {unknown[0]!r}",
            where=place(unknown[0]),
            hint=f"[mailing] keys: {', '.join(MAILING_KEYS)}",
        )
    for key, (what, hint) in TEXT_KEYS.items():  # a number is read as its digits
        value = mailing.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
            raise UserError(f"{fields.written(value)} is not {what}", where=place(key), hint=hint)
    origin = _as_code(str(mailing.get("from") or origin_country))
    destination = _as_code(str(mailing.get("to") or destination_country))
    carrier = carrier_or_national(
        mailing.get("carrier"), origin, where=place("carrier"), origin_where=place("from")
    )
    posted, notes = (
        posting_from_option(mailing["posted"], now, where=place("posted"))
        if "posted" in mailing
        else (default_posted, ())
    )
    cutoff = parse_cutoff(mailing["cutoff"], where=place("cutoff")) if "cutoff" in mailing else None
    # where a value the estimate refuses was written: in [mailing], else where it came from
    given = {
        "posted": place("posted") if "posted" in mailing else default_where or base.at("mailing"),
        "from": place("from") if "from" in mailing else base,
        "to": place("to") if "to" in mailing else base,
        "from_postcode": place("from_postcode")
        if "from_postcode" in mailing
        else base.at("sender", "postal_code"),
        "to_postcode": place("to_postcode")
        if "to_postcode" in mailing
        else base.at("recipient", "postal_code"),
    }
    try:
        estimate = estimate_delivery(
            str(carrier),
            mailing.get("service"),
            origin=origin,
            destination=destination,
            posted=posted,
            cutoff=cutoff,
            origin_postcode=mailing.get("from_postcode", origin_postcode),
            destination_postcode=mailing.get("to_postcode", destination_postcode),
        )
    except CarrierNotHereError as exc:
        raise _carrier_not_here(exc, mailing, place("carrier")) from None
    except UserError as exc:
        if exc.place != Where(field=exc.place.field):  # a data file's place: report it as is
            raise
        where = given.get(exc.place.field, place(exc.place.field))
        raise UserError(exc.what, where=where, hint=exc.hint) from None
    return with_notes(estimate, notes)


def _carrier_not_here(exc: CarrierNotHereError, mailing: dict[str, Any], where: Where) -> UserError:
    """The file's ``mailing.carrier`` does not post from the letter's country: name the field
    (not ``--carrier``) and the carrier that does."""
    origin = "mailing.from" if "from" in mailing else "the sender's country"
    what = f"{exc.carrier} does not collect letters in {exc.country} ({origin})"
    if not exc.national:
        hint = (
            f"{exc.carrier} collects letters in {', '.join(exc.countries)} only; "
            f"see `letterpress carriers` for one that collects in {exc.country}"
        )
    elif "service" in mailing:
        hint = (
            f'write carrier = "{exc.national}", the carrier for letters posted in {exc.country}, '
            "with one of its services (see `letterpress carriers`), or leave carrier and "
            "service out"
        )
    else:
        hint = (
            f'write carrier = "{exc.national}", the carrier for letters posted in {exc.country}, '
            "or leave carrier out"
        )
    return UserError(what, where=where, hint=hint)


def _as_code(place: str) -> str:
    """A country written by name ("Deutschland") as its ISO code; codes and "DE-BY" as they are."""
    return country_code(place) or place


def letter_estimate(
    mailing: dict[str, Any],
    letter: model.Letter,
    *,
    where: Where,
    home_country: str,
    default_posted: datetime,
    now: datetime | None = None,
    default_where: Where | None = None,
) -> Estimate:
    """The estimate for a letter's ``[mailing]`` table, from its sender to its recipient.

    A country the letter leaves out is ``home_country``; ``default_posted``, ``now`` and
    ``default_where`` as in :func:`estimate_from_mailing`.
    """
    sender, recipient = letter.sender, letter.recipient
    return estimate_from_mailing(
        mailing,
        where=where,
        origin_country=sender.country or home_country,
        destination_country=recipient.country or home_country,
        destination_postcode=recipient.postal_code or None,
        origin_postcode=sender.postal_code or None,
        default_posted=default_posted,
        now=now,
        default_where=default_where,
    )


def posted_default(day: date, now: datetime) -> datetime:
    """When a letter dated ``day`` counts as posted: ``now`` if that is today, else noon."""
    posted = now if day == now.date() else datetime.combine(day, time(12, 0))
    return posted.replace(second=0, microsecond=0)


def no_carrier_notice(exc: NoCarrierError, mailing: dict[str, Any], where: Where) -> Notice | None:
    """The warning for a ``[mailing]`` table that names no carrier, posted from a country no
    carrier letterpress knows collects in (Ireland, say): the letter prints without an estimate.
    None when the table names a carrier or the country is not a country (then it is an error)."""
    if mailing.get("carrier") or exc.country is None:
        return None
    name = in_a_sentence(exc.country)
    return Notice(
        f"no delivery estimate for letters posted in {name}: letterpress knows no carrier there",
        where=where.at("mailing"),
        hint=f'add carrier = "..." if one of `letterpress carriers` collects letters in {name}, '
        "or remove [mailing]",
        kind="mailing_no_carrier",
    )


def left_out_notice(exc: UserError) -> Notice:
    """The warning for a ``[mailing]`` value the estimate cannot use (``to = "DE-XX"``, say):
    the letter prints anyway, without the estimate; the error's own advice says what to write."""
    hint = f"{exc.hint}; or remove [mailing]" if exc.hint else "correct it or remove [mailing]"
    return Notice(
        f"{exc.what}; the delivery estimate is left out",
        where=exc.place,
        hint=hint,
        kind="mailing_left_out",
    )


def _day_from(where: Where, prep: Prepared, now: datetime) -> Where:
    """Where the letter's day came from: its ``date``, ``--date``, or (today) ``[mailing]``."""
    if prep.day == prep.letter.date:
        return where.at("date")
    return where.at("mailing") if prep.day == now.date() else Where(option="--date")


def mailing_estimate(
    source: Source, prep: Prepared, now: datetime
) -> tuple[Estimate | None, tuple[Notice, ...]]:
    """The delivery estimate for a letter file's ``[mailing]`` table (None without one), and
    the warning when none can be given: no carrier named and none known in the sender's country,
    or a ``[mailing]`` value the estimate cannot use (the letter itself prints).

    Without ``mailing.posted`` the letter is taken as posted on its date: now if that is
    today (``now``), else at noon. The sender's country defaults to the layout's (``--layout``
    too).
    """
    mailing = prep.letter.extra.get("mailing")
    if mailing is None:
        return None, ()
    try:
        estimate = letter_estimate(
            mailing,
            prep.letter,
            where=source.where,
            home_country=prep.layout.country,
            default_posted=posted_default(prep.day, now),
            now=now,
            default_where=_day_from(source.where, prep, now),
        )
    except NoCarrierError as exc:
        notice = no_carrier_notice(exc, mailing, source.where)
        return None, (notice or left_out_notice(exc),)
    except UserError as exc:
        if exc.place.file != source.where.file and not exc.place.option:  # a data file's place
            raise
        return None, (left_out_notice(exc),)
    return estimate, ()
