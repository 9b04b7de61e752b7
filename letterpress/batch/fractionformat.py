"""Excel's fraction formats (``# ?/?``, ``# ??/??``, ``# ?/4``, ``?/?``): a number shown as a
whole part and a fraction, as Excel shows it (1.5 is ``1 1/2``, 2.75 with ``# ?/4`` is
``2 3/4``, with ``?/?`` ``11/4``). Up to N digits in the denominator is the nearest fraction
with a denominator of at most N digits; a denominator written out (``/4``, ``/100``) is kept,
not reduced, as Excel keeps it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from babel import Locale
from babel.numbers import format_decimal

# [whole part and a space] numerator / denominator (placeholders, or a fixed number).
FRACTION = re.compile(r"(?:(?P<whole>[#0?,]*[#0?])\s+)?(?P<num>[#0?]+)\s*/\s*(?P<den>[#0?]+|\d+)")


def fraction_show(
    core: str, prefix: str, suffix: str, own_sign: bool, locale: Locale
) -> Callable[[Any], str]:
    """How a number shows in the fraction format ``core`` (a ``FRACTION`` match), with the
    literals around it; ``own_sign`` when the format has a negative section of its own; a
    whole part grouped (``#,##0 ?/?``) with ``locale``'s separator."""
    found = FRACTION.fullmatch(core)
    if found is None:
        raise ValueError(core)
    whole_places = found.group("whole") or ""
    den = found.group("den")
    fixed = int(den) if den.isdigit() else 0
    largest = 10 ** len(den) - 1

    def show(value: Any) -> str:
        amount = Fraction(Decimal(str(value))) if isinstance(value, float) else Fraction(value)
        sign = "-" if amount < 0 and not own_sign else ""
        amount = abs(amount)
        whole = int(amount) if whole_places else 0
        rest = amount - whole
        if fixed:
            part = (math.floor(rest * fixed + Fraction(1, 2)), fixed)
        else:
            near = rest.limit_denominator(largest)
            part = (near.numerator, near.denominator)
        if part[0] == part[1] and whole_places:  # 0.999 with ?/?: the next whole number
            whole, part = whole + 1, (0, part[1])
        pieces = []
        if whole or (whole_places and ("0" in whole_places or not part[0])):
            grouped = "," in whole_places
            pieces.append(format_decimal(whole, "#,##0", locale=locale) if grouped else str(whole))
        if part[0] or not whole_places:
            pieces.append(f"{part[0]}/{part[1]}")
        return sign + (prefix + " ".join(pieces) + suffix).strip()

    return show
