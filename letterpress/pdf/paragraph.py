"""Paragraphs that keep their line breaks: laid out once per width, however often asked."""

from __future__ import annotations

from reportlab.platypus import Paragraph


class SettledParagraph(Paragraph):
    """A ReportLab paragraph that breaks its lines once per width.

    Platypus asks a paragraph for its size several times (to keep a group together, then to
    place it) and re-breaks its lines each time; a batch shows the same paragraph in many
    letters. Copies (``copy.copy``) share the lines already broken; splitting a copy leaves
    the original untouched."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_settled_at") == availWidth and "blPara" in self.__dict__:
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._settled_at = availWidth
        return width, height
