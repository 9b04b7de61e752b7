"""What a printer's calibration does to page 1: content it pushes off the page is not printed,
and the user is told so."""

from __future__ import annotations

from ..errors import Where
from ..notices import Notice
from ..pdf import fonts
from ..pdf.shift import lost_edges
from ..pdf.units import to_mm
from .resolve import Prepared


def offset_notices(prep: Prepared, where: Where) -> tuple[Notice, ...]:
    """A warning when the printer's offset moves page 1's marks or letterhead past the edge
    of the page."""
    shift, first, layout = prep.shift, prep.first, prep.layout
    if shift is None or shift.identity:
        return ()
    boxes = [(mark.x, mark.y, mark.x + mark.length, mark.y) for mark in first.marks]
    for line in first.lines:
        ascent, descent = fonts.vertical_metrics(line.font)
        boxes.append(
            (
                line.x,
                line.baseline - to_mm(ascent * line.size),
                line.x + to_mm(fonts.width(line.text, line.font, line.size)),
                line.baseline + to_mm(descent * line.size),
            )
        )
    lost = sorted(
        {
            side
            for box in boxes
            for side in lost_edges(shift, box, layout.paper_width, layout.paper_height)
        }
    )
    if not lost:
        return ()
    return (
        Notice(
            f"the offset of printer {shift.printer!r} moves page 1's marks or letterhead "
            f"past the {' and '.join(lost)} edge of the page, where nothing prints",
            where=where,
            hint="measure the printer again (letterpress calibrate), or leave out --printer",
            kind="printer-offset-off-page",
        ),
    )
