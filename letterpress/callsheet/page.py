"""Drawing: the placed flowables and note rules onto one deterministic PDF page."""
from __future__ import annotations

import io
from datetime import date

from ..pdfdoc import canvas_maker
from .flowables import FAINT
from .layout import Geometry, Plan


def draw_pdf(plan: Plan, geo: Geometry, meta: dict[str, str], when: date) -> bytes:
    """Draw the plan on exactly one page and return the PDF bytes."""
    buffer = io.BytesIO()
    canv = canvas_maker(when)(buffer, pagesize=(geo.width, geo.height),
                              lang=meta.get("lang") or None)
    canv.setTitle(meta.get("title", ""))
    canv.setAuthor(meta.get("author", ""))
    canv.setSubject(meta.get("subject", ""))
    canv.setCreator("letterpress")
    canv.setProducer("letterpress")
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
    canv.save()
    return buffer.getvalue()
