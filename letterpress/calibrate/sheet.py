"""The calibration sheet: two cross-hairs at known distances from the paper's edges, millimetre
rulers, and what to measure and type."""

from __future__ import annotations

import io
from datetime import date

from msgspec import Struct
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ..pdf import fonts
from ..pdf.canvas import canvas_maker
from ..pdf.document import DocumentInfo, describe
from ..pdf.shift import Shift, apply
from ..pdf.units import mm

GREY = Color(0.45, 0.45, 0.45)


class Paper(Struct, frozen=True):
    """A sheet size and where its cross-hairs go, in mm from the top-left corner."""

    name: str
    width: float
    height: float
    inset: float  # cross-hair A this far from the left and top edges; B as far from the others


# ISO 216 A4 and ANSI/ASME Y14.1 Letter; the cross-hairs sit 30 mm (A4) or 1 1/4 in (Letter)
# inside, clear of every office printer's unprintable edge.
PAPERS = {"a4": Paper("A4", 210.0, 297.0, 30.0), "letter": Paper("Letter", 215.9, 279.4, 31.75)}
TICK, TICK_5, TICK_10 = 1.5, 2.5, 4.0  # mm: ruler tick lengths
HAIR = 12.0  # mm: half the length of a cross-hair's arms
TEXT_INDENT = 14.0  # mm: the instructions start this far right of A, clear of its ruler


def calibration_sheet(paper: str, when: date, shift: Shift | None = None) -> bytes:
    """The sheet as a PDF; with ``shift`` (a stored printer's offset) to check it: printed
    on that printer, the cross-hairs then lie exactly at the distances written beside them."""
    spec = PAPERS[paper]
    buffer = io.BytesIO()
    canv = canvas_maker(when)(buffer, pagesize=(mm(spec.width), mm(spec.height)))
    describe(canv, DocumentInfo(title=f"letterpress printer calibration ({spec.name})", lang="en"))
    canv.saveState()
    apply(canv, shift, spec.height)
    _draw(canv, spec, shift)
    canv.restoreState()
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _draw(canv: Canvas, spec: Paper, shift: Shift | None) -> None:
    face = fonts.face("sans")
    height = spec.height
    ax, ay = spec.inset, spec.inset
    bx, by = spec.width - spec.inset, spec.height - spec.inset

    def y(v: float) -> float:
        return mm(height - v)

    canv.setLineWidth(0.25)
    for cx, cy, label in ((ax, ay, "A"), (bx, by, "B")):
        canv.line(mm(cx - HAIR), y(cy), mm(cx + HAIR), y(cy))
        canv.line(mm(cx), y(cy - HAIR), mm(cx), y(cy + HAIR))
        canv.circle(mm(cx), y(cy), mm(3))
        canv.setFont(face.bold, 11)
        canv.drawString(mm(cx - 6), y(cy - 2), label)
    canv.setFont(face.regular, 8)
    canv.drawString(
        mm(ax + 5), y(ay - 3), f"{ax:g} mm from the left edge, {ay:g} mm from the top edge"
    )
    canv.drawRightString(
        mm(bx - 5),
        y(by - 4),
        f"{spec.width - bx:g} mm from the right edge, {spec.height - by:g} mm from the bottom edge",
    )
    _ruler(canv, height, ax, ay, bx - ax, across=True)
    _ruler(canv, height, ax, ay, by - ay, across=False)
    _instructions(canv, spec, face.regular, face.bold, shift)


def _ruler(canv: Canvas, height: float, x: float, y: float, length: float, *, across: bool) -> None:
    """A millimetre ruler starting at cross-hair A's line, labelled every 10 mm with the
    distance from A."""
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.2)
    steps = int(length)
    for i in range(steps + 1):
        tick = TICK_10 if i % 10 == 0 else TICK_5 if i % 5 == 0 else TICK
        if across:
            canv.line(mm(x + i), mm(height - y), mm(x + i), mm(height - y - tick))
        else:
            canv.line(mm(x), mm(height - y - i), mm(x + tick), mm(height - y - i))
        if i % 10 == 0 and i:
            canv.setFont(fonts.face("sans").regular, 5.5)
            if across:
                canv.drawCentredString(mm(x + i), mm(height - y - TICK_10 - 2.5), str(i))
            else:
                canv.drawString(mm(x + TICK_10 + 1), mm(height - y - i - 0.7), str(i))
    canv.setStrokeColor(Color(0, 0, 0))


def _instructions(canv: Canvas, spec: Paper, regular: str, bold: str, shift: Shift | None) -> None:
    inset, between = spec.inset, spec.width - 2 * spec.inset
    lines = [
        ("Printer calibration", bold, 14),
        (
            f"{spec.name} paper. Print this page at 100 % (actual size, not 'fit to page').",
            regular,
            9.5,
        ),
        ("", regular, 6),
        (
            "1. Measure from the paper's left edge to the vertical line of cross-hair A: X mm.",
            regular,
            9.5,
        ),
        (
            "2. Measure from the paper's top edge to the horizontal line of cross-hair A: Y mm.",
            regular,
            9.5,
        ),
        (
            f"3. dx = {inset:g} - X and dy = {inset:g} - Y (measured 31.5 mm: dx = -1.5).",
            regular,
            9.5,
        ),
        (
            f"4. Optional: measure from A's vertical line to B's: D mm; scale = {between:g} / D.",
            regular,
            9.5,
        ),
        ("5. Store it:", regular, 9.5),
        ('     letterpress calibrate --set "PRINTER NAME" --dx DX --dy DY [--scale S]', bold, 9.5),
        ("", regular, 6),
        (
            "From then on letter, envelope and labels move everything by the offset "
            "(--printer NAME,",
            regular,
            9.5,
        ),
        ("or the default printer), so the address lands where the layout puts it.", regular, 9.5),
    ]
    if shift is not None and not shift.identity:
        lines += [
            ("", regular, 6),
            (
                f"This copy is already corrected for {shift.printer!r} (dx {shift.dx:+g}, "
                f"dy {shift.dy:+g}, scale {shift.scale:g}):",
                bold,
                9.5,
            ),
            ("printed there, A lies exactly where it says.", regular, 9.5),
        ]
    top = spec.height * 0.3
    for text, font, size in lines:
        if text:
            canv.setFont(font, size)
            canv.drawString(mm(inset + TEXT_INDENT), mm(spec.height - top), text)
        top += size * 0.3528 * 1.45
