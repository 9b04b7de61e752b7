"""Fitting the call sheet to its page: the sheet's blocks at a type size, shrunk until they fit.

Fitting decides every position; :mod:`.page` only draws what is placed here. Type starts at the
design size and steps down to the minimum; the sheet is always one page and never clips text.
"""

from __future__ import annotations

import math
from typing import Any

from msgspec import Struct
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..errors import UserError
from ..letter.markup import escape
from ..pdf import fonts
from ..pdf.paragraph import SettledParagraph
from ..pdf.units import mm
from .flowables import GREY, INK, WARN, Columns, FormLines, QrCode, Rule, Tick
from .script import Sheet

DESIGN_SIZE = 12.5
MIN_SIZE = 9.0
STEP = 0.5
LEADING = 1.27  # line height as a multiple of the size
NOTE_PITCH = mm(8)  # ruled note lines, spaced for handwriting
MIN_NOTE_LINES = 2
FORM_ROW = mm(8)  # outcome box rows


class Geometry(Struct, frozen=True):
    """The page and its grid, in points."""

    width: float
    height: float
    margin_x: float = mm(18)
    margin_top: float = mm(13)
    margin_bottom: float = mm(11)
    gutter: float = mm(29)  # label column of the script rows
    gap: float = mm(5)
    qr: float = mm(30)

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def text_x(self) -> float:
        """Left edge of the text column beside the labels."""
        return self.margin_x + self.gutter + self.gap


class Block(Struct, frozen=True):
    """One stacked part of the sheet and the ``[call]`` field its text comes from."""

    flowable: Flowable
    field: str | None
    space_after: float


class Placed(Struct, frozen=True):
    """A flowable and where its bottom-left corner goes."""

    flowable: Flowable
    x: float
    y: float


class Plan(Struct, frozen=True):
    """The finished page: placed flowables, ruled note lines, and the type size used."""

    size: float
    placed: tuple[Placed, ...]
    note_lines: tuple[float, ...]  # y of each rule
    note_x: tuple[float, float]


class Styles:
    """Paragraph styles derived from one base size."""

    def __init__(self, size: float) -> None:
        face = fonts.face("sans")
        self.size = size
        self.leading = size * LEADING
        base = ParagraphStyle(
            "cs-body",
            fontName=face.regular,
            fontSize=size,
            leading=self.leading,
            textColor=INK,
            hyphenationLang="",
            splitLongWords=1,
            uriWasteReduce=0.3,  # a web or e-mail address breaks where it can be typed back
            bulletFontName=face.regular,
        )
        self.body = base
        self.strong = ParagraphStyle("cs-strong", parent=base, fontName=face.bold)
        self.label = ParagraphStyle(
            "cs-label",
            parent=base,
            fontName=face.bold,
            fontSize=size * 0.7,
            leading=size * 0.95,
            textColor=GREY,
            spaceBefore=size * 0.3,
        )
        self.label_note = ParagraphStyle(
            "cs-label-note", parent=self.label, fontName=face.regular, spaceBefore=size * 0.15
        )
        self.warn = ParagraphStyle(
            "cs-warn", parent=self.label_note, textColor=WARN, fontName=face.bold
        )
        self.kicker = ParagraphStyle("cs-kicker", parent=self.label, spaceBefore=0)
        # a double-barrelled name too long for the line breaks after its hyphen, not mid-word
        self.name = ParagraphStyle(
            "cs-name",
            parent=base,
            fontName=face.bold,
            fontSize=size * 1.9,
            leading=size * 2.2,
            embeddedHyphenation=1,
        )
        self.role = ParagraphStyle("cs-role", parent=base, textColor=GREY, embeddedHyphenation=1)
        self.number = ParagraphStyle(
            "cs-number",
            parent=base,
            fontName=face.bold,
            fontSize=size * 1.55,
            leading=size * 1.9,
            spaceBefore=size * 0.6,
        )
        self.small = ParagraphStyle(
            "cs-small", parent=base, fontSize=size * 0.82, leading=size * 1.1, textColor=GREY
        )
        self.value = ParagraphStyle(
            "cs-value", parent=base, fontName=face.bold, fontSize=size * 1.3, leading=size * 1.6
        )
        self.reminder = ParagraphStyle(
            "cs-reminder",
            parent=base,
            fontSize=size * 0.88,
            leading=size * 1.15,
            leftIndent=size * 0.9,
            bulletIndent=0,
            spaceAfter=size * 0.15,
        )
        # a bold question and its answer: an address wider than the line breaks where it can
        # be typed back (pdf.hyphenate.address_words); a shorter one goes whole to the next line
        self.qa = ParagraphStyle("cs-qa", parent=base, spaceAfter=size * 0.35, uriWasteReduce=0)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """Text as a paragraph, broken into lines as a letter's are (:mod:`..pdf.linebreak`)."""
    return SettledParagraph(escape(text), style)


def _header(sheet: Sheet, st: Styles, geo: Geometry) -> Flowable:
    labels = sheet.labels
    left: list[Flowable] = [_p(labels["kicker"].upper(), st.kicker), _p(sheet.contact, st.name)]
    if sheet.role_line:
        left.append(_p(sheet.role_line, st.role))
    # the national form is kept whole: it moves under the number rather than break in it
    national = f"{labels['national']} {sheet.phone.national}".replace(" ", "\u00a0")
    left.append(
        Paragraph(
            f'{escape(sheet.phone.international)}<font name="{st.small.fontName}" '
            f'size="{st.small.fontSize:.2f}" color="#6b6b6b">'
            f"&nbsp;&nbsp;&nbsp; {escape(national)}</font>",
            st.number,
        )
    )
    caption = ParagraphStyle("cs-caption", parent=st.small, alignment=1, spaceBefore=0)
    right: list[Flowable] = [QrCode(sheet.phone.tel_uri, geo.qr), _p(labels["scan"], caption)]
    return Columns([(geo.content_width - geo.qr - geo.gap, left), (geo.qr, right)], geo.gap)


def _when(sheet: Sheet, st: Styles, geo: Geometry) -> Flowable:
    count = 3
    width = (geo.content_width - geo.gap * (count - 1)) / count
    cols = []
    for cell in sheet.when:
        items: list[Flowable] = [_p(cell.label.upper(), st.kicker), _p(cell.value, st.value)]
        if cell.note:
            items.append(_p(cell.note, st.small))
        cols.append((width, items))
    return Columns(cols, geo.gap)


def _row(
    label: str, body: list[Flowable], st: Styles, geo: Geometry, note: Paragraph | None = None
) -> Flowable:
    side: list[Flowable] = [_p(label.upper(), st.label)]
    if note is not None:
        side.append(note)
    width = geo.content_width - geo.gutter - geo.gap
    return Columns([(geo.gutter, side), (width, body)], geo.gap)


def _ticks(items: tuple[str, ...], st: Styles) -> list[Flowable]:
    return [Tick(_p(item, st.body), st.size * 1.35, st.size * 0.3) for item in items]


def blocks(sheet: Sheet, size: float, geo: Geometry) -> list[Block]:
    """The stacked parts of the sheet at one base type size, top to bottom."""
    st = Styles(size)
    lab = sheet.labels
    row_gap, group_gap = size * 0.55, size * 0.75
    out = [
        Block(_header(sheet, st, geo), "contact", 0.0),
        Block(Rule(group_gap), None, 0.0),
        Block(_when(sheet, st, geo), "best_time", 0.0),
        Block(Rule(group_gap), None, 0.0),
    ]
    script: list[tuple[str, list[Flowable]]] = []
    if sheet.purpose:
        script.append(("purpose", [_p(sheet.purpose, st.strong)]))
    if sheet.opening:
        script.append(("opening", [_p(sheet.opening, st.body)]))
    if sheet.points:
        script.append(("points", _ticks(sheet.points, st)))
    if sheet.questions:
        script.append(("questions", _ticks(sheet.questions, st)))
    if sheet.feedback:
        script.append(("feedback", [_p(sheet.feedback, st.body)]))
    if sheet.if_asked:
        items: list[Flowable] = []
        for qa in sheet.if_asked:
            items.append(
                SettledParagraph(f"<b>{escape(qa.question)}</b><br/>{escape(qa.answer)}", st.qa)
            )
        script.append(("if_asked", items))
    if sheet.closing:
        script.append(("closing", [_p(sheet.closing, st.body)]))
    for key, body in script:
        out.append(Block(_row(lab[key], body, st, geo), key, row_gap))
    out.append(
        Block(
            Rule(group_gap, before=max(0.0, group_gap - row_gap) if script else group_gap),
            None,
            0.0,
        )
    )
    if sheet.voicemail:
        spoken = lab["spoken"].format(seconds=sheet.voicemail_seconds)
        note = _p(spoken, st.label_note)
        if sheet.voicemail_too_long:
            note = _p(f"{spoken}; {lab['too_long'].format(limit=30)}", st.warn)
        out.append(
            Block(
                _row(lab["voicemail"], [_p(sheet.voicemail, st.body)], st, geo, note),
                "voicemail",
                row_gap,
            )
        )
    out.append(
        Block(_row(lab["reminders"], [_reminders(sheet.reminders, st, geo)], st, geo), None, 0.0)
    )
    return out


def _reminders(items: tuple[str, ...], st: Styles, geo: Geometry) -> Flowable:
    """Reminders as a bulleted list, a little smaller: they are read once, before dialling."""
    paras: list[Flowable] = [
        SettledParagraph(escape(r), st.reminder, bulletText="\u2022") for r in items
    ]
    return Columns([(geo.content_width - geo.gutter - geo.gap, paras)], 0.0)


def _outcome(sheet: Sheet, st: Styles, geo: Geometry) -> Flowable:
    lab = sheet.labels
    size = min(st.size, 11.0)
    rows: list[list[tuple[str, Any]]] = [
        [("text", lab["called"]), ("blank", 0.6), ("text", lab["at"]), ("blank", 0.4)],
        [("box", lab["reached"]), ("box", lab["left_voicemail"]), ("box", lab["no_answer"])],
        [("text", lab["next_step"]), ("blank", 1.0)],
    ]
    form = FormLines(rows, FORM_ROW, fonts.face("sans").regular, size, fonts.width)
    return _row(lab["outcome"], [form], st, geo)


def _stack_height(items: list[Block], width: float) -> tuple[float, list[float]]:
    heights = []
    total = 0.0
    for block in items:
        _, h = block.flowable.wrap(width, 10_000)
        heights.append(h)
        total += (
            block.flowable.getSpaceBefore() + h + block.flowable.getSpaceAfter() + block.space_after
        )
    return total, heights


def sizes() -> list[float]:
    """Base type sizes to try, largest first."""
    count = int(round((DESIGN_SIZE - MIN_SIZE) / STEP))
    return [DESIGN_SIZE - i * STEP for i in range(count + 1)]


def fit(sheet: Sheet, geo: Geometry) -> Plan:
    """Lay the sheet out at the largest size that fits one page, or stop naming what to cut."""
    for size in sizes():
        st = Styles(size)
        stack = blocks(sheet, size, geo)
        outcome = _outcome(sheet, st, geo)
        _, outcome_h = outcome.wrap(geo.content_width, 10_000)
        notes_label = _row(sheet.labels["notes"], [], st, geo)
        _, label_h = notes_label.wrap(geo.content_width, 10_000)
        stack_h, heights = _stack_height(stack, geo.content_width)
        bottom_h = outcome_h + size + MIN_NOTE_LINES * NOTE_PITCH + size * 0.3
        free = geo.height - geo.margin_top - geo.margin_bottom - stack_h - bottom_h
        if free >= 0:
            return _place(geo, size, stack, heights, outcome, outcome_h, notes_label, label_h)
    raise _too_long(sheet, stack, heights, -free, size)


def _place(
    geo: Geometry,
    size: float,
    stack: list[Block],
    heights: list[float],
    outcome: Flowable,
    outcome_h: float,
    notes_label: Flowable,
    label_h: float,
) -> Plan:
    placed = []
    y = geo.height - geo.margin_top
    for block, h in zip(stack, heights):
        y -= block.flowable.getSpaceBefore() + h
        placed.append(Placed(block.flowable, geo.margin_x, y))
        y -= block.flowable.getSpaceAfter() + block.space_after
    outcome_y = geo.margin_bottom
    placed.append(Placed(outcome, geo.margin_x, outcome_y))
    notes_top = y - size * 0.3
    placed.append(Placed(notes_label, geo.margin_x, notes_top - label_h))
    lowest = outcome_y + outcome_h + size
    first = notes_top - NOTE_PITCH
    count = int((first - lowest) // NOTE_PITCH) + 1
    lines = tuple(first - i * NOTE_PITCH for i in range(max(count, 0)))
    return Plan(
        size=size,
        placed=tuple(placed),
        note_lines=lines,
        note_x=(geo.text_x, geo.margin_x + geo.content_width),
    )


def _too_long(
    sheet: Sheet, stack: list[Block], heights: list[float], excess: float, size: float
) -> UserError:
    """The error for content that does not fit even at the minimum size."""
    candidates = [(h, b.field) for b, h in zip(stack, heights) if b.field]
    _, field = max(candidates, key=lambda item: item[0])
    lines = max(1, math.ceil(excess / (size * LEADING)))
    return UserError(
        f"the call sheet does not fit on one page even at {size:g} pt type",
        where=sheet.where.at("call", field),
        hint=f"shorten call.{field} by about {lines} "
        f"line{'s' if lines != 1 else ''} (or shorten other parts)",
    )
