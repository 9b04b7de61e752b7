"""Placing addresses on a sheet's labels: in row order, from a starting label, each block
inside its label by the post's clearance and inside the printer's printable area."""

from __future__ import annotations

from msgspec import Struct

from ..letter.address import AddressLine
from ..letter.layout import Rect
from ..mailpiece.block import Block, Misfit, extent, fit_lines, set_block
from ..mailpiece.posts import Post
from .sheets import LabelSheet


class Placed(Struct, frozen=True):
    """One address on one label: the sheet (0-based page), the label's position on it
    (0-based, row-major), the label's rectangle and the block set in it."""

    page: int
    position: int
    label: Rect
    block: Block


def room(sheet: LabelSheet, label: Rect, post: Post) -> Rect:
    """Where an address may go on a label: inside it by the post's clearance, and inside the
    printable area."""
    inner = label.inset(post.label_clearance)
    area = sheet.printable()
    left, top = max(inner.x, area.x), max(inner.y, area.y)
    right, bottom = min(inner.right, area.right), min(inner.bottom, area.bottom)
    return Rect(left, top, max(right - left, 0.0), max(bottom - top, 0.0))


def place_label(
    lines: list[AddressLine], sheet: LabelSheet, index: int, post: Post
) -> Placed | Misfit:
    """The address on label ``index`` (counted over all sheets), left-aligned and centred
    from top to bottom in its room (a name too wide broken at its words); or why it does not
    fit."""
    page, position = divmod(index, sheet.count)
    label = sheet.label(position)
    box = room(sheet, label, post)
    fitted = fit_lines(lines, post.label, box.width, box.height)
    if isinstance(fitted, Misfit):
        return fitted
    lines, size = fitted
    _, height = extent([line.text for line in lines], post.label, size)
    top = box.y + (box.height - height) / 2
    return Placed(page, position, label, set_block(lines, post.label, size, box.x, top))
