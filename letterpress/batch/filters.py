"""Template filters for dates and numbers as spreadsheets hold them, and the date-order rule.

``{{ row.due | date }}`` -> 2026-12-01 (for the letter's ``date`` field),
``{{ row.due | date("%d.%m.%Y") }}``, ``{{ row.due | long_date }}`` -> "1 December 2026" in the
letter's language, ``{{ row.amount | number(2) }}``, ``{{ row.amount | money("EUR") }}``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal
from jinja2 import pass_context
from jinja2.runtime import Context

from ..language.dates import long_date as written_date
from ..limits import TEMPLATE_FORMAT_CHARS

_WIDTH = re.compile(r"%[-_0^#]*\d")  # "%10Y": a padded field, as wide as it says
MAX_DIGITS = 30  # a number's digits before the decimal separator, and decimals asked for

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")  # dots: always day first
_NUMERIC = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$")  # order varies
# Currency signs and ISO codes around an amount: "12,50 €", "£1,234.50", "EUR 1.234,50".
_ISO_CURRENCY = re.compile(r"^[A-Z]{3}(?=[\s\d-])|(?<=[\s\d])[A-Z]{3}$")
_MACHINE = re.compile(r"^-?\d+(?:\.\d+)?$")


class FilterError(Exception):
    """A value a filter cannot use: message, hint and (when known) the column."""

    def __init__(self, what: str, hint: str = "", column: str = "") -> None:
        super().__init__(what)
        self.what, self.hint, self.column = what, hint, column


def date_order(values: Iterable[str]) -> str | None:
    """'dmy' or 'mdy' when the numeric dates of the data settle it (a day over 12 somewhere),
    else None (or when the data mixes both orders)."""
    day_first = month_first = False
    for value in values:
        match = _NUMERIC.match(value)
        if match:
            a, b = int(match.group(1)), int(match.group(2))
            day_first |= a > 12 >= b
            month_first |= b > 12 >= a
    if day_first == month_first:
        return None
    return "dmy" if day_first else "mdy"


def ambiguous(value: str, order: str | None) -> tuple[date, date] | None:
    """The two readings of a date such as 03/04/2026 when the order is not settled."""
    match = _NUMERIC.match(value.strip())
    if not match or order:
        return None
    a, b, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
    if a == b or a > 12 or b > 12:
        return None
    try:
        return date(year, b, a), date(year, a, b)
    except ValueError:
        return None


def parse_date(value: Any, order: str | None) -> date:
    """A cell as a date; raise FilterError when it is no date or reads two ways."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if match := _ISO.match(text) or _YMD.match(text):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _DOTTED.match(text):
            return date(_year(match.group(3)), int(match.group(2)), int(match.group(1)))
        if match := _NUMERIC.match(text):
            a, b, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
            both = ambiguous(text, order)
            if both:
                raise FilterError(
                    f"date {text!r} reads as {spelled(both[0])} or {spelled(both[1])}",
                    f"write it as YYYY-MM-DD ({both[0].isoformat()})",
                )
            day_first = order == "dmy" or (order is None and a > 12)
            return date(year, b, a) if day_first else date(year, a, b)
    except ValueError:
        raise FilterError(f"{text!r} is not a valid date", "write it as YYYY-MM-DD") from None
    raise FilterError(f"{text!r} is not a date", "write it as YYYY-MM-DD")


def spelled(day: date) -> str:
    """3 April 2026."""
    return f"{day.day} {day:%B %Y}"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


@lru_cache(maxsize=64)
def _locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _column(value: Any) -> str:
    return getattr(value, "column", "")


def _cell_date(context: Context, value: Any) -> date:
    """A filter's input as a date (the date a spreadsheet cell holds, else its text read as a
    date); the error names the cell's column."""
    typed = getattr(value, "value", None)
    if isinstance(typed, date):
        return typed.date() if isinstance(typed, datetime) else typed
    try:
        return parse_date(value, context.get("date_order"))
    except FilterError as exc:
        exc.column = _column(value)
        raise


@pass_context
def date_filter(context: Context, value: Any, fmt: str | None = None) -> str:
    """ISO date (what the letter's ``date`` field takes), or ``strftime(fmt)``."""
    day = _cell_date(context, value)
    if fmt is None or fmt == "":
        return day.isoformat()
    if not isinstance(fmt, str) or len(fmt) > TEMPLATE_FORMAT_CHARS or _WIDTH.search(fmt):
        shown = str(fmt) if len(str(fmt)) <= 20 else str(fmt)[:20] + "..."
        raise FilterError(
            f"the date format {shown!r} is too long or pads a field to a width",
            f'write a format such as "%d.%m.%Y" (at most {TEMPLATE_FORMAT_CHARS} characters)',
            _column(value),
        )
    return day.strftime(fmt)


@pass_context
def long_date(context: Context, value: Any, language: str | None = None) -> str:
    """The date written out in the letter's language (or ``language``)."""
    day = _cell_date(context, value)
    return written_date(day, _locale(language or context.get("letter_language") or "en"))


def _read_decimal(value: Any, language: str) -> Decimal:
    """A cell as a number: the number a spreadsheet cell holds, else its text read the way
    the letter's language writes numbers (Babel, strict), currency signs and spaces left out."""
    typed = getattr(value, "value", None)
    if isinstance(typed, Decimal):
        return typed
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = _ISO_CURRENCY.sub(
        "", "".join(ch for ch in str(value).strip() if unicodedata.category(ch) != "Sc")
    ).strip()
    text = "".join(ch for ch in text if not ch.isspace() and ch not in "'’")
    locale = _locale(language)
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError:
        if _MACHINE.match(text):  # 1234.50 as programs write it: only a point, no grouping
            return Decimal(text)
        symbols = locale.number_symbols.get("latn", {})
        group, point = symbols.get("group", ","), symbols.get("decimal", ".")
        raise FilterError(
            f"{str(value)!r} is not a number as {locale.english_name} writes "
            f"them ({_mark_name(group)} separates thousands, {_mark_name(point)} decimals)",
            f"write it like 1{group}234{point}50, or format the column as a "
            "number in the spreadsheet",
            _column(value),
        ) from None


def _mark_name(char: str) -> str:
    """A separator as a message names it: ``','``, or "a space" for any kind of space (a
    quoted narrow no-break space would show as ``'\\u202f'``)."""
    return "a space" if char.isspace() else repr(char)


def _decimal(value: Any, language: str) -> Decimal:
    """A cell as a number (``_read_decimal``) that a letter can print: finite, and fewer than
    ``MAX_DIGITS`` digits before the decimal separator."""
    amount = _read_decimal(value, language)
    if not amount.is_finite() or amount.adjusted() >= MAX_DIGITS:
        raise FilterError(
            f"{str(value)[:40]!r} is too large a number",
            "write an amount with fewer digits",
            _column(value),
        )
    return amount


def _language(context: Context) -> str:
    return str(context.get("letter_language") or "en")


@pass_context
def number(context: Context, value: Any, decimals: int | None = None) -> str:
    """A number in the letter language's style, e.g. 1,234.5 or 1.234,5."""
    amount = _decimal(value, _language(context))
    if decimals is not None and not (isinstance(decimals, int) and 0 <= decimals <= MAX_DIGITS):
        raise FilterError(
            f"number({decimals!r}): the decimals must be 0 to {MAX_DIGITS}", "write e.g. number(2)"
        )
    fmt = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(amount, format=fmt, locale=_locale(_language(context)))


@pass_context
def money(context: Context, value: Any, currency: str = "EUR") -> str:
    """An amount with its currency in the letter language's style, e.g. 1.234,50 €."""
    return format_currency(
        _decimal(value, _language(context)), currency, locale=_locale(_language(context))
    )


FILTERS = {"date": date_filter, "long_date": long_date, "number": number, "money": money}
