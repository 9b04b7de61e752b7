"""The one placer: where flowables go in a rectangular frame, filled from the top.

The arithmetic is platypus's ``Frame`` (space before a flowable is dropped at the top of the
frame and overlaps the space after the one above it), so text placed here lands exactly where a
platypus document would put it; but nothing is drawn. Letters and call sheets both place their
text with it; drawing reads the result.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from reportlab.platypus import Flowable

FUZZ = 1e-6  # pt: a flowable may end this far below the frame's bottom (as platypus allows)


class Placed(NamedTuple):
    """A flowable and where it goes: left x and bottom y in points, and the width it leaves
    unused in its frame (for right or centred alignment). ``form`` names the form XObject that
    shows it when the same flowable recurs in a document (see :mod:`.pages`).

    A named tuple, immutable as the plan's structs are and quick to make: a batch makes a dozen
    per letter."""

    flowable: Flowable
    x: float
    y: float
    spare: float = 0.0
    form: Hashable | None = None


class Frame:
    """A frame being filled: its box in points and the flowables placed so far."""

    def __init__(self, x: float, bottom: float, width: float, height: float) -> None:
        self.x = x
        self.bottom = bottom
        self.width = width
        self.height = height
        self.y = bottom + height  # where the next flowable's space before starts
        self.at_top = True
        self.space_above = 0.0  # the space after the flowable placed last
        self.placed: list[Placed] = []
        self._before: list[tuple[float, bool, float]] = []  # y, at_top, space_above per add

    def space_before(self, flowable: Flowable) -> float:
        """The space left above ``flowable`` here: none at the top, else what the space after
        the previous flowable does not already give."""
        if self.at_top:
            return 0.0
        return max(flowable.getSpaceBefore() - self.space_above, 0)

    def room(self, flowable: Flowable) -> float:
        """The height ``flowable`` may take here."""
        return self.y - self.bottom - self.space_before(flowable)

    def add(self, flowable: Flowable) -> bool:
        """Place ``flowable`` below the previous one; False (and nothing placed) when it does
        not fit."""
        space = self.space_before(flowable)
        room = self.y - self.bottom - space
        if room <= 0:
            return False
        width, height = flowable.wrap(self.width, room)
        height += space
        y = self.y - height
        if y < self.bottom - FUZZ:
            return False
        self.placed.append(Placed(flowable, self.x, y, self.width - width))
        self._before.append((self.y, self.at_top, self.space_above))
        after = flowable.getSpaceAfter()
        y -= after
        self.space_above = after
        if y != self.y:
            self.at_top = False
        self.y = y
        return True

    def take_last(self) -> Flowable | None:
        """Take back the flowable placed last (None when that would leave the frame empty:
        moving it to the next page would not help), as if it had not been placed."""
        if len(self.placed) < 2:
            return None
        self.y, self.at_top, self.space_above = self._before.pop()
        return self.placed.pop().flowable

    def split(self, flowable: Flowable) -> list[Flowable]:
        """``flowable`` split so that its first part fits here, or [] when it cannot be."""
        room = self.room(flowable)
        if room <= 0:
            return []
        parts: list[Flowable] = flowable.split(self.width, room)
        return parts
