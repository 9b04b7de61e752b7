"""The window check, as the post makes it (USPS calls it the tap test): the return line, notes
and address must stay clear of the window's edges at every position the folded sheet can take
in its envelope.

Model: the sheet is folded at its fold marks; the first fold is the folded packet's bottom edge
and the top panel faces the window, upright. A point ``d`` mm below the sheet's top edge then
sits ``first_fold - d + y0`` mm above the envelope's bottom edge, and a point ``x`` mm from the
sheet's left edge ``x + x0`` mm from the envelope's left edge, where ``(x0, y0)`` is the
packet's offset in the envelope: from 0 (pushed against the left and bottom edges) to the
slack, the envelope's size plus its size tolerance less the packet's size. Each window edge
may lie up to the window tolerance inside its nominal place. A line's worst clearance on a side
is its distance to that side of the area every position keeps in view, the window intersected
over the four extremes: moving the packet is linear, so the extremes are the worst positions.
"""

from __future__ import annotations

from msgspec import Struct

from ..errors import LayoutError, Where
from ..pdf import fonts
from ..pdf.units import to_mm
from .layout import Layout, Rect, choose_envelope
from .plan import RULE_WEIGHT, AddressField, SetLine

SIDES = ("left", "right", "top", "bottom")
# A box by its edges (mm): left, top, right, bottom; what the check measures, without a Rect
# made for every line of every letter.
Edges = tuple[float, float, float, float]


class Play(Struct, frozen=True):
    """How far the packet can move in its envelope (mm): from 0 to ``x_max``/``y_max``
    (size tolerance included); centred is half the nominal slack."""

    x_max: float
    y_max: float
    x_nominal: float
    y_nominal: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x_nominal / 2, self.y_nominal / 2

    def corners(self) -> list[tuple[float, float]]:
        return [(x, y) for x in (0.0, self.x_max) for y in (0.0, self.y_max)]


class Clearance(Struct, frozen=True):
    """Distances (mm) from a box to each edge of a window area; negative means hidden."""

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


class WindowReport(Struct, frozen=True):
    """The window check of one letter in one envelope: the least clearance at the worst
    position (and which line, which side), the least with the packet centred, what is needed."""

    envelope: str
    required: float
    worst: float  # mm: the least clearance of any line, on any side, at any position
    line: str  # the line that comes closest to an edge
    side: str  # left, right, top or bottom
    centred: float  # mm: the least clearance with the packet centred in a nominal envelope
    block: Rect  # the address block's ink
    room: Rect  # what every position keeps in view, less the clearance
    lines_in_view: int = 0  # from the layout: lines the envelope keeps clear (0: not said)
    taller: tuple[str, ...] = ()  # the layout's envelopes that keep more height clear
    wider: tuple[str, ...] = ()  # and those that keep more width clear

    @property
    def ok(self) -> bool:
        """The tap test: every line keeps the clearance wherever the sheet slides."""
        return self.worst >= self.required - 1e-6

    @property
    def centred_ok(self) -> bool:
        """Every line keeps the clearance with the packet centred."""
        return self.centred >= self.required - 1e-6

    def problem(self) -> str:
        """What goes wrong when the sheet slides, in one phrase (empty when nothing does)."""
        if self.ok:
            return ""
        if self.worst <= -0.05:
            return (
                f'{-self.worst:.1f} mm of "{self.line}" hides at the {self.side} edge '
                f"when the sheet slides"
            )
        return (
            f'"{self.line}" keeps only {max(self.worst, 0.0):.1f} mm of the '
            f"{self.required:.1f} needed from the {self.side} edge when the sheet slides"
        )

    def advice(self) -> str:
        """What to do about the problem."""
        if self.side in ("left", "right"):
            text = (
                f'shorten "{self.line}": the {self.envelope} envelope keeps '
                f"{max(self.room.width, 0.0):.0f} mm of width clear"
            )
            roomier = self.wider
        else:
            kept = (
                f": the {self.envelope} envelope keeps {self.lines_in_view} lines clear "
                "(address and notes)"
                if self.lines_in_view
                else ""
            )
            text = f"use fewer lines{kept}; leave out a note or an address line"
            roomier = self.taller
        if roomier:
            text += f", or use the {' or '.join(roomier)} envelope (--envelope)"
        return text

    def summary(self) -> str:
        """One line: ``OK, 4.2 mm clear at the worst position (needs 3.0)``, or ``FAILS, ...;
        what to do``."""
        if self.ok:
            return (
                f"OK, {self.worst:.1f} mm clear at the worst position (needs {self.required:.1f})"
            )
        return f"FAILS, {self.problem()}; {self.advice()}"


def packet_height(layout: Layout) -> float:
    """Height of the folded packet: the tallest panel between folds."""
    cuts = [0.0, *layout.marks.folds, layout.paper_height]
    return max(b - a for a, b in zip(cuts, cuts[1:]))


def play(layout: Layout) -> Play:
    """How far the folded sheet can move inside its envelope."""
    env = layout.envelope
    slack_x = env.width - layout.paper_width
    slack_y = env.height - packet_height(layout)
    if slack_x < 0 or slack_y < 0:
        raise LayoutError(
            f"the folded sheet ({layout.paper_width:.1f} x "
            f"{packet_height(layout):.1f} mm) does not fit the {env.name} envelope",
            where=Where(file=str(layout.path)),
            hint="check paper, folds and envelope size",
        )
    return Play(slack_x + env.size_tolerance, slack_y + env.size_tolerance, slack_x, slack_y)


def window_on_sheet(layout: Layout, x0: float, y0: float) -> Rect:
    """The nominal window's rectangle in sheet coordinates for the packet at offset (x0, y0)."""
    env = layout.envelope
    first_fold = layout.marks.folds[0]
    top = first_fold + y0 - (env.window_bottom + env.window_height)
    return Rect(env.window_left - x0, top, env.window_width, env.window_height)


def centred_window(layout: Layout) -> Rect:
    """The window on the sheet when the packet sits centred in a nominal envelope."""
    return window_on_sheet(layout, *play(layout).centre)


def in_view(layout: Layout) -> Rect:
    """What every position keeps in view: the window, its edges at their tolerance inside,
    intersected over the extremes of the slide (its size is negative when nothing is)."""
    rects = [
        window_on_sheet(layout, x, y).inset(layout.envelope.window_tolerance)
        for x, y in play(layout).corners()
    ]
    left = max(r.x for r in rects)
    top = max(r.y for r in rects)
    return Rect(left, top, min(r.right for r in rects) - left, min(r.bottom for r in rects) - top)


def window_reach(layout: Layout) -> Rect:
    """Everything of the sheet that can ever show through the window: the union over the
    slide, the window's edges at their tolerance outside."""
    rects = [
        window_on_sheet(layout, x, y).inset(-layout.envelope.window_tolerance)
        for x, y in play(layout).corners()
    ]
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    return Rect(left, top, max(r.right for r in rects) - left, max(r.bottom for r in rects) - top)


def safe_box(layout: Layout) -> Rect:
    """Where text keeps the layout's clearance at every position of the packet."""
    return in_view(layout).inset(layout.envelope.clearance)


def centred_box(layout: Layout) -> Rect:
    """Where text keeps the layout's clearance with the packet centred."""
    return centred_window(layout).inset(layout.envelope.clearance)


class WindowPlaces(Struct, frozen=True):
    """The window on the sheet for one layout and envelope, worked out once: what every
    position keeps in view (``in_view``), the window with the packet centred
    (``centred_window``) and all it can ever show (``window_reach``); and, inside the first
    two, where text keeps the envelope's clearance (``safe_box``, ``centred_box``)."""

    view: Rect
    centred: Rect
    reach: Rect
    safe: Rect
    centred_safe: Rect


def window_places(layout: Layout) -> WindowPlaces:
    """The layout's window places (a batch remembers them per layout and envelope)."""
    view, centred = in_view(layout), centred_window(layout)
    clearance = layout.envelope.clearance
    return WindowPlaces(
        view, centred, window_reach(layout), view.inset(clearance), centred.inset(clearance)
    )


def places_key(layout: Layout) -> tuple[object, ...]:
    """Everything the window places depend on: the paper, its folds and the envelope."""
    return (layout.paper_width, layout.paper_height, layout.marks.folds, layout.envelope)


def edge_clearance(box: Edges, window: Edges) -> Clearance:
    """The distances from ``box`` to each edge of ``window`` (both given by their edges)."""
    return Clearance(
        left=box[0] - window[0],
        right=window[2] - box[2],
        top=box[1] - window[1],
        bottom=window[3] - box[3],
    )


def _least(box: Edges, window: Edges) -> float:
    """``edge_clearance(box, window).least``, without making the Clearance."""
    return min(box[0] - window[0], window[2] - box[2], box[1] - window[1], window[3] - box[3])


def ink_edges(line: SetLine, ink: fonts.Ink | None = None) -> Edges:
    """The edges (mm) of a placed line's ink on the sheet, its glyphs' outlines (``ink``: the
    line's, when the caller has it)."""
    if ink is None:
        ink = fonts.ink(line.text, line.font, line.size)
    left = line.x + to_mm(ink.left)
    top = line.baseline - to_mm(ink.top)
    return left, top, left + to_mm(ink.right - ink.left), top + to_mm(ink.top + ink.bottom)


def edges_of(box: Rect) -> Edges:
    """A Rect's edges."""
    return box.x, box.y, box.right, box.bottom


def edges_union(boxes: list[Edges]) -> Rect:
    """The smallest rectangle around the boxes with these edges."""
    return Rect(*_around(boxes))


def _around(boxes: list[Edges]) -> tuple[float, float, float, float]:
    """The left, top, width and height of ``edges_union(boxes)``."""
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    return left, top, max(b[2] for b in boxes) - left, max(b[3] for b in boxes) - top


def _shown_edges(field: AddressField) -> list[tuple[str, Edges]]:
    """Every line the window must show clearly, with its ink's edges: the return line (joined
    with its rule), the notes and the address lines."""
    out = []
    if field.return_line is not None:
        box = ink_edges(field.return_line)
        if field.rule is not None:
            half = to_mm(RULE_WEIGHT) / 2
            x, y, length = field.rule.x, field.rule.y - half, field.rule.length
            left, top, width, height = _around([box, (x, y, x + length, y + 2 * half)])
            box = (left, top, left + width, top + height)
        out.append((field.return_line.text, box))
    out += [(line.text, ink_edges(line)) for line in (*field.notes, *field.address)]
    return out


def check_field(
    layout: Layout, field: AddressField, places: WindowPlaces | None = None
) -> WindowReport:
    """Measure every line of the address field against what the window keeps in view at every
    position of the packet, and with the packet centred (``places``: the layout's, when the
    caller has them)."""
    lines = _shown_edges(field)
    places = places or window_places(layout)
    view = places.view
    in_sight, centred = edges_of(view), edges_of(places.centred)
    worst = (float("inf"), "", "left")
    worst_box: Edges | None = None
    for text, box in lines:
        least = _least(box, in_sight)
        if least < worst[0]:
            worst, worst_box = (least, text, ""), box
    if worst_box is not None:  # the side, for the closest line alone
        worst = (worst[0], worst[1], edge_clearance(worst_box, in_sight).worst_side())
    env = layout.envelope
    room = places.safe
    failed = worst[0] < env.clearance - 1e-6  # only then are roomier envelopes worth naming
    others = {
        e.name: safe_box(choose_envelope(layout, e.name))
        for e in layout.envelopes
        if failed and e.name != env.name
    }
    return WindowReport(
        envelope=env.name,
        required=env.clearance,
        worst=worst[0],
        line=worst[1],
        side=worst[2],
        centred=min(_least(box, centred) for _, box in lines),
        block=field.block,
        room=room,
        lines_in_view=env.lines_in_view,
        taller=tuple(n for n, r in others.items() if r.height > room.height + 0.05),
        wider=tuple(n for n, r in others.items() if r.width > room.width + 0.05),
    )
