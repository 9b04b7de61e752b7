"""Drawing: the placed flowables and note rules onto one deterministic PDF page."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..pdf.canvas import canvas_maker
from ..pdf.document import DocumentInfo, describe
from ..pdf.merge import Drawn
from .fit import Geometry, Plan
from .flowables import FAINT


def draw_pdf(plan: Plan, geo: Geometry, meta: DocumentInfo, when: date) -> bytes:
    """Draw the plan on exactly one page and return the PDF bytes."""
    buffer = io.BytesIO()
    canv = canvas_maker(when)(buffer, pagesize=(geo.width, geo.height))
    describe(canv, meta)
    draw_page(canv, plan, geo)
    canv.save()
    return buffer.getvalue()


def draw_pages(sheets: list[tuple[Plan, Geometry]], when: date) -> bytes:
    """Many call sheets, a page each, in one PDF (fonts embedded once): the batch's way."""
    buffer = io.BytesIO()
    canv = canvas_maker(when)(buffer)
    for plan, geo in sheets:
        draw_page(canv, plan, geo)
    canv.save()
    return buffer.getvalue()


def draw_sheets(sheets: list[tuple[Plan, Geometry]], when: date) -> Drawn:
    """Many call sheets in one PDF, a page each; a sheet that cannot be drawn is left out
    and its error kept (by index), as the batch wants it."""
    drawn = Drawn()
    good = dict(enumerate(sheets))
    while good:
        try:
            drawn.pdf = draw_pages(list(good.values()), when)
            drawn.pages.update((i, 1) for i in good)
            return drawn
        except Exception:  # noqa: BLE001 - find the sheet that fails alone
            bad = {}
            for index, (plan, geo) in good.items():
                try:
                    draw_pages([(plan, geo)], when)
                except Exception as exc:  # noqa: BLE001
                    bad[index] = exc
            if not bad:  # they fail only together: none is made
                error = RuntimeError("these call sheets can only be drawn one at a time")
                drawn.failed.update((i, error) for i in good)
                return drawn
            drawn.failed.update(bad)
            good = {i: item for i, item in good.items() if i not in bad}
    return drawn


def draw_page(canv: Any, plan: Plan, geo: Geometry) -> None:
    """One call sheet on the canvas's current page, which it then ends."""
    canv.setPageSize((geo.width, geo.height))
    for item in plan.placed:
        item.flowable.drawOn(canv, item.x, item.y)
    canv.saveState()
    canv.setStrokeColor(FAINT)
    canv.setLineWidth(0.5)
    x0, x1 = plan.note_x
    for y in plan.note_lines:
        canv.line(x0, y, x1, y)
    canv.restoreState()
    canv.showPage()
