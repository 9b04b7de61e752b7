"""Paragraphs that keep their line breaks: laid out once per width, however often asked."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag

from . import textout
from .hyphenate import address_words
from .linebreak import WordWidths, break_plain

# What user text is escaped with (see letter.markup.escape), and the characters they stand for.
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_ENTITY = re.compile(r"&(amp|lt|gt);")

# How far (points) a line may reach past the measure before it counts as running off it.
_OVERRUN = 0.5


class SettledParagraph(Paragraph):
    """A ReportLab paragraph that breaks its lines once per width.

    Platypus asks a paragraph for its size several times (to keep a group together, then to
    place it) and re-breaks its lines each time; a batch shows the same paragraph in many
    letters. Copies (``copy.copy``) share the lines already broken; splitting a copy leaves
    the original untouched.

    A word wider than the measure is cut wherever it must, never left to run off the page:
    ReportLab cuts a long web address once at a slash and then leaves the rest of it whole,
    so such a paragraph is broken again without hyphenation, where every long word is cut.

    Text without tags (no ``<``; ``&`` only in the escapes of :func:`_plain_fragments`)
    skips ReportLab's markup parser: its one fragment is made here (escaped characters do
    not split it, as they split the parser's). A paragraph of one fragment is broken into
    lines by :mod:`.linebreak` (ReportLab's rule over the words' widths of ``widths``, a
    table its run keeps)."""

    def __init__(
        self,
        text: Any,
        style: Any = None,
        bulletText: Any = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
        *,
        widths: WordWidths | None = None,
    ) -> None:
        if widths is not None:
            self._lp_widths = widths
        plain = None
        if frags is None and isinstance(text, str) and "<" not in text and style is not None:
            cleaned = text if _clean(text) else cleanBlockQuotedText(text)
            plain = _plain_fragments(cleaned, style) if cleaned else None
        if plain is None or caseSensitive != 1 or encoding != "utf8":
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        self.caseSensitive = caseSensitive
        self.encoding = encoding
        textTransformFrags(plain, style)
        bullet = bulletText or getattr(style, "bulletText", None)
        self._setup(cleaned, style, bullet, plain, cleanBlockQuotedText)

    def breakLines(self, width: Any) -> Any:
        """ReportLab's line breaks, found by :func:`.linebreak.break_plain` for a paragraph of
        one fragment (remembering the words' widths), else by ReportLab, its web and e-mail
        addresses broken as in a paragraph of one fragment (:func:`.hyphenate.address_words`;
        a paragraph found without any is not looked at again)."""
        lines = break_plain(self, width, self.__dict__.get("_lp_widths"))
        if lines is not None:
            return lines
        if self.__dict__.get("_lp_addresses", True):
            words = address_words(self.__dict__["frags"], width, self.style)
            self._lp_addresses = words is not None
            if words is not None:
                self.__dict__["frags"] = words
        return super().breakLines(width)

    def __copy__(self) -> SettledParagraph:
        """A shallow copy, as ``copy.copy`` makes it (the same attributes, shared), without
        its generic pickling protocol: a batch copies a recurring paragraph per letter."""
        twin = self.__class__.__new__(self.__class__)
        twin.__dict__.update(self.__dict__)
        return twin

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_settled_at") == availWidth and "blPara" in self.__dict__:
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        style: ParagraphStyle = self.__dict__["style"]
        if _runs_off(self) and _hyphenates(style):
            self.style = _unhyphenated(style)
            width, height = super().wrap(availWidth, availHeight)
        self._settled_at = availWidth
        return width, height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Drawn as ReportLab draws it: a paragraph of plain lines in characters the document
        has used is written in one step (:func:`_draw_plain`), anything else by ReportLab."""
        if not _draw_plain(self, canvas, x, y):
            super().drawOn(canvas, x, y, _sW)


def _draw_plain(para: SettledParagraph, canv: Any, x: float, y: float) -> bool:
    """Write the operators ``Flowable.drawOn`` and ``Paragraph.drawPara`` write for a
    paragraph broken by :func:`.linebreak.break_plain` (one fragment, left-aligned, no
    bullet, indent, border, background, underline or link), each line's characters encoded
    by :func:`.textout.shown`; False (nothing written) for any other paragraph or a line
    with a character new to the document. The canvas's state is left as ReportLab's saves and
    restores around the paragraph leave it (see :func:`_fill_operator`)."""
    broken = para.__dict__.get("blPara")
    style = para.style
    if (
        broken is None
        or broken.kind != 0
        or not broken.lines
        or broken.us_lines
        or broken.link
        or para.bulletText
        or para.debug
        or style.alignment != TA_LEFT
        or style.firstLineIndent
        or style.backColor
        or (style.borderColor and style.borderWidth)
        or getattr(para, "autoLeading", getattr(style, "autoLeading", ""))
        or style.wordWrap
        or getattr(para, "hAlign", "LEFT") != "LEFT"
        or "_offsets" in para.__dict__
        or getattr(para, "_showBoundary", None)
        or not canv.bottomup
    ):
        return False
    lines = broken.lines
    texts = [" ".join(words) for _, words in lines]
    shown = textout.shown(canv, broken.fontName, broken.fontSize, style.leading, texts)
    fill = _fill_operator(canv, broken.textColor) if shown is not None else None
    if shown is None or fill is None:
        return False
    origin = fp_str(style.leftIndent, para.height - broken.fontSize)
    ops = ["BT", f"1 0 0 1 {origin} Tm"]
    for (extra, words), text, show in zip(lines, texts, shown):
        spaces = len(words) + text.count("\xa0") - 1
        if extra > -1e-8 or spaces <= 0:  # as ReportLab's _leftDrawParaLine decides
            ops.append(f"{show} T*")
        else:  # a line squeezed to fit: its spaces narrowed
            ops += (f"{fp_str(extra / float(spaces))} Tw", f"{show} T*", "0 Tw")
    ops.append("ET")
    canv._code += ("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", "q", fill, " ".join(ops), "Q", "Q")
    return True


def _fill_operator(canv: Any, color: Any) -> str | None:
    """The operator ``Canvas.setFillColor`` writes for ``color``, an RGB colour as opaque as
    the current fill, or None for any other. Between a save and a restore of the graphics
    state, its one lasting effect is the document's PDF version (raised for transparency by
    any colour with an opacity), which is made here too."""
    if canv._enforceColorSpace or type(color) is not Color:
        return None
    if color.alpha is None or color.alpha != canv._extgstate.getValue("ca"):
        return None
    canv._doc.ensureMinPdfVersion("transparency")
    return f"{fp_str(color.red, color.green, color.blue)} rg"


def _clean(text: str) -> bool:
    """Whether ReportLab's ``cleanBlockQuotedText`` leaves ``text`` as it is: its only
    white space single ASCII spaces between words (``isprintable`` is False for every other
    white space character, and for the no-break space)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _plain_fragments(text: str, style: ParagraphStyle) -> list[ParaFrag] | None:
    """The fragment of ``text`` without tags in ``style``: the one ReportLab's parser makes
    of the ``<para>`` start and the text, with the characters escaped as ``&amp;``, ``&lt;``
    or ``&gt;`` put back in place; None for any other ``&``.

    The parser makes a fragment of each escaped character and of each run of text between
    them, all in the same style; they are one fragment here, so that such a paragraph, too,
    is broken by :func:`.linebreak.break_plain` (its words stay where they were; its lines
    are drawn with fewer text operators)."""
    if "&" in text:
        parts = _ENTITY.split(text)
        if any("&" in part for part in parts[::2]):
            return None
        text = "".join(_ENTITIES[part] if i % 2 else part for i, part in enumerate(parts))
    return [_fragment(_para_fragment(style), text)]


def _fragment(frag: ParaFrag, text: str) -> ParaFrag:
    """A fragment of text: the ``<para>`` fragment given its text and its face's name
    (``ParaParser.handle_data``)."""
    frag.fontName = tt2ps(frag.fontName, frag.bold, frag.italic)
    frag.text = text
    return frag


def _para_fragment(style: ParagraphStyle) -> ParaFrag:
    """The fragment the parser starts a paragraph in ``style`` with
    (``ParaParser._initial_frag`` and ``start_para``)."""
    frag = ParaFrag()
    frag.rise = 0
    frag.greek = 0
    frag.link = []
    frag.fontName, frag.bold, frag.italic = ps2tt(style.fontName)
    frag.fontSize = style.fontSize
    frag.textColor = style.textColor
    frag.us_lines = []
    frag.__tag__ = "para"
    return frag


def _runs_off(paragraph: Paragraph) -> bool:
    """Whether a line of ``paragraph`` is one word wider than its measure (a line of several
    words may reach a little past it: ReportLab narrows its spaces to fit)."""
    broken = paragraph.__dict__.get("blPara")
    for line in getattr(broken, "lines", ()):
        if isinstance(line, tuple):
            extra, count = line[0], len(line[1])
        else:
            extra, count = line.extraSpace, getattr(line, "wordCount", len(line.words))
        if -extra > _OVERRUN and count <= 1:
            return True
    return False


def _hyphenates(style: ParagraphStyle) -> bool:
    """Whether ``style`` lets ReportLab hyphenate (which keeps it from cutting long words)."""
    return bool(style.hyphenationLang or style.embeddedHyphenation or style.uriWasteReduce)


def _unhyphenated(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` with every kind of hyphenation off, so that long words are cut."""
    return ParagraphStyle(
        f"{style.name}-cut",
        parent=style,
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0,
        splitLongWords=1,
    )
