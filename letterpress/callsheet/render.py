"""The call-sheet pipeline: load, validate, resolve, fit, draw, write.

``render_call_sheet`` is the Python API behind ``letterpress call``.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from msgspec import Struct
from msgspec.structs import replace
from reportlab.lib.pagesizes import A4, LETTER

from ..errors import UserError, Where
from ..language.typography import typography
from ..letter.layout import DEFAULT_LAYOUT, load_layout
from ..notices import Notice
from ..output import write_bytes_atomic
from ..pdf.document import DocumentInfo
from ..pdf.units import mm
from ..profile import stored_profile, stored_zone
from ..source import LetterInput, load_source
from .fit import Geometry, Plan, fit
from .model import QA, parse_call
from .page import draw_pdf
from .script import Sheet, resolve

PAPERS = {"a4": A4, "letter": LETTER}


class CallSheetResult(Struct, frozen=True):
    """What rendering produced: the file (if written), the bytes, paper, type size, warnings."""

    path: Path | None
    pdf: bytes
    pages: int
    paper: str
    size: float
    sheet: Sheet

    @property
    def warnings(self) -> tuple[Notice, ...]:
        return self.sheet.warnings


def _paper(choice: str | None, layout: str | None, where: Where) -> tuple[str, tuple[float, float]]:
    """The paper from ``--paper``, else from the file's layout (as letters use it)."""
    if choice:
        key = choice.strip().lower().replace("us-letter", "letter")
        if key not in PAPERS:
            raise UserError(
                f"unknown paper {choice!r}", where=Where(option="--paper"), hint="use a4 or letter"
            )
        return key, PAPERS[key]
    lay = load_layout(layout or DEFAULT_LAYOUT, where=where.at("layout"))
    name = (
        "letter"
        if lay.paper_name.lower().replace("us ", "") == "letter"
        else (lay.paper_name.lower())
    )
    return name, (mm(lay.paper_width), mm(lay.paper_height))


class PreparedSheet(Struct, frozen=True):
    """A call sheet validated, resolved and fitted to its page: all but the drawing."""

    plan: Plan
    geometry: Geometry
    meta: DocumentInfo
    paper: str
    sheet: Sheet


def typeset(sheet: Sheet, style: str = "typographic") -> Sheet:
    """The sheet's texts and labels set in its language's typography (quotes, apostrophes,
    French no-break spaces before ``; : ? !``), as a letter's are; ``style`` "as-typed" keeps
    the quotes as typed."""
    rules = typography(sheet.locale)

    def one(text: str) -> str:
        return rules.set(text, style)

    def many(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(map(one, texts))

    return replace(
        sheet,
        labels={k: one(v) if isinstance(v, str) else v for k, v in sheet.labels.items()},
        contact=one(sheet.contact),  # the heading writes the name as the opening below does
        role_line=one(sheet.role_line),
        purpose=one(sheet.purpose),
        opening=one(sheet.opening),
        points=many(sheet.points),
        questions=many(sheet.questions),
        feedback=one(sheet.feedback),
        closing=one(sheet.closing),
        voicemail=one(sheet.voicemail),
        reminders=many(sheet.reminders),
        if_asked=tuple(QA(one(qa.question), one(qa.answer)) for qa in sheet.if_asked),
    )


def prepare_call_sheet(
    source: LetterInput,
    *,
    paper: str | None = None,
    now: datetime | date | None = None,
    caller_zone: ZoneInfo | str | None = None,
) -> PreparedSheet:
    """Everything ``render_call_sheet`` decides and checks, short of drawing the page."""
    src = load_source(source)
    file = parse_call(src)
    paper_name, (width, height) = _paper(paper, file.layout, src.where)
    today = now.date() if isinstance(now, datetime) else now or date.today()
    zone = ZoneInfo(caller_zone) if isinstance(caller_zone, str) else caller_zone
    style = src.data.get("typography")  # checked as the letter's: "as-typed" keeps quotes
    sheet = typeset(
        resolve(
            file,
            today=today,
            now=now if isinstance(now, datetime) else None,
            caller_zone=zone,
            home_zone=lambda: stored_zone(stored_profile()),
        ),
        style if isinstance(style, str) else "typographic",
    )
    geo = Geometry(width=width, height=height)
    plan = fit(sheet, geo)
    meta = DocumentInfo(
        title=f"{sheet.labels['kicker']}: {sheet.contact}",
        author=sheet.caller,
        subject=sheet.purpose,
        lang=sheet.locale.replace("_", "-"),
    )
    return PreparedSheet(plan=plan, geometry=geo, meta=meta, paper=paper_name, sheet=sheet)


def render_call_sheet(
    source: LetterInput,
    out: str | os.PathLike[str] | None = None,
    *,
    paper: str | None = None,
    now: datetime | date | None = None,
    caller_zone: ZoneInfo | str | None = None,
    pdfa: bool = False,
) -> CallSheetResult:
    """Render the file's ``[call]`` table as a one-page call sheet PDF at ``out`` (atomic).

    ``paper`` is "a4" or "letter" (default: the file's layout's paper). ``now`` fixes "today"
    (the default call-on date). ``caller_zone`` overrides the caller's time zone when the file
    has no ``call.caller_timezone`` (default: $LETTERPRESS_TZ, your stored profile's zone, the
    zone of your phone number or country, else this computer's; see ``callsheet.callerzone``).
    With ``out=None`` nothing is written; the bytes are in the result. ``pdfa`` makes the PDF
    PDF/A-2b.
    """
    prep = prepare_call_sheet(source, paper=paper, now=now, caller_zone=caller_zone)
    pdf = draw_pdf(prep.plan, prep.geometry, prep.meta, prep.sheet.call_on)
    if pdfa:
        from ..pdf.pdfa import to_pdfa

        pdf = to_pdfa(pdf)
    path = write_bytes_atomic(out, pdf) if out is not None else None
    return CallSheetResult(
        path=path, pdf=pdf, pages=1, paper=prep.paper, size=prep.plan.size, sheet=prep.sheet
    )
