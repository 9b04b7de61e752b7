"""Dates written out in a language: babel's CLDR formats, plus the French "1er"."""

from __future__ import annotations

import re
from datetime import date

from babel import Locale

from .. import cachefiles

_DAY_ONE = re.compile(r"(?<!\d)1(?=\s)")


def long_date(day: date, locale: Locale | str, pattern: str = "long", *, skeleton: str = "") -> str:
    """``day`` written out in ``locale``.

    ``pattern`` is a babel format ("long", "full"...) or a CLDR date pattern ("EEE d MMM");
    a CLDR ``skeleton`` ("yMMMEd") instead lets the locale order the parts.
    """
    from babel.dates import format_date, format_skeleton  # with zoneinfo: not for a kept date

    locale = Locale.parse(locale)
    text = (
        format_skeleton(skeleton, day, locale=locale)
        if skeleton
        else format_date(day, pattern, locale=locale)
    )
    return first_of_month(text, day, locale)


KEPT_DATES = 32  # long dates kept in the cache folder, the newest


def kept_long_date(day: date, locale: Locale) -> str:
    """``long_date(day, locale)``, kept in the cache folder for the next runs: writing a date
    loads the locale's CLDR data, which costs a single letter's run more than the rest of its
    language. The table holds the newest ``KEPT_DATES`` dates, stamped with Babel's version."""
    key = f"{locale} {day.isoformat()}"
    made = cachefiles.entry(
        "long-dates.marshal",
        cachefiles.babel_stamp(),
        key,
        str,
        lambda: long_date(day, locale),
        newest=KEPT_DATES,
    )
    assert isinstance(made, str)
    return made


def first_of_month(text: str, day: date, locale: Locale) -> str:
    """French writes the first of the month as an ordinal, "1er décembre"; CLDR's patterns
    (and so babel) print "1 décembre". Other languages' dates pass unchanged."""
    if day.day != 1 or locale.language != "fr":
        return text
    return _DAY_ONE.sub("1er", text, count=1)
