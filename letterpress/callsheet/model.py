"""The ``[call]`` table and the parts of the letter file a call sheet reads, validated once.

Absent fields are ``None`` (a default is written later); an explicitly empty text or list means
"leave this part out".
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from msgspec import Struct

from ..errors import UserError, Where
from ..fields import Fields, parse_moment, written
from ..letter.model import LETTER_FIELDS, OTHER_TABLES, Party, parse_party
from ..pdf import fonts
from ..source import Source

CALL_FIELDS = (
    "contact",
    "role",
    "organization",
    "phone",
    "timezone",
    "caller_timezone",
    "best_time",
    "call_on",
    "interview_on",
    "position",
    "clarified",
    "purpose",
    "opening",
    "points",
    "questions",
    "feedback",
    "if_asked",
    "voicemail",
    "closing",
)


class QA(Struct, frozen=True):
    """A likely question and the answer to give."""

    question: str
    answer: str


class CallInput(Struct, frozen=True):
    """The ``[call]`` table as typed values; None means absent (use the default)."""

    phone: str
    contact: str | None = None
    role: str | None = None
    organization: str | None = None
    timezone: str | None = None
    caller_timezone: str | None = None
    best_time: str | None = None
    call_on: date | None = None
    call_at: time | None = None  # a time of day written with call_on (a TOML datetime)
    interview_on: date | None = None
    position: str | None = None
    clarified: str | None = None
    purpose: str | None = None
    opening: str | None = None
    points: tuple[str, ...] | None = None
    questions: tuple[str, ...] | None = None
    feedback: str | None = None
    if_asked: tuple[QA, ...] | None = None
    voicemail: str | None = None
    closing: str | None = None


class CallFile(Struct, frozen=True):
    """Everything a call sheet takes from the file: caller, contact, language and ``[call]``."""

    where: Where  # the file (or mail-merge row) it was read from
    sender: Party
    recipient: Party
    language: str
    layout: str | None
    letter_date: date | None
    call: CallInput
    letter_opening: str | None = None  # the letter's salutation: how it addresses the contact


def _optional_texts(f: Fields, key: str) -> tuple[str, ...] | None:
    return f.texts(key) if key in f.data else None


def _if_asked(value: Any, f: Fields) -> tuple[QA, ...] | None:
    where = f.at("if_asked")
    if value is None:
        return None
    hint = (
        'write [call.if_asked] with "question" = "answer" lines, or a list of '
        '{ question = "...", answer = "..." }'
    )
    pairs: list[tuple[Any, Any, Where]] = []
    if isinstance(value, dict):
        pairs = [(q, a, where.at(str(q))) for q, a in value.items()]
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if (
                not isinstance(item, dict)
                or set(item) - {"question", "answer"}
                or "question" not in item
                or "answer" not in item
            ):
                raise UserError(
                    "each item needs exactly question and answer", where=where.at(i), hint=hint
                )
            pairs.append((item["question"], item["answer"], where.at(i)))
    else:
        raise UserError(f"{written(value)} is not a table or a list", where=where, hint=hint)
    out = []
    for question, answer, at in pairs:
        if not isinstance(question, str) or not isinstance(answer, str):
            raise UserError("question and answer must be text", where=at, hint=hint)
        if question.strip() or answer.strip():
            out.append(QA(question.strip(), answer.strip()))
    return tuple(out)


def _time_of(value: Any) -> time | None:
    """The time of day of a TOML datetime (``call_on = 2027-03-25T10:00``), else None."""
    return value.time() if isinstance(value, datetime) else None


def _interview_day(data: Any, origin: Where) -> date | None:
    """The interview date from an ``[interview]`` table, if it has one (datetime or date)."""
    if not isinstance(data, dict) or "date" not in data:
        return None
    moment, _ = parse_moment(data["date"], origin.at("interview", "date"), date_alone_at=time(12))
    return moment.date()


def parse_call(source: Source) -> CallFile:
    """Validate what a call sheet needs; a call file need not have a letter's subject or body."""
    origin = source.where
    top = Fields(source.data, origin, LETTER_FIELDS + OTHER_TABLES)
    if "call" not in source.data:
        raise UserError(
            "missing table [call]",
            where=origin,
            hint='add a [call] table with at least phone = "+49 ..."',
        )
    if "sender" not in source.data:
        raise UserError(
            "missing table [sender]",
            where=origin,
            hint="add a [sender] table with your name (and phone for the "
            "voicemail), or store yours once with letterpress init --me",
        )
    sender = parse_party(source.data["sender"], origin, "sender")
    if not sender.name:
        raise UserError(
            "missing field",
            where=origin.at("sender", "name"),
            hint="give your name; the opening and voicemail use it",
        )
    recipient = parse_party(source.data.get("recipient", {}), origin, "recipient")
    f = Fields(source.data["call"], origin.at("call"), CALL_FIELDS)
    call = CallInput(
        phone=f.text("phone", required=True),
        contact=f.optional_text("contact"),
        role=f.optional_text("role"),
        organization=f.optional_text("organization"),
        timezone=f.optional_text("timezone"),
        caller_timezone=f.optional_text("caller_timezone"),
        best_time=f.optional_text("best_time"),
        call_on=f.day("call_on"),
        call_at=_time_of(f.data.get("call_on")),
        interview_on=f.day("interview_on") or _interview_day(source.data.get("interview"), origin),
        position=f.optional_text("position"),
        clarified=f.optional_text("clarified"),
        purpose=f.optional_text("purpose"),
        opening=f.optional_text("opening"),
        points=_optional_texts(f, "points"),
        questions=_optional_texts(f, "questions"),
        feedback=f.optional_text("feedback"),
        if_asked=_if_asked(f.data.get("if_asked"), f),
        voicemail=f.optional_text("voicemail"),
        closing=f.optional_text("closing"),
    )
    if not (call.contact or recipient.name or recipient.organization):
        raise UserError(
            "missing field",
            where=f.at("contact"),
            hint="name the person to call, or give [recipient] a name",
        )
    _check_fonts(call, sender, recipient, f, origin)
    letter_date = top.day("date")
    return CallFile(
        where=origin,
        sender=sender,
        recipient=recipient,
        language=top.text("language", default="en"),
        layout=top.optional_text("layout"),
        letter_date=letter_date,
        call=call,
        letter_opening=top.optional_text("opening"),
    )


def _check_fonts(
    call: CallInput, sender: Party, recipient: Party, f: Fields, origin: Where
) -> None:
    """Every text that may reach the sheet must be drawable by the bundled fonts."""
    items: list[tuple[Where, str]] = [
        (origin.at("sender", "name"), sender.name),
        (origin.at("sender", "phone"), sender.phone),
        (origin.at("recipient", "name"), recipient.name),
        (origin.at("recipient", "organization"), recipient.organization),
        (origin.at("recipient", "department"), recipient.department),
    ]
    for key in (
        "contact",
        "role",
        "organization",
        "position",
        "clarified",
        "purpose",
        "opening",
        "feedback",
        "voicemail",
        "closing",
    ):
        items.append((f.at(key), getattr(call, key) or ""))
    for key in ("points", "questions"):
        items += [(f.at(key).at(i), t) for i, t in enumerate(getattr(call, key) or ())]
    for i, qa in enumerate(call.if_asked or ()):
        items += [(f.at("if_asked").at(i), qa.question + qa.answer)]
    for where, text in items:
        if text:
            fonts.check_drawable(text, where)
