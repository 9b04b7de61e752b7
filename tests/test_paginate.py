"""Breaking a story into pages (letter.paginate), with flowables whose sizes are known."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Flowable

from letterpress.errors import UserError
from letterpress.letter.paginate import paginate
from letterpress.letter.story import Together

LINE = 10.0  # pt
PAGE = (0.0, 0.0, 100.0, 10 * LINE)  # a frame of ten lines


class Lines(Flowable):
    """A block of ``count`` lines that splits between lines, at least two on each side.

    Its slots make its objects a size of their own, so CPython gives a freed one's memory, and
    so its id, to the next one made (as it did to ReportLab's paragraphs in real letters)."""

    __slots__ = tuple(f"_unused{i}" for i in range(10))

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self.count * LINE

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        head = int(availHeight // LINE)
        if head < 2 or self.count - head < 2:
            return []
        rest = Lines(self.count - head)  # made first: the order a flowable makes its parts in
        return [Lines(head), rest]  # is its own business, and must not change the pages


def test_parts_split_and_moved_page_after_page_are_placed() -> None:
    """Each page ends one line short of a part's two lines, so every remaining part is moved to
    a new page, then split again there. The parts moved earlier are freed on the way and their
    ids given to new parts, which paginate took for parts it had already moved once: 'too large
    for a page' (intermittently, on a few long paragraphs of a real letter)."""
    pages = paginate([Lines(9), Lines(45)], PAGE, PAGE)
    assert [[placed.flowable.count for placed in page] for page in pages] == (
        [[9]] + [[10]] * 4 + [[5]]
    )
    assert [[round(placed.y) for placed in page] for page in pages] == ([[10]] + [[0]] * 4 + [[50]])


def test_a_part_that_fits_no_empty_page_is_refused() -> None:
    """A block that cannot be split and is taller than an empty page is too large."""

    class Solid(Lines):
        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            return []

    with pytest.raises(UserError, match=r"a part of the letter \(Solid\) is too large for a page"):
        paginate([Lines(3), Solid(11)], PAGE, PAGE)


class Paragraph(Lines):
    """Lines with a paragraph's style: its leading tells how tall two lines are."""

    class style:  # the attribute platypus paragraphs have
        leading = LINE


@pytest.mark.parametrize(
    "last,pages",
    [
        ((2, 6), [[2, 4], [2, 3]]),  # two lines of the paragraph go with the closing
        ((5, 3), [[5], [3, 3]]),  # one line cannot stay alone: the whole paragraph goes
    ],
)
def test_a_closing_that_must_move_takes_the_last_lines_along(
    last: tuple[int, int], pages: list
) -> None:
    closing = Together((Lines(3),), carry=2)
    placed = paginate([Paragraph(last[0]), Paragraph(last[1]), closing], PAGE, PAGE)
    assert [[p.flowable.count for p in page] for page in placed] == pages


def test_a_closing_after_a_page_filled_by_one_paragraph_starts_the_next_page() -> None:
    """Carrying lines back from a page that holds nothing else would not help."""
    closing = Together((Lines(3),), carry=2)
    placed = paginate([Paragraph(9), closing], PAGE, PAGE)
    assert [[p.flowable.count for p in page] for page in placed] == [[9], [3]]
