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
