"""Many pages on one shared canvas: fonts embedded once, repeated content drawn once as form
XObjects, and every page after the first kept as a bare content stream ("loose page").

ReportLab spends more time formatting a page's objects than drawing a letter's few lines, so
only the first page of a shared canvas becomes a ReportLab page object; :mod:`.merge` writes
the loose pages' dictionaries, pointing at the resources the first page shares. This is the
only module that reaches into ReportLab's internals; it keeps to what a page drawn by the
public API leaves behind, and falls back to real pages for anything else.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from .canvas import canvas_maker

if TYPE_CHECKING:
    from .merge import LoosePage


class _QuickForm(pdfdoc.PDFFormXObject):
    """A form XObject written in one step, Flate-compressed, with the shared resources.

    ReportLab builds each form's dictionary from objects and formats them one by one, and
    leaves the stream uncompressed; a chunk's hundred paragraph forms cost it more time than
    the pages. The bytes mean the same: bounding box, identity matrix, resources, content."""

    def __init__(self, form: Any) -> None:
        self.__dict__.update(form.__dict__)

    def format(self, document: Any) -> bytes:
        content = document.encrypt.encode(zlib.compress(pdfdoc.pdfdocEnc(self.stream)))
        resources = pdfdoc.format(self.Resources, document)
        head = (
            b"<< /BBox [ %s ] /Filter /FlateDecode /FormType 1 /Length %d "
            b"/Matrix [ 1 0 0 1 0 0 ] /Resources %s /Subtype /Form /Type /XObject >>"
            % (fp_str(*self.BBoxList()).encode(), len(content), resources)
        )
        return head + b"\nstream\n" + content + b"\nendstream\n"


class SharedPages:
    """A document of many pages drawn on one canvas; forms are drawn once and then shown."""

    def __init__(self, when: date) -> None:
        self._buffer = io.BytesIO()
        self.canvas: Canvas = canvas_maker(when)(self._buffer)
        self._forms: dict[Hashable, str] = {}
        self._pages: list[Any] = []
        self._loose: list[LoosePage] = []
        self._loose_forms: set[str] = set()
        self._can_loosen = True  # False once a page needs resources of its own
        self.count = 0

    def form(
        self,
        key: Hashable,
        prefix: str,
        draw: Callable[[Canvas], None],
        bbox: tuple[float, float, float, float] | None = None,
    ) -> str:
        """The name of the form for ``key``, drawn by ``draw`` the first time."""
        name = self._forms.get(key)
        if name is None:
            name = self._forms[key] = f"{prefix}{len(self._forms)}"
            if bbox is None:
                self.canvas.beginForm(name)
            else:
                self.canvas.beginForm(name, *bbox)
            draw(self.canvas)
            self.canvas.endForm()
        return name

    def show_form(self, name: str, x: float, y: float) -> None:
        """Show a form with its origin at (x, y): what ``Flowable.drawOn`` writes for it (save,
        move, show, restore), without the canvas's state bookkeeping, which nothing between
        save and restore changes."""
        canv = self.canvas
        canv._code.append(
            f"q\n{fp_str(1, 0, 0, 1, x, y)} cm\n/{canv._doc.getXObjectName(name)} Do\nQ"
        )
        canv._formsinuse.append(name)

    def end_page(self) -> None:
        """Finish the current page: kept loose when it can be, else a real page."""
        plain = self._plain_page()
        if self._pages and self._can_loosen and plain:
            self._loose.append(self._take_page())
        elif self._loose:  # it would land before the loose pages: the caller starts over
            raise RuntimeError("a page needing resources of its own after loose pages")
        else:
            self._can_loosen = self._can_loosen and plain
            self.canvas.showPage()
            self._pages.append(self.canvas._doc.Pages.pages[-1])
        self.count += 1

    def _plain_page(self) -> bool:
        """The page needs nothing but the shared fonts and forms (no links, transparency,
        spot colours, shadings, rotation or transitions)."""
        canv = self.canvas
        return not (
            canv._annotationrefs
            or canv._extgstate.getState()
            or canv._colorsUsed
            or canv._shadingUsed
            or canv._pageRotation
            or canv._pageTransition
            or canv._pageDuration is not None
            or canv._cropMarks
            or canv._psCommandsBeforePage
            or canv._psCommandsAfterPage
        )

    def _take_page(self) -> LoosePage:
        """End the page as ``Canvas.showPage`` does, keeping its content stream for the
        merge instead of making ReportLab page objects."""
        from .merge import LoosePage  # only a batch has loose pages: one letter never loads it

        canv = self.canvas
        code = [canv._preamble, *canv._code, " "]
        content = zlib.compress(("\n".join(code) + "\n").encode("utf8"))
        self._loose_forms.update(canv._formsinuse)
        width, height = canv._pagesize
        canv._startPage()
        return LoosePage(content, width, height)

    def finish(self) -> tuple[bytes | None, list[LoosePage]]:
        """The PDF of the first page (and any page that could not be loose) with the shared
        resources, and the loose pages that follow it; (None, []) if nothing was drawn."""
        if not self.count:
            return None, []
        self._share_resources()
        self.canvas.save()
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
            xobjects.update(self.canvas._doc.xobjDict(sorted(self._loose_forms)).dict)
        if not shared:
            return
        resources = pdfdoc.PDFResourceDictionary()
        resources.basicFonts()
        resources.allProcs()
        resources.XObject = xobjects
        doc = self.canvas._doc
        reference = doc.Reference(resources)
        for page in shared:
            page.Resources = reference
            page.Trans = None  # an empty transition dictionary says nothing
        for key, item in list(doc.idToObject.items()):
            if (
                type(item) is pdfdoc.PDFFormXObject
                and not item.Resources
                and not item.Annots
                and not item.XObjects
                and item.stream
            ):
                item.Resources = reference
                doc.idToObject[key] = _QuickForm(item)
