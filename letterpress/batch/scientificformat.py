"""Excel's Scientific formats (``0.00E+00``, ``0.0E+0``, ``##0.0E+0``): a number shown as a
mantissa and a power of ten, as Excel shows it (123456 in ``0.00E+00`` is ``1.23E+05``,
0.000123 ``1.23E-04``; ``##0.0E+0`` keeps the power a multiple of three: ``123.5E+3``). The
mantissa takes the decimal sign of the letter's language, as Excel takes the reader's."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel import Locale
from babel.numbers import get_decimal_symbol

# mantissa places [. places] E sign exponent places
SCIENTIFIC = re.compile(
    r"(?P<whole>[#0?]+)(?:\.(?P<fraction>[#0?]*))?[eE](?P<sign>[+-])(?P<power>[#0?]+)"
)


def scientific_show(
    core: str, prefix: str, suffix: str, own_sign: bool, locale: Locale
) -> Callable[[Any], str]:
    """How a number shows in the scientific format ``core`` (a ``SCIENTIFIC`` match), with
    the literals around it; ``own_sign`` when the format has a negative section of its own."""
    found = SCIENTIFIC.fullmatch(core)
    if found is None:
        raise ValueError(core)
    whole = found.group("whole")
    fraction = found.group("fraction") or ""
    shortest = len(fraction.rstrip("#?"))  # 0.0## shows one place at least, three at most
    # ##0.0E+0 (places for several digits that need not show): the power a multiple of them.
    step = len(whole) if "#" in whole and len(whole) > 1 else 1
    digits = len(whole) if step == 1 else 1  # 00.0E+0 shows two digits before the point
    plus = found.group("sign") == "+"
    width = len(found.group("power"))
    decimal = get_decimal_symbol(locale)

    def show(value: Any) -> str:
        amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        sign = "-" if amount < 0 and not own_sign else ""
        amount = abs(amount)
        power = 0
        if amount:
            power = amount.adjusted() - (digits - 1)
            power -= power % step
            mantissa = _rounded(amount.scaleb(-power), len(fraction))
            if mantissa.adjusted() >= digits - 1 + step:  # 9.999 rounds up to 10.00
                power += step
                mantissa = _rounded(amount.scaleb(-power), len(fraction))
        else:
            mantissa = _rounded(amount, len(fraction))
        text = format(mantissa, "f")
        if "." in text:
            head, tail = text.split(".")
            tail = tail.rstrip("0").ljust(shortest, "0")
            text = head + (decimal + tail if tail else "")
        exponent = ("+" if plus else "") if power >= 0 else "-"
        shown = f"{text}E{exponent}{abs(power):0{width}d}"
        return sign + (prefix + shown + suffix).strip()

    return show


def _rounded(amount: Decimal, places: int) -> Decimal:
    """``amount`` to ``places`` decimals, half away from zero as Excel rounds."""
    return amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
