"""The one unit conversion: layouts speak millimetres, ReportLab speaks points."""

from __future__ import annotations

MM = 72.0 / 25.4  # points per millimetre


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / MM


def size_text(width: float, height: float) -> str:
    """A paper size for people, to a tenth of a millimetre: US sizes are set in inches, so
    '241.3 x 104.8 mm', not '241.3 x 104.775 mm'."""
    return f"{round(width, 1):g} x {round(height, 1):g} mm"
