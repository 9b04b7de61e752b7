"""The one unit conversion: layouts speak millimetres, ReportLab speaks points."""

from __future__ import annotations

from fractions import Fraction

INCH = 25.4  # millimetres per inch
MM = 72.0 / INCH  # points per millimetre


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / MM


def size_text(width: float, height: float, unit: str = "mm") -> str:
    """A paper size for people, to a tenth of a millimetre: US sizes are set in inches, so
    '241.3 x 104.8 mm', not '241.3 x 104.775 mm'; with ``unit`` "in" in the inches they are
    set in, as their makers write them ('2 5/8 x 1 in')."""
    if unit == "in":
        return f"{_inches(width)} x {_inches(height)} in"
    return f"{round(width, 1):g} x {round(height, 1):g} mm"


def length_text(value: float, unit: str = "mm") -> str:
    """A length given in millimetres, said in ``unit``: '57.5 mm', '2 1/4 in', '2.26 in'."""
    if unit == "in":
        return f"{_inches(value)} in"
    return f"{value:.1f} mm"


def _inches(value: float) -> str:
    """Millimetres in inches: a whole number of sixteenths as a fraction (2 5/8, 3/16),
    else to a hundredth (2.26)."""
    inches = value / INCH
    sixteenths = round(inches * 16)
    if abs(inches * 16 - sixteenths) > 0.01:
        return f"{inches:.2f}"
    whole, part = divmod(Fraction(sixteenths, 16), 1)
    if not part:
        return str(whole)
    return f"{whole} {part}" if whole else str(part)
