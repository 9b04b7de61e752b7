"""Small platypus flowables for the sheet: columns, tick-box items, rules, QR code, form lines."""

from __future__ import annotations

from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from ..pdf import fonts

INK = Color(0.08, 0.08, 0.08)
GREY = Color(0.42, 0.42, 0.42)
RULE = Color(0.72, 0.72, 0.72)
FAINT = Color(0.82, 0.82, 0.82)
WARN = Color(0.68, 0.12, 0.08)


class Columns(Flowable):
    """Columns of fixed widths side by side; each column is a list of flowables top-down."""

    def __init__(self, columns: list[tuple[float, list[Flowable]]], gap: float) -> None:
        super().__init__()
        self.columns = columns
        self.gap = gap
        self._sizes: list[list[tuple[float, float]]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = []
        height = 0.0
        for col_width, items in self.columns:
            sizes, used = [], 0.0
            for i, item in enumerate(items):
                w, h = item.wrap(col_width, availHeight)
                sizes.append((w, h))
                used += (
                    item.getSpaceBefore()
                    + h
                    + (item.getSpaceAfter() if i < len(items) - 1 else 0.0)
                )
            self._sizes.append(sizes)
            height = max(height, used)
        self.width = sum(w for w, _ in self.columns) + self.gap * (len(self.columns) - 1)
        self.height = height
        return self.width, self.height

    def draw(self) -> None:
        x = 0.0
        for (col_width, items), sizes in zip(self.columns, self._sizes):
            y = self.height
            for item, (_, h) in zip(items, sizes):
                y -= item.getSpaceBefore() + h
                item.drawOn(self.canv, x, y)
                y -= item.getSpaceAfter()
            x += col_width + self.gap


class Tick(Flowable):
    """A paragraph with an empty tick box hanging in front of its first line."""

    def __init__(self, para: Paragraph, indent: float, space_after: float = 0.0) -> None:
        super().__init__()
        self.para = para
        self.indent = indent
        self.spaceAfter = space_after
        self.size = para.style.fontSize

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, h = self.para.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, h
        return availWidth, h

    def draw(self) -> None:
        self.para.drawOn(self.canv, self.indent, 0)
        side = self.size * 0.68
        baseline = self.height - self.size
        self.canv.saveState()
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(max(0.6, self.size * 0.06))
        self.canv.rect(0, baseline - self.size * 0.02, side, side, stroke=1, fill=0)
        self.canv.restoreState()


class Rule(Flowable):
    """A hairline across the available width, with space above and below."""

    def __init__(
        self, space: float, color: Color = RULE, width: float = 0.5, before: float | None = None
    ) -> None:
        super().__init__()
        self.spaceAfter = space
        self.spaceBefore = space if before is None else before
        self.color = color
        self.line_width = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.line_width
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.line_width)
        self.canv.line(0, self.line_width / 2, self.width, self.line_width / 2)
        self.canv.restoreState()


class QrCode(Flowable):
    """A QR code of ``value`` as vector graphics, ``size`` points square (quiet zone included)."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.height = self.size
        return self.size, self.size

    def draw(self) -> None:
        widget = QrCodeWidget(self.value, barLevel="M", barBorder=4)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(
            self.size,
            self.size,
            transform=[self.size / (x1 - x0), 0, 0, self.size / (y1 - y0), 0, 0],
            initialFontName=fonts.face("sans").regular,
        )  # not base-14 Helvetica
        drawing.add(widget)
        renderPDF.draw(drawing, self.canv, 0, 0)


class FormLines(Flowable):
    """Rows of a hand-filled form: fixed-height rows of printed words, boxes and write-in rules.

    Each row is a list of parts: ``("text", s)``, ``("box", s)`` (a tick box and its word) or
    ``("blank", fraction)`` (a write-in rule taking that fraction of the free width).
    """

    def __init__(
        self,
        rows: list[list[tuple[str, Any]]],
        row_height: float,
        font: str,
        size: float,
        font_width: Any,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.row_height = row_height
        self.font = font
        self.size = size
        self.font_width = font_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.row_height * len(self.rows)
        return self.width, self.height

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.saveState()
        c.setFont(self.font, s)
        c.setFillColor(INK)
        c.setLineWidth(0.5)
        gap = s * 0.6
        for index, row in enumerate(self.rows):
            baseline = self.height - (index + 1) * self.row_height + self.row_height * 0.3
            fixed = sum(
                self._part_width(kind, value) + gap for kind, value in row if kind != "blank"
            )
            free = max(0.0, self.width - fixed - gap * sum(1 for k, _ in row if k == "blank"))
            x = 0.0
            for kind, value in row:
                if kind == "text":
                    c.setFillColor(GREY)
                    c.drawString(x, baseline, value)
                    c.setFillColor(INK)
                elif kind == "box":
                    side = s * 0.8
                    c.setStrokeColor(INK)
                    c.rect(x, baseline - s * 0.05, side, side, stroke=1, fill=0)
                    c.drawString(x + side + s * 0.4, baseline, value)
                else:
                    length = free * float(value)
                    c.setStrokeColor(RULE)
                    c.line(x, baseline - s * 0.25, x + length, baseline - s * 0.25)
                    x += length + gap
                    continue
                x += self._part_width(kind, value) + gap
        c.restoreState()

    def _part_width(self, kind: str, value: Any) -> float:
        text_width = self.font_width(value, self.font, self.size)
        if kind == "box":
            return self.size * 1.2 + text_width + self.size * 0.8
        return text_width
