"""An address block fitted into a box: one size for every line, stepping down from the
preferred size to the smallest, as the letter's address field does."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from msgspec.structs import replace

from ..letter.address import AddressLine
from ..letter.addressfield import WRAPPABLE
from ..letter.layout import Rect
from ..letter.plan import SetLine
from ..letter.wrap import wrap_words
from ..pdf import fonts
from ..pdf.units import to_mm
from .posts import TypeSpec

SIZE_STEP = 0.5  # pt, as the letter's address field


class Block(Struct, frozen=True):
    """Lines placed: their extent (ascent of the first line to descent of the last, widest
    line) and their size."""

    lines: tuple[SetLine, ...]
    rect: Rect
    size: float


class Misfit(Struct, frozen=True):
    """Why lines do not fit a box even at the smallest size: too tall, or a line too wide
    (``line``, with its width), with the room there was (mm)."""

    too_tall: bool
    line: AddressLine
    width: float
    room_width: float
    room_height: float


def extent(texts: Sequence[str], spec: TypeSpec, size: float) -> tuple[float, float]:
    """Width and height (mm) of a block of lines at ``size``."""
    font = fonts.face("sans").regular
    ascent, descent = fonts.vertical_metrics(font)
    height = (len(texts) - 1) * to_mm(size * spec.leading) + to_mm((ascent + descent) * size)
    width = max((to_mm(fonts.width(t, font, size)) for t in texts), default=0.0)
    return width, height


def fit_size(
    lines: Sequence[AddressLine], spec: TypeSpec, width: float, height: float
) -> float | Misfit:
    """The largest size (from ``spec.size`` down to ``spec.min_size``) at which the lines fit
    ``width`` x ``height`` mm, or why they do not."""
    texts = [line.text for line in lines]
    size = spec.size
    while True:
        w, h = extent(texts, spec, size)
        if w <= width + 1e-6 and h <= height + 1e-6:
            return size
        if size - SIZE_STEP < spec.min_size - 1e-6:
            break
        size -= SIZE_STEP
    if h > height + 1e-6:
        return Misfit(True, lines[-1], w, width, height)
    font = fonts.face("sans").regular
    widths = [to_mm(fonts.width(t, font, size)) for t in texts]
    widest = max(range(len(texts)), key=widths.__getitem__)
    return Misfit(False, lines[widest], widths[widest], width, height)


def fit_lines(
    lines: Sequence[AddressLine], spec: TypeSpec, width: float, height: float
) -> tuple[list[AddressLine], float] | Misfit:
    """The lines and the largest size at which they fit ``width`` x ``height`` mm; past the
    smallest size, a name, organisation, department or note still too wide broken at its
    words, as the letter's address field breaks it (never the street or town line, which
    the post reads as one); or why they do not fit even so."""
    fitted = fit_size(lines, spec, width, height)
    if not isinstance(fitted, Misfit):
        return list(lines), fitted
    if fitted.too_tall:
        return fitted
    font = fonts.face("sans").regular

    def fits(text: str) -> bool:
        return to_mm(fonts.width(text, font, spec.min_size)) <= width + 1e-6

    broken: list[AddressLine] = []
    for line in lines:
        field = line.where.field.split("[")[0].rsplit(".", 1)[-1]
        parts = None if fits(line.text) or field not in WRAPPABLE else wrap_words(line.text, fits)
        broken += [replace(line, text=part) for part in parts] if parts else [line]
    again = fit_size(broken, spec, width, height)
    return fitted if isinstance(again, Misfit) else (broken, again)


def set_block(
    lines: Sequence[AddressLine], spec: TypeSpec, size: float, x: float, top: float
) -> Block:
    """The lines at ``size``, left-aligned at ``x`` with the block's top at ``top`` (mm)."""
    font = fonts.face("sans").regular
    ascent, _ = fonts.vertical_metrics(font)
    pitch = to_mm(size * spec.leading)
    first = top + to_mm(ascent * size)
    placed = tuple(
        SetLine(line.text, x, first + i * pitch, size, font) for i, line in enumerate(lines)
    )
    width, height = extent([line.text for line in lines], spec, size)
    return Block(placed, Rect(x, top, width, height), size)
