"""Paragraphs that keep their line breaks: laid out once per width, however often asked."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

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
    so such a paragraph is broken again without hyphenation, where every long word is cut."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_settled_at") == availWidth and "blPara" in self.__dict__:
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        style: ParagraphStyle = self.__dict__["style"]
        if _runs_off(self, availWidth) and _hyphenates(style):
            self.style = _unhyphenated(style)
            width, height = super().wrap(availWidth, availHeight)
        self._settled_at = availWidth
        return width, height


def _runs_off(paragraph: Paragraph, width: float) -> bool:
    """Whether a line of ``paragraph`` is wider than its measure in ``width``."""
    style: ParagraphStyle = paragraph.__dict__["style"]
    measure = width - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
    return float(getattr(paragraph, "_width_max", 0.0)) > measure + _OVERRUN


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
