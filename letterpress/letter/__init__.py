"""The letter engine: a letter file in, a print-ready window-envelope PDF out.

The stages, in order, one module each:

1. ``source.load_source``   read the TOML or JSON file
2. ``model.parse_letter``   validate it into a ``Letter``
3. ``resolve.resolve``      layout and language; address lines (``address``), the address field
                            (``addressfield``) and its window check (``window``); page 1's
                            furniture (``firstpage``); the wording of the flowing text
4. ``pages.plan_letter``    the story (``story``) broken into pages (``paginate``), every piece
                            of every page positioned (``plan``)
5. ``draw.draw_pdf``        the plan painted, deciding nothing
6. ``output``               written atomically

The stages are imported when first run, so that a module of this package (its layouts, say)
can be used without loading ReportLab.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pdf.shift import Shift
    from ..source import LetterInput
    from .context import RenderContext
    from .resolve import Prepared
    from .result import LetterResult


__all__ = ["build_letter", "prepare_letter", "render_letter"]


def prepare_letter(
    source: LetterInput,
    *,
    layout: str | None = None,
    when: date | None = None,
    strict_window: bool = False,
    context: RenderContext | None = None,
    shift: Shift | None = None,
    envelope: str | None = None,
) -> Prepared:
    """Stages 1-3: read, validate and resolve a letter, making every check that can refuse
    it before anything is drawn; ``shift`` is a printer's calibration (see ``calibrate``),
    ``envelope`` one of the layout's envelopes (default: the file's, else the layout's first)."""
    from .prepare import prepare_letter as prepare

    return prepare(
        source,
        layout=layout,
        when=when,
        strict_window=strict_window,
        context=context,
        shift=shift,
        envelope=envelope,
    )


def build_letter(prep: Prepared) -> tuple[bytes, int]:
    """Stages 4-5: lay out and draw a prepared letter; its PDF and page count."""
    from .draw import draw_pdf
    from .pages import plan_letter

    plan = plan_letter(prep)
    return draw_pdf(plan), len(plan.pages)


def render_letter(
    source: LetterInput,
    out: str | os.PathLike[str] | None = None,
    *,
    layout: str | None = None,
    when: date | None = None,
    strict_window: bool = False,
    shift: Shift | None = None,
    envelope: str | None = None,
    pdfa: bool = False,
) -> LetterResult:
    """Render a letter file (path or dict) to a PDF at ``out`` (written atomically); with
    ``out=None`` nothing is written and the bytes are in the result. ``shift`` moves every
    page's content by a printer's calibration; ``pdfa`` makes the PDF PDF/A-2b."""
    from ..output import write_bytes_atomic
    from .result import LetterResult

    prep = prepare_letter(
        source,
        layout=layout,
        when=when,
        strict_window=strict_window,
        shift=shift,
        envelope=envelope,
    )
    pdf, pages = build_letter(prep)
    if pdfa:
        from ..pdf.pdfa import to_pdfa

        pdf = to_pdfa(pdf)
    path = write_bytes_atomic(out, pdf) if out is not None else None
    return LetterResult(
        path=path,
        pages=pages,
        layout=prep.layout.name,
        window=prep.window,
        pdf=pdf,
        letter=prep.letter,
        address=prep.address,
        notices=prep.notices,
    )
