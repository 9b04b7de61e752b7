"""ReportLab document set-up shared by letters and call sheets: deterministic, atomic output."""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .textout import Encoder, QuickText


class _FixedTime:
    """Stand-in for ReportLab's TimeStamp: the document's date at 00:00 UTC."""

    def __init__(self, when: date) -> None:
        self.t = float(calendar.timegm(when.timetuple()))
        self.lt = time.gmtime(self.t)
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


class QuickCanvas(Canvas):
    """A ReportLab canvas whose text objects encode known characters in one step
    (see :mod:`.textout`); it writes the same bytes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._lp_encoders: dict[str, Encoder] = {}  # per font, for this canvas's document
        super().__init__(*args, **kwargs)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> QuickText:
        """A fresh text object, as ``Canvas.beginText`` makes it."""
        return QuickText(self, x, y, direction=direction)


def canvas_maker(when: date) -> Any:
    """A canvas factory for platypus whose output depends only on content and ``when``.

    Its initial font is the bundled sans (embedded when used), not ReportLab's default
    Helvetica, which the page preamble would otherwise select and list, unembedded, in every
    PDF: print shops' preflight rejects a document with a font that is not embedded."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        kwargs["invariant"] = 1
        kwargs.setdefault("initialFontName", fonts.face("sans").regular)
        canv = QuickCanvas(*args, **kwargs)
        canv._doc._timeStamp = _FixedTime(when)  # creation date = the letter's date
        return canv

    return make


@contextmanager
def plain_flate() -> Iterator[None]:
    """Streams compressed with Flate alone while inside: ReportLab's ASCII85 layer only adds
    a quarter to their size, and a merged batch has thousands of them."""
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        yield
    finally:
        rl_config.useA85 = saved
