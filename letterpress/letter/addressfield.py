"""Fitting the address field: return line, notes zone and address block, sizes and positions.

The block takes one size, the largest from the layout's down to its minimum at which it fits;
a name, organisation, department or note wider than the window even at the minimum breaks at
a word onto a further line while the layout's line budget allows. The return line never
refuses a letter: it is shortened (``returnline``), else left out, with a warning."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..errors import UserError, Where
from ..notices import Notice
from ..pdf import fonts
from ..pdf.units import to_mm
from .address import AddressLine
from .layout import AddressZone, Layout, Rect
from .plan import AddressField, SetLine
from .returnline import ReturnText
from .window import centred_window
from .wrap import wrap_words

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


# The fields whose lines may break onto a further line (never the street or the town line,
# which the post's machines read as one).
WRAPPABLE = ("name", "organization", "department", "notes")
# The fields whose lines may share one line when a country's format has more lines than the
# layout allows (Russia: town, region and postal code each on a line of their own).
LOCALITY = ("city", "region", "postal_code")


def fit_address(layout: Layout, lines: list[AddressLine], *, where: Where | str,
                notes: list[AddressLine] | None = None, return_text: str | None = None,
                return_where: Where = Where(field="sender"),
                return_texts: Sequence[ReturnText] = ()) -> AddressField:
    """Choose one size for the whole block (shrinking down to the layout's minimum, breaking
    long names onto further lines past that) and place it; the return line is the first of
    ``return_texts`` (or ``return_text``) that fits.

    Raises UserError naming the field when there are too many lines or a line cannot fit.
    """
    font = fonts.face("sans").regular
    ascent, _ = fonts.vertical_metrics(font)
    zone = layout.address
    notes = list(notes or [])
    if layout.notes is None:  # no notes zone: notes head the address block
        lines = notes + lines
        notes = []
    lines, joined = _combined(lines, zone.max_lines)
    if len(lines) > zone.max_lines:
        extra = lines[zone.max_lines]
        raise UserError(f"too many address lines ({len(lines)}; the {layout.name} layout allows "
                        f"{zone.max_lines})", where=extra.where,
                        hint="shorten the address or combine lines")
    box = _address_box(layout)
    notices = _over_max_chars(layout, lines) + joined
    set_lines, size = _fit_block(layout, lines, box, font)
    pitch = to_mm(size * zone.leading)
    first = box.y + to_mm(ascent * size)
    placed = tuple(SetLine(line.text, box.x, first + i * pitch, size, font)
                   for i, line in enumerate(set_lines))
    width, height = _extent([line.text for line in set_lines], zone, size, font)
    texts = list(return_texts) or ([ReturnText(return_text)] if return_text else [])
    ret, notice = _return_line(layout, texts, return_where, font)
    return AddressField(return_line=ret, notes=_notes(layout, notes, box.y, font),
                        address=placed, block=Rect(box.x, box.y, width, height), size=size,
                        notices=tuple(notices + ([notice] if notice else [])))


def _combined(lines: list[AddressLine],
              budget: int) -> tuple[list[AddressLine], list[Notice]]:
    """The lines, with adjacent town, region and postal-code lines joined (", ", from the
    last pair up) until they fit ``budget``; an info notice for each join."""
    lines = list(lines)
    notices: list[Notice] = []
    while len(lines) > budget:
        pairs = [i for i in range(len(lines) - 1)
                 if _field(lines[i]) in LOCALITY and _field(lines[i + 1]) in LOCALITY]
        if not pairs:
            break
        i = pairs[-1]
        first, second = lines[i], lines[i + 1]
        lines[i:i + 2] = [replace(first, text=f"{first.text}, {second.text}")]
        notices.append(Notice(f"{first.text!r} and {second.text!r} share one line to fit the "
                              f"layout's {budget} address lines", second.where,
                              "check the address reads well", kind="address-lines-joined",
                              level="info"))
    return lines, notices


def _extent(texts: list[str], zone: AddressZone, size: float, font: str) -> tuple[float, float]:
    """Width and height (mm) of lines set at ``size``."""
    ascent, descent = fonts.vertical_metrics(font)
    height = (len(texts) - 1) * to_mm(size * zone.leading) + to_mm((ascent + descent) * size)
    return max((to_mm(fonts.width(t, font, size)) for t in texts), default=0.0), height


def _sizes(zone: AddressZone) -> list[float]:
    """The sizes tried, largest first, down to the layout's minimum."""
    sizes, size = [], zone.size
    while size >= zone.min_size - 1e-6:
        sizes.append(size)
        size -= SIZE_STEP
    return sizes


def _fits(texts: list[str], zone: AddressZone, box: Rect, size: float, font: str) -> bool:
    width, height = _extent(texts, zone, size, font)
    return width <= box.width + 1e-6 and height <= box.height + 1e-6


def _wrapped(lines: list[AddressLine], zone: AddressZone, box: Rect, size: float,
             font: str) -> list[AddressLine] | None:
    """The lines with each too-wide name, organisation, department or note broken at its
    words to the box's width (and the layout's characters per line) at ``size``; None when a
    word does not fit alone."""
    def fits(text: str) -> bool:
        return to_mm(fonts.width(text, font, size)) <= box.width + 1e-6 and (
            not zone.max_chars or len(text) <= zone.max_chars)

    out: list[AddressLine] = []
    for line in lines:
        if fits(line.text) or _field(line) not in WRAPPABLE:
            out.append(line)
            continue
        parts = wrap_words(line.text, fits)
        if parts is None:
            return None
        out += [replace(line, text=part) for part in parts]
    return out


def _field(line: AddressLine) -> str:
    """The input field a line came from, without its party and list index."""
    return line.where.field.split("[")[0].rsplit(".", 1)[-1]


def _fit_block(layout: Layout, lines: list[AddressLine], box: Rect,
               font: str) -> tuple[list[AddressLine], float]:
    """The lines as set and their size: unbroken at the largest size that fits, else broken
    at the largest size at which they fit the layout's line budget; else a UserError."""
    zone = layout.address
    texts = [line.text for line in lines]
    for size in _sizes(zone):
        if _fits(texts, zone, box, size, font):
            return lines, size
    for size in _sizes(zone):
        wrapped = _wrapped(lines, zone, box, size, font)
        if wrapped is not None and len(wrapped) <= zone.max_lines and _fits(
                [line.text for line in wrapped], zone, box, size, font):
            return wrapped, size
    raise _misfit(layout, lines, box, font)


def _misfit(layout: Layout, lines: list[AddressLine], box: Rect, font: str) -> UserError:
    """Why the lines cannot fit even at the minimum size, broken or not, naming the field."""
    zone = layout.address
    size = zone.min_size

    def width(line: AddressLine) -> float:
        return to_mm(fonts.width(line.text, font, size))

    wrapped = _wrapped(lines, zone, box, size, font)
    if wrapped is None or any(width(line) > box.width + 1e-6 for line in wrapped):
        widest = max(lines, key=width)
        return UserError(f"address line {widest.text!r} is {width(widest):.1f} mm wide at "
                         f"{size:g} pt; the window leaves {box.width:.1f} mm",
                         where=widest.where, hint="shorten or abbreviate it")
    if len(wrapped) > zone.max_lines:
        broken = max((line for line in lines if _field(line) in WRAPPABLE), key=width)
        return UserError(f"{broken.text!r} is {width(broken):.1f} mm wide at {size:g} pt and the "
                         f"window leaves {box.width:.1f} mm; broken onto more lines, the address "
                         f"would have {len(wrapped)} lines, and the {layout.name} layout allows "
                         f"{zone.max_lines}", where=broken.where, hint="shorten or abbreviate it")
    return UserError(f"{len(wrapped)} address lines do not fit the window of the "
                     f"{layout.name} layout even at {size:g} pt", where=lines[-1].where,
                     hint="use fewer address lines")


def _over_max_chars(layout: Layout, lines: list[AddressLine]) -> list[Notice]:
    """Lines the layout's post wants shorter (La Poste: 38 characters) but that fit: printed,
    with a warning; names and organisations break instead."""
    limit = layout.address.max_chars
    return [Notice(f"address line {line.text!r} has {len(line.text)} characters; the "
                   f"{layout.name} layout's post asks for at most {limit}", line.where,
                   "printed as it is; abbreviate it if you can", kind="line-over-max-chars")
            for line in lines if limit and len(line.text) > limit
            and _field(line) not in WRAPPABLE]


def _return_line(layout: Layout, texts: list[ReturnText], where: Where,
                 font: str) -> tuple[SetLine | None, Notice | None]:
    """The first form of the return line that fits its strip at a size the layout allows,
    and a warning when it had to be shortened or left out."""
    spec = layout.return_line
    if spec is None or not texts:
        return None, None
    available = min(layout.address_field.right,
                    centred_window(layout).right - layout.envelope.clearance) - layout.address_x
    _, descent = fonts.vertical_metrics(font)
    for form in texts:
        size = spec.size
        while size >= spec.min_size - 1e-6:
            if to_mm(fonts.width(form.text, font, size)) <= available + 1e-6:
                baseline = layout.address_field.y + spec.height - to_mm(descent * size) - 0.6
                notice = None if not form.changes else Notice(
                    f"the return line was shortened to fit the address field "
                    f"({', '.join(form.changes)})", where,
                    'set return_line = "..." to choose its text', kind="return-line-shortened")
                return SetLine(form.text, layout.address_x, baseline, size, font), notice
            size -= SIZE_STEP
    return None, Notice(f"the return line {texts[-1].text!r} is too wide for the address field "
                        f"even at {spec.min_size:g} pt; it is left out", where,
                        'set return_line = "shorter text", or return_line = false',
                        kind="return-line-left-out")


def _notes(layout: Layout, notes: list[AddressLine], address_top: float,
           font: str) -> tuple[SetLine, ...]:
    """The delivery notes, filled bottom-up above the address; a note too wide for the zone
    breaks at its words while the zone's lines allow."""
    spec = layout.notes
    if spec is None or not notes:
        return ()
    available = layout.address_field.right - layout.address_x

    def fits(text: str) -> bool:
        return to_mm(fonts.width(text, font, spec.size)) <= available + 1e-6

    lines: list[AddressLine] = []
    for note in notes:
        parts = [note.text] if fits(note.text) else wrap_words(note.text, fits)
        if parts is None:
            raise UserError(f"note {note.text!r} has a word too wide for the notes zone "
                            f"({available:.1f} mm at {spec.size:g} pt)", where=note.where,
                            hint="shorten it")
        lines += [replace(note, text=part) for part in parts]
    if len(lines) > spec.max_lines:
        raise UserError(f"too many notes lines ({len(lines)}; the {layout.name} layout allows "
                        f"{spec.max_lines})", where=lines[spec.max_lines].where,
                        hint="keep delivery notes short")
    _, descent = fonts.vertical_metrics(font)
    pitch = to_mm(spec.size * 1.2)
    last = address_top - to_mm(descent * spec.size) - 1.0  # filled bottom-up
    return tuple(SetLine(note.text, layout.address_x, last - (len(lines) - 1 - i) * pitch,
                         spec.size, font) for i, note in enumerate(lines))
