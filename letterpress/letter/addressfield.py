"""Fitting the address field: return line, notes zone and address block, sizes and positions."""
from __future__ import annotations

from ..pdf import fonts
from .address import AddressLine
from ..errors import UserError, Where
from .layout import Layout, Rect
from .plan import AddressField, SetLine
from ..pdf.units import to_mm
from .window import centred_window

SIZE_STEP = 0.5  # pt: how much the address shrinks per try


def _address_box(layout: Layout) -> Rect:
    """Where address text may go: the layout's zone, inside the centred window's clearance."""
    zone = layout.address
    window = centred_window(layout).inset(layout.envelope.clearance)
    top = max(zone.top, window.y)
    bottom = min(zone.top + zone.height, window.bottom)
    left = max(layout.address_x, window.x)
    right = min(layout.address_field.right, window.right)
    return Rect(left, top, right - left, bottom - top)


def fit_address(layout: Layout, lines: list[AddressLine], *, where: Where,
                notes: list[AddressLine] | None = None, return_text: str | None = None,
                return_where: Where = Where(field="sender")) -> AddressField:
    """Choose one size for the whole block (shrinking down to the layout's minimum) and place it.

    Raises UserError naming the field when there are too many lines or a line is too wide.
    """
    font = fonts.face("sans").regular
    ascent, descent = fonts.vertical_metrics(font)
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
    box = _address_box(layout)
    size = zone.size
    while True:
        pitch = to_mm(size * zone.leading)
        height = (len(lines) - 1) * pitch + to_mm((ascent + descent) * size)
        widths = [to_mm(fonts.width(line.text, font, size)) for line in lines]
        if height <= box.height + 1e-6 and max(widths, default=0) <= box.width + 1e-6:
            break
        if size - SIZE_STEP < zone.min_size - 1e-6:
            if height > box.height + 1e-6:
                raise UserError(f"{len(lines)} address lines do not fit the window of the "
                                f"{layout.name} layout even at {zone.min_size:g} pt",
                                where=lines[-1].where, hint="use fewer address lines")
            widest = max(range(len(lines)), key=widths.__getitem__)
            raise UserError(f"address line {lines[widest].text!r} is {widths[widest]:.1f} mm wide "
                            f"at {zone.min_size:g} pt; the window leaves {box.width:.1f} mm",
                            where=lines[widest].where, hint="shorten or abbreviate it")
        size -= SIZE_STEP
    first = box.y + to_mm(ascent * size)
    placed = tuple(SetLine(line.text, box.x, first + i * pitch, size, font)
                   for i, line in enumerate(lines))
    block = Rect(box.x, box.y, max(widths, default=0), height)
    return AddressField(return_line=_return_line(layout, return_text, return_where, font),
                        notes=_notes(layout, notes, box.y, font), address=placed, block=block,
                        size=size)


def _return_line(layout: Layout, text: str | None, where: Where, font: str) -> SetLine | None:
    spec = layout.return_line
    if spec is None or not text:
        return None
    available = min(layout.address_field.right,
                    centred_window(layout).right - layout.envelope.clearance) - layout.address_x
    size = spec.size
    while to_mm(fonts.width(text, font, size)) > available:
        size -= SIZE_STEP
        if size < spec.min_size - 1e-6:
            raise UserError(f"the return line {text!r} is too wide for the address field even at "
                            f"{spec.min_size:g} pt", where=where,
                            hint='set return_line = "shorter text" or return_line = false')
    _, descent = fonts.vertical_metrics(font)
    baseline = layout.address_field.y + spec.height - to_mm(descent * size) - 0.6
    return SetLine(text, layout.address_x, baseline, size, font)


def _notes(layout: Layout, notes: list[AddressLine], address_top: float,
           font: str) -> tuple[SetLine, ...]:
    spec = layout.notes
    if spec is None or not notes:
        return ()
    if len(notes) > spec.max_lines:
        raise UserError(f"too many notes lines ({len(notes)}; the {layout.name} layout allows "
                        f"{spec.max_lines})", where=notes[spec.max_lines].where,
                        hint="keep delivery notes short")
    available = layout.address_field.right - layout.address_x
    for note in notes:
        if to_mm(fonts.width(note.text, font, spec.size)) > available:
            raise UserError(f"note {note.text!r} is too wide for the notes zone", where=note.where,
                            hint="shorten it")
    _, descent = fonts.vertical_metrics(font)
    pitch = to_mm(spec.size * 1.2)
    last = address_top - to_mm(descent * spec.size) - 1.0  # filled bottom-up
    return tuple(SetLine(note.text, layout.address_x, last - (len(notes) - 1 - i) * pitch,
                         spec.size, font) for i, note in enumerate(notes))

