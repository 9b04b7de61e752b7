"""A follow-up file: the letter, its ``[interview]`` and ``[mailing]`` tables, loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where
from ..letter.model import Letter, parse_letter
from ..notices import Notice
from ..source import LetterInput, Source, load_source
from .emaildraft import email_table
from .interview import Contact, Interview, parse_interview


class FollowUp(Struct, frozen=True):
    """Everything ``advise`` reads from the file."""

    source: Source
    letter: Letter
    interview: Interview
    mailing: dict[str, Any] | None
    country: str  # where the letter would be posted, for defaults
    notices: tuple[Notice, ...] = ()  # doubts about the [interview] table, e.g. a bad number

    @property
    def stem(self) -> str:
        """The file name without suffix, for the artefacts' names; empty for standard input
        (``letter.pdf``, not ``<stdin>-letter.pdf``)."""
        origin = self.source.origin
        if origin == "<dict>":
            return "follow-up"
        return "" if origin.startswith("<") else Path(origin).stem


def load_followup(source: LetterInput) -> FollowUp:
    """Load and validate; problems are UserErrors naming file and field."""
    from ..letter.resolve import resolve_layout

    src = load_source(source)
    letter = parse_letter(src)
    interview = parse_interview(src.data.get("interview"), letter, src.where)
    email_table(src.data.get("email"), src.where)
    mailing = src.data.get("mailing")
    country = (
        letter.sender.country
        or letter.recipient.country
        or resolve_layout(letter, None, src.where).country
    )
    region = letter.recipient.country or country
    table = src.data.get("interview")
    hr_where = (
        src.where.at("interview", "hr_contact")
        if isinstance(table, dict) and "hr_contact" in table
        else src.where.at("recipient")  # the recipient stands in for a missing hr_contact
    )
    interview, notices = _check_phones(interview, region, src.where.at("interview"), hr_where)
    return FollowUp(
        source=src,
        letter=letter,
        interview=interview,
        mailing=mailing,
        country=country,
        notices=notices,
    )


def _checked(person: Contact, region: str, where: Where) -> tuple[Contact, list[Notice]]:
    """The contact, without its phone number when that is not a valid one (with a warning
    naming the field): advise recommends no call to a number the call sheet would refuse."""
    from ..callsheet.phone import parse_phone

    if not person.phone:
        return person, []
    try:
        parse_phone(person.phone, default_region=region, where=where.at("phone"))
    except UserError as exc:
        return replace(person, phone=""), [
            Notice(
                f"{exc.what}, so no call to it is advised",
                where.at("phone"),
                "check the digits and write it with the country code, e.g. +49 89 1234567",
                kind="advice-phone",
            )
        ]
    return person, []


def _check_phones(
    interview: Interview, region: str, where: Where, hr_where: Where
) -> tuple[Interview, tuple[Notice, ...]]:
    """Check every contact's phone number up front, as the call sheet would."""
    notices: list[Notice] = []
    hr, found = _checked(interview.hr_contact, region, hr_where)
    notices += found
    involved = []
    for i, person in enumerate(interview.involved):
        person, found = _checked(person, region, where.at("involved", i))
        involved.append(person)
        notices += found
    card = interview.card
    if card is not None:
        card, found = _checked(card, region, where.at("card"))
        notices += found
    checked = replace(interview, hr_contact=hr, involved=tuple(involved), card=card)
    return checked, tuple(notices)
