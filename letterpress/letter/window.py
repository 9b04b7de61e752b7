"""The window check: where the envelope window lies on the folded sheet, and how much room the
address block keeps inside it.

Model (as KOMA-Script assumes): the sheet is folded at its fold marks, the first fold is the
folded packet's bottom edge and the top panel faces the window. A point ``d`` mm below the
sheet's top edge then sits ``first_fold - d + y0`` mm above the envelope's bottom edge, where
``(x0, y0)`` is the packet's offset in the envelope: centred, or pushed to any end of its play.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import LayoutError, WindowError, Where
from .layout import Layout, Rect


@dataclass(frozen=True)
class Play:
    """The packet's possible offsets inside the envelope (mm), tolerance included."""

    x_min: float
    x_max: float
    y_min: float
    y_max: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x_min + self.x_max) / 2, (self.y_min + self.y_max) / 2

    def corners(self) -> list[tuple[float, float]]:
        return [(x, y) for x in (self.x_min, self.x_max) for y in (self.y_min, self.y_max)]


@dataclass(frozen=True)
class Clearance:
    """Distances (mm) from the block to each window edge; negative means outside."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def least(self) -> float:
        return min(self.left, self.right, self.top, self.bottom)

    def worst_side(self) -> str:
        sides = {"left": self.left, "right": self.right, "top": self.top, "bottom": self.bottom}
        return min(sides, key=sides.__getitem__)


@dataclass(frozen=True)
class WindowReport:
    """Result of the window check for one address block."""

    block: Rect
    centred: Clearance
    slid: Clearance  # the least clearance per side over every end of the slide
    required: float

    @property
    def ok(self) -> bool:
        return self.centred.least >= self.required - 1e-6

    @property
    def tap_test_ok(self) -> bool:
        """The address stays fully visible wherever the sheet slides (USPS 'tap test')."""
        return self.slid.least >= -1e-6

    def summary(self) -> str:
        """One human line: clearance when centred and play left at the ends of the slide."""
        play = self.slid.least
        if play >= 0:
            slide = f"{play:.1f} mm play left when the sheet slides to the end of the envelope"
        else:
            slide = (f"up to {-play:.1f} mm of the address can hide at the {self.slid.worst_side()}"
                     " edge when the sheet slides to the end of the envelope")
        return (f"address {self.centred.least:.1f} mm inside the window edges when centred "
                f"(needs {self.required:.1f}); {slide}")


def packet_height(layout: Layout) -> float:
    """Height of the folded packet: the tallest panel between folds."""
    cuts = [0.0, *layout.marks.folds, layout.paper_height]
    return max(b - a for a, b in zip(cuts, cuts[1:]))


def play(layout: Layout) -> Play:
    """How far the folded sheet can move inside its envelope, plus the envelope tolerance."""
    env = layout.envelope
    slack_x = env.width - layout.paper_width
    slack_y = env.height - packet_height(layout)
    if slack_x < 0 or slack_y < 0:
        raise LayoutError(f"the folded sheet ({layout.paper_width:.1f} x "
                          f"{packet_height(layout):.1f} mm) does not fit the {env.name} envelope",
                          where=Where(file=str(layout.path)),
                          hint="check paper, folds and envelope size")
    tol = env.tolerance
    return Play(-tol, slack_x + tol, -tol, slack_y + tol)


def window_on_sheet(layout: Layout, x0: float, y0: float) -> Rect:
    """The window's rectangle in sheet coordinates for the packet at offset (x0, y0)."""
    env = layout.envelope
    first_fold = layout.marks.folds[0]
    top = first_fold + y0 - (env.window_bottom + env.window_height)
    return Rect(env.window_left - x0, top, env.window_width, env.window_height)


def centred_window(layout: Layout) -> Rect:
    """The window on the sheet when the packet sits centred in the envelope."""
    return window_on_sheet(layout, *play(layout).centre)


def window_reach(layout: Layout) -> Rect:
    """Everything of the sheet that can ever show through the window (union over the slide)."""
    rects = [window_on_sheet(layout, x, y) for x, y in play(layout).corners()]
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    return Rect(left, top, max(r.right for r in rects) - left, max(r.bottom for r in rects) - top)


def clearance(block: Rect, window: Rect) -> Clearance:
    return Clearance(left=block.x - window.x, right=window.right - block.right,
                     top=block.y - window.y, bottom=window.bottom - block.bottom)


def check_block(layout: Layout, block: Rect) -> WindowReport:
    """Measure the block against the centred window and against every end of the slide."""
    centred = clearance(block, centred_window(layout))
    corners = [clearance(block, window_on_sheet(layout, x, y)) for x, y in play(layout).corners()]
    slid = Clearance(left=min(c.left for c in corners), right=min(c.right for c in corners),
                     top=min(c.top for c in corners), bottom=min(c.bottom for c in corners))
    return WindowReport(block=block, centred=centred, slid=slid,
                        required=layout.envelope.clearance)


def enforce(report: WindowReport, *, where: Where, strict: bool = False) -> None:
    """Raise WindowError when the block breaks the centred check (or the tap test if strict)."""
    if not report.ok:
        side = report.centred.worst_side()
        raise WindowError(
            f"the address block comes within {report.centred.least:.1f} mm of the window's {side} "
            f"edge (needs {report.required:.1f} mm)", where=where,
            hint="shorten or remove address lines, or fix the layout's address zone")
    if strict and not report.tap_test_ok:
        raise WindowError(
            f"with --strict-window the address must stay visible wherever the sheet slides, but "
            f"up to {-report.slid.least:.1f} mm can hide at the {report.slid.worst_side()} edge",
            where=where, hint="use fewer address lines or a layout with more window play")
