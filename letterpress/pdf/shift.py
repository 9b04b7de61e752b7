"""A printer's calibration as one transform of a page's content: scaled about the sheet's
top-left corner, then moved right by ``dx`` and down by ``dy`` millimetres."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct

from .units import mm

if TYPE_CHECKING:  # a Shift travels to the batch's workers; only drawing needs ReportLab
    from reportlab.pdfgen.canvas import Canvas


class Shift(Struct, frozen=True):
    """How a page's content is moved so that it lands where it should on one printer."""

    dx: float = 0.0  # mm to the right
    dy: float = 0.0  # mm down
    scale: float = 1.0
    printer: str = ""  # whose calibration this is (for messages)

    @property
    def identity(self) -> bool:
        """Whether the content stays where it is."""
        return self.dx == 0 and self.dy == 0 and self.scale == 1

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Where a point (mm from the top-left corner) is drawn."""
        return x * self.scale + self.dx, y * self.scale + self.dy

    def undo(self, x: float, y: float) -> tuple[float, float]:
        """Where a point drawn at (x, y) lands on paper from the calibrated printer, whose own
        error the shift cancels: the inverse of :meth:`point`."""
        return (x - self.dx) / self.scale, (y - self.dy) / self.scale

    def describe(self) -> str:
        """One phrase for reports: the printer and the offset applied."""
        scale = f", scale {self.scale:g}" if self.scale != 1 else ""
        return (
            f"printer {self.printer!r}: content moved {self.dx:+g} mm across, "
            f"{self.dy:+g} mm down{scale}"
        )


def apply(canv: Canvas, shift: Shift | None, page_height: float) -> None:
    """Transform the canvas (inside a saved state) so that what is drawn next at a point lands
    at ``shift.point`` of it; ``page_height`` in mm."""
    if shift is None or shift.identity:
        return
    s = shift.scale
    canv.transform(s, 0, 0, s, mm(shift.dx), mm(page_height) * (1 - s) - mm(shift.dy))


def lost_edges(
    shift: Shift | None, box: tuple[float, float, float, float], width: float, height: float
) -> list[str]:
    """The page edges past which the shift pushes some of ``box`` (left, top, right, bottom
    in mm from the top-left corner) on a ``width`` x ``height`` page: what lies beyond the
    page is not printed at all."""
    if shift is None or shift.identity:
        return []
    left, top = shift.point(box[0], box[1])
    right, bottom = shift.point(box[2], box[3])
    sides = {"left": left < 0, "top": top < 0, "right": right > width, "bottom": bottom > height}
    return [side for side, lost in sides.items() if lost]
