"""Dates written out in a language: babel's CLDR formats, plus the French "1er"."""

from __future__ import annotations

import re
from datetime import date

from babel import Locale
from babel.dates import format_date, format_skeleton

_DAY_ONE = re.compile(r"(?<!\d)1(?=\s)")


def long_date(day: date, locale: Locale | str, pattern: str = "long", *, skeleton: str = "") -> str:
    """``day`` written out in ``locale``.

    ``pattern`` is a babel format ("long", "full"...) or a CLDR date pattern ("EEE d MMM");
    a CLDR ``skeleton`` ("yMMMEd") instead lets the locale order the parts.
    """
    locale = Locale.parse(locale)
    text = (
        format_skeleton(skeleton, day, locale=locale)
        if skeleton
        else format_date(day, pattern, locale=locale)
    )
    return first_of_month(text, day, locale)


def first_of_month(text: str, day: date, locale: Locale) -> str:
    """French writes the first of the month as an ordinal, "1er décembre"; CLDR's patterns
    (and so babel) print "1 décembre". Other languages' dates pass unchanged."""
    if day.day != 1 or locale.language != "fr":
        return text
    return _DAY_ONE.sub("1er", text, count=1)
