"""Painting a planned letter: every position comes from the plan; nothing is decided here.

The same functions paint a letter into its own PDF and onto the shared canvas of a batch,
where what repeats from letter to letter (page 1's furniture, paragraphs) is a form XObject.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ..pdf.canvas import canvas_maker
from ..pdf.document import describe
from ..pdf.frame import Placed
from ..pdf.pages import SharedPages
from ..pdf.shift import Shift, apply
from ..pdf.textout import draw_lines
from ..pdf.units import mm
from .plan import FirstPage, LetterPlan, PagePlan, SetLine

BLACK = Color(0, 0, 0)


def draw_pdf(plan: LetterPlan) -> bytes:
    """The letter as a PDF of its own."""
    buffer = io.BytesIO()
    first = plan.pages[0]
    canv = canvas_maker(plan.day)(buffer, pagesize=(mm(first.width), mm(first.height)))
    describe(canv, plan.meta)
    for page in plan.pages:
        size = (mm(page.width), mm(page.height))
        if list(map(int, canv._pagesize)) != list(map(int, size)):
            canv.setPageSize(size)
        draw_page(canv, page, shift=plan.shift)
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def draw_shared(pages: SharedPages, plan: LetterPlan) -> None:
    """The letter's pages on a shared canvas, each page ended there."""
    for page in plan.pages:
        pages.canvas.setPageSize((mm(page.width), mm(page.height)))
        draw_page(pages.canvas, page, pages, plan.shift)
        pages.end_page()


def draw_page(
    canv: Canvas, page: PagePlan, shared: SharedPages | None = None, shift: Shift | None = None
) -> None:
    """One page: its fixed pieces first, then its text; all of it moved by a printer's
    calibration (``shift``) when there is one."""
    if shift is not None and not shift.identity:
        canv.saveState()
        apply(canv, shift, page.height)
        draw_page(canv, page, shared)
        canv.restoreState()
        return
    if page.first is not None:
        _first_page(canv, page, page.first, shared)
    elif page.header is not None:
        _header(canv, page)
    for item in page.text:
        if shared is not None and item.form is not None:
            shared.show_form(_paragraph_form(shared, item), item.x, item.y)
        else:
            item.flowable.drawOn(canv, item.x, item.y, _sW=item.spare)


def _first_page(canv: Canvas, page: PagePlan, first: FirstPage, shared: SharedPages | None) -> None:
    canv.saveState()
    if shared is None:
        _furniture(canv, page.height, first)
    else:
        key = (
            page.height,
            first.marks,
            first.rules,
            first.lines,
            first.address.return_line,
            first.mark_weight,
            first.rule_weight,
            first.grey,
        )
        canv.doForm(shared.form(key, "LPfixed", lambda form: _furniture(form, page.height, first)))
        canv.setFillColor(BLACK)
    _address(canv, page.height, first)
    if page.label is not None:
        _line(canv, page.label, page.height)
    canv.restoreState()


def _furniture(canv: Canvas, height: float, first: FirstPage) -> None:
    """What page 1 of every letter from one sender shares: marks, letterhead, information
    block or date line, and the return line."""
    canv.setLineWidth(first.mark_weight)
    canv.setStrokeColor(_grey(first.grey))
    for mark in first.marks:
        y = mm(height - mark.y)
        canv.line(mm(mark.x), y, mm(mark.x + mark.length), y)
    canv.setLineWidth(first.rule_weight)
    for rule in first.rules:
        canv.line(mm(rule.x), mm(height - rule.y), mm(rule.x + rule.length), mm(height - rule.y))
    canv.setFillColor(BLACK)
    for line in first.lines:
        _line(canv, line, height)
    if first.address.return_line:
        _line(canv, first.address.return_line, height)


def _address(canv: Canvas, height: float, first: FirstPage) -> None:
    """The notes and the address, as one text object: written in one step when the document
    has used their characters, else by ReportLab (:func:`.textout.draw_lines`)."""
    lines: Iterable[SetLine] = [*first.address.notes, *first.address.address]
    if not lines:
        return
    placed = [
        (line.font, line.size, mm(line.x), mm(height - line.baseline), line.text) for line in lines
    ]
    draw_lines(canv, placed)


def _header(canv: Canvas, page: PagePlan) -> None:
    """A continuation page's header: recipient and date, page label, and a rule below."""
    assert page.header is not None
    head, height = page.header, page.height
    canv.saveState()
    canv.setFont(head.text.font, head.text.size)
    canv.drawString(mm(head.text.x), mm(height - head.text.baseline), head.text.text)
    if page.label is not None:
        canv.drawString(mm(page.label.x), mm(height - page.label.baseline), page.label.text)
    canv.setStrokeColor(_grey(head.grey))
    canv.setLineWidth(head.rule_weight)
    y = mm(height - head.rule.y)
    canv.line(mm(head.rule.x), y, mm(head.rule.x + head.rule.length), y)
    canv.restoreState()


def _grey(level: float) -> Color:
    return Color(level, level, level)


def _line(canv: Canvas, line: SetLine, height: float) -> None:
    canv.setFont(line.font, line.size)
    canv.drawString(mm(line.x), mm(height - line.baseline), line.text)


def _paragraph_form(shared: SharedPages, item: Placed) -> str:
    para = item.flowable
    return shared.form(
        item.form,
        "LPpara",
        lambda form: para.drawOn(form, 0, 0),
        (-para.width, -para.height, 2 * para.width, 2 * para.height),
    )
