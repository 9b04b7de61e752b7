"""Printer calibration: a test sheet to measure, and each printer's offset kept in the user's
settings (``printers``) so that letters, envelopes and labels land where they should.

``sheet`` draws the test sheet; ``printers`` stores, lists and looks up the offsets.
"""

from __future__ import annotations

from .printers import find_shift, known_printers, save_printer
from .sheet import calibration_sheet

__all__ = ["calibration_sheet", "find_shift", "known_printers", "save_printer"]
