"""The letter's language: babel locale for dates and names, wording, hyphenation dictionary."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import pyphen
from babel import Locale, UnknownLocaleError
from msgspec import Struct

from ..errors import UserError, Where
from .dates import long_date
from .typography import Typography, typography
from .wording import load_wording, regional

# The letter's own words (labels, default opening and closing) beside the letter engine; read
# as package data, without importing the engine.
LETTER_WORDING = resources.files("letterpress") / "letter" / "wording"


# nothing prints or compares it: no generated repr or == (each costs a cold start)
class Language(Struct, frozen=True, eq=False):
    """A BCP 47 tag resolved to a babel locale, fixed wording and a hyphenation dictionary."""

    tag: str
    locale: Locale
    words: dict[str, Any]
    hyphenation: str  # pyphen dictionary name, or "" when none exists
    typography: Typography = Typography()  # quotes, apostrophes, spaces before punctuation
    worded: bool = True  # the letter's labels are in this language (else in English)

    def long_date(self, when: date) -> str:
        """The date written out as letters in this language write it."""
        return long_date(when, self.locale)

    def place_date(self, place: str | None, when: date) -> str:
        """'Berlin, 26. November 2026' style, or the bare date without a place."""
        text = self.long_date(when)
        return self.words["place_date"].format(place=place, date=text) if place else text

    def country_name(self, code: str) -> str:
        """A country's name in this language (for the international country line)."""
        return self.locale.territories.get(code.upper(), code.upper())

    def word(self, key: str, **values: object) -> str:
        return str(self.words[key]).format(**values)


def resolve_language(tag: str, where: Where = Where(field="language")) -> Language:
    """Resolve a BCP 47 tag such as ``en-GB`` or ``de``; unknown tags are a UserError."""
    if not isinstance(tag, str) or not tag.strip():
        raise UserError("language must be a BCP 47 tag such as 'en-GB' or 'de'", where=where)
    try:
        return _resolve(tag)
    except (ValueError, UnknownLocaleError):
        raise UserError(
            f"unknown language {tag!r}",
            where=where,
            hint="use a BCP 47 tag such as 'en-US', 'en-GB', 'de' or 'fr'",
        ) from None


@cache
def _resolve(tag: str) -> Language:
    locale = Locale.parse(tag.strip().replace("_", "-"), sep="-")
    dictionary = pyphen.language_fallback(str(locale)) or ""
    return Language(
        tag=tag,
        locale=locale,
        words=regional(load_wording(LETTER_WORDING, locale.language), locale.territory or ""),
        hyphenation=dictionary,
        typography=typography(str(locale)),
        worded=(LETTER_WORDING / f"{locale.language}.toml").is_file(),
    )


def worded_languages() -> list[str]:
    """The languages the letter's labels and default opening and closing are written in."""
    return sorted(
        p.name.removesuffix(".toml") for p in LETTER_WORDING.iterdir() if p.name.endswith(".toml")
    )
