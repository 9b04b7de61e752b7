"""The plain ReportLab floor (a timed contender): the benchmark letters with bare canvas calls.

The same words at the same positions as letterpress puts them, one process, no checks, no
address logic, no hyphenation (``simpleSplit`` breaks the lines). Drawn the cheapest way
ReportLab offers, as a hand-tuned one-off program would: what every letter shows (letterhead,
return line, date, marks; the paragraphs after the first, the closing and the signature) is a
form XObject, and the row's own words (address, subject, opening, first paragraph) are one text
object per letter.

With PARTS above 1 the rows are split into that many runs of consecutive rows, each written
by its own process (forked once the fonts are read) to its own file, ``OUT-0.pdf``,
``OUT-1.pdf`` and so on, not merged: how fast a ReportLab program using every core could be,
an upper bound for a merged file.

    python benchmarks/plain_letters.py DATA.csv OUT.pdf FONTS_DIR [PARTS]
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import lettertext as text
import placement as at
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
PT_TO_MM = 25.4 / 72
LEFT, WIDTH = at.TEXT_LEFT * MM, at.TEXT_WIDTH * MM


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


def _rest(c: Canvas, y: float) -> None:
    """The paragraphs after the first, the closing and the signature, from the baseline ``y``
    (mm from the top) of the second paragraph's first line."""
    body = c.beginText(LEFT, _at(y))
    body.setFont("R", at.TEXT_SIZE, at.LEADING)
    for paragraph in text.SHARED_PARAGRAPHS:
        lines = simpleSplit(paragraph, "R", at.TEXT_SIZE, WIDTH)
        body.textLines(lines)
        body.moveCursor(0, at.PARAGRAPH_PITCH - at.LEADING)  # textLines ended a leading below
        y += ((len(lines) - 1) * at.LEADING + at.PARAGRAPH_PITCH) * PT_TO_MM
    c.drawText(body)
    c.setFont("R", at.TEXT_SIZE)
    c.drawString(LEFT, _at(y), text.CLOSING)
    c.drawString(LEFT, _at(y + at.SIGNATURE_PITCH * PT_TO_MM), text.SIGNATURE)


def _letter(c: Canvas, row: dict[str, str], forms: set[int]) -> None:
    """One letter on the current page: two forms and one text object."""
    c.doForm("furniture")
    x, y, size = at.ADDRESS
    words = c.beginText(x * MM, _at(y))
    words.setFont("R", size, at.ADDRESS_PITCH)
    words.textLines(list(text.address_lines(row)))
    words.setTextOrigin(LEFT, _at(at.SUBJECT))
    words.setFont("B", at.TEXT_SIZE, at.LEADING)
    words.textOut(text.SUBJECT)
    words.setTextOrigin(LEFT, _at(at.OPENING))
    words.setFont("R", at.TEXT_SIZE, at.LEADING)
    words.textOut(text.opening(row))
    words.setTextOrigin(LEFT, _at(at.FIRST_BODY))
    first = simpleSplit(text.first_paragraph(row["company"]), "R", at.TEXT_SIZE, WIDTH)
    words.textLines(first)
    c.drawText(words)
    if len(first) not in forms:  # the rest moves with the first paragraph's line count
        c.beginForm(f"rest{len(first)}")
        _rest(c, at.FIRST_BODY + ((len(first) - 1) * at.LEADING + at.PARAGRAPH_PITCH) * PT_TO_MM)
        c.endForm()
        forms.add(len(first))
    c.doForm(f"rest{len(first)}")
    c.showPage()


def part_path(out: str | Path, part: int) -> Path:
    """Where part ``part`` of a split run is written."""
    path = Path(out)
    return path.with_name(f"{path.stem}-{part}{path.suffix}")


def _write(out: str | Path, rows: Iterable[dict[str, str]]) -> None:
    """``rows`` as letters in ``out``."""
    c = Canvas(str(out), pagesize=(at.PAGE[0] * MM, at.PAGE[1] * MM), invariant=1)
    c.beginForm("furniture")
    _furniture(c)
    c.endForm()
    forms: set[int] = set()
    for row in rows:
        _letter(c, row, forms)
    c.save()


def _split(rows: list[dict[str, str]], out: str | Path, parts: int) -> None:
    """``rows`` in ``parts`` runs of consecutive rows, each written by its own process."""
    size = -(-len(rows) // parts)
    children = []
    for part in range(1, parts):
        pid = os.fork()
        if pid == 0:  # the child writes its part and leaves without Python's clean-up
            code = 1
            try:
                _write(part_path(out, part), rows[part * size : (part + 1) * size])
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    _write(part_path(out, 0), rows[:size])
    for pid in children:
        if os.waitpid(pid, 0)[1]:
            raise SystemExit(f"a part of {out} failed")


def main(data: str, out: str, fonts: str, parts: str = "1") -> None:
    """Every row of ``data`` as a letter in ``out`` (in ``parts`` files, see above)."""
    pdfmetrics.registerFont(TTFont("R", str(Path(fonts) / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("B", str(Path(fonts) / "NotoSans-Bold.ttf")))
    with open(data, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        if int(parts) > 1:
            _split(list(rows), out, int(parts))
        else:
            _write(out, rows)


if __name__ == "__main__":
    main(*sys.argv[1:5])
