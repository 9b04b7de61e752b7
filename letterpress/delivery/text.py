"""Human sentences and JSON for delivery estimates."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .model import JSON_KEYS, Estimate

if TYPE_CHECKING:
    from .ask import Answer


def _day(day: date, year: int) -> str:
    """``Wed 23 Dec``; ``Tue 5 Jan 2027`` outside ``year`` (the current one: a day in another
    year, often a mistyped one, shows it)."""
    shown = f"{day:%a} {day.day} {day:%b}"
    return shown if day.year == year else f"{shown} {day.year}"


def _share(share: float | None) -> str:
    """`` (95%)`` or nothing."""
    return f" ({share:g}%)" if share is not None else ""


def _posting(estimate: Estimate, year: int) -> str:
    """``Posted Wed 23 Dec after the 17:00 collection`` and the like."""
    posted = estimate.posted
    cutoff = f"{estimate.cutoff:%H:%M}"
    if not estimate.collection_on_posting_day:
        return (
            f"Posted {_day(posted.date(), year)}, a day without collection "
            f"(counts from {_day(estimate.deposit_day, year)})"
        )
    if estimate.deposit_day == posted.date():
        return f"Posted {_day(posted.date(), year)} before the {cutoff} collection"
    return f"Posted {_day(posted.date(), year)} after the {cutoff} collection"


def describe(estimate: Estimate, *, year: int | None = None) -> str:
    """One sentence: posting, expected date with its share, and the backstop if published;
    days outside ``year`` (the current one; default: the clock's, read here) name their
    year."""
    year = date.today().year if year is None else year
    if estimate.ranged and estimate.earliest < estimate.expected:
        main = (
            f"expected between {_day(estimate.earliest, year)} and {_day(estimate.expected, year)}"
            f"{_share(estimate.expected_share)}"
        )
    else:
        main = f"expected by {_day(estimate.expected, year)}{_share(estimate.expected_share)}"
    if estimate.latest != estimate.expected or estimate.latest_share is not None:
        main += f", at the latest {_day(estimate.latest, year)}{_share(estimate.latest_share)}"
    return f"{_posting(estimate, year)}: {main}."


def describe_latest_posting(
    posted: datetime, arrive_by: date, estimate: Estimate, *, year: int
) -> str:
    """One sentence for reverse mode: post by when, to arrive by the given day."""
    return (
        f"Post by {_day(posted.date(), year)} {posted:%H:%M} (the last collection) to arrive by "
        f"{_day(arrive_by, year)}: expected by {_day(estimate.expected, year)}"
        f"{_share(estimate.expected_share)}."
    )


def describe_answer(answer: Answer, *, year: int) -> str:
    """The sentence for an answer: when it arrives; in reverse mode the last posting time,
    or, when that has passed, that it is too late and when a letter posted now arrives.
    Days outside ``year`` (the current one) name their year."""
    missed, arrive_by = answer.latest_posting, answer.arrive_by
    if missed is None or arrive_by is None:
        return describe(answer.estimate, year=year)
    if not answer.too_late:
        return describe_latest_posting(missed, arrive_by, answer.estimate, year=year)
    return (
        f"Too late to arrive by {_day(arrive_by, year)}: the last posting time was "
        f"{_day(missed.date(), year)} {missed:%H:%M}. {describe(answer.estimate, year=year)}"
    )


def as_json(estimate: Estimate) -> dict[str, Any]:
    """The estimate as a JSON-ready dict with exactly the documented keys."""
    out: dict[str, Any] = {}
    for key in JSON_KEYS:
        value = getattr(estimate, key)
        if key == "posted":
            value = value.isoformat(timespec="minutes")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out
