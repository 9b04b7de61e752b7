"""The calibration sheet: two cross-hairs at known distances from the paper's edges, millimetre
rulers, and what to measure and type."""

from __future__ import annotations

import io
from datetime import date
from functools import cache

from msgspec import Struct
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from .. import cachefiles
from ..pdf import fonts
from ..pdf.canvas import canvas_maker
from ..pdf.document import DocumentInfo, describe
from ..pdf.shift import Shift, apply
from ..pdf.units import mm
from ..resources import data_dir

GREY = Color(0.45, 0.45, 0.45)


class Paper(Struct, frozen=True):
    """A sheet size and where its cross-hairs go, in mm from the top-left corner."""

    name: str
    width: float
    height: float
    inset: float  # cross-hair A this far from the left and top edges; B as far from the others


@cache
def papers() -> dict[str, Paper]:
    """The sheets ``--paper`` names (``a4``, ``letter``), from ``layouts/calibration/
    sheets.toml``: each a paper of the bundled layouts, its size their ``[paper]`` table's,
    and how far inside its corners the cross-hairs sit."""
    from ..letter.layout import available_layouts, load_layout

    sizes: dict[str, tuple[str, float, float]] = {}
    for name in available_layouts():
        layout = load_layout(name)
        paper = (layout.paper_name, layout.paper_width, layout.paper_height)
        sizes.setdefault(layout.paper_name.lower(), paper)
    data = cachefiles.toml(data_dir("layouts") / "calibration" / "sheets.toml")
    return {
        key: Paper(*sizes[sheet["paper"].lower()], float(sheet["inset"]))
        for key, sheet in data["sheets"].items()
    }


TICK, TICK_5, TICK_10 = 1.5, 2.5, 4.0  # mm: ruler tick lengths
HAIR = 12.0  # mm: half the length of a cross-hair's arms
TEXT_INDENT = 14.0  # mm: the instructions start this far right of A, clear of its ruler


def calibration_sheet(paper: str, when: date, shift: Shift | None = None) -> bytes:
    """The sheet as a PDF; with ``shift`` (a stored printer's offset) to check it: printed
    on that printer, the cross-hairs then lie exactly at the distances written beside them."""
    spec = papers()[paper]
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


def length(value: float) -> str:
    """A length or offset as the sheet and the CLI print it: at most two decimals, no "-0"."""
    text = f"{round(value, 2):g}"
    return "0" if text == "-0" else text


def new_offset(
    stored: float, inset: float, measured: float, scale: float = 1.0, drawn: float = 1.0
) -> float:
    """The offset to store (``--set`` replaces the stored one, it does not add to it) when
    cross-hair A, drawn ``inset`` mm in, scaled by ``drawn`` and moved by ``stored`` (1 and 0
    on the plain sheet), measured ``measured`` mm in, for a printer whose scale is corrected
    by ``scale``: the printer puts a point drawn at p at p / scale + e, and the offset must
    cancel e once scaled, so it is ``stored + inset × drawn - measured × scale``."""
    return stored + inset * drawn - measured * scale


def offset_formula(spec: Paper, shift: Shift | None, axis: str) -> str:
    """``dx = 30 - X × S`` on the plain sheet; ``dx = -1.5 + 30 - X × S`` on one already
    moved by a stored offset (``dx = 2 + 30 × 1.002 - X × S`` by one with a scale), S the
    scale measured in step 3 (else the stored one); ``axis`` "x" or "y"."""
    name, measured = ("dx", "X") if axis == "x" else ("dy", "Y")
    if shift is None:
        return f"{name} = {length(spec.inset)} - {measured} × S"
    stored = shift.dx if axis == "x" else shift.dy
    return f"{name} = {length(stored)} + {_drawn(spec, shift)} - {measured} × S"


def _drawn(spec: Paper, shift: Shift) -> str:
    """Where the check sheet draws A before its offset: ``30``, or ``30 × 1.002``."""
    scale = f" × {shift.scale:g}" if shift.scale != 1 else ""
    return f"{length(spec.inset)}{scale}"


def _stored_scale(shift: Shift | None) -> float:
    return 1.0 if shift is None else shift.scale


def worked_example(spec: Paper, shift: Shift | None) -> str:
    """One measurement of X worked through ``offset_formula`` with S left as it is, its
    numbers computed from the sheet's geometry: 1.5 mm too far right on the plain sheet,
    0.5 mm on a checked one."""
    inset, scale = spec.inset, _stored_scale(shift)
    if shift is None:
        measured = inset + 1.5
        result = new_offset(0.0, inset, measured)
        sum_ = f"{length(inset)} - {length(measured)} × 1"
    else:
        measured = inset + 0.5
        result = new_offset(shift.dx, inset, measured, scale, scale)
        sum_ = f"{length(shift.dx)} + {_drawn(spec, shift)} - {length(measured)} × {scale:g}"
    return f"measured X = {length(measured)} mm, S = {scale:g}: dx = {sum_} = {length(result)}"


def set_command(shift: Shift | None) -> str:
    """The command that stores what was measured: on a checked sheet it names the printer
    and keeps its stored scale (``--set`` without ``--scale`` stores scale 1)."""
    if shift is None:
        return 'letterpress calibrate --set "PRINTER NAME" --dx DX --dy DY [--scale S]'
    import shlex

    name = shift.printer
    quoted = f'"{name}"' if name.replace(" ", "").isalnum() else shlex.quote(name)
    scale = " --scale S" if shift.scale != 1 else " [--scale S]"
    return f"letterpress calibrate --set {quoted} --dx DX --dy DY{scale}"


def _instructions(canv: Canvas, spec: Paper, regular: str, bold: str, shift: Shift | None) -> None:
    inset, between = spec.inset, spec.width - 2 * spec.inset
    at = f"{length(inset)} mm"
    lines: list[tuple[str, str, float]] = [("Printer calibration", bold, 14)]
    if shift is None:
        lines.append(
            (
                f"{spec.name} paper. Print this page at 100 % (actual size, not 'fit to page').",
                regular,
                9.5,
            )
        )
    else:
        lines += [
            (
                f"Check of printer {shift.printer!r}: print this page there at 100 % "
                f"({spec.name}, actual size).",
                regular,
                9.5,
            ),
            (
                f"This sheet is already moved by the stored offset dx = {length(shift.dx)}, "
                f"dy = {length(shift.dy)}"
                + (f", scale {shift.scale:g}:" if shift.scale != 1 else ":"),
                bold,
                9.5,
            ),
            (
                f"A should measure {at} from the left and from the top edge. If it does, "
                "keep the offset.",
                bold,
                9.5,
            ),
        ]
    stored = _stored_scale(shift)
    scale = f"{stored:g} × " if stored != 1 else ""
    lines += [
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
            f"3. Optional: measure from A's vertical line to B's: D mm; "
            f"S = {scale}{length(between)} / D (else S = {stored:g}).",
            regular,
            9.5,
        ),
        (
            f"4. {'New offset: ' if shift else ''}{offset_formula(spec, shift, 'x')}, "
            f"{offset_formula(spec, shift, 'y')}",
            regular,
            9.5,
        ),
        (f"    (e.g. {worked_example(spec, shift)}).", regular, 9.5),
        (
            "5. Store it:"
            if shift is None
            else "5. Store it (it replaces the stored offset, it is not added to it):",
            regular,
            9.5,
        ),
        (f"     {set_command(shift)}", bold, 9.5),
        ("", regular, 6),
        (
            "From then on letter, envelope and labels move everything by the offset "
            "(--printer NAME,",
            regular,
            9.5,
        ),
        ("or the default printer), so the address lands where the layout puts it.", regular, 9.5),
    ]
    top = spec.height * 0.3
    for text, font, size in lines:
        if text:
            canv.setFont(font, size)
            canv.drawString(mm(inset + TEXT_INDENT), mm(spec.height - top), text)
        top += size * 0.3528 * 1.45
