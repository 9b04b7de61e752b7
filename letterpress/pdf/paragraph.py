"""Paragraphs that keep their line breaks: laid out once per width, however often asked."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag

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
            cleaned = cleanBlockQuotedText(text)
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
        one fragment (remembering the words' widths), else by ReportLab."""
        lines = break_plain(self, width, self.__dict__.get("_lp_widths"))
        return super().breakLines(width) if lines is None else lines

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
