"""A follow-up file: the letter, its ``[interview]`` and ``[mailing]`` tables, loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct

from ..letter.model import Letter, parse_letter
from ..source import LetterInput, Source, load_source
from .emaildraft import email_table
from .interview import Interview, parse_interview


class FollowUp(Struct, frozen=True):
    """Everything ``advise`` reads from the file."""

    source: Source
    letter: Letter
    interview: Interview
    mailing: dict[str, Any] | None
    country: str  # where the letter would be posted, for defaults

    @property
    def stem(self) -> str:
        """The file name without suffix, for the artefacts' names."""
        return Path(self.source.origin).stem if self.source.origin != "<dict>" else "follow-up"


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
    return FollowUp(
        source=src, letter=letter, interview=interview, mailing=mailing, country=country
    )
