"""A delivery question as people ask it (``letterpress estimate``'s options, or the web page's
form): the carrier or the national one, posted when or arrive by when; a refused value is
named by the option that gave it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where
from ..notices import Notice
from .model import Estimate

# Field names of the estimator's errors -> the option a user typed.
OPTIONS = {
    "carrier": "--carrier",
    "service": "--service",
    "from": "--from",
    "to": "--to",
    "posted": "--posted",
    "from_postcode": "--from-postcode",
    "to_postcode": "--to-postcode",
    "arrive_by": "--arrive-by",
    "cutoff": "--cutoff",
    "postcode": "--to-postcode",
}
# A day asked about further ahead than this is questioned: rules and holidays are today's.
_FAR_AHEAD = timedelta(days=366)


class Question(Struct, frozen=True):
    """What was asked, as typed: places, optional carrier and service, and either ``posted``
    (a date and time, a date, or ``now``) or ``arrive_by`` (a date, or a date and time)."""

    origin: str = ""
    destination: str = ""
    carrier: str | None = None
    service: str | None = None
    origin_postcode: str | None = None
    destination_postcode: str | None = None
    posted: str | None = None
    arrive_by: str | None = None
    cutoff: str | None = None


class Answer(Struct, frozen=True):
    """The estimate; in reverse mode also the day asked for and the last posting time."""

    estimate: Estimate
    arrive_by: date | None = None
    latest_posting: datetime | None = None
    # reverse mode, when the last posting time has passed: ``estimate`` is then for a letter
    # posted now
    too_late: bool = False
    notices: tuple[Notice, ...] = ()  # a doubtful date: more than a year ahead, say


def required(question: Question) -> None:
    """The places, and exactly one of posted / arrive-by, as one error line each."""
    for value, option, example in (
        (question.origin, "--from", "DE"),
        (question.destination, "--to", "DE"),
    ):
        if not value:
            raise UserError(
                f"{option} is required",
                where=Where(command="estimate"),
                hint=f"for example {option} {example}",
            )
    if bool(question.posted) == bool(question.arrive_by):
        raise UserError(
            "give either --posted or --arrive-by",
            where=Where(command="estimate"),
            hint="--posted 2026-12-23T18:00 for arrival dates, --arrive-by "
            "2026-12-30 for the last posting time",
        )


def answer(question: Question, now: datetime) -> Answer:
    """Check the question and estimate; a refused value names its option (``--posted``)."""
    required(question)
    try:
        result = _answer(question, now)
    except UserError as exc:
        field = exc.place.field
        if exc.place != Where(field=field) or field not in OPTIONS:  # not an option's value
            raise UserError(exc.what, where=exc.place, hint=exc.hint) from None
        option = "--arrive-by" if field == "posted" and question.arrive_by else OPTIONS[field]
        raise UserError(exc.what, where=Where(option=option), hint=exc.hint) from None
    return replace(result, notices=_far_ahead(question, result, now))


def _far_ahead(question: Question, result: Answer, now: datetime) -> tuple[Notice, ...]:
    """The warning for a day asked about more than a year after now (a mistyped year, often):
    the dates are worked out with the rules and holidays letterpress knows today."""
    asked = result.arrive_by or result.estimate.posted.date()
    if asked - now.date() <= _FAR_AHEAD:
        return ()
    return (
        Notice(
            f"{asked} is more than a year after today ({now.date()})",
            Where(option="--arrive-by" if question.arrive_by else "--posted"),
            "the dates use the carrier's rules and the public holidays known today, which may "
            "have changed by then; check the year",
            kind="estimate-far-ahead",
        ),
    )


def _answer(q: Question, now: datetime) -> Answer:
    """Forward (``posted``) or reverse (``arrive_by``) estimate."""
    from .estimator import estimate_delivery, latest_posting
    from .mailing import (
        arrival_from_option,
        carrier_or_national,
        parse_cutoff,
        posting_from_option,
        with_notes,
    )

    carrier = carrier_or_national(
        q.carrier, q.origin, where=Where(field="carrier"), origin_where=Where(field="from")
    )
    cutoff = parse_cutoff(q.cutoff, where=Where(field="cutoff")) if q.cutoff else None
    common: dict[str, Any] = dict(
        origin=q.origin,
        destination=q.destination,
        origin_postcode=q.origin_postcode,
        destination_postcode=q.destination_postcode,
        cutoff=cutoff,
    )
    if q.arrive_by:
        arrive_by, notes = arrival_from_option(q.arrive_by, where=Where(field="arrive_by"))
        posted = latest_posting(carrier, q.service, arrive_by=arrive_by, **common)
        if posted < now:  # missed: when a letter posted now arrives instead
            now_posted, now_notes = posting_from_option("now", now, where=Where(field="arrive_by"))
            estimate = estimate_delivery(carrier, q.service, posted=now_posted, **common)
            estimate = with_notes(estimate, (*notes, *now_notes))
            return Answer(estimate, arrive_by=arrive_by, latest_posting=posted, too_late=True)
        estimate = with_notes(estimate_delivery(carrier, q.service, posted=posted, **common), notes)
        return Answer(estimate, arrive_by=arrive_by, latest_posting=posted)
    posted, notes = posting_from_option(str(q.posted), now, where=Where(field="posted"))
    return Answer(with_notes(estimate_delivery(carrier, q.service, posted=posted, **common), notes))
