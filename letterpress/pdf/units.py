"""The one unit conversion: layouts speak millimetres, ReportLab speaks points."""

from __future__ import annotations

MM = 72.0 / 25.4  # points per millimetre


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / MM
