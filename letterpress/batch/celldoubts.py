"""Cells that print as their sheet shows them but that a letter may misread: a long code
whose digits a spreadsheet did not keep, a negative number its format shows without a sign,
a date in words of another language than the letter's. Each becomes the cell's value
``Doubted``, which its row warns about (one line: the cell, what it holds, what to do)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError

from .cells import lost_digits
from .table import Doubted

# What shows a number as negative: a minus (also U+2212, as some languages write it), the
# accountants' brackets, or their "CR"/"DR" after it.
_SIGNS = ("-", "\u2212", "(", "CR", "DR")


def checked_number(value: Decimal, text: str) -> Decimal | Doubted:
    """A number cell's value; doubted when it shows ``text`` doubtfully: a code of more
    digits than a spreadsheet keeps, or a negative number without its sign (Excel's
    ``0.00;[Red]0.00``: the colour alone tells it, and a letter prints in black)."""
    shown = repr(text.replace("\xa0", " "))  # in a message: the unit's no-break space plain
    if lost_digits(value):
        return Doubted(
            value,
            f"the cell holds the number {format(value, 'f')}, longer than the 15 digits a "
            "spreadsheet keeps: the digits after the 15th were lost",
            f"{shown} is printed; if it is a code (a card, account or reference number), "
            "format the column as Text in the spreadsheet and type it again",
        )
    if value >= 0 or any(sign in text for sign in _SIGNS):
        return value
    return Doubted(
        value,
        f"the cell holds {format(value.normalize(), 'f')}, which its format shows without a "
        f"minus sign, as {shown} (the sheet may show it in red)",
        f"{shown} is printed, in black; give the column a number format that shows the "
        "minus if the sign matters",
    )


def foreign_date(value: Any, language: str, text: str, locale: Locale) -> Doubted:
    """A date cell's value, doubted: it shows ``text`` in ``language`` (in English:
    "German"), not in ``locale``'s, the letter's."""
    letter = locale.get_language_name("en") or locale.language
    return Doubted(
        value,
        f"the cell's format writes the date in {language}, as {text!r}, in a letter in {letter}",
        f"{text!r} is printed; the long_date filter writes it in the letter's language",
    )


def written_in(tag: str, locale: Locale) -> str | None:
    """The language (in English) of an .ods date style's ``tag`` ("de-DE"), when it is not
    ``locale``'s."""
    if not tag:
        return None
    try:
        own = Locale.parse(tag, sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if own.language == locale.language:
        return None
    return own.get_language_name("en") or own.language
