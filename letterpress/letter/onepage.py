"""One-page letters drawn straight onto a shared canvas: the batch's fast path.

Platypus's document machinery (page templates, frame switching, keep-together and widow
rules, "Page n of N") matters only when a letter's text runs past page 1. Most letters of a
mail merge fit on one page. For them, ``place`` wraps each paragraph and computes where a
platypus ``Frame`` would put it (the same arithmetic as ``Frame._add``: space before is
dropped at the top of the frame and overlaps the previous space after); ``OnePageLetters``
then draws page 1's furniture and the paragraphs at those positions. A letter that does not
fit on page 1 is refused (``add`` returns False) and left to ``compose.build_pdf``.

Only the first page of the shared canvas becomes a ReportLab page object. Every later page
is taken from the canvas as its content stream alone (``LoosePage``): ReportLab spends more
time formatting a page's objects than drawing a letter's few lines, and the merge writes
each loose page's dictionary itself, pointing at the resources the first page shares.

The result is the same drawing as ``compose.build_letters`` makes; a test compares the two.
"""
from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer
from reportlab.platypus.frames import _FUZZ

from ..pdf.merge import LoosePage
from .compose import LetterParts, _Reused, draw_first_shared, first_frame_box, flowables, reusing
from .layout import Layout
from ..pdf.canvas import canvas_maker
from ..pdf.units import mm

# What ``place`` knows how to put in a frame; anything else takes the platypus path.
_SIMPLE = (Paragraph, _Reused, Spacer, Image)
Placed = list[tuple[Flowable, float, float, float]]  # flowable, x, y, spare width


def _flat(story: list[Flowable]) -> Iterator[Flowable]:
    """The story with keep-together groups opened: on a page that holds everything they
    change nothing."""
    for item in story:
        if isinstance(item, KeepTogether):
            yield from _flat(item._content)
        else:
            yield item


def place(story: list[Flowable], layout: Layout) -> Placed | None:
    """Each flowable's position in page 1's frame, or None when the story does not fit (or
    holds something other than paragraphs, spacers and images)."""
    x, bottom, width, height = first_frame_box(layout)
    y = bottom + height
    at_top, space_after = True, 0.0
    placed: Placed = []
    for item in _flat(story):
        if not isinstance(item, _SIMPLE):
            return None
        space = 0.0 if at_top else max(item.getSpaceBefore() - space_after, 0.0)
        room = y - bottom - space
        if room <= 0:
            return None
        w, h = item.wrap(width, room)
        top_y = y - h - space
        if top_y < bottom - _FUZZ:
            return None
        placed.append((item, x, top_y, width - w))
        space_after = item.getSpaceAfter()
        next_y = top_y - space_after
        if next_y != y:
            at_top = False
        y = next_y
    return placed


class _QuickForm(pdfdoc.PDFFormXObject):
    """A form XObject written in one step, Flate-compressed, with the shared resources.

    ReportLab builds each form's dictionary from objects and formats them one by one, and
    leaves the stream uncompressed; a chunk's hundred paragraph forms cost it more time than
    the pages. The bytes mean the same: bounding box, identity matrix, resources, content."""

    def format(self, document: Any) -> bytes:
        content = document.encrypt.encode(zlib.compress(pdfdoc.pdfdocEnc(self.stream)))
        resources = pdfdoc.format(self.Resources, document)
        head = (b"<< /BBox [ %s ] /Filter /FlateDecode /FormType 1 /Length %d "
                b"/Matrix [ 1 0 0 1 0 0 ] /Resources %s /Subtype /Form /Type /XObject >>"
                % (fp_str(*self.BBoxList()).encode(), len(content), resources))
        return head + b"\nstream\n" + content + b"\nendstream\n"


def _show_form(canv: Any, name: str, x: float, y: float) -> None:
    """What ``drawOn`` writes for a form at (x, y) (save, move, show, restore), without
    the canvas's state bookkeeping, which nothing between save and restore changes."""
    canv._code.append(f"q\n{fp_str(1, 0, 0, 1, x, y)} cm\n/{canv._doc.getXObjectName(name)} Do\nQ")
    canv._formsinuse.append(name)


class OnePageLetters:
    """Many one-page letters in one PDF: fonts embedded once, what repeats (page furniture,
    paragraphs seen before) drawn once as form XObjects and then only placed."""

    def __init__(self, when: Any) -> None:
        self._buffer = io.BytesIO()
        self._canvas = canvas_maker(when)(self._buffer)
        self._forms: dict[Any, str] = {}
        self._make = reusing(self._forms)
        self._pages: list[pdfdoc.PDFPage] = []
        self._loose: list[LoosePage] = []
        self._loose_forms: set[str] = set()
        self._can_loosen = True  # False once a page needs resources of its own
        self._uses: Counter[Any] = Counter()
        self.count = 0

    def fits(self, letter: LetterParts) -> Placed | None:
        """Where the letter's text goes on page 1, or None if it needs more pages. Draws
        nothing, so a failure here leaves the document intact.

        Call it for every letter before drawing any: a paragraph that more than one of them
        shows is then drawn once, as a form; one shown once is drawn in place."""
        placed = place(flowables(letter.content, letter.styles, self._make), letter.layout)
        for item, *_ in placed or ():
            if isinstance(item, _Reused):
                self._uses[item.key] += 1
        return placed

    def draw(self, letter: LetterParts, placed: Placed) -> None:
        """Page 1 of the letter, its text where ``fits`` placed it."""
        canv = self._canvas
        canv.setPageSize((mm(letter.layout.paper_width), mm(letter.layout.paper_height)))
        draw_first_shared(canv, self._forms, letter.layout, letter.first, letter.typeface)
        for item, x, y, spare in placed:
            if isinstance(item, _Reused) and self._uses[item.key] > 1:
                _show_form(canv, item.form(canv), x, y)
            elif isinstance(item, _Reused):  # shown once in this chunk: no form
                item.laid_out.drawOn(canv, x, y, _sW=spare)
            else:
                item.drawOn(canv, x, y, _sW=spare)
        plain = self._plain_page()
        if self._pages and self._can_loosen and plain:
            self._loose.append(self._take_page())
        elif self._loose:  # it would land before the loose pages: the caller starts over
            raise RuntimeError("a page needing resources of its own after loose pages")
        else:
            self._can_loosen = self._can_loosen and plain
            canv.showPage()
            self._pages.append(canv._doc.Pages.pages[-1])
        self.count += 1

    def _plain_page(self) -> bool:
        """The page needs nothing but the shared fonts and forms (no links, transparency,
        spot colours, shadings, rotation or transitions)."""
        canv = self._canvas
        return not (canv._annotationrefs or canv._extgstate.getState() or canv._colorsUsed
                    or canv._shadingUsed or canv._pageRotation or canv._pageTransition
                    or canv._pageDuration is not None or canv._cropMarks
                    or canv._psCommandsBeforePage or canv._psCommandsAfterPage)

    def _take_page(self) -> LoosePage:
        """End the page as ``Canvas.showPage`` does, keeping its content stream for the
        merge instead of making ReportLab page objects."""
        canv = self._canvas
        code = [canv._preamble, *canv._code, " "]
        content = zlib.compress(("\n".join(code) + "\n").encode("utf8"))
        self._loose_forms.update(canv._formsinuse)
        width, height = canv._pagesize
        canv._startPage()
        return LoosePage(content, width, height)

    def finish(self) -> tuple[bytes | None, list[LoosePage]]:
        """The PDF of the first page (and any page that could not be loose) with the shared
        resources, and the loose pages that follow it; (None, []) if nothing was added."""
        if not self.count:
            return None, []
        self._share_resources()
        self._canvas.save()
        return self._buffer.getvalue(), self._loose

    def _share_resources(self) -> None:
        """One resource dictionary (fonts, forms) for all pages and forms, written once:
        ReportLab otherwise writes each page's and each form's own, and formatting them costs
        more than the drawing. Pages with graphics states, shadings or spot colours keep
        their own."""
        shared: list[Any] = []
        xobjects: dict[str, Any] = {}
        for page in self._pages:
            if page.ExtGState or page._colorsUsed or page._shadingUsed:
                continue
            if page.XObjects:
                xobjects.update(page.XObjects.dict)
            shared.append(page)
        if self._loose_forms:
            xobjects.update(self._canvas._doc.xobjDict(sorted(self._loose_forms)).dict)
        if not shared:
            return
        resources = pdfdoc.PDFResourceDictionary()
        resources.basicFonts()
        resources.allProcs()
        resources.XObject = xobjects
        doc = self._canvas._doc
        reference = doc.Reference(resources)
        for page in shared:
            page.Resources = reference
            page.Trans = None  # an empty transition dictionary says nothing
        for item in list(doc.idToObject.values()):
            if type(item) is pdfdoc.PDFFormXObject and not item.Resources and not item.Annots \
                    and not item.XObjects and item.stream:
                item.Resources = reference
                item.__class__ = _QuickForm
