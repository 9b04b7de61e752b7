"""The letter as data: every piece of every page positioned, for ``draw`` to paint.

Positions of fixed pieces are millimetres from the sheet's top-left corner (as the layout files
give them); flowing text is placed in points by :mod:`letterpress.pdf.frame`.
"""

from __future__ import annotations

from datetime import date

from msgspec import Struct

from ..notices import Notice
from ..pdf.document import DocumentInfo
from ..pdf.frame import Placed
from ..pdf.shift import Shift
from .layout import Rect

RULE_WEIGHT = 0.3  # pt: the hairline under the return line


class SetLine(Struct, frozen=True):
    """A line of text placed on the sheet: left x and baseline in mm, size in pt."""

    text: str
    x: float
    baseline: float
    size: float
    font: str


class Rule(Struct, frozen=True):
    """A hairline from (x, y) to the right, in mm."""

    x: float
    y: float
    length: float


class AddressField(Struct, frozen=True):
    """Everything printed in the address field, positioned."""

    return_line: SetLine | None
    notes: tuple[SetLine, ...]
    address: tuple[SetLine, ...]
    block: Rect  # the address block's ink (its glyphs' outlines)
    size: float
    rule: Rule | None = None  # the hairline under the return line
    notices: tuple[Notice, ...] = ()  # lines shortened, left out or longer than the post asks


class Mark(Struct, frozen=True):
    """A short horizontal line at the left edge: y from the top, x and length in mm."""

    y: float
    x: float
    length: float
    kind: str  # "fold" or "punch"


class FirstPage(Struct, frozen=True):
    """Everything fixed on page 1, positioned in mm."""

    lines: tuple[SetLine, ...]
    rules: tuple[Rule, ...]
    marks: tuple[Mark, ...]
    address: AddressField
    mark_weight: float  # pt
    rule_weight: float  # pt
    grey: float  # the marks' and rules' grey (0 black, 1 white)
    # the letterhead's, information block's and date line's extents, by name: pairs, so that
    # the plan stays hashable like every frozen value type
    extents: tuple[tuple[str, Rect], ...] = ()


class Header(Struct, frozen=True):
    """The header of a continuation page: recipient and date, page label, rule below."""

    text: SetLine
    rule: Rule
    rule_weight: float  # pt
    grey: float  # the rule's grey


class PagePlan(Struct, frozen=True):
    """One page: its size in mm, its fixed pieces (page 1's furniture, or a continuation
    header), its page label ("Page 2 of 3", absent on a one-page letter) and its text."""

    width: float
    height: float
    first: FirstPage | None
    header: Header | None
    label: SetLine | None
    text: tuple[Placed, ...]


class LetterPlan(Struct, frozen=True):
    """A whole letter, page by page, and the document facts its PDF carries."""

    pages: tuple[PagePlan, ...]
    meta: DocumentInfo  # title, author, language: what the PDF says about itself
    day: date  # the PDF's creation date
    shift: Shift | None = None  # a printer's calibration, applied to every page when drawn
