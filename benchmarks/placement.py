"""Where letterpress puts each piece of the benchmark letter, for the other contenders.

Read back (pdfplumber) from letterpress's PDF of ``benchmarks/dank.toml`` with the din5008-b
layout: baselines in millimetres from the top of the A4 sheet, x in millimetres from its left
edge, sizes in points. ``tests/test_benchmark.py`` checks that letterpress, Typst and the plain
script still put these lines here.
"""

from __future__ import annotations

PAGE = (210.0, 297.0)  # A4, mm
GREY = 0.35  # the rules and marks

HEAD_RIGHT = 190.0  # the letterhead is set flush right to here
HEAD_NAME = (16.167, 13.0)  # baseline, size (bold)
HEAD_LINES = ((20.916, 8.5), (24.964, 8.5))

RETURN = (25.0, 57.243, 6.5)  # x, baseline, size
RETURN_RULE = (0.9, 0.3)  # mm below the baseline, stroke width pt

DATE_LABEL = (125.0, 52.964, 8.0)
DATE = (137.045, 52.885, 9.0)

# letterpress places each address by its ink against the envelope's window, so its baselines
# move by up to about 0.7 mm from letter to letter (and a line too wide is set at 9.5 pt); the
# others keep the address where letterpress puts most of them.
ADDRESS = (25.0, 65.381, 10.0)  # x, first baseline, size
ADDRESS_PITCH = 12.0  # pt

TEXT_LEFT, TEXT_WIDTH, TEXT_SIZE = 25.0, 165.0, 11.0
SUBJECT = 102.341  # baseline (bold)
OPENING = 115.129  # baseline
FIRST_BODY = 124.080  # baseline of the first body line
LEADING = 14.5  # pt between lines of a paragraph
PARAGRAPH_PITCH = 25.375  # pt from a paragraph's last baseline to the next one's first
SIGNATURE_PITCH = 54.375  # pt from the closing's baseline to the signature's

MARKS = ((105.0, 4.0), (210.0, 4.0), (148.5, 7.0))  # y, length: folds and punch mark
MARK_X, MARK_WIDTH = 5.0, 0.4  # mm, pt
