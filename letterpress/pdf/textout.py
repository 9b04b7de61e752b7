"""Text objects that encode a line of already-used characters in one step.

ReportLab encodes each string drawn in an embedded TrueType font character by character in
Python (``TTFont.splitString``), assigning each new character the next code of the font's
subset. Once a document has used a character, its code never changes; a line made only of
such characters is encoded here with one ``str.translate``, and the operators written are
those ReportLab writes. A line with a character not yet used (or not in the first subset, or
shaped text) goes through ReportLab's own code, which assigns the codes in its order.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject

_NBSP = 0xA0  # drawn as the space (ReportLab maps it so)


class Encoder:
    """The codes a document gave one font's characters in its first subset, as a
    translation table; rebuilt whenever the document has assigned more."""

    def __init__(self, state: Any) -> None:
        self.state = state
        assignments: dict[int, int] = state.assignments
        self.count = len(assignments)
        table = {code: chr(n) for code, n in assignments.items() if n < 256}
        if 32 in table:
            table[_NBSP] = table[32]
        self.table = table
        self.chars = frozenset(map(chr, table))

    def current(self, state: Any) -> bool:
        """Whether the table still holds every code ``state`` has assigned."""
        return state is self.state and len(state.assignments) == self.count

    def encode(self, text: str) -> bytes | None:
        """``text`` in the subset's codes, or None when a character has none yet."""
        if not self.chars.issuperset(text):
            return None
        return text.translate(self.table).encode("latin-1")


class QuickText(PDFTextObject):
    """A ReportLab text object whose lines of known characters skip the per-character
    encoding; it keeps its translation tables on its canvas (one document)."""

    def _formatText(self, text: Any) -> str:
        """The operators for ``text``: those ``PDFTextObject._formatText`` writes."""
        font = getFont(self._fontname)
        if type(text) is not str or not getattr(font, "_dynamicFont", 0) or not text:
            return str(super()._formatText(text))
        canv = self._canvas
        doc = canv._doc
        state = font.state.get(doc)
        if state is None:
            return str(super()._formatText(text))
        encoders: dict[str, Encoder] = canv._lp_encoders
        encoder = encoders.get(font.fontName)
        if encoder is None or not encoder.current(state):
            encoder = encoders[font.fontName] = Encoder(state)
        data = encoder.encode(text)
        if data is None:
            return str(super()._formatText(text))
        out = []
        current: int = self.__dict__["_curSubset"]
        if current != 0:
            tf = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
            out.append(f"{font.getSubsetInternalName(0, doc)} {tf}")
            self._curSubset = 0
        out.append(f"({canv._escape(data)}) Tj")
        return " ".join(out)
