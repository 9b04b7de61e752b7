"""The thank-you email as an ``.eml`` draft (standard library ``email``) any mail client opens."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import UserError, Where
from ..fields import not_table, not_text
from ..letter.markup import blocks
from ..letter.model import Letter
from .interview import Contact

EMAIL_FIELDS = ("subject", "body")


def _address(person: Contact | None, where: Where, *, name: str = "", email: str = "") -> Address:
    name = person.name if person else name
    email = person.email if person else email
    try:
        return Address(display_name=name, addr_spec=email)
    except (ValueError, IndexError, TypeError, MessageError) as exc:
        raise UserError(f"{email!r} is not a usable email address ({exc})", where=where) from None


def email_table(data: Any, where: Where) -> dict[str, str]:
    """The optional ``[email]`` table: ``subject`` and ``body`` overriding the letter's."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise not_table(data, where.at("email"))
    out = {}
    for key, value in data.items():
        if key not in EMAIL_FIELDS:
            raise UserError(
                f"unknown field {key!r}",
                where=where.at("email", str(key)),
                hint=f"[email] fields: {', '.join(EMAIL_FIELDS)}",
            )
        if not isinstance(value, str):
            raise not_text(str(key), value, where.at("email", str(key)))
        out[key] = value.strip()
    return out


def plain_body(letter: Letter) -> str:
    """The letter as a short plain-text email: opening, paragraphs, closing, name and phone."""
    parts = [letter.opening] if letter.opening else []
    parts += [f"- {b.plain}" if b.bullet else b.plain for b in blocks(letter.body)]
    sign = [letter.closing or "", letter.signature or letter.sender.name, letter.sender.phone]
    parts.append("\n".join(line for line in sign if line))
    return "\n\n".join(parts) + "\n"


def build_email(
    letter: Letter,
    to: tuple[Contact, ...],
    cc: tuple[Contact, ...],
    *,
    now: datetime,
    where: Where,
    overrides: dict[str, str] | None = None,
    zone: ZoneInfo | None = None,
) -> EmailMessage:
    """A draft with From, To, Cc, Subject, Date and a plain-text UTF-8 body. ``now`` is local
    time in the sender's ``zone`` (the Date header carries its offset; without one, -0000)."""
    overrides = overrides or {}
    msg = EmailMessage(policy=policy.SMTP)
    if letter.sender.email:
        msg["From"] = _address(
            None, where.at("sender", "email"), name=letter.sender.name, email=letter.sender.email
        )
    msg["To"] = [_address(p, where.at("interview")) for p in to]
    if cc:
        msg["Cc"] = [_address(p, where.at("interview", "involved")) for p in cc]
    subject = overrides.get("subject") or letter.subject
    if any(char in subject for char in "\r\n"):
        field = ("email", "subject") if overrides.get("subject") else ("subject",)
        raise UserError(
            "the email's subject has a line break",
            where=where.at(*field),
            hint="write the subject on one line",
        )
    msg["Subject"] = subject
    moment = now.replace(tzinfo=zone) if zone is not None and now.tzinfo is None else now
    msg["Date"] = format_datetime(moment)
    msg["X-Unsent"] = "1"  # Outlook and others open it as a draft ready to send
    body = overrides.get("body")
    msg.set_content(body + "\n" if body else plain_body(letter))
    return msg
