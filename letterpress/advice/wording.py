"""The advice's wording (``advice/wording/<lang>.toml``) and its day and time formats."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_time
from msgspec import Struct

from ..language.dates import long_date
from ..language.wording import load_wording


@cache
def _load(code: str) -> dict[str, Any]:
    return load_wording(resources.files("letterpress.advice") / "wording", code)


class Wording(Struct, frozen=True):
    """Sentences for one language (English where a language file lacks a key)."""

    code: str
    locale: Locale
    data: dict[str, Any]
    year: int = 0  # the current year: other years are written out (a mistyped year shows)

    def __call__(self, section: str, key: str, **values: object) -> str:
        text = str(self.data[section][key]).format(**values)
        return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "Dez.." -> "Dez." at a sentence end

    def day(self, day: date) -> str:
        """The day as the locale writes it, from the language's CLDR skeleton (en-GB "Wed 23
        Dec", en-US "Wed, Dec 23"), or its date pattern ("EEEE d MMMM": French writes the day
        out in a sentence); with the year when it is not the current one."""
        form = str(self.data["day_year" if self.year and day.year != self.year else "day"])
        if form.isalpha():
            return long_date(day, self.locale, skeleton=form)
        return long_date(day, self.locale, form)

    def time(self, clock: time) -> str:
        """The locale's short time: 17:00 (en-GB, de, fr), 5:00 PM (en-US)."""
        return format_time(clock, "short", locale=self.locale)

    def moment(self, when: datetime) -> str:
        """The day and time joined as the locale joins them ("Wed, Dec 23, 10:00 AM")."""
        joined = str(self.locale.datetime_formats["short"])
        return joined.format(self.time(when.time()), self.day(when.date()))

    def country(self, code: str) -> str:
        """A country's name in this language (CLDR, through Babel)."""
        return str(self.locale.territories.get(code.upper(), code.upper()))

    def names(self, names: list[str]) -> str:
        """``A``, ``A and B``, ``A, B and C``."""
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + self.data["list_and"] + names[-1]


def wording(tag: str, year: int = 0) -> Wording:
    """The wording for a BCP 47 tag (``en-GB`` -> en); unknown languages fall back to English.
    Days outside ``year`` (the current one; 0: none) are written with their year."""
    try:
        locale = Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    folder = resources.files("letterpress") / "advice" / "wording"
    if not (folder / f"{locale.language}.toml").is_file():
        # English sentences, days and times written as English in Europe ("Wed, 23 Dec",
        # "17:00"): nearer a reader of another language than the US forms
        locale = Locale.parse("en_150")
    return Wording(code=locale.language, locale=locale, data=_load(locale.language), year=year)
