"""Breaking the story into pages: page 1's text frame below the subject line, then
continuation frames, with platypus's rules for splitting paragraphs and keeping groups together.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from ..errors import UserError
from ..pdf.frame import FUZZ, Frame, Placed
from ..pdf.units import mm
from .layout import Layout
from .story import Story, Together

Box = tuple[float, float, float, float]  # left, bottom, width, height in points
_TALL = 0xFFFFFFF  # pt: "unlimited" height, for measuring a group


class _NextPage:
    """Marker in the queue: the rest starts on a new page."""


NEXT_PAGE = _NextPage()


def first_box(layout: Layout) -> Box:
    """Page 1's text frame: between the subject line and the bottom margin."""
    bottom = mm(layout.text.bottom)
    return (
        mm(layout.text.left),
        bottom,
        mm(layout.text_width),
        mm(layout.paper_height) - mm(layout.subject_y) - bottom,
    )


def later_box(layout: Layout) -> Box:
    """A continuation page's text frame: below the header, down to the bottom margin."""
    bottom = mm(layout.text.bottom)
    return (
        mm(layout.text.left),
        bottom,
        mm(layout.text_width),
        mm(layout.paper_height) - mm(layout.continuation_text_top) - bottom,
    )


def paginate(story: Story, first: Box, later: Box) -> list[list[Placed]]:
    """The placed flowables of each page, in order.

    As platypus does: a flowable that does not fit is split if it can be (paragraphs keep
    their widow and orphan rules), else moved to the next page; a group that does not fit the
    rest of a page starts a new one, taking the last lines of the paragraph before it along
    when it asks to (the closing never starts a page alone)."""
    frames = [Frame(*first)]
    queue: list[Flowable | Together | _NextPage] = list(story)
    moved: Flowable | None = None  # the last flowable moved to a new page (held, not its id:
    # a freed flowable's id is given to the next one made, often a part split off later)
    while queue:
        item = queue.pop(0)
        frame = frames[-1]
        if isinstance(item, _NextPage):
            frames.append(Frame(*later))
        elif isinstance(item, Together):
            opened = _open(item, frame, later)
            if item.carry and opened[0] is NEXT_PAGE:
                opened[1:1] = _carried(frame, item.carry)
            queue[0:0] = opened
        elif frame.add(item):
            continue
        elif parts := frame.split(item):
            if not frame.add(parts[0]):
                raise _too_large(item, frame)
            queue[0:0] = parts[1:]
        elif item is moved:
            raise _too_large(item, frame)
        else:
            moved = item
            queue[0:0] = [NEXT_PAGE, item]
    return [frame.placed for frame in frames]


def _carried(frame: Frame, lines: int) -> list[Flowable]:
    """What goes to the next page ahead of a group that must not start a page alone (the
    closing): the last ``lines`` lines of the paragraph placed last, or all of it when it
    cannot be split so (its head stays here)."""
    last = frame.take_last()
    if last is None:
        return []
    _, height = last.wrap(frame.width, _TALL)
    leading = getattr(getattr(last, "style", None), "leading", 0.0)
    parts = last.split(frame.width, height - lines * leading) if leading else []
    if len(parts) == 2 and frame.add(parts[0]):
        return [parts[1]]
    return [last]


def _open(group: Together, frame: Frame, later: Box) -> list[Flowable | _NextPage]:
    """The group's flowables, after a page break when it does not fit the rest of this page
    but this page's frame is smaller than the next one's (platypus's ``KeepTogether``)."""
    items: list[Flowable | _NextPage] = list(group.items)
    room = frame.room(group.items[0])
    if room <= 0:
        return [NEXT_PAGE, group]
    height, first = _stack(group.items, frame.width)
    too_tall = height > room
    if too_tall or first > room:
        if too_tall:  # unless this empty frame is as big as the next: it would not help
            page_break = not (frame.at_top and frame.width >= later[2] and frame.height >= later[3])
        else:
            page_break = later[2] >= frame.width and later[3] >= height
        if page_break:
            items.insert(0, NEXT_PAGE)
    return items


def _stack(items: Sequence[Flowable], width: float) -> tuple[float, float]:
    """The height of flowables stacked with their spaces merged, and the first one's height."""
    total = space_after = 0.0
    first: float | None = None
    at_top = True
    for item in items:
        _, height = item.wrap(width, _TALL)
        if first is None:
            first = height
        if height <= FUZZ:
            continue
        total += height
        if at_top:
            at_top = False
        else:
            total += max(item.getSpaceBefore() - space_after, 0)
        space_after = item.getSpaceAfter()
        total += space_after
    return total - space_after, first or 0.0


def _too_large(item: Flowable, frame: Frame) -> UserError:
    return UserError(
        f"a part of the letter ({type(item).__name__}) is too large for a page "
        f"({frame.width / mm(1):.0f} x {frame.height / mm(1):.0f} mm)",
        hint="shorten long words or lines in the text",
    )
