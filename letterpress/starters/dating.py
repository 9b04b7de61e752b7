"""The example dates of a starter (``# date``, ``# call_on``, the interview's and ``#
decision_by``), counted from the day ``init`` runs so that none has passed; the numbers are in
``starters/dates.toml``, the working days are the advice's (``advice.calls``)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from msgspec import Struct

from ..advice.calls import next_working_day, previous_working_day
from . import data_file


class ExampleDates(Struct, frozen=True):
    """The dates a starter's examples show, counted from the day ``init`` runs."""

    letter: date  # thank-you: the commented ``# date`` (the day init runs)
    call_on: date  # call: the commented ``# call_on`` (the next working day)
    interview: datetime  # follow-up: the example in the ``[interview] date`` prompt
    decision_by: date  # follow-up: the commented ``# decision_by`` (ahead, a working day)


def example_dates(today: date, country: str) -> ExampleDates:
    """The example dates for a starter made on ``today`` for ``country`` (its working days and
    public holidays), by the numbers in ``starters/dates.toml``."""
    numbers = data_file("dates.toml")
    interview = today
    for _ in range(int(numbers["interview_working_days_before"])):
        interview = previous_working_day(interview, country)
    decision = today + timedelta(days=int(numbers["decision_days_after"]) - 1)
    return ExampleDates(
        letter=today,
        call_on=next_working_day(today, country),
        interview=datetime.combine(interview, time.fromisoformat(numbers["interview_time"])),
        decision_by=next_working_day(decision, country),
    )


_DAY = r"\d{4}-\d{2}-\d{2}"


def dated(text: str, dates: ExampleDates) -> str:
    """The bundled example dates (``# date = 2026-11-26``, ``# call_on = ...``, ``# decision_by
    = ...`` and the ``e.g. 2026-12-22T10:00`` in the interview's date prompt) replaced by
    ``dates``; each is as long as the one it replaces, so the comments after it stay put."""
    for key, day in (
        ("date", dates.letter),
        ("call_on", dates.call_on),
        ("decision_by", dates.decision_by),
    ):
        text = re.sub(rf"^(#\s*{key}\s*=\s*){_DAY}\b", rf"\g<1>{day}", text, flags=re.M)
    prompt = rf'^(date\s*=\s*"\[[^"\n]*?){_DAY}T\d{{2}}:\d{{2}}(?=\])'
    moment = f"{dates.interview:%Y-%m-%dT%H:%M}"
    return re.sub(prompt, rf"\g<1>{moment}", text, flags=re.M)
