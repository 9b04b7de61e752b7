"""Positions of everything fixed on a letter's pages: letterhead, info block or date line,
marks and continuation header. Layout decides here; drawing only reads the result."""
from __future__ import annotations

from ..pdf import fonts
from ..errors import LayoutError, UserError, Where
from .layout import Layout, Rect
from .plan import RULE_WEIGHT, AddressField, FirstPage, Mark, SetLine
from ..pdf.units import to_mm
from .window import window_reach


def _line(text: str, x: float, top: float, size: float, font: str, align: str = "left",
          right: float | None = None) -> SetLine:
    ascent, _ = fonts.vertical_metrics(font)
    width = to_mm(fonts.width(text, font, size))
    left = (right if right is not None else x) - width if align == "right" else x
    return SetLine(text, left, top + to_mm(ascent * size) * 0.85, size, font)


def _extent(lines: list[SetLine]) -> Rect:
    if not lines:
        return Rect(0, 0, 0, 0)
    left = min(line.x for line in lines)
    right = max(line.x + to_mm(fonts.width(line.text, line.font, line.size)) for line in lines)
    top = min(line.baseline - to_mm(line.size) for line in lines)
    bottom = max(line.baseline + to_mm(line.size * 0.3) for line in lines)
    return Rect(left, top, right - left, bottom - top)


def letterhead(layout: Layout, name: str, address: str, contact: str,
               typeface: str) -> tuple[SetLine, ...]:
    """Sender's name and contact lines at the top of page 1."""
    face = fonts.face(typeface)
    spec, kind = layout.letterhead, layout.type
    width = spec.width or layout.text_width
    right = spec.x + width if spec.align == "right" else None
    lines: list[SetLine] = []
    top = spec.y
    for text, font, size, where in ((name, face.bold, kind.letterhead_name_size,
                                     Where(field="sender.name")),
                                    (address, face.regular, kind.letterhead_size,
                                     Where(field="sender")),
                                    (contact, face.regular, kind.letterhead_size,
                                     Where(field="sender"))):
        if not text:
            continue
        if to_mm(fonts.width(text, font, size)) > width:
            raise UserError(f"letterhead line {text!r} is wider than the letterhead "
                            f"({width:.0f} mm)", where=where, hint="shorten it")
        lines.append(_line(text, spec.x, top, size, font, spec.align, right))
        top += to_mm(size * kind.letterhead_pitch)
    return tuple(lines)


def info_block(layout: Layout, items: list[tuple[str, str, Where]],
               typeface: str) -> tuple[SetLine, ...]:
    """Label/value pairs in two columns in the information block (DIN 5008)."""
    spec, kind = layout.info_block, layout.type
    assert spec is not None
    face = fonts.face(typeface)
    label_width = max((to_mm(fonts.width(lbl, face.regular, kind.label_size))
                       for lbl, _, _ in items), default=0) + 3
    width = spec.width or 75.0
    lines: list[SetLine] = []
    for i, (label, value, where) in enumerate(items):
        top = spec.y + i * kind.info_pitch
        if to_mm(fonts.width(value, face.regular, kind.value_size)) > width - label_width:
            raise UserError(f"{value!r} is too wide for the information block", where=where,
                            hint="shorten it")
        lines.append(_line(label, spec.x, top + 0.4, kind.label_size, face.regular))
        lines.append(_line(value, spec.x + label_width, top, kind.value_size, face.regular))
    return tuple(lines)


def date_line(layout: Layout, text: str, typeface: str) -> list[SetLine]:
    spec = layout.date_line
    assert spec is not None
    font = fonts.face(typeface).regular
    return [_line(text, spec.x, spec.y, layout.type.date_size, font, spec.align,
                  spec.x if spec.align == "right" else None)]


def marks(layout: Layout) -> tuple[Mark, ...]:
    spec = layout.marks
    out = [Mark(y, spec.x, spec.fold_length, "fold") for y in spec.folds]
    if spec.punch is not None and spec.punch_length > 0:
        out.append(Mark(spec.punch, spec.x, spec.punch_length, "punch"))
    return tuple(out)


def assemble(layout: Layout, address: AddressField, head: list[SetLine],
             info: list[SetLine], dated: list[SetLine]) -> FirstPage:
    """Collect page 1's furniture and make sure nothing but the address shows in the window."""
    reach = window_reach(layout)
    extents = {"letterhead": _extent(head), "info block": _extent(info),
               "date line": _extent(dated)}
    for name, rect in extents.items():
        if rect.width and rect.intersects(reach):
            raise LayoutError(f"the {name} reaches into the window area "
                              f"(x {reach.x:.1f}-{reach.right:.1f}, y {reach.y:.1f}-"
                              f"{reach.bottom:.1f} mm)", where=Where(file=str(layout.path)),
                              hint="move it in the layout file, or shorten the sender lines")
    if layout.subject_y < reach.bottom and layout.text.left < reach.right:
        raise LayoutError(f"the text starts at {layout.subject_y} mm, inside the window area "
                          f"(down to {reach.bottom:.1f} mm)",
                          where=Where(file=str(layout.path), field="subject"))
    for name in ("info block", "date line"):
        rect = extents[name]
        if rect.width and rect.bottom > layout.subject_y:
            raise UserError(f"the {name} runs into the text (ends at {rect.bottom:.1f} mm, text "
                            f"starts at {layout.subject_y} mm)", where=Where(field="references"),
                            hint="give fewer references")
    rules = [address.rule] if address.rule is not None else []
    return FirstPage(lines=tuple(head + info + dated), rules=tuple(rules), marks=marks(layout),
                     address=address, mark_weight=layout.type.mark_weight,
                     rule_weight=RULE_WEIGHT, grey=layout.type.grey,
                     extents=extents)
