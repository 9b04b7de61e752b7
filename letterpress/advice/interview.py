"""The ``[interview]`` table: when, how the process ran, who was involved, cards handed over.

```toml
[interview]
date = 2026-12-22T10:00           # required: when the interview took place (local time)
process = "post"                  # "email" (default), "post" or "phone": how the process ran
decision_by = 2026-12-30          # optional: when they said they would decide
hr_contact = { name = "Mei Lee", email = "mei.lee@example.com", phone = "+49 40 555 0100" }
involved = [{ name = "Tom Berg", email = "tom.berg@example.com" }]
card = { name = "Tom Berg", phone = "+49 89 1234567" }   # optional: a business card was given
in_person = true                  # optional, default true: you met face to face
```
Without ``hr_contact`` the letter's recipient (name, email, phone) stands in.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from email.errors import MessageError
from email.headerregistry import Address
from typing import Any

from msgspec import Struct

from ..errors import UserError, Where
from ..fields import Fields, not_text, parse_day, parse_moment, written
from ..letter.model import Letter

PROCESSES = ("email", "post", "phone")
INTERVIEW_FIELDS = ("date", "process", "decision_by", "hr_contact", "involved", "card", "in_person")
CONTACT_FIELDS = ("name", "email", "phone", "role")
# A date without a time of day is taken as this time (with a note in the advice).
DEFAULT_TIME = time(12, 0)


class Contact(Struct, frozen=True):
    """A person: the HR contact, someone involved, or the name on a business card."""

    name: str = ""
    email: str = ""
    phone: str = ""
    role: str = ""


class Interview(Struct, frozen=True):
    """The validated ``[interview]`` table."""

    when: datetime
    process: str = "email"
    decision_by: date | None = None
    hr_contact: Contact = Contact()
    involved: tuple[Contact, ...] = ()
    card: Contact | None = None
    in_person: bool = True
    time_given: bool = True


def _contact(value: Any, where: Where) -> Contact:
    if not isinstance(value, dict):
        raise UserError(
            f"{written(value)} is not a table",
            where=where,
            hint='write { name = "...", email = "...", phone = "..." }',
        )
    Fields(value, where, CONTACT_FIELDS)  # refuses unknown fields
    fields = {}
    for key in CONTACT_FIELDS:
        item = value.get(key, "")
        if not isinstance(item, str):
            raise not_text(key, item, where.at(key))
        fields[key] = item.strip()
    email = fields["email"]
    if email and not email.startswith("[") and not _is_address(email):
        raise UserError(
            f"{email!r} is not an email address",
            where=where.at("email"),
            hint="write it like name@example.com",
        )
    return Contact(**fields)


def _is_address(text: str) -> bool:
    """Whether ``text`` is one address an email's To or Cc can carry (name@domain)."""
    if "@" not in text or any(c.isspace() for c in text):
        return False
    try:
        Address(addr_spec=text)
    except (ValueError, IndexError, TypeError, MessageError):
        return False
    return True


def _when(value: Any, where: Where) -> tuple[datetime, bool]:
    return parse_moment(value, where, date_alone_at=DEFAULT_TIME)


def parse_interview(data: Any, letter: Letter, origin: Where) -> Interview:
    """Validate the ``[interview]`` table; every error names ``file, interview.<field>``."""
    where = origin.at("interview")
    if data is None:
        raise UserError(
            "missing table [interview]",
            where=origin,
            hint="add [interview] with date, process and hr_contact "
            "(letterpress init follow-up writes one)",
        )
    if not isinstance(data, dict):
        raise UserError("must be a table", where=where)
    Fields(data, where, INTERVIEW_FIELDS)  # refuses unknown fields
    if "date" not in data:
        raise UserError(
            "missing field", where=where.at("date"), hint="write date = 2026-12-22T10:00"
        )
    when, time_given = _when(data["date"], where.at("date"))
    process = data.get("process", "email")
    plain = re.sub(r"[\s-]", "", process.lower()) if isinstance(process, str) else None
    if plain in PROCESSES:  # "Post", "E-Mail", " phone ": the same processes, written freely
        process = plain
    if process not in PROCESSES:
        raise UserError(
            f"unknown process {process!r}",
            where=where.at("process"),
            hint='use "email", "post" or "phone"',
        )
    decision = data.get("decision_by")
    decision_by = parse_day(decision, where.at("decision_by")) if decision is not None else None
    if "hr_contact" in data:
        hr = _contact(data["hr_contact"], where.at("hr_contact"))
    else:
        r = letter.recipient
        hr = Contact(name=r.name, email=r.email, phone=r.phone)
    involved_raw = data.get("involved", [])
    if isinstance(involved_raw, dict):
        involved_raw = [involved_raw]
    if not isinstance(involved_raw, list):
        raise UserError(
            "must be a list of tables",
            where=where.at("involved"),
            hint='write involved = [{ name = "...", email = "..." }]',
        )
    involved = tuple(_contact(item, where.at("involved", i)) for i, item in enumerate(involved_raw))
    card = _contact(data["card"], where.at("card")) if "card" in data else None
    in_person = data.get("in_person", True)
    if not isinstance(in_person, bool):
        raise UserError("must be true or false", where=where.at("in_person"))
    return Interview(
        when=when,
        process=process,
        decision_by=decision_by,
        hr_contact=hr,
        involved=involved,
        card=card,
        in_person=in_person,
        time_given=time_given,
    )
