"""Text objects that encode a line of already-used characters in one step.

ReportLab encodes each string drawn in an embedded TrueType font character by character in
Python (``TTFont.splitString``), assigning each new character the next code of the font's
subset. Once a document has used a character, its code never changes; a line made only of
such characters is encoded here with one ``str.translate``, and the operators written are
those ReportLab writes. A line with a character not yet used (or not in the first subset, or
shaped text) goes through ReportLab's own code, which assigns the codes in its order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
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
        self.selections: dict[tuple[float, float], str] = {}

    def current(self, state: Any) -> bool:
        """Whether the table still holds every code ``state`` has assigned."""
        return state is self.state and len(state.assignments) == self.count

    def encode(self, text: str) -> bytes | None:
        """``text`` in the subset's codes, or None when a character has none yet."""
        if not self.chars.issuperset(text):
            return None
        return text.translate(self.table).encode("latin-1")

    def selection(self, font: Any, doc: Any, size: float, leading: float) -> str:
        """The operator that selects the font's first subset at ``size`` and ``leading``:
        what ReportLab writes before the first string of a text object in the font."""
        found = self.selections.get((size, leading))
        if found is None:
            name = font.getSubsetInternalName(0, doc)  # names the font in the document
            found = f"{name} {fp_str(size)} Tf {fp_str(leading)} TL"
            self.selections[(size, leading)] = found
        return found


def encoder(canv: Any, font: Any) -> Encoder | None:
    """The translation table of ``canv`` (a :class:`~.canvas.QuickCanvas`) for ``font``, a
    TrueType font its document has used; None for any other canvas or font."""
    encoders: dict[str, Encoder] | None = canv.__dict__.get("_lp_encoders")
    if encoders is None or not getattr(font, "_dynamicFont", 0):
        return None
    state = font.state.get(canv._doc)
    if state is None:
        return None
    found = encoders.get(font.fontName)
    if found is None or not found.current(state):
        found = encoders[font.fontName] = Encoder(state)
    return found


def shown(
    canv: Any, font_name: str, size: float, leading: float, texts: Sequence[str]
) -> list[str] | None:
    """The operators a ReportLab text object writes for each of ``texts`` once its font is
    set to ``font_name`` at ``size`` and ``leading``: ``(...) Tj``, the first preceded by
    the font's selection. None when a text is empty or has a character the document has not
    used yet (ReportLab must assign its code), or the font's codes are not known here."""
    font = getFont(font_name)
    table = encoder(canv, font)
    if table is None:
        return None
    escape = canv._escape
    out = []
    for text in texts:
        data = table.encode(text) if text else None
        if data is None:
            return None
        out.append(f"({escape(data)}) Tj")
    if out:
        out[0] = f"{table.selection(font, canv._doc, size, leading)} {out[0]}"
    return out


def write_lines(canv: Any, lines: Sequence[tuple[str, float, float, float, str]]) -> bool:
    """Write one text object showing each ``(font, size, x, y, text)`` with its start at
    (x, y): the operators of ReportLab's ``beginText()`` with ``setFont`` (whenever font or
    size change; its leading 1.2 times the size), ``setTextOrigin`` and ``textOut`` per line.
    False (nothing written) when a line is not :func:`shown`."""
    if not canv.bottomup:
        return False
    ops = ["BT", "1 0 0 1 0 0 Tm"]
    for (font, size), run in groupby(lines, key=lambda line: line[:2]):
        placed = list(run)
        shows = shown(canv, font, size, size * 1.2, [text for *_, text in placed])
        if shows is None:
            return False
        for (_, _, x, y, _), show in zip(placed, shows):
            ops += (f"1 0 0 1 {fp_str(x, y)} Tm", show)
    ops.append("ET")
    canv._code.append(" ".join(ops))
    return True


def draw_lines(canv: Any, lines: Sequence[tuple[str, float, float, float, str]]) -> None:
    """Draw each ``(font, size, x, y, text)`` with its start at (x, y), as one text object:
    in one step when :func:`write_lines` can, else through ReportLab's text object."""
    if write_lines(canv, lines):
        return
    text = canv.beginText()
    current = None
    for font, size, x, y, words in lines:
        if (font, size) != current:
            current = (font, size)
            text.setFont(font, size)
        text.setTextOrigin(x, y)
        text.textOut(words)
    canv.drawText(text)


class QuickText(PDFTextObject):
    """A ReportLab text object whose lines of known characters skip the per-character
    encoding; it keeps its translation tables on its canvas (one document)."""

    def _formatText(self, text: Any) -> str:
        """The operators for ``text``: those ``PDFTextObject._formatText`` writes."""
        font = getFont(self._fontname)
        table = encoder(self._canvas, font) if type(text) is str and text else None
        data = table.encode(text) if table is not None else None
        if data is None:
            return str(super()._formatText(text))
        assert table is not None
        show = f"({self._canvas._escape(data)}) Tj"
        if self.__dict__["_curSubset"] == 0:
            return show
        self._curSubset = 0
        return f"{table.selection(font, self._canvas._doc, self._fontsize, self._leading)} {show}"
