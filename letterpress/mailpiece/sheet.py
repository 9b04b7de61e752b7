"""Pages of placed lines (envelopes, label sheets) painted into one PDF, every page moved by a
printer's calibration when there is one; nothing is decided here."""

from __future__ import annotations

import io
from datetime import date

from msgspec import Struct
from reportlab.pdfgen.canvas import Canvas

from ..letter.plan import SetLine
from ..pdf.canvas import canvas_maker
from ..pdf.document import DocumentInfo, describe
from ..pdf.merge import Drawn
from ..pdf.shift import Shift, apply
from ..pdf.units import mm


class SheetPage(Struct, frozen=True):
    """One page: its size in mm and its lines."""

    width: float
    height: float
    lines: tuple[SetLine, ...]


class SheetPlan(Struct, frozen=True):
    """A document of such pages and the facts its PDF carries."""

    pages: tuple[SheetPage, ...]
    day: date  # the PDF's creation date
    meta: DocumentInfo = DocumentInfo()
    shift: Shift | None = None


def draw_sheets(plan: SheetPlan) -> bytes:
    """The pages as one PDF."""
    buffer = io.BytesIO()
    first = plan.pages[0]
    canv = canvas_maker(plan.day)(buffer, pagesize=(mm(first.width), mm(first.height)))
    describe(canv, plan.meta)
    for page in plan.pages:
        canv.setPageSize((mm(page.width), mm(page.height)))
        draw_sheet(canv, page, plan.shift)
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def draw_sheet(canv: Canvas, page: SheetPage, shift: Shift | None) -> None:
    """One page's lines, as one text object, moved by ``shift``."""
    if not page.lines:
        return
    canv.saveState()
    apply(canv, shift, page.height)
    text = canv.beginText()
    current = None
    for line in page.lines:
        if (line.font, line.size) != current:
            current = (line.font, line.size)
            text.setFont(line.font, line.size)
        text.setTextOrigin(mm(line.x), mm(page.height - line.baseline))
        text.textOut(line.text)
    canv.drawText(text)
    canv.restoreState()


def draw_together(plans: list[SheetPlan]) -> Drawn:
    """Many documents of such pages in one PDF (fonts embedded once), as the batch merges
    them; pages of placed lines cannot fail alone, so none is left out."""
    pages = tuple(page for plan in plans for page in plan.pages)
    pdf = draw_sheets(SheetPlan(pages, plans[0].day, DocumentInfo(), plans[0].shift))
    return Drawn(pdf=pdf, pages={i: len(plan.pages) for i, plan in enumerate(plans)})
