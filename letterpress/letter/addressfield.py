"""Fitting the address field: return line, notes zone and address block, sizes and positions.

Everything is set inside the window of the layout's chosen envelope: where it keeps the
layout's clearance at every position the folded sheet can take in the envelope
(``window.safe_box``), shrinking the address down to the layout's minimum size. When the lines
cannot fit there even at that size, they are set at the minimum size where they keep the
clearance with the sheet centred (``window.centred_box``), centred on the safe area so that as
little as possible hides when the sheet slides; the window check then says so. Only lines that
do not fit even with the sheet centred are refused.

A name, organisation, department or note wider than the window even at the minimum size breaks
at a word onto a further line while the layout's line budget allows; town, region and postal
code share a line when a country's format has more lines than the layout. The return line never
refuses a letter: it is shortened (``returnline``), else left out, with a warning.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where
from ..notices import Notice
from ..pdf import fonts
from ..pdf.units import to_mm
from .address import AddressLine
from .layout import AddressZone, Layout, Rect
from .plan import RULE_WEIGHT, AddressField, Rule, SetLine
from .returnline import ReturnText
from .window import WindowPlaces, edges_union, ink_edges, window_places
from .wrap import wrap_words

SIZE_STEP = 0.5  # pt: how much the address shrinks per try
NOTE_GAP = 1.5  # mm between the notes' ink and the address's
RETURN_GAP = 1.5  # mm between the return line's rule and what follows it
RULE_DROP = 0.9  # mm: the return line's rule below its baseline
NOTE_LEADING = 1.2  # the notes' line pitch as a multiple of their size
# The fields whose lines may break onto a further line (never the street or the town line,
# which the post's machines read as one).
WRAPPABLE = ("name", "organization", "department", "notes")
# The fields whose lines may share one line when a country's format has more lines than the
# layout allows (Russia: town, region and postal code each on a line of their own).
LOCALITY = ("city", "region", "postal_code")


class _Box(Struct, frozen=True):
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


def _boxes(layout: Layout, places: WindowPlaces) -> Iterator[_Box]:
    """Where the field may go: clear wherever the sheet slides; else (made only if need be)
    clear with the sheet centred, as close as it can be to the first."""
    yield _address_box(layout, places.safe)
    yield _address_box(layout, places.centred_safe, slide=places.safe)


def fit_address(
    layout: Layout,
    lines: list[AddressLine],
    *,
    where: Where | str,
    notes: list[AddressLine] | None = None,
    return_text: str | None = None,
    return_where: Where = Where(field="sender"),
    return_texts: Sequence[ReturnText] = (),
    places: WindowPlaces | None = None,
) -> AddressField:
    """Choose one size for the whole block (shrinking down to the layout's minimum, breaking
    long names onto further lines past that) and place it in the window, with the return line
    (the first of ``return_texts``, or ``return_text``, that fits) and notes above it.

    ``places`` are the layout's window places, when the caller has them.

    Raises UserError naming the field when there are too many lines or a line cannot fit.
    """
    font = fonts.face("sans").regular
    zone = layout.address
    notes = list(notes or [])
    if layout.notes is None:  # no notes zone: notes head the address block
        lines = notes + lines
        notes = []
    lines, notices = _combined(lines, zone.max_lines)
    if len(lines) > zone.max_lines:
        extra = lines[zone.max_lines]
        raise UserError(
            f"too many address lines ({len(lines)}; the {layout.name} layout allows "
            f"{zone.max_lines})",
            where=extra.where,
            hint="shorten the address or combine lines",
        )
    lines = _within_chars(lines, zone)
    notices += _over_max_chars(layout, lines)
    texts = list(return_texts) or ([ReturnText(return_text)] if return_text else [])
    places = places or window_places(layout)
    last_error: UserError | None = None
    for box in _boxes(layout, places):  # clear wherever the sheet slides, else when centred
        set_notes = _wrapped_notes(layout, notes, font, box)
        for candidate in _candidates(lines, zone, font, box):  # the broken lines only if need be
            try:
                field = _fit(layout, candidate, set_notes, texts, return_where, font, box)
            except UserError as exc:
                last_error = exc
                continue
            return replace(field, notices=tuple(notices) + field.notices) if notices else field
    assert last_error is not None
    raise _misfit(layout, lines, font, box) or last_error  # box: the centred one


def _combined(lines: list[AddressLine], budget: int) -> tuple[list[AddressLine], list[Notice]]:
    """The lines, with adjacent town, region and postal-code lines joined (", ", from the
    last pair up) until they fit ``budget``; an info notice for each join."""
    lines = list(lines)
    notices: list[Notice] = []
    while len(lines) > budget:
        pairs = [
            i
            for i in range(len(lines) - 1)
            if _field(lines[i]) in LOCALITY and _field(lines[i + 1]) in LOCALITY
        ]
        if not pairs:
            break
        i = pairs[-1]
        first, second = lines[i], lines[i + 1]
        lines[i : i + 2] = [replace(first, text=f"{first.text}, {second.text}")]
        notices.append(
            Notice(
                f"{first.text!r} and {second.text!r} share one line to fit the "
                f"layout's {budget} address lines",
                second.where,
                "check the address reads well",
                kind="address-lines-joined",
                level="info",
            )
        )
    return lines, notices


def _field(line: AddressLine) -> str:
    """The input field a line came from, without its party and list index."""
    return line.where.field.split("[")[0].rsplit(".", 1)[-1]


def _within_chars(lines: list[AddressLine], zone: AddressZone) -> list[AddressLine]:
    """Names and organisations longer than the layout's characters per line (La Poste: 38)
    broken at their words, while the line budget allows."""
    if not zone.max_chars:
        return lines
    out: list[AddressLine] = []
    for line in lines:
        parts = (
            wrap_words(line.text, lambda t: len(t) <= zone.max_chars)
            if len(line.text) > zone.max_chars and _field(line) in WRAPPABLE
            else None
        )
        out += [replace(line, text=p) for p in parts] if parts else [line]
    return out if len(out) <= zone.max_lines else lines


def _over_max_chars(layout: Layout, lines: list[AddressLine]) -> list[Notice]:
    """Lines the layout's post wants shorter (La Poste: 38 characters) but that fit: printed,
    with a warning."""
    limit = layout.address.max_chars
    return [
        Notice(
            f"address line {line.text!r} has {len(line.text)} characters; the "
            f"{layout.name} layout's post asks for at most {limit}",
            line.where,
            "printed as it is; abbreviate it if you can",
            kind="line-over-max-chars",
        )
        for line in lines
        if limit and len(line.text) > limit
    ]


def _candidates(
    lines: list[AddressLine], zone: AddressZone, font: str, box: _Box
) -> Iterator[list[AddressLine]]:
    """The lines as they are, then (when a name, organisation, department or note is wider
    than the box even at the minimum size) broken at words to the box's width, within the
    layout's line budget; the second is made only when asked for."""
    yield lines
    wrapped = _wrapped(lines, zone.min_size, font, box.right - box.left)
    if wrapped is None or wrapped == lines or len(wrapped) > zone.max_lines:
        return
    yield wrapped


def _wrapped(
    lines: list[AddressLine], size: float, font: str, width: float
) -> list[AddressLine] | None:
    """Each too-wide wrappable line broken at its words to ``width`` mm at ``size``; None
    when a word does not fit alone."""

    def fits(text: str) -> bool:
        return to_mm(fonts.width(text, font, size)) <= width + 1e-6

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


def _misfit(layout: Layout, lines: list[AddressLine], font: str, box: _Box) -> UserError | None:
    """The budget error when a name or organisation would need more lines than the layout
    allows once broken; None when the fitting's own error says it better."""
    zone = layout.address
    size = zone.min_size
    width = box.right - box.left
    wrapped = _wrapped(lines, size, font, width)
    if wrapped is None or len(wrapped) <= zone.max_lines:
        return None

    def measure(line: AddressLine) -> float:
        return to_mm(fonts.width(line.text, font, size))

    broken = max((line for line in lines if _field(line) in WRAPPABLE), key=measure)
    return UserError(
        f"{broken.text!r} is {measure(broken):.1f} mm wide at {size:g} pt and the "
        f"window leaves {width:.1f} mm; broken onto more lines, the address would "
        f"have {len(wrapped)} lines, and the {layout.name} layout allows "
        f"{zone.max_lines}",
        where=broken.where,
        hint="shorten or abbreviate it",
    )


def _wrapped_notes(
    layout: Layout, notes: list[AddressLine], font: str, box: _Box
) -> list[AddressLine]:
    """The delivery notes, each too wide for the box broken at its words."""
    spec = layout.notes
    if spec is None or not notes:
        return notes
    width = box.right - box.left

    def fits(text: str) -> bool:
        return to_mm(fonts.width(text, font, spec.size)) <= width + 1e-6

    out: list[AddressLine] = []
    for note in notes:
        parts = [note.text] if fits(note.text) else wrap_words(note.text, fits)
        if parts is None:
            raise UserError(
                f"note {note.text!r} has a word too wide for the notes zone "
                f"({width:.1f} mm at {spec.size:g} pt)",
                where=note.where,
                hint="shorten it",
            )
        out += [replace(note, text=part) for part in parts]
    return out


def _fit(
    layout: Layout,
    lines: list[AddressLine],
    notes: list[AddressLine],
    texts: list[ReturnText],
    return_where: Where,
    font: str,
    box: _Box,
) -> AddressField:
    """Set the field in ``box``: the largest size that fits, or the minimum size centred on
    ``box.slide`` when fitting centred."""
    zone = layout.address
    returned, notice = _return_size(layout, texts, return_where, font, box)
    note_height = _notes_height(layout, notes, font, box)
    above = 0.0  # mm of return line and notes above the address's ink
    if returned is not None:
        ink = fonts.ink(returned[0], font, returned[1])
        above += to_mm(ink.top) + max(to_mm(ink.bottom), RULE_DROP + to_mm(RULE_WEIGHT) / 2)
        above += RETURN_GAP
    if notes:
        above += note_height + NOTE_GAP
    bottom = (
        box.area.bottom if box.slide is not None else min(box.area.bottom, zone.top + zone.height)
    )
    overhang = min(
        [
            0.0,
            *(
                fonts.ink(note.text, font, layout.notes.size).left
                for note in notes
                if layout.notes is not None
            ),
        ]
    )
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
        height = (
            (len(lines) - 1) * pitch + to_mm(inks[0].top) + to_mm(inks[-1].bottom) if lines else 0.0
        )
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
                raise UserError(
                    f"{len(lines)} address lines do not fit the window of the "
                    f"{layout.name} layout even at {zone.min_size:g} pt",
                    where=lines[-1].where,
                    hint="use fewer address lines",
                )
            widest = max(range(len(lines)), key=widths.__getitem__)
            raise UserError(
                f"address line {lines[widest].text!r} is {widths[widest]:.1f} mm wide "
                f"at {zone.min_size:g} pt; the window leaves {box.right - x:.1f} mm",
                where=lines[widest].where,
                hint="shorten or abbreviate it",
            )
        size -= SIZE_STEP
    first = top + to_mm(inks[0].top) if lines else top
    placed = tuple(
        SetLine(line.text, x, first + i * pitch, size, font) for i, line in enumerate(lines)
    )
    block = (
        edges_union([ink_edges(s, i) for s, i in zip(placed, inks)])
        if lines
        else Rect(x, top, 0.0, 0.0)
    )
    set_notes = _notes(layout, notes, x, top, font)
    ret, rule = None, None
    if returned is not None:
        text, ret_size = returned
        stack_top = top - above if box.slide is not None else box.area.y
        ret = SetLine(
            text, x, stack_top + to_mm(fonts.ink(text, font, ret_size).top), ret_size, font
        )
        rule = Rule(x, ret.baseline + RULE_DROP, to_mm(fonts.width(text, font, ret_size)))
    return AddressField(
        return_line=ret,
        notes=set_notes,
        address=placed,
        block=block,
        size=size,
        rule=rule,
        notices=(notice,) if notice else (),
    )


def _return_size(
    layout: Layout, texts: list[ReturnText], where: Where, font: str, box: _Box
) -> tuple[tuple[str, float] | None, Notice | None]:
    """The first form of the return line that fits the box's width at a size the layout
    allows, and its size; a warning when it had to be shortened, or left out. Fitting
    centred, a form that fits the width kept clear wherever the sheet slides comes first:
    the address is too tall for that, but the return line need not hide at the edge too."""
    spec = layout.return_line
    if spec is None or not texts:
        return None, None
    widths = [box.right - box.left]
    if box.slide is not None:
        slid = _address_box(layout, box.slide)
        widths.insert(0, slid.right - slid.left)
    for available, form in ((w, form) for w in widths for form in texts):
        size = spec.size
        while size >= spec.min_size - 1e-6:
            if to_mm(fonts.width(form.text, font, size)) <= available + 1e-6:
                notice = (
                    None
                    if not form.changes
                    else Notice(
                        f"the return line was shortened to fit the address field "
                        f"({', '.join(form.changes)})",
                        where,
                        'set return_line = "..." to choose its text',
                        kind="return-line-shortened",
                    )
                )
                return (form.text, size), notice
            size -= SIZE_STEP
    return None, Notice(
        f"the return line {texts[-1].text!r} is too wide for the address field "
        f"even at {spec.min_size:g} pt; it is left out",
        where,
        'set return_line = "shorter text", or return_line = false',
        kind="return-line-left-out",
    )


def _notes_height(layout: Layout, notes: list[AddressLine], font: str, box: _Box) -> float:
    """The height (mm) of the notes' ink, checking their number and width."""
    spec = layout.notes
    if spec is None or not notes:
        return 0.0
    if len(notes) > spec.max_lines:
        raise UserError(
            f"too many notes lines ({len(notes)}; the {layout.name} layout allows "
            f"{spec.max_lines})",
            where=notes[spec.max_lines].where,
            hint="keep delivery notes short",
        )
    available = box.right - box.left
    for note in notes:
        if to_mm(fonts.width(note.text, font, spec.size)) > available:
            raise UserError(
                f"note {note.text!r} is too wide for the notes zone",
                where=note.where,
                hint="shorten it",
            )
    first = fonts.ink(notes[0].text, font, spec.size)
    last = fonts.ink(notes[-1].text, font, spec.size)
    pitch = to_mm(spec.size * NOTE_LEADING)
    return (len(notes) - 1) * pitch + to_mm(first.top) + to_mm(last.bottom)


def _notes(
    layout: Layout, notes: list[AddressLine], x: float, address_top: float, font: str
) -> tuple[SetLine, ...]:
    """The notes, filled bottom-up just above the address's ink."""
    spec = layout.notes
    if spec is None or not notes:
        return ()
    pitch = to_mm(spec.size * NOTE_LEADING)
    last = address_top - NOTE_GAP - to_mm(fonts.ink(notes[-1].text, font, spec.size).bottom)
    return tuple(
        SetLine(note.text, x, last - (len(notes) - 1 - i) * pitch, spec.size, font)
        for i, note in enumerate(notes)
    )
