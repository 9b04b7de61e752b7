"""Positions of everything fixed on a letter's pages: letterhead, info block or date line,
marks and continuation header. Layout decides here; drawing only reads the result.

A letterhead or information block line too wide for its zone is broken (at the ` · ` between
parts of the sender's address and contact, else at words) and stacked within the zone; only
what cannot fit at all is refused, naming the file and the field."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import LayoutError, UserError, Where
from ..pdf import fonts
from ..pdf.units import to_mm
from .layout import Layout, Rect
from .plan import RULE_WEIGHT, AddressField, FirstPage, Mark, SetLine
from .window import window_reach
from .wrap import wrap_words

SIZE_STEP = 0.5  # pt
GAP = 2.0  # mm kept between the letterhead and whatever lies below it
ADDRESS_JOINER = " · "  # between the parts of the sender's address in the letterhead
CONTACT_JOINER = "  ·  "  # between phone and e-mail


def _line(
    text: str,
    x: float,
    top: float,
    size: float,
    font: str,
    align: str = "left",
    right: float | None = None,
) -> SetLine:
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


def _below(layout: Layout) -> list[Rect]:
    """What the letterhead must keep clear of: the address field, all the window can show,
    the information block or date line, and the text from the subject on."""
    out = [
        layout.address_field,
        window_reach(layout),
        Rect(0.0, layout.subject_y, layout.paper_width, layout.paper_height),
    ]
    if layout.info_block is not None:
        spec = layout.info_block
        out.append(Rect(spec.x, spec.y, spec.width or 75.0, 1.0))
    if layout.date_line is not None:
        spec = layout.date_line
        start = layout.text.left if spec.align == "right" else spec.x
        end = spec.x if spec.align == "right" else layout.paper_width - layout.text.right
        out.append(Rect(start, spec.y, end - start, 1.0))
    return out


def _clear(rect: Rect, obstacles: list[Rect]) -> bool:
    """Whether ``rect`` keeps ``GAP`` mm from every obstacle."""
    grown = Rect(rect.x - GAP, rect.y - GAP, rect.width + 2 * GAP, rect.height + 2 * GAP)
    return not any(grown.intersects(other) for other in obstacles)


def letterhead(
    layout: Layout,
    name: str,
    address: Sequence[str],
    contact: Sequence[tuple[str, str]],
    typeface: str,
    where: Where = Where(),
) -> tuple[SetLine, ...]:
    """Sender's name, address and contact (texts with their fields) at the top of page 1.

    Each group is one line where it fits; else its parts (the address's lines, phone and
    e-mail) are stacked, a part too long alone breaks at its words, and a group whose part
    fits no line is set a little smaller (down to the ``[type]`` table's minimum sizes).
    Every line keeps clear of the window, the address field, the information block and the
    text; refused, naming the file at ``where`` and the field, only when a group cannot fit
    at all."""
    face = fonts.face(typeface)
    spec, kind = layout.letterhead, layout.type
    obstacles = _below(layout)
    lines: list[SetLine] = []
    top = spec.y
    groups = (
        (
            [(name, "sender.name")],
            " ",
            face.bold,
            kind.letterhead_name_size,
            kind.letterhead_name_min_size,
        ),
        (
            [(text, "sender") for text in address],
            ADDRESS_JOINER,
            face.regular,
            kind.letterhead_size,
            kind.letterhead_min_size,
        ),
        (
            list(contact),
            CONTACT_JOINER,
            face.regular,
            kind.letterhead_size,
            kind.letterhead_min_size,
        ),
    )
    for parts, joiner, font, size, smallest in groups:
        parts = [(text, field) for text, field in parts if text]
        if not parts:
            continue
        while (
            stacked := _stack(layout, [t for t, _ in parts], joiner, font, size, top, obstacles)
        ) is None:
            size -= SIZE_STEP
            if size < smallest - 1e-6:
                text, field = max(parts, key=lambda part: len(part[0]))
                raise UserError(
                    f"the letterhead has no room for {text!r} above the address "
                    f"field and the text of the {layout.name} layout, even stacked "
                    f"at {smallest:g} pt",
                    where=_in_file(Where(field=field), where),
                    hint="shorten the sender's address or contact lines",
                )
        lines += stacked
        top += len(stacked) * to_mm(size * kind.letterhead_pitch)
    return tuple(lines)


def _stack(
    layout: Layout,
    parts: list[str],
    joiner: str,
    font: str,
    size: float,
    top: float,
    obstacles: list[Rect],
) -> list[SetLine] | None:
    """``parts`` set from ``top`` down, greedily joined, each line within the letterhead's
    width and clear of ``obstacles``; a part too long alone breaks at its words; None when a
    word does not fit its line."""
    spec = layout.letterhead
    width = spec.width or layout.text_width
    right = spec.x + width if spec.align == "right" else None
    pitch = to_mm(size * layout.type.letterhead_pitch)

    def placed(text: str, index: int) -> SetLine:
        return _line(text, spec.x, top + index * pitch, size, font, spec.align, right)

    def fits(text: str, index: int) -> bool:
        return to_mm(fonts.width(text, font, size)) <= width + 1e-6 and _clear(
            _extent([placed(text, index)]), obstacles
        )

    tokens = [(part, joiner) for part in parts]
    texts: list[str] = []
    current = ""
    while tokens:
        text, before = tokens.pop(0)
        candidate = f"{current}{before}{text}" if current else text
        if fits(candidate, len(texts)):
            current = candidate
        elif current:
            texts.append(current)
            current = ""
            tokens.insert(0, (text, before))
        elif " " in text.strip():
            tokens[0:0] = [(word, " ") for word in text.split()]
        else:
            return None
    if current:
        texts.append(current)
    return [placed(text, i) for i, text in enumerate(texts)]


def info_block(
    layout: Layout,
    items: list[tuple[str, str, Where]],
    typeface: str,
    where: Where = Where(),
    keep: tuple[str, ...] = (),
) -> tuple[SetLine, ...]:
    """Label/value pairs in two columns in the information block (DIN 5008). A value too
    wide for its column breaks at its words (never inside a phrase of ``keep``, such as the
    date); one with a word too wide for the column goes under its label at the block's full
    width; only a word wider than the block is refused, naming the file at ``where``."""
    spec, kind = layout.info_block, layout.type
    assert spec is not None
    face = fonts.face(typeface)
    label_width = (
        max(
            (to_mm(fonts.width(lbl, face.regular, kind.label_size)) for lbl, _, _ in items),
            default=0,
        )
        + 3
    )
    width = spec.width or 75.0

    def within(room: float) -> Callable[[str], bool]:
        return lambda text: to_mm(fonts.width(text, face.regular, kind.value_size)) <= room + 1e-6

    lines: list[SetLine] = []
    row = 0
    for label, value, place in items:
        beside = wrap_words(value, within(width - label_width), keep)
        under = None if beside is not None else wrap_words(value, within(width), keep)
        if beside is None and under is None:
            raise UserError(
                f"{value!r} has a word too wide for the information block ({width:.0f} mm)",
                where=_in_file(place, where),
                hint="shorten it",
            )
        lines.append(
            _line(
                label, spec.x, spec.y + row * kind.info_pitch + 0.4, kind.label_size, face.regular
            )
        )
        x = spec.x + label_width if beside is not None else spec.x
        row += 0 if beside is not None else 1
        for text in beside if beside is not None else under or []:
            lines.append(
                _line(text, x, spec.y + row * kind.info_pitch, kind.value_size, face.regular)
            )
            row += 1
    return tuple(lines)


def _in_file(place: Where, where: Where) -> Where:
    """A field's place (``place``) in the letter's file or row (``where``)."""
    return Where(
        file=where.file, row=where.row, column=where.column, field=place.field, option=place.option
    )


def date_line(layout: Layout, text: str, typeface: str) -> list[SetLine]:
    spec = layout.date_line
    assert spec is not None
    font = fonts.face(typeface).regular
    return [
        _line(
            text,
            spec.x,
            spec.y,
            layout.type.date_size,
            font,
            spec.align,
            spec.x if spec.align == "right" else None,
        )
    ]


def marks(layout: Layout) -> tuple[Mark, ...]:
    spec = layout.marks
    out = [Mark(y, spec.x, spec.fold_length, "fold") for y in spec.folds]
    if spec.punch is not None and spec.punch_length > 0:
        out.append(Mark(spec.punch, spec.x, spec.punch_length, "punch"))
    return tuple(out)


def assemble(
    layout: Layout,
    address: AddressField,
    head: list[SetLine],
    info: list[SetLine],
    dated: list[SetLine],
    where: Where = Where(),
    reach: Rect | None = None,
    extents: dict[str, Rect] | None = None,
) -> FirstPage:
    """Collect page 1's furniture and make sure nothing but the address shows in the window
    (``reach``: all the window can show, when the caller has it; ``extents``: what
    ``check_furniture`` found for the same furniture, when the caller has it)."""
    if extents is None:
        extents = check_furniture(layout, head, info, dated, where, reach)
    rules = [address.rule] if address.rule is not None else []
    return FirstPage(
        lines=tuple(head + info + dated),
        rules=tuple(rules),
        marks=marks(layout),
        address=address,
        mark_weight=layout.type.mark_weight,
        rule_weight=RULE_WEIGHT,
        grey=layout.type.grey,
        extents=tuple(extents.items()),
    )


def check_furniture(
    layout: Layout,
    head: Sequence[SetLine],
    info: Sequence[SetLine],
    dated: Sequence[SetLine],
    where: Where = Where(),
    reach: Rect | None = None,
) -> dict[str, Rect]:
    """The extents of the letterhead, information block and date line, once sure that none
    shows in the window and that the text starts below them; the same furniture gives the
    same answer, so a batch asks once per letterhead, block and date line."""
    reach = reach or window_reach(layout)
    extents = {
        "letterhead": _extent(list(head)),
        "info block": _extent(list(info)),
        "date line": _extent(list(dated)),
    }
    pieces = [("letterhead", _extent([line])) for line in head] + [
        (name, extents[name]) for name in ("info block", "date line")
    ]
    for name, rect in pieces:  # line by line: a stacked letterhead may step around the window
        if rect.width and rect.intersects(reach):
            raise LayoutError(
                f"the {name} reaches into the window area "
                f"(x {reach.x:.1f}-{reach.right:.1f}, y {reach.y:.1f}-"
                f"{reach.bottom:.1f} mm)",
                where=Where(file=str(layout.path)),
                hint="move it in the layout file, or shorten the sender lines",
            )
    if layout.subject_y < reach.bottom and layout.text.left < reach.right:
        raise LayoutError(
            f"the text starts at {layout.subject_y} mm, inside the window area "
            f"(down to {reach.bottom:.1f} mm)",
            where=Where(file=str(layout.path), field="subject"),
        )
    for name in ("info block", "date line"):
        rect = extents[name]
        if rect.width and rect.bottom > layout.subject_y:
            raise UserError(
                f"the {name} runs into the text (ends at {rect.bottom:.1f} mm, text "
                f"starts at {layout.subject_y} mm)",
                where=_in_file(Where(field="references"), where),
                hint="give fewer or shorter references",
            )
    return extents
