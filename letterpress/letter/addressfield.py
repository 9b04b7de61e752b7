"""Fitting the address field: return line, notes zone and address block, sizes and positions.

Everything is set inside the window of the layout's chosen envelope: where it keeps the
layout's clearance at every position the folded sheet can take in the envelope
(``window.safe_box``), shrinking the address down to the layout's minimum size. When the lines
cannot fit there even at that size, they are set at the minimum size where they keep the
clearance with the sheet centred (``window.centred_box``), centred on the safe area so that as
little as possible hides when the sheet slides; the window check then says so. Only lines that
do not fit even with the sheet centred are refused.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError, Where
from ..pdf import fonts
from ..pdf.units import to_mm
from .address import AddressLine
from .layout import Layout, Rect
from .plan import RULE_WEIGHT, AddressField, Rule, SetLine
from .window import centred_box, safe_box, union

SIZE_STEP = 0.5  # pt: how much the address shrinks per try
NOTE_GAP = 1.5  # mm between the notes' ink and the address's
RETURN_GAP = 1.5  # mm between the return line's rule and what follows it
RULE_DROP = 0.9  # mm: the return line's rule below its baseline
NOTE_LEADING = 1.2  # the notes' line pitch as a multiple of their size


@dataclass(frozen=True)
class _Box:
    """Where the field's text may go: the window's clear area, the layout's address field's
    left and right edges, and the address zone's top and bottom."""

    area: Rect
    left: float
    right: float
    slide: Rect | None = None  # set when fitting centred: the area to stay as close to


def _address_box(layout: Layout, area: Rect, slide: Rect | None = None) -> _Box:
    """Where address text may go inside ``area``: from the layout's text edge (or the area's,
    if further right) to the address field's right edge (or the area's, if further left; when
    fitting centred, the area's: only the window itself refuses a line)."""
    right = area.right if slide is not None else min(layout.address_field.right, area.right)
    return _Box(area, max(layout.address_x, area.x), right, slide)


def fit_address(layout: Layout, lines: list[AddressLine], *, where: Where,
                notes: list[AddressLine] | None = None, return_text: str | None = None,
                return_where: Where = Where(field="sender")) -> AddressField:
    """Choose one size for the whole block (shrinking down to the layout's minimum) and place
    it in the window, with the return line and notes above it.

    Raises UserError naming the field when there are too many lines or a line is too wide.
    """
    font = fonts.face("sans").regular
    zone = layout.address
    notes = list(notes or [])
    if layout.notes is None:  # no notes zone: notes head the address block
        lines = notes + lines
        notes = []
    if len(lines) > zone.max_lines:
        extra = lines[zone.max_lines]
        raise UserError(f"too many address lines ({len(lines)}; the {layout.name} layout allows "
                        f"{zone.max_lines})", where=extra.where,
                        hint="shorten the address or combine lines")
    if zone.max_chars:
        for line in lines:
            if len(line.text) > zone.max_chars:
                raise UserError(f"address line {line.text!r} has {len(line.text)} characters; the "
                                f"{layout.name} layout allows {zone.max_chars}", where=line.where,
                                hint="abbreviate it")
    safe = safe_box(layout)
    try:
        return _fit(layout, lines, notes, return_text, return_where, font,
                    _address_box(layout, safe))
    except UserError:
        pass  # does not keep clear wherever the sheet slides: the window check will say so
    return _fit(layout, lines, notes, return_text, return_where, font,
                _address_box(layout, centred_box(layout), slide=safe))


def _fit(layout: Layout, lines: list[AddressLine], notes: list[AddressLine],
         return_text: str | None, return_where: Where, font: str, box: _Box) -> AddressField:
    """Set the field in ``box``: the largest size that fits, or the minimum size centred on
    ``box.slide`` when fitting centred."""
    zone = layout.address
    returned = _return_size(layout, return_text, return_where, font, box)
    note_height = _notes_height(layout, notes, font, box)
    above = 0.0  # mm of return line and notes above the address's ink
    if returned is not None:
        ink = fonts.ink(returned[0], font, returned[1])
        above += to_mm(ink.top) + max(to_mm(ink.bottom), RULE_DROP + to_mm(RULE_WEIGHT) / 2)
        above += RETURN_GAP
    if notes:
        above += note_height + NOTE_GAP
    bottom = box.area.bottom if box.slide is not None else min(box.area.bottom,
                                                               zone.top + zone.height)
    overhang = min([0.0, *(fonts.ink(note.text, font, layout.notes.size).left
                           for note in notes if layout.notes is not None)])
    if returned is not None:
        overhang = min(overhang, fonts.ink(returned[0], font, returned[1]).left)
    size = zone.min_size if box.slide is not None else zone.size
    while True:
        inks = [fonts.ink(line.text, font, size) for line in lines]
        widths = [to_mm(i.right) for i in inks]
        # a glyph that reaches left of its origin (J) moves the whole field right
        x = max(box.left, box.area.x - to_mm(min([overhang, *(i.left for i in inks)])))
        if box.slide is not None:  # as far into the area that keeps clear as the width allows
            x = max(box.left, min(max(x, box.slide.x), box.right - max(widths, default=0.0)))
        pitch = to_mm(size * zone.leading)
        height = ((len(lines) - 1) * pitch + to_mm(inks[0].top) + to_mm(inks[-1].bottom)
                  if lines else 0.0)
        lowest = box.area.y + above  # the highest the address's ink may start
        if box.slide is None:
            top = min(max(zone.top, lowest), bottom - height)
        else:  # centred on the area that keeps clear when the sheet slides, inside the box
            total = above + height
            start = box.slide.y - (total - box.slide.height) / 2
            top = min(max(start, box.area.y), bottom - total) + above
        fits_high = top >= lowest - 1e-6
        fits_wide = x + max(widths, default=0.0) <= box.right + 1e-6
        if fits_high and fits_wide:
            break
        if size - SIZE_STEP < zone.min_size - 1e-6:
            if not fits_high:
                raise UserError(f"{len(lines)} address lines do not fit the window of the "
                                f"{layout.name} layout even at {zone.min_size:g} pt",
                                where=lines[-1].where,
                                hint="use fewer address lines")
            widest = max(range(len(lines)), key=widths.__getitem__)
            raise UserError(f"address line {lines[widest].text!r} is {widths[widest]:.1f} mm wide "
                            f"at {zone.min_size:g} pt; the window leaves {box.right - x:.1f} mm",
                            where=lines[widest].where, hint="shorten or abbreviate it")
        size -= SIZE_STEP
    first = top + to_mm(inks[0].top) if lines else top
    placed = tuple(SetLine(line.text, x, first + i * pitch, size, font)
                   for i, line in enumerate(lines))
    block = union([Rect(x + to_mm(i.left), s.baseline - to_mm(i.top), to_mm(i.right - i.left),
                        to_mm(i.top + i.bottom)) for s, i in zip(placed, inks)]) if lines \
        else Rect(x, top, 0.0, 0.0)
    set_notes = _notes(layout, notes, x, top, font)
    ret, rule = None, None
    if returned is not None:
        text, ret_size = returned
        stack_top = top - above if box.slide is not None else box.area.y
        ret = SetLine(text, x, stack_top + to_mm(fonts.ink(text, font, ret_size).top), ret_size,
                      font)
        rule = Rule(x, ret.baseline + RULE_DROP, to_mm(fonts.width(text, font, ret_size)))
    return AddressField(return_line=ret, notes=set_notes, address=placed, block=block,
                        size=size, rule=rule)


def _return_size(layout: Layout, text: str | None, where: Where, font: str,
                 box: _Box) -> tuple[str, float] | None:
    """The return line's text and the size at which it fits the box's width."""
    spec = layout.return_line
    if spec is None or not text:
        return None
    available = box.right - box.left
    size = spec.size
    while to_mm(fonts.width(text, font, size)) > available:
        size -= SIZE_STEP
        if size < spec.min_size - 1e-6:
            raise UserError(f"the return line {text!r} is too wide for the address field even at "
                            f"{spec.min_size:g} pt", where=where,
                            hint='set return_line = "shorter text" or return_line = false')
    return text, size


def _notes_height(layout: Layout, notes: list[AddressLine], font: str, box: _Box) -> float:
    """The height (mm) of the notes' ink, checking their number and width."""
    spec = layout.notes
    if spec is None or not notes:
        return 0.0
    if len(notes) > spec.max_lines:
        raise UserError(f"too many notes lines ({len(notes)}; the {layout.name} layout allows "
                        f"{spec.max_lines})", where=notes[spec.max_lines].where,
                        hint="keep delivery notes short")
    available = box.right - box.left
    for note in notes:
        if to_mm(fonts.width(note.text, font, spec.size)) > available:
            raise UserError(f"note {note.text!r} is too wide for the notes zone", where=note.where,
                            hint="shorten it")
    first = fonts.ink(notes[0].text, font, spec.size)
    last = fonts.ink(notes[-1].text, font, spec.size)
    pitch = to_mm(spec.size * NOTE_LEADING)
    return (len(notes) - 1) * pitch + to_mm(first.top) + to_mm(last.bottom)


def _notes(layout: Layout, notes: list[AddressLine], x: float, address_top: float,
           font: str) -> tuple[SetLine, ...]:
    """The notes, filled bottom-up just above the address's ink."""
    spec = layout.notes
    if spec is None or not notes:
        return ()
    pitch = to_mm(spec.size * NOTE_LEADING)
    last = address_top - NOTE_GAP - to_mm(fonts.ink(notes[-1].text, font, spec.size).bottom)
    return tuple(SetLine(note.text, x, last - (len(notes) - 1 - i) * pitch, spec.size, font)
                 for i, note in enumerate(notes))
