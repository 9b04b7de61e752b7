"""Platypus composition of a letter: styles, flowables, page templates and page drawing."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence
from typing import Any, BinaryIO, Protocol

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, Image, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer)
from reportlab.platypus.doctemplate import ActionFlowable

from ..pdf import fonts
from .addressfield import SetLine
from .firstpage import FirstPage
from .layout import Layout
from .markup import blocks, escape
from ..pdf.canvas import canvas_maker, plain_flate
from ..pdf.units import mm

GREY = Color(0.35, 0.35, 0.35)
HEADER_SIZE = 8.5


@dataclass(frozen=True)
class Content:
    """The letter's flowing text, resolved to plain strings (markup only in ``body``)."""

    subject: str
    opening: str
    body: str
    closing: str
    signature: str
    signature_image: Path | None
    enclosures_label: str
    enclosures: tuple[str, ...]
    cc_label: str
    cc: tuple[str, ...]
    reference_line: str  # used where the layout has no information block
    header: str  # continuation header: recipient and date
    page_words: str  # "Page {page} of {pages}"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    subject: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle


def styles(layout: Layout, typeface: str, hyphenation: Any) -> Styles:
    face = fonts.face(typeface)
    size, leading = layout.text.size, layout.text.leading
    body = ParagraphStyle(
        "body", fontName=face.regular, fontSize=size, leading=leading, alignment=TA_LEFT,
        spaceAfter=leading * 0.75, allowWidows=0, allowOrphans=0,
        hyphenationLang=hyphenation, embeddedHyphenation=1, uriWasteReduce=0.3,
    )
    return Styles(
        body=body,
        subject=ParagraphStyle("subject", parent=body, fontName=face.bold,
                               spaceAfter=leading * 1.5, hyphenationLang=""),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=mm(5), bulletIndent=mm(1),
                              spaceAfter=leading * 0.25),
        small=ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=leading - 2,
                             spaceAfter=2, hyphenationLang=""),
    )


def flowables(content: Content, st: Styles, make: Any = Paragraph) -> list[Flowable]:
    """The letter's flowing part, in reading order, with keep-together rules.

    ``make`` builds each paragraph (the batch passes one that reuses repeated paragraphs).
    """
    story: list[Flowable] = []
    if content.reference_line:
        story.append(make(escape(content.reference_line), st.small))
        story.append(Spacer(1, st.body.leading * 0.5))
    story.append(make(escape(content.subject), st.subject))
    story.append(make(escape(content.opening), st.body))
    parts = blocks(content.body)
    if any("<i>" in block.markup for block in parts):
        fonts.italics(st.body.fontName)
    for i, block in enumerate(parts):
        style = st.bullet if block.bullet else st.body
        if block.bullet and i + 1 < len(parts) and not parts[i + 1].bullet:
            style = ParagraphStyle("bullet-last", parent=st.bullet, spaceAfter=st.body.spaceAfter)
        story.append(make(block.markup, style,
                               bulletText="\u2022" if block.bullet else None))
    sign: list[Flowable] = [make(escape(content.closing), st.body)]
    if content.signature_image is not None:
        sign.append(_signature_image(content.signature_image))
    else:
        sign.append(Spacer(1, st.body.leading * 2))
    sign.append(make(escape(content.signature), st.body))
    story.append(KeepTogether(sign))
    if content.enclosures:
        items = "<br/>".join(escape(e) for e in content.enclosures)
        story.append(KeepTogether([Spacer(1, st.body.leading * 0.5),
                                   make(f"<b>{escape(content.enclosures_label)}</b><br/>"
                                             f"{items}", st.small)]))
    if content.cc:
        story.append(make(f"<b>{escape(content.cc_label)}</b> "
                               f"{escape(', '.join(content.cc))}", st.small))
    return story


def _signature_image(path: Path) -> Image:
    image = Image(str(path))
    height = mm(15)
    image.drawWidth = image.imageWidth * height / image.imageHeight
    image.drawHeight = height
    image.hAlign = "LEFT"
    return image


def _draw_line(canv: Any, line: SetLine, page_height: float) -> None:
    canv.setFont(line.font, line.size)
    canv.drawString(mm(line.x), mm(page_height - line.baseline), line.text)


def draw_fixed(canv: Any, layout: Layout, first: FirstPage) -> None:
    """Page 1's marks, letterhead, info block or date line and return line."""
    height = layout.paper_height
    canv.setLineWidth(0.4)
    canv.setStrokeColor(GREY)
    for mark in first.marks:
        y = mm(height - mark.y)
        canv.line(mm(mark.x), y, mm(mark.x + mark.length), y)
    canv.setLineWidth(0.3)
    for x, y, length in first.rules:
        canv.line(mm(x), mm(height - y), mm(x + length), mm(height - y))
    canv.setFillColor(Color(0, 0, 0))
    for line in first.lines:
        _draw_line(canv, line, height)
    if first.address.return_line:
        _draw_line(canv, first.address.return_line, height)


def draw_varying(canv: Any, layout: Layout, first: FirstPage, typeface: str,
                 page_label: str = "") -> None:
    """Page 1's notes, address and (for letters of more than one page) page label."""
    address, height = first.address, layout.paper_height
    lines = [*address.notes, *address.address]
    if lines:  # one text object for the block: fewer operators than a drawString each
        text = canv.beginText()
        font = None
        for line in lines:
            if (line.font, line.size) != font:
                font = (line.font, line.size)
                text.setFont(line.font, line.size)
            text.setTextOrigin(mm(line.x), mm(height - line.baseline))
            text.textOut(line.text)
        canv.drawText(text)
    if page_label:
        canv.setFont(fonts.face(typeface).regular, HEADER_SIZE)
        canv.drawRightString(mm(layout.paper_width - layout.text.right),
                             mm(layout.text.bottom) - mm(8), page_label)


def draw_first_shared(canv: Any, forms: dict[Any, str], layout: Layout, first: FirstPage,
                      typeface: str, page_label: str = "") -> None:
    """Page 1 of one letter among many: what repeats from letter to letter (marks,
    letterhead, info block) is a form XObject drawn once per document and shown on every
    page 1; only the address and page label are drawn anew."""
    key = (layout.paper_height, first.marks, first.rules, first.lines, first.address.return_line)
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"LPfixed{len(forms)}"
        canv.beginForm(name)
        draw_fixed(canv, layout, first)
        canv.endForm()
    canv.saveState()
    canv.doForm(name)
    canv.setFillColor(Color(0, 0, 0))
    draw_varying(canv, layout, first, typeface, page_label)
    canv.restoreState()


def first_frame_box(layout: Layout) -> tuple[float, float, float, float]:
    """Page 1's text frame in points: left, bottom, width, height (below the subject line)."""
    bottom = mm(layout.text.bottom)
    return (mm(layout.text.left), bottom, mm(layout.text_width),
            mm(layout.paper_height) - mm(layout.subject_y) - bottom)


class LetterDoc(BaseDocTemplate):
    """First-page and continuation-page templates over one layout."""

    def __init__(self, out: BinaryIO, layout: Layout, first: FirstPage, content: Content,
                 typeface: str, total_pages: int | None, **meta: Any) -> None:
        self.layout = layout
        self.first = first
        self.content = content
        self.typeface = typeface
        self.total_pages = total_pages
        self.start_page = 1  # the document page on which the current letter starts
        width, height = mm(layout.paper_width), mm(layout.paper_height)
        super().__init__(out, pagesize=(width, height), **meta)
        self.addPageTemplates(self._templates(layout, "first", "later"))

    def _templates(self, layout: Layout, first: str, later: str) -> list[PageTemplate]:
        height = mm(layout.paper_height)
        left, text_width = mm(layout.text.left), mm(layout.text_width)
        bottom = mm(layout.text.bottom)
        first_frame = Frame(*first_frame_box(layout), leftPadding=0, rightPadding=0,
                            topPadding=0, bottomPadding=0, id="first")
        later_frame = Frame(left, bottom, text_width,
                            height - mm(layout.continuation_text_top) - bottom,
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                            id="later")
        size = (mm(layout.paper_width), height)
        return [
            PageTemplate(first, [first_frame], onPage=self._draw_first, autoNextPageTemplate=later,
                         pagesize=size),
            PageTemplate(later, [later_frame], onPage=self._draw_later, pagesize=size),
        ]

    def _page_label(self, page: int) -> str:
        assert self.total_pages
        return self.content.page_words.format(page=page, pages=self.total_pages)

    def _draw_first(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        self._draw_fixed(canv)
        self._draw_varying(canv)
        canv.restoreState()

    def _draw_fixed(self, canv: Any) -> None:
        draw_fixed(canv, self.layout, self.first)

    def _draw_varying(self, canv: Any) -> None:
        label = self._page_label(1) if self.total_pages and self.total_pages > 1 else ""
        draw_varying(canv, self.layout, self.first, self.typeface, label)

    def _draw_later(self, canv: Any, doc: Any) -> None:
        layout = self.layout
        canv.saveState()
        face = fonts.face(self.typeface)
        y = mm(layout.paper_height - layout.continuation_top)
        canv.setFont(face.regular, HEADER_SIZE)
        canv.drawString(mm(layout.text.left), y, self.content.header)
        if self.total_pages:
            canv.drawRightString(mm(layout.paper_width - layout.text.right), y,
                                 self._page_label(doc.page - self.start_page + 1))
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.3)
        canv.line(mm(layout.text.left), y - mm(2), mm(layout.paper_width - layout.text.right),
                  y - mm(2))
        canv.restoreState()


def build_pdf(layout: Layout, first: FirstPage, content: Content, st: Styles, typeface: str,
              meta: dict[str, Any], when: Any) -> tuple[bytes, int]:
    """Lay out and draw the letter; returns the PDF bytes and the page count.

    Single-page letters are laid out once; longer ones a second time, now knowing the total
    for "Page 2 of 3".
    """
    total: int | None = None
    for _ in range(2):
        buffer = io.BytesIO()
        doc = LetterDoc(buffer, layout, first, content, typeface, total, **meta)
        doc.build(flowables(content, st), canvasmaker=canvas_maker(when))
        pages = doc.page
        if pages == 1 or total == pages:
            return buffer.getvalue(), pages
        total = pages
    return buffer.getvalue(), pages


class _Reused(Flowable):
    """A paragraph that recurs across the letters of one document (same text, style and
    width): laid out once, drawn once as a form XObject, then only placed."""

    _layouts: dict[tuple[Any, ...], tuple[Paragraph, float, float]] = {}

    def __init__(self, para: Paragraph, forms: dict[Any, str]) -> None:
        super().__init__()
        self.para = para
        self.forms = forms
        self.key: tuple[Any, ...] = ()
        for name in ("spaceBefore", "spaceAfter", "keepWithNext"):
            setattr(self, name, getattr(para, name, 0))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.key = (self.para.text, id(self.para.style), self.para.bulletText, avail_width)
        known = self._layouts.get(self.key)
        if known is None or known[0].style is not self.para.style:
            laid_out = self._fresh()  # its own copy: the shared one may be split elsewhere
            width, height = laid_out.wrap(avail_width, avail_height)
            known = self._layouts[self.key] = (laid_out, width, height)
            if len(self._layouts) > 4096:  # a bound, in case every text differs
                self._layouts.clear()
        self.laid_out, self.width, self.height = known
        return self.width, self.height

    def _fresh(self) -> Paragraph:
        return Paragraph(self.para.text, self.para.style, bulletText=self.para.bulletText)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._fresh().split(avail_width, avail_height)

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        canv = self.canv
        canv.doForm(self.form(canv))

    def form(self, canv: Any) -> str:
        """The name of the form showing this paragraph, drawn first if need be."""
        name = self.forms.get(self.key)
        if name is None:
            name = self.forms[self.key] = f"LPpara{len(self.forms)}"
            canv.beginForm(name, -self.width, -self.height, 2 * self.width, 2 * self.height)
            self.laid_out.drawOn(canv, 0, 0)
            canv.endForm()
        return name


_SHARED: dict[tuple[str, int, str | None], Paragraph] = {}


def reusing(forms: dict[Any, str]) -> Any:
    """A paragraph factory for ``flowables``: a text and style seen before in this process
    comes back as ``_Reused`` (no parsing, no line breaking, drawn as a form)."""

    def make(text: str, style: ParagraphStyle, bulletText: str | None = None) -> Flowable:
        key = (text, id(style), bulletText)
        para = _SHARED.get(key)
        if para is not None and para.style is style:
            return _Reused(para, forms)
        if len(_SHARED) > 4096:
            _SHARED.clear()
        para = _SHARED[key] = Paragraph(text, style, bulletText=bulletText)
        return para

    return make


class LetterParts(Protocol):
    """What one letter brings to a shared document (``letter.PreparedLetter`` has it all)."""

    layout: Layout
    first: FirstPage
    content: Content
    styles: Styles
    typeface: str


class _StartLetter(ActionFlowable):
    """Switches the document to the next letter; the page break after it starts its page 1."""

    def __init__(self, index: int) -> None:
        super().__init__(("startLetter", index))


class LettersDoc(LetterDoc):
    """Many letters in one document: each starts on a new page with its own page-1 furniture,
    its own "Page n of N" and its layout's page templates; fonts are embedded once."""

    def __init__(self, out: BinaryIO, letters: Sequence[LetterParts],
                 totals: Sequence[int | None], **meta: Any) -> None:
        self.letters = letters
        self.totals = totals
        self.starts: list[int] = []
        one = letters[0]
        super().__init__(out, one.layout, one.first, one.content, one.typeface, totals[0],
                         **meta)
        self.template_names: dict[Layout, str] = {one.layout: "first"}
        for part in letters:
            if part.layout not in self.template_names:
                n = len(self.template_names)
                self.addPageTemplates(self._templates(part.layout, f"first{n}", f"later{n}"))
                self.template_names[part.layout] = f"first{n}"
        self.forms: dict[Any, str] = {}  # drawn once per document, shown with doForm
        self.handle_startLetter(0)

    def _draw_first(self, canv: Any, doc: Any) -> None:
        label = self._page_label(1) if self.total_pages and self.total_pages > 1 else ""
        draw_first_shared(canv, self.forms, self.layout, self.first, self.typeface, label)

    def handle_startLetter(self, index: int) -> None:
        part = self.letters[index]
        self.layout, self.first, self.content = part.layout, part.first, part.content
        self.typeface, self.total_pages = part.typeface, self.totals[index]
        self.start_page = self.page + 1 if index else 1
        self.starts.append(self.start_page)

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for index, part in enumerate(self.letters):
            if index:
                story += [_StartLetter(index),
                          NextPageTemplate(self.template_names[part.layout]), PageBreak()]
            story += flowables(part.content, part.styles, reusing(self.forms))
        return story

    def page_counts(self) -> list[int]:
        ends = [*self.starts[1:], self.page + 1]
        return [end - start for start, end in zip(self.starts, ends)]


def build_letters(letters: Sequence[LetterParts], meta: dict[str, Any],
                  when: Any) -> tuple[bytes, list[int]]:
    """Lay out and draw many letters into one PDF; returns its bytes and each letter's pages.

    Like ``build_pdf``: laid out once, and a second time only when some letter runs to more
    than one page and so needs "Page n of N".
    """
    totals: list[int | None] = [None] * len(letters)
    while True:
        buffer = io.BytesIO()
        doc = LettersDoc(buffer, letters, totals, **meta)
        with plain_flate():
            doc.build(doc.story(), canvasmaker=canvas_maker(when))
        counts = doc.page_counts()
        if all(c == 1 or c == t for c, t in zip(counts, totals)):
            return buffer.getvalue(), counts
        totals = list(counts)
