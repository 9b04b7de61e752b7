"""A spreadsheet cell as the text it shows: its value put through its number format.

Excel and LibreOffice keep numbers, dates and times as numbers plus a format such as
``hh:mm``, ``dd.mm.yyyy``, ``#,##0.00 [$€-407]`` or ``00000``. The format is translated to
the equivalent Unicode (CLDR) pattern and applied with Babel, with the separators and month
names of ``locale`` (the letter's language); what no pattern covers falls back to plain forms
(whole numbers without ``.0``, dates as YYYY-MM-DD, times as HH:MM).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from locale import windows_locale
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, parse_pattern
from babel.numbers import get_decimal_symbol
from babel.numbers import parse_pattern as parse_number_pattern

from .fractionformat import FRACTION, fraction_show
from .scientificformat import SCIENTIFIC, scientific_show

# Excel's built-in "short date" (number format 14) follows the reader's system locale; the
# file only says mm-dd-yy. A date that reads the same everywhere is the honest rendering; so
# too for the format programs (openpyxl, pandas) give every date they write.
_LOCALE_DEPENDENT = {"mm-dd-yy", "m/d/yy h:mm", "general", "", "yyyy-mm-dd h:mm:ss"}
_QUOTED = re.compile(r'"([^"]*)"')
# A file may name one of Excel's built-in formats by its number alone; openpyxl's table of
# them writes number 44, the Accounting format of Excel's "$" button, without its
# semicolons, which would make its four sections one.
_BUILTIN_REPAIRED = {
    '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)': (
        '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)'
    ),
}
# [$€-407], [$-de-DE], [$-F800]: a currency symbol (or none), then a locale.
_LCID = re.compile(r"\[\$[^\]-]*-([^\]]+)\]")
_ELAPSED = re.compile(r"(?i)\[(h+|m+|s+)\]")  # [h]:mm: hours past a day
_NAMES = re.compile(r"MMM|E")  # CLDR letters of month and day names
_CLDR_QUOTED = re.compile(r"'[^']*'")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_DATE_TOKEN = re.compile(r"(?i)am/pm|a/p|y+|m+|d+|h+|s+|\.0+|e+|b+")
_NUMBER_CORE = re.compile(r"[#0?,.]*[0#?][#0?,.]*%?")
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]")
_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "=": lambda a, b: a == b,
}
# A whole number laid out in digit places with literals between them, as Excel's "Zip Code
# + 4" (00000-0000) and "Phone Number" ((###) ###-####) formats.
_DIGIT_TEMPLATE = re.compile(r'(?:[0#?]|"[^"]*"|[ \-()/+:])*[0#?](?:[0#?]|"[^"]*"|[ \-()/+:])*')


Show = Callable[[Any], str]


class CellFormats:
    """The texts of one file's cells: each number format is translated once (a file has a
    few), then applied to every cell that has it."""

    LIMIT = 1000  # formats remembered; a file with more is translated cell by cell

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        self._shows: dict[tuple[str, str], Show] = {}

    def text(self, value: Any, number_format: str | None) -> str:
        """What a cell holding ``value`` with ``number_format`` shows."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, str):
            return value
        if isinstance(value, timedelta):
            return _duration(value, number_format)
        fmt = _BUILTIN_REPAIRED.get(number_format or "General", number_format or "General")
        if isinstance(value, (datetime, date, time)):
            key = (fmt, "date")
        elif isinstance(value, (int, float, Decimal)):
            key = (fmt, "if" if _CONDITION.search(fmt) else _sign(value))
        else:
            return str(value)
        show = self._shows.get(key)
        if show is None:
            show = (
                _temporal(fmt, self.locale)
                if key[1] == "date"
                else _conditional(fmt, self.locale)
                if key[1] == "if"
                else _number(_section(fmt, key[1]), self.locale, fmt)
            )
            if len(self._shows) < self.LIMIT:
                self._shows[key] = show
        return show(value)


def rounds_code(value: Any, number_format: str | None) -> bool:
    """Whether a number cell's format lays it out as a code of digits (``00000``, Excel's
    "Zip Code + 4" ``00000-0000``) that shows it rounded: it holds a fraction (1067.5 shows
    01068)."""
    if not isinstance(value, (int, float, Decimal)) or isinstance(value, bool):
        return False
    amount = as_decimal(value)
    if amount == amount.to_integral_value() or not number_format:
        return False
    if _CONDITION.search(number_format):
        return False
    cleaned = _literal_free(_section(number_format, _sign(value)))[0].strip()
    places = _QUOTED.sub("", cleaned)
    return places.count("0") > 1 and _DIGIT_TEMPLATE.fullmatch(cleaned) is not None


def lost_digits(value: Any) -> bool:
    """Whether a number cell holds a whole number of more than 15 digits whose digits after
    the 15th are zeros: a spreadsheet keeps 15, so a longer code typed as a number (a card
    or account number) lost the rest (1234567890123456789 became 1234567890123450000)."""
    if not isinstance(value, (int, float, Decimal)) or isinstance(value, bool):
        return False
    amount = abs(as_decimal(value))
    if amount < _SIXTEEN_DIGITS or amount != amount.to_integral_value():
        return False
    return len(str(int(amount)).rstrip("0")) <= 15  # zeros after its 15th digit


_SIXTEEN_DIGITS = Decimal(10) ** 15


def cell_text(value: Any, number_format: str | None, locale: Locale) -> str:
    """What a cell holding ``value`` with ``number_format`` shows, with ``locale``'s symbols."""
    return CellFormats(locale).text(value, number_format)


def plain_number(value: int | float | Decimal) -> str:
    """A number as Excel's General format shows it in a column wide enough for it: 1067,
    12.5, 123456789012 (a narrow column shows 1.23457E+11; a letter has the room), never
    1067.0 or 0.30000000004; in the 15 significant digits a spreadsheet keeps (typed
    1234567890123456789 is 1234567890123450000), from 22 digits on and for the tiniest
    fractions in Excel's E notation (1E-07)."""
    if isinstance(value, float):
        if value == 0:
            return "0"
        text = f"{value:.15g}"
        if value.is_integer() and abs(value) < 1e21:
            return format(Decimal(text), "f")
        return text.replace("e", "E")  # 1e-07 as Excel writes it: 1E-07
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def as_decimal(value: int | float | Decimal) -> Decimal:
    """The exact number a cell holds, as the filters compute with it."""
    if isinstance(value, float):
        return Decimal(plain_number(value))
    return Decimal(value)


def _sign(value: int | float | Decimal) -> str:
    return "-" if value < 0 else "0" if value == 0 else "+"


def _conditional(fmt: str, locale: Locale) -> Show:
    """A format whose sections hold conditions, as Excel's "Phone Number"
    (``[<=9999999]###-####;(###) ###-####``): the first section whose condition the number
    meets, else the last; each section shown as a format of its own."""
    sections = _split_sections(fmt)
    tests = [_CONDITION.search(section) for section in sections]
    shows = [_number(_CONDITION.sub("", section), locale, section) for section in sections]

    def show(value: int | float | Decimal) -> str:
        amount = as_decimal(value)
        for found, section in zip(tests, shows):
            if found is None or _COMPARE[found.group(1)](amount, Decimal(found.group(2))):
                return section(value)
        return shows[-1](value)

    return show


def _section(fmt: str, sign: str) -> str:
    """The part of a ``positive;negative;zero;text`` format for a number of ``sign``."""
    parts = _split_sections(fmt)
    if len(parts) > 1 and sign == "-":
        return parts[1] or parts[0]
    if len(parts) > 2 and sign == "0":
        return parts[2]
    return parts[0]


def _split_sections(fmt: str) -> list[str]:
    out, current, quoted = [], "", False
    for char in fmt:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            out.append(current)
            current = ""
        else:
            current += char
    return out + [current]


def _literal_free(fmt: str, fill: str = "") -> tuple[str, str]:
    """(format without colours, conditions and padding; currency symbols as literals); a
    fill (``*``, which repeats a character across the cell's width) as ``fill``."""

    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.startswith("$"):  # [$€-407]: a currency symbol (and its locale)
            return '"' + inner[1:].split("-")[0] + '"'
        if re.fullmatch(r"(?i)h+|m+|s+", inner):  # [h]: elapsed hours
            return inner
        return ""  # [Red], [>=100], [DBNum1]

    fmt = _BRACKETS.sub(bracket, fmt)
    fmt = re.sub(r"_.", " ", fmt)  # _) leaves room for a bracket: a space here
    fmt = re.sub(r"\*.", fill, fmt)  # *  fills the cell's width: nothing, or one space
    fmt = re.sub(r"\\(.)", r'"\1"', fmt)
    return fmt, fmt.lower()


def _temporal(fmt: str, locale: Locale) -> Show:
    """How a date or time cell with ``fmt`` shows: Excel's system long date and time
    (``[$-F800]``, ``[$-F400]``) as the letter's language writes them; month and day names
    in the language the format names (``[$-409]mmmm d, yyyy``: December 3, 2026), as Excel
    shows them whatever the reader's language."""
    section = _section(fmt, "+")
    system = _system_format(section)
    if system is not None:
        return lambda value: _system_show(value, system, locale)
    cleaned, lower = _literal_free(section)
    if lower.strip() in _LOCALE_DEPENDENT or not _DATE_TOKEN.search(_QUOTED.sub("", cleaned)):
        return _plain_temporal
    shown = _names_locale(section) or locale
    separator = _date_separator(shown)
    try:  # a bare "/" is the date separator of the language the format names, if it does
        cldr = _cldr_date(cleaned, separator)
        halves = [parse_pattern(_cldr_date(cleaned, separator, noon)) for noon in (False, True)]
    except (ValueError, KeyError):
        return _plain_temporal
    if not _NAMES.search(_CLDR_QUOTED.sub("", cldr)):
        shown = locale  # digits only: the letter's language

    def show(value: date | time) -> str:
        moment = _moment(value)
        try:  # the morning's pattern or the afternoon's (they differ in AM/PM only)
            return halves[moment.hour >= 12].apply(moment, shown)
        except (ValueError, KeyError, AttributeError):
            return _plain_temporal(value)

    return show


def names_language(value: Any, number_format: str | None, locale: Locale) -> str | None:
    """The language (in English: "German") in which a date cell's format writes month or
    day names, when it is not ``locale``'s: ``[$-407]d. mmmm yyyy`` in an English letter."""
    if not isinstance(value, (date, time)) or not number_format or "[$" not in number_format:
        return None
    section = _section(number_format, "+")
    own = _names_locale(section)
    if own is None or own.language == locale.language or _system_format(section):
        return None
    cleaned = _literal_free(section)[0]
    try:
        cldr = _cldr_date(cleaned)
    except (ValueError, KeyError):
        return None
    if not _NAMES.search(_CLDR_QUOTED.sub("", cldr)):
        return None
    return own.get_language_name("en") or own.language


def _names_locale(section: str) -> Locale | None:
    """The locale a format section names (``[$-407]``, ``[$-de-DE]``, ``[$€-407]``)."""
    found = _LCID.search(section)
    if found is None:
        return None
    tag = found.group(1)
    try:
        if re.fullmatch(r"[0-9A-Fa-f]{1,8}", tag):
            name = windows_locale.get(int(tag, 16) & 0xFFFF)
            return Locale.parse(name) if name else None
        return Locale.parse(tag, sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def _system_format(section: str) -> str | None:
    """``"date"`` or ``"time"`` for Excel's system long date and time (``[$-F800]``,
    ``[$-x-sysdate]``; ``[$-F400]``, ``[$-x-systime]``), which show in the reader's
    language whatever follows them."""
    found = _LCID.search(section)
    tag = found.group(1).lower() if found else ""
    return {"f800": "date", "x-sysdate": "date", "f400": "time", "x-systime": "time"}.get(tag)


def _system_show(value: date | time, system: str, locale: Locale) -> str:
    moment = _moment(value)
    if system == "date":
        return format_date(moment.date(), "full", locale=locale)
    return format_time(moment.time(), "medium", locale=locale)


def _moment(value: date | time) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return datetime.combine(date(1899, 12, 31), value)


def _plain_temporal(value: date | time) -> str:
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    return value.isoformat()


def _date_separator(locale: Locale) -> str:
    """The locale's date separator ("." in German, "/" in English), from its short date."""
    pattern = locale.date_formats["short"].pattern
    return next((ch for ch in pattern if not ch.isalpha() and ch not in " '"), "/")


def _cldr_date(fmt: str, separator: str = "/", noon: bool | None = None) -> str:
    """Excel date tokens as CLDR pattern letters; literals quoted. A bare "/" is the date
    separator of the reader's locale, as in Excel ("dd/mm/yyyy" shows 03.12.2026 in German).
    ``AM/PM`` is the locale's marker, or, for a time before or after ``noon``, the format's
    own half as written (``AM/PM``: PM, ``am/pm``: pm, ``A/P``: P), as Excel shows it."""
    tokens: list[tuple[str, str]] = []  # (kind, text)
    pos = 0
    for match in re.finditer(r'"[^"]*"|(?i:am/pm|a/p|y+|m+|d+|h+|s+|\.0+|e+|b+)', fmt):
        if match.start() > pos:
            tokens.append(("lit", fmt[pos : match.start()]))
        text = match.group()
        kind = "ampm" if text.lower() in ("am/pm", "a/p") else "tok"
        tokens.append(("quoted", text[1:-1]) if text.startswith('"') else (kind, text))
        pos = match.end()
    if pos < len(fmt):
        tokens.append(("lit", fmt[pos:]))
    tokens = [
        ("quoted", t.replace("/", separator)) if k == "lit" else (k, t.lower() if k == "tok" else t)
        for k, t in tokens
    ]
    twelve = any(kind == "ampm" for kind, _ in tokens)
    out = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "quoted":
            out.append(_quote(text))
            continue
        if kind == "ampm":
            out.append("a" if noon is None else _quote(text.split("/")[noon]))
            continue
        head = text[0]
        if head == "m":
            before = [t for k, t in tokens[:i] if k == "tok"]
            after = [t for k, t in tokens[i + 1 :] if k == "tok"]
            minute = len(text) <= 2 and (
                (before and before[-1][0] == "h") or (after and after[0][0] == "s")
            )
            out.append(
                ("m" if len(text) == 1 else "mm")
                if minute
                else {1: "M", 2: "MM", 3: "MMM", 4: "MMMM"}.get(len(text), "MMMMM")
            )
        elif head in "ye":
            out.append("yy" if len(text) <= 2 else "yyyy")
        elif head == "b":
            out.append("yyyy")
        elif head == "d":
            out.append({1: "d", 2: "dd", 3: "EEE"}.get(len(text), "EEEE"))
        elif head == "h":
            letter = "h" if twelve else "H"
            out.append(letter * min(len(text), 2))
        elif head == "s":
            out.append("s" if len(text) == 1 else "ss")
        elif head == ".":
            out.append("." + "S" * (len(text) - 1))
    return "".join(out)


def _quote(text: str) -> str:
    if not text:
        return ""
    if re.fullmatch(r"[\s,.:/\-]*", text):
        return text.replace("'", "''")
    return "'" + text.replace("'", "''") + "'"


def _duration(value: timedelta, number_format: str | None = None) -> str:
    """An elapsed time as its format shows it: ``[h]:mm`` 27:05, ``[h]:mm:ss`` 27:05:00,
    ``[mm]:ss`` 1625:00 (the bracketed unit counts on past a day or an hour, the places after
    it show what is left; seconds rounded, minutes cut off as Excel shows them); without such
    a format, hours and minutes, and seconds when there are any."""
    section = _section(number_format or "", "+")
    found = _ELAPSED.search(section)
    if found is None:
        seconds = int(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        hours, rest = divmod(abs(seconds), 3600)
        minutes, secs = divmod(rest, 60)
        return f"{sign}{hours}:{minutes:02d}" + (f":{secs:02d}" if secs else "")
    after = _QUOTED.sub("", section[found.end() :]).lower()
    places = len(m.group()) - 1 if (m := re.search(r"\.0+", after)) else 0
    exact = Decimal(str(value.total_seconds()))
    total = abs(exact).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    unit, width = found.group(1)[0].lower(), len(found.group(1))
    whole = int(total)
    counts = {"h": (whole // 3600, whole // 60 % 60, whole % 60), "m": (whole // 60, whole % 60)}
    shown = counts.get(unit, (whole,))
    out = str(shown[0]).zfill(width)
    if len(shown) > 2 and "m" in after:
        out += f":{shown[1]:02d}"
    if "s" in after and len(shown) > 1:
        out += f":{shown[-1]:02d}"
    if places:
        out += "." + format(total - whole, "f")[2:]
    return ("-" if exact < 0 else "") + out


def _number(fmt: str, locale: Locale, number_format: str) -> Show:
    """How a number cell with the section ``fmt`` of ``number_format`` shows."""
    cleaned, lower = _literal_free(fmt)
    if lower.strip() in ("general", "") or "@" in cleaned:
        return _general(locale)
    if set(cleaned) == {"0"}:  # 00000: a postcode or an ID padded to its length
        return _padded(len(cleaned), len(_split_sections(number_format)) > 1)
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group()), cleaned)
    fraction = FRACTION.search(unquoted)
    if fraction is not None:  # # ?/?: Excel's fractions, before "/" is taken as a literal
        return fraction_show(
            fraction.group(),
            _unquote(cleaned[: fraction.start()]),
            _unquote(cleaned[fraction.end() :]),
            len(_split_sections(number_format)) > 1,
            locale,
        )
    scientific = SCIENTIFIC.search(unquoted)
    if scientific is not None:  # 0.00E+00: a mantissa and a power of ten
        return scientific_show(
            scientific.group(),
            _unquote(cleaned[: scientific.start()]),
            _unquote(cleaned[scientific.end() :]),
            len(_split_sections(number_format)) > 1,
            locale,
        )
    if (
        _DIGIT_TEMPLATE.fullmatch(cleaned.strip())
        and len(places := re.findall(r"[0#?]", _QUOTED.sub("", cleaned))) > 1
        and set(places) != {"?"}  # "$" "-"??: Accounting's zero, a dash and blank places
    ):
        return _digit_places(cleaned.strip(), len(_split_sections(number_format)) > 1)
    core = _NUMBER_CORE.search(unquoted)
    if core is None:  # only words: "-" for zero, say
        words = _unquote(cleaned).strip()
        return (lambda value: words) if words else plain_number
    prefix = _unquote(cleaned[: core.start()])
    suffix = _unquote(cleaned[core.end() :])
    digits = core.group().removesuffix("%")
    # Commas after the last digit place divide by a thousand each (#,##0,"K": 1,235K).
    scale = Decimal(1000) ** (len(digits) - len(digits.rstrip(",")))
    # A % apart from the digits multiplies by a hundred too (0.00 %, LibreOffice's German
    # percent: 0.5 shows 50.00 %).
    scale /= Decimal(100) ** (unquoted[: core.start()] + unquoted[core.end() :]).count("%")
    try:
        pattern = parse_number_pattern(
            (digits.rstrip(",") + core.group()[len(digits) :]).replace("?", "#")
        )
    except (ValueError, KeyError):
        return plain_number
    # A negative section writes its own minus (or brackets); without one, Excel puts it first.
    own_sign = len(_split_sections(number_format)) > 1

    # "-"?? shows a zero as the dash alone (Accounting): "$ -", "- €".
    blank_zero = _zero_words(fmt) if "0" not in digits else None

    def show(value: int | float | Decimal) -> str:
        amount = as_decimal(value) / scale
        sign = "-" if amount < 0 and not own_sign else ""
        if blank_zero is not None and amount == 0:
            return blank_zero
        try:
            with localcontext(rounding=ROUND_HALF_UP):  # as Excel: 0.125 in 0.00 is 0.13
                text = pattern.apply(abs(amount), locale)
        except (ValueError, KeyError):
            return plain_number(value)
        return sign + _joined(prefix, text, suffix)

    return show


def _joined(prefix: str, number: str, suffix: str) -> str:
    """The number with the words its format puts around it, the spaces beside the number
    no-break (``50,00 %``, ``1.234 €``, ``$ 12``): a line never ends between a number and
    its unit."""
    left, right = prefix.strip(), suffix.strip()
    before = "\xa0" if left and prefix.endswith(" ") else ""
    after = "\xa0" if right and suffix.startswith(" ") else ""
    return f"{left}{before}{number}{after}{right}"


def _zero_words(fmt: str) -> str:
    """The literals of a section without a ``0`` place, as it shows zero: Excel's US
    Accounting format (``_($* "-"??_)``) puts the ``$`` at the cell's left edge and the dash
    at its right, the fill between them; a letter keeps them apart by one space (``$ -``: a
    dash against the symbol reads as a minus sign), the ``?`` places left out."""
    cleaned = _literal_free(fmt, fill=" ")[0]
    core = _NUMBER_CORE.search(_QUOTED.sub(lambda m: " " * len(m.group()), cleaned))
    if core is not None:
        cleaned = cleaned[: core.start()] + cleaned[core.end() :]
    return "\xa0".join(_unquote(cleaned).split())


def _padded(width: int, own_sign: bool) -> Show:
    """``00000``: the number rounded to a whole one (half away from zero, as Excel and
    LibreOffice round: 1067.5 shows 01068), padded with zeros to ``width`` digits, its minus
    first (-01067) unless a section of its own writes the negative numbers."""

    def show(value: int | float | Decimal) -> str:
        exact = as_decimal(value)
        sign = "-" if exact < 0 and not own_sign else ""
        return sign + str(abs(int(exact.to_integral_value(ROUND_HALF_UP)))).zfill(width)

    return show


def _digit_places(template: str, own_sign: bool) -> Show:
    """A whole number put into a template's digit places from the right, as Excel does: a
    ``0`` with no digit left shows 0, a ``#`` nothing, a ``?`` a space; digits beyond the
    places go before the first; the literals stay (``00000-0000``: 95014-1234)."""
    pieces = re.findall(r'"[^"]*"|[0#?]|.', template)

    def show(value: int | float | Decimal) -> str:
        amount = as_decimal(value).to_integral_value(ROUND_HALF_UP)
        digits = list(str(abs(int(amount))).lstrip("0"))
        out = []
        first = next(i for i, p in enumerate(pieces) if p in "0#?")
        for index in range(len(pieces) - 1, -1, -1):
            piece = pieces[index]
            if piece.startswith('"'):
                out.append(piece[1:-1])
            elif piece not in ("0", "#", "?"):
                out.append(piece)
            elif index == first and digits:
                out.append("".join(digits))
                digits = []
            else:
                digit = digits.pop() if digits else ""
                out.append(digit or {"0": "0", "#": "", "?": " "}[piece])
        sign = "-" if amount < 0 and not own_sign else ""
        return sign + "".join(reversed(out)).strip()

    return show


def _general(locale: Locale) -> Show:
    """Excel's General format: the number as ``plain_number`` writes it, with the locale's
    decimal sign (German Excel shows 1234.5 as 1234,5; no thousands separator)."""
    decimal = get_decimal_symbol(locale)
    if decimal == ".":
        return plain_number
    return lambda value: plain_number(value).replace(".", decimal)


def _unquote(text: str) -> str:
    return _QUOTED.sub(lambda m: m.group(1), text)


__all__ = [
    "CellFormats",
    "as_decimal",
    "cell_text",
    "lost_digits",
    "names_language",
    "plain_number",
    "rounds_code",
]
