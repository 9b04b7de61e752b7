"""Planning a letter's pages: the story paginated, each page given its fixed pieces and label.

The one page assembler: whether one letter is written or ten thousand, a letter is planned
here and painted by :mod:`.draw`.
"""
from __future__ import annotations

from ..pdf import fonts
from ..pdf.frame import Placed
from ..pdf.units import to_mm
from .layout import Layout
from .paginate import first_box, later_box, paginate
from .plan import Header, LetterPlan, PagePlan, Rule, SetLine
from .resolve import Prepared
from .story import MakeParagraph, make_paragraph, story

HEADER_SIZE = 8.5  # pt: continuation header and page labels
LABEL_BELOW = 8.0  # mm: page 1's label sits this far below the text's bottom margin
HEADER_RULE_BELOW = 2.0  # mm: the rule under the continuation header
HEADER_RULE_WEIGHT = 0.3  # pt


def plan_letter(prep: Prepared, make: MakeParagraph = make_paragraph) -> LetterPlan:
    """Every page of the letter, planned."""
    layout = prep.layout
    texts = paginate(story(prep.content, prep.styles, make), first_box(layout),
                     later_box(layout))
    font = fonts.face(prep.typeface).regular
    total = len(texts)
    pages = []
    for number, placed in enumerate(texts, start=1):
        label = prep.content.page_words.format(page=number, pages=total) if total > 1 else ""
        pages.append(_page(layout, number, tuple(placed), label, prep.content.header, font,
                           prep))
    return LetterPlan(pages=tuple(pages), meta=prep.meta, day=prep.day, shift=prep.shift)


def _page(layout: Layout, number: int, placed: tuple[Placed, ...], label: str, header: str,
          font: str, prep: Prepared) -> PagePlan:
    right = layout.paper_width - layout.text.right
    if number == 1:
        at = _right_aligned(label, right, layout.paper_height - layout.text.bottom + LABEL_BELOW,
                            font) if label else None
        return PagePlan(layout.paper_width, layout.paper_height, prep.first, None, at, placed)
    top = layout.continuation_top
    head = Header(SetLine(header, layout.text.left, top, HEADER_SIZE, font),
                  Rule(layout.text.left, top + HEADER_RULE_BELOW, right - layout.text.left),
                  HEADER_RULE_WEIGHT)
    at = _right_aligned(label, right, top, font) if label else None
    return PagePlan(layout.paper_width, layout.paper_height, None, head, at, placed)


def _right_aligned(text: str, right: float, baseline: float, font: str) -> SetLine:
    return SetLine(text, right - to_mm(fonts.width(text, font, HEADER_SIZE)), baseline,
                   HEADER_SIZE, font)
