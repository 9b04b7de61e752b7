"""The letter file's schema: typed models, validated once at the edge with named fields."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..source import Source

PARTY_FIELDS = ("name", "organization", "department", "street", "address_lines", "postal_code",
                "city", "region", "country", "phone", "email")
RECIPIENT_FIELDS = PARTY_FIELDS + ("notes",)
LETTER_FIELDS = ("layout", "language", "date", "place", "subject", "opening", "body", "closing",
                 "signature", "signature_image", "enclosures", "cc", "typeface", "return_line",
                 "sender", "recipient", "references")
# Tables other commands read from the same file; the letter engine leaves them alone.
OTHER_TABLES = ("mailing", "call", "interview", "email")


@dataclass(frozen=True)
class Party:
    """Sender or recipient."""

    name: str = ""
    organization: str = ""
    department: str = ""
    street: str = ""
    address_lines: tuple[str, ...] = ()
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """One labelled item of the information block or reference line."""

    key: str
    value: str | date


@dataclass(frozen=True)
class Letter:
    """A validated letter, ready to be resolved and laid out."""

    sender: Party
    recipient: Party
    subject: str
    body: str
    layout: str | None = None
    language: str = "en"
    date: date | None = None
    place: str = ""
    opening: str | None = None
    closing: str | None = None
    signature: str = ""
    signature_image: Path | None = None
    enclosures: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    typeface: str | None = None
    return_line: str | bool | None = None
    references: tuple[Reference, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


class _Fields:
    """Typed access to one table of the input, naming file and field in every error."""

    def __init__(self, data: Any, origin: str, path: str, allowed: tuple[str, ...]) -> None:
        self.origin = origin
        self.path = path
        if not isinstance(data, dict):
            raise UserError(f"{path or 'top level'} must be a table", where=origin)
        self.data = data
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else \
                    f"known fields: {', '.join(allowed)}"
                raise UserError(f"unknown field {key!r}", where=self.where(key), hint=hint)

    def where(self, key: str) -> str:
        name = f"{self.path}.{key}" if self.path else key
        return f"{self.origin}, {name}"

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise UserError("missing field", where=self.where(key),
                                hint=f"add {key} = \"...\"")
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise UserError(f"must be text, not {type(value).__name__}", where=self.where(key))
        if required and not value.strip():
            raise UserError("must not be empty", where=self.where(key))
        return value.strip("\n") if key == "body" else value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(line for line in value.splitlines() if line.strip()) if key in (
                "address_lines", "notes") else (value.strip(),)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError("must be a list of texts", where=self.where(key),
                            hint=f'write {key} = ["...", "..."]')
        return tuple(v.strip() for v in value if v.strip())

    def day(self, key: str) -> date | None:
        value = self.data.get(key)
        if value is None:
            return None
        return parse_day(value, self.where(key))


def parse_day(value: Any, where: str) -> date:
    """A TOML date, a datetime, or a 'YYYY-MM-DD' string as a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UserError(f"{value!r} is not a valid date", where=where,
                    hint="write it as YYYY-MM-DD, e.g. 2026-11-26")


def parse_moment(value: Any, where: str, *, what: str = "a date and time",
                 date_alone_at: time | None = None) -> tuple[datetime, bool]:
    """A TOML datetime or a 'YYYY-MM-DDTHH:MM' string (a space for the T, seconds and an
    offset allowed; the offset is dropped: times are local) as a naive datetime, and whether
    a time of day was written. With ``date_alone_at``, a date alone is taken at that time.

    The one parser of dates with times: the interview's date, ``[mailing] posted``,
    ``--posted`` and ``--now`` all read and report the same way.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), True
    if isinstance(value, date) and date_alone_at is not None:
        return datetime.combine(value, date_alone_at), False
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if "T" in text or " " in text:
                return parsed.replace(tzinfo=None), True
            if date_alone_at is not None:
                return datetime.combine(parsed.date(), date_alone_at), False
    raise UserError(f"{value!r} is not {what}", where=where,
                    hint="write it as YYYY-MM-DDTHH:MM, e.g. 2026-12-22T10:00")


def _party(data: Any, origin: str, path: str) -> Party:
    allowed = RECIPIENT_FIELDS if path == "recipient" else PARTY_FIELDS
    f = _Fields(data, origin, path, allowed)
    country = f.text("country").upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise UserError(f"{country!r} is not an ISO 3166-1 alpha-2 country code",
                        where=f.where("country"), hint="use two letters, e.g. DE, US, GB, FR")
    return Party(
        name=f.text("name"), organization=f.text("organization"),
        department=f.text("department"), street=f.text("street"),
        address_lines=f.texts("address_lines"), postal_code=f.text("postal_code"),
        city=f.text("city"), region=f.text("region"), country=country,
        phone=f.text("phone"), email=f.text("email"),
        notes=f.texts("notes") if path == "recipient" else (),
    )


def parse_letter(source: Source) -> Letter:
    """Validate the raw input into a Letter; every problem names file and field."""
    origin = source.origin
    f = _Fields(source.data, origin, "", LETTER_FIELDS + OTHER_TABLES)
    for table in ("sender", "recipient"):
        if table not in source.data:
            raise UserError(f"missing table [{table}]", where=origin,
                            hint=f"add a [{table}] table with name and address")
    sender = _party(source.data["sender"], origin, "sender")
    recipient = _party(source.data["recipient"], origin, "recipient")
    if not (recipient.name or recipient.organization):
        raise UserError("missing field", where=f"{origin}, recipient.name",
                        hint="give the recipient's name or organization")
    if not sender.name:
        raise UserError("missing field", where=f"{origin}, sender.name",
                        hint="give your name; it is also the default signature")
    refs_data = source.data.get("references", {})
    if not isinstance(refs_data, dict):
        raise UserError("[references] must be a table of label = value", where=origin)
    references = []
    for key, value in refs_data.items():
        if isinstance(value, (date, datetime)):
            value = value.date() if isinstance(value, datetime) else value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise UserError("must be text or a date", where=f"{origin}, references.{key}")
        references.append(Reference(key=str(key), value=value))
    typeface = f.optional_text("typeface")
    if typeface is not None and typeface not in ("sans", "serif"):
        raise UserError(f"unknown typeface {typeface!r}", where=f.where("typeface"),
                        hint="use 'sans' or 'serif'")
    return_line = source.data.get("return_line")
    if return_line is not None and not isinstance(return_line, (str, bool)):
        raise UserError("must be text, or false for none", where=f.where("return_line"))
    image = f.text("signature_image")
    image_path = (source.base_dir / image) if image else None
    if image_path is not None and not image_path.is_file():
        raise UserError(f"signature image {image!r} not found", where=f.where("signature_image"),
                        hint="give a PNG or JPEG path relative to the letter file")
    language = f.text("language", default="en")
    return Letter(
        sender=sender, recipient=recipient,
        subject=f.text("subject", required=True), body=f.text("body", required=True),
        layout=f.optional_text("layout"), language=language, date=f.day("date"),
        place=f.text("place"), opening=f.optional_text("opening"),
        closing=f.optional_text("closing"), signature=f.text("signature") or sender.name,
        signature_image=image_path, enclosures=f.texts("enclosures"), cc=f.texts("cc"),
        typeface=typeface, return_line=return_line, references=tuple(references),
        extra={k: source.data[k] for k in OTHER_TABLES if k in source.data},
    )


def parse_parties(source: Source) -> tuple[Party | None, Party]:
    """The sender (None when the file has no ``[sender]``) and the recipient of a letter-like
    file, checked as ``parse_letter`` checks them: for envelopes and labels, which need no
    subject or body."""
    origin = source.origin
    _Fields(source.data, origin, "", LETTER_FIELDS + OTHER_TABLES)  # unknown fields: an error
    if "recipient" not in source.data:
        raise UserError("missing table [recipient]", where=origin,
                        hint="add a [recipient] table with name and address")
    recipient = _party(source.data["recipient"], origin, "recipient")
    if not (recipient.name or recipient.organization):
        raise UserError("missing field", where=f"{origin}, recipient.name",
                        hint="give the recipient's name or organization")
    if "sender" not in source.data:
        return None, recipient
    sender = _party(source.data["sender"], origin, "sender")
    if not sender.name:
        raise UserError("missing field", where=f"{origin}, sender.name",
                        hint="give your name for the return address")
    return sender, recipient
