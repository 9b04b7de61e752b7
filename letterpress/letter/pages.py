"""Planning a letter's pages: the story paginated, each page given its fixed pieces and label.

The one page assembler: whether one letter is written or ten thousand, a letter is planned
here and painted by :mod:`.draw`.
"""

from __future__ import annotations

from ..errors import UserError, in_input
from ..pdf import fonts
from ..pdf.frame import Placed
from ..pdf.units import to_mm
from .layout import Layout
from .paginate import first_box, later_box, paginate
from .plan import Header, LetterPlan, PagePlan, Rule, SetLine
from .resolve import Prepared
from .story import MakeParagraph, make_paragraph, story


def plan_letter(prep: Prepared, make: MakeParagraph = make_paragraph) -> LetterPlan:
    """Every page of the letter, planned."""
    layout = prep.layout
    try:
        texts = paginate(
            story(prep.content, prep.styles, make), first_box(layout), later_box(layout)
        )
    except UserError as exc:  # laid out from the plan, which names no file
        raise in_input(exc, prep.where) from None
    font = fonts.face(prep.typeface).regular
    total = len(texts)
    pages = []
    for number, placed in enumerate(texts, start=1):
        label = prep.content.page_words.format(page=number, pages=total) if total > 1 else ""
        pages.append(_page(layout, number, tuple(placed), label, prep.content.header, font, prep))
    return LetterPlan(pages=tuple(pages), meta=prep.meta, day=prep.day, shift=prep.shift)


def _page(
    layout: Layout,
    number: int,
    placed: tuple[Placed, ...],
    label: str,
    header: str,
    font: str,
    prep: Prepared,
) -> PagePlan:
    right = layout.paper_width - layout.text.right
    kind = layout.type
    size = kind.header_size
    if number == 1:
        at = (
            _right_aligned(
                label,
                right,
                layout.paper_height - layout.text.bottom + kind.label_below,
                font,
                size,
            )
            if label
            else None
        )
        return PagePlan(layout.paper_width, layout.paper_height, prep.first, None, at, placed)
    top = layout.continuation_top
    head = Header(
        SetLine(header, layout.text.left, top, size, font),
        Rule(layout.text.left, top + kind.header_rule_below, right - layout.text.left),
        kind.header_rule_weight,
        kind.grey,
    )
    at = _right_aligned(label, right, top, font, size) if label else None
    return PagePlan(layout.paper_width, layout.paper_height, None, head, at, placed)


def _right_aligned(text: str, right: float, baseline: float, font: str, size: float) -> SetLine:
    return SetLine(text, right - to_mm(fonts.width(text, font, size)), baseline, size, font)
