"""The plain ReportLab floor (a timed contender): the benchmark letters with bare canvas calls.

The same words at the same positions as letterpress puts them, one process, no checks, no
address logic, no hyphenation (``simpleSplit`` breaks the lines).

    python benchmarks/plain_letters.py DATA.csv OUT.pdf FONTS_DIR
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import lettertext as text
import placement as at
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
PT_TO_MM = 25.4 / 72


def _at(y: float) -> float:
    """A distance in mm from the top of the sheet as ReportLab's y in points."""
    return (at.PAGE[1] - y) * MM


def _furniture(c: Canvas) -> None:
    """Letterhead, return line, date and marks."""
    c.setFont("B", at.HEAD_NAME[1])
    c.drawRightString(at.HEAD_RIGHT * MM, _at(at.HEAD_NAME[0]), text.SENDER)
    for line, (y, size) in zip(text.SENDER_LINES, at.HEAD_LINES):
        c.setFont("R", size)
        c.drawRightString(at.HEAD_RIGHT * MM, _at(y), line)
    x, y, size = at.RETURN
    c.setFont("R", size)
    c.drawString(x * MM, _at(y), text.RETURN_LINE)
    below, width = at.RETURN_RULE
    c.setStrokeGray(at.GREY)
    c.setLineWidth(width)
    end = x * MM + pdfmetrics.stringWidth(text.RETURN_LINE, "R", size)
    c.line(x * MM, _at(y + below), end, _at(y + below))
    for (x, y, size), words in ((at.DATE_LABEL, text.DATE_LABEL), (at.DATE, text.DATE)):
        c.setFont("R", size)
        c.drawString(x * MM, _at(y), words)
    c.setLineWidth(at.MARK_WIDTH)
    for y, length in at.MARKS:
        c.line(at.MARK_X * MM, _at(y), (at.MARK_X + length) * MM, _at(y))


def _letter(c: Canvas, row: dict[str, str]) -> None:
    """One letter on the current page."""
    _furniture(c)
    x, y, size = at.ADDRESS
    c.setFont("R", size)
    for line in text.address_lines(row):
        c.drawString(x * MM, _at(y), line)
        y += at.ADDRESS_PITCH * PT_TO_MM
    left, width = at.TEXT_LEFT * MM, at.TEXT_WIDTH * MM
    c.setFont("B", at.TEXT_SIZE)
    c.drawString(left, _at(at.SUBJECT), text.SUBJECT)
    c.setFont("R", at.TEXT_SIZE)
    c.drawString(left, _at(at.OPENING), text.opening(row))
    y = at.FIRST_BODY
    for paragraph in (text.first_paragraph(row["company"]), *text.SHARED_PARAGRAPHS):
        for line in simpleSplit(paragraph, "R", at.TEXT_SIZE, width):
            c.drawString(left, _at(y), line)
            y += at.LEADING * PT_TO_MM
        y += (at.PARAGRAPH_PITCH - at.LEADING) * PT_TO_MM
    c.drawString(left, _at(y), text.CLOSING)
    c.drawString(left, _at(y + at.SIGNATURE_PITCH * PT_TO_MM), text.SIGNATURE)
    c.showPage()


def main(data: str, out: str, fonts: str) -> None:
    """Every row of ``data`` as a letter in ``out``."""
    pdfmetrics.registerFont(TTFont("R", str(Path(fonts) / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("B", str(Path(fonts) / "NotoSans-Bold.ttf")))
    c = Canvas(out, pagesize=(at.PAGE[0] * MM, at.PAGE[1] * MM), invariant=1)
    with open(data, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            _letter(c, row)
    c.save()


if __name__ == "__main__":
    main(*sys.argv[1:4])
