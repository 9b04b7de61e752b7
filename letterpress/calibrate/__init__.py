"""Printer calibration: a test sheet to measure, and each printer's offset kept in the user's
settings (``printers``) so that letters, envelopes and labels land where they should.

``sheet`` draws the test sheet; ``printers`` stores, lists and looks up the offsets. Import
them by name: a letter that only looks up its printer's offset does not load the sheet.
"""
