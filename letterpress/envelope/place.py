"""Placing an envelope's addresses: the delivery address inside the post's read area and out
of its clear zones, the return address where the post wants it (front top left, or the back)."""

from __future__ import annotations

from msgspec import Struct

from ..errors import UserError, Where
from ..letter.address import AddressLine
from ..letter.layout import Rect
from ..mailpiece.block import Block, Misfit, extent, fit_lines, set_block
from ..mailpiece.posts import Post
from ..notices import Notice
from .sizes import EnvelopeSize


class EnvelopeLayout(Struct, frozen=True):
    """Where everything goes on one envelope (mm from the top-left corner of its front)."""

    size: EnvelopeSize
    post: Post
    address: Block
    return_block: Block | None  # on the side ``post.return_side`` says
    read_area: Rect
    clear_zones: tuple[tuple[str, Rect], ...]
    notices: tuple[Notice, ...] = ()


def place_envelope(
    recipient: list[AddressLine],
    sender: list[AddressLine],
    post: Post,
    size: EnvelopeSize,
    where: Where,
) -> EnvelopeLayout:
    """Fit and place both addresses (a name too wide even at the smallest size broken at its
    words); an address that cannot lie in the read area is refused (UserError naming the
    field), a return address that does not fit is left out with a warning."""
    width, height = size.width, size.height
    read = post.read_area(width, height)
    clear = tuple(post.clear_zones(width, height))
    notices: list[Notice] = []
    back = _return_block(sender, post, size, where, notices) if sender else None
    room = read
    if back is not None and post.return_side == "front":
        top = max(read.y, back.rect.bottom + post.return_gap)
        room = Rect(read.x, top, read.width, read.bottom - top)
    fitted = fit_lines(recipient, post.address, room.width, room.height)
    if isinstance(fitted, Misfit):
        raise _misfit(fitted, recipient, post, size, read)
    recipient, points = fitted
    w, h = extent([line.text for line in recipient], post.address, points)
    x = _clamp(width * post.prefer_left, room.x, room.right - w)
    y = _clamp(height * post.prefer_top, room.y, room.bottom - h)
    y = _clear_of(Rect(x, y, w, h), clear, room, post, size, recipient)
    block = set_block(recipient, post.address, points, x, y)
    return EnvelopeLayout(size, post, block, back, read, clear, tuple(notices))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(value, high))


def _clear_of(
    block: Rect,
    clear: tuple[tuple[str, Rect], ...],
    room: Rect,
    post: Post,
    size: EnvelopeSize,
    lines: list[AddressLine],
) -> float:
    """The block's top, moved up or down out of any clear zone it touches."""
    y = block.y
    for name, zone in clear:
        if not Rect(block.x, y, block.width, block.height).intersects(zone):
            continue
        y = zone.bottom if zone.y + zone.height / 2 < size.height / 2 else zone.y - block.height
        moved = Rect(block.x, y, block.width, block.height)
        if (
            y < room.y - 1e-6
            or moved.bottom > room.bottom + 1e-6
            or any(moved.intersects(z) for _, z in clear)
        ):
            raise UserError(
                f"the address cannot stay out of the {post.name} {name} on a {size.name} envelope",
                where=lines[-1].where,
                hint="use fewer address lines or a larger envelope",
            )
    return y


def _misfit(
    misfit: Misfit, lines: list[AddressLine], post: Post, size: EnvelopeSize, read: Rect
) -> UserError:
    area = post.zones.read_area.get("name", "address area")
    if misfit.too_tall:
        return UserError(
            f"{len(lines)} address lines do not fit the {post.name} {area} of a "
            f"{size.name} envelope ({misfit.room_height:.1f} mm high) even at "
            f"{post.address.min_size:g} pt",
            where=misfit.line.where,
            hint="use fewer address lines, or a larger envelope with --size",
        )
    return UserError(
        f"address line {misfit.line.text!r} is {misfit.width:.1f} mm wide at "
        f"{post.address.min_size:g} pt; the {post.name} {area} of a {size.name} "
        f"envelope leaves {read.width:.1f} mm",
        where=misfit.line.where,
        hint="shorten or abbreviate it, or use a larger envelope with --size",
    )


def _return_block(
    sender: list[AddressLine], post: Post, size: EnvelopeSize, where: Where, notices: list[Notice]
) -> Block | None:
    """The return address fitted into the post's return area, or None (and a warning)."""
    area = post.return_area(size.width, size.height)
    fitted = fit_lines(sender, post.return_type, area.width, area.height)
    if isinstance(fitted, Misfit):
        why = "has too many lines" if fitted.too_tall else f"line {fitted.line.text!r} is too wide"
        notices.append(
            Notice(
                f"the return address {why} for the {size.name} envelope's "
                f"return-address zone even at {post.return_type.min_size:g} pt; "
                "it is left out",
                where=where.at("sender"),
                hint="shorten the sender's address or write it by hand",
                kind="return-address-left-out",
            )
        )
        return None
    lines, points = fitted
    return set_block(lines, post.return_type, points, area.x, area.y)
