"""The letter file's schema: typed models, validated once at the edge with named fields."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..countries import parse_country
from ..errors import LongParagraphError, UserError, Where
from ..fields import PARTY_FIELDS, Fields, written
from ..language.typography import STYLES
from ..limits import MAX_BODY_CHARS, MAX_PARAGRAPH_CHARS
from ..source import Source
from .markup import units

if TYPE_CHECKING:
    from .context import Memo

RECIPIENT_FIELDS = PARTY_FIELDS + ("notes",)
LETTER_FIELDS = (
    "layout",
    "envelope",
    "language",
    "date",
    "place",
    "subject",
    "opening",
    "body",
    "closing",
    "signature",
    "signature_image",
    "enclosures",
    "cc",
    "typeface",
    "typography",
    "return_line",
    "sender",
    "recipient",
    "references",
)
# Tables other commands read from the same file; the letter engine leaves them alone.
OTHER_TABLES = ("mailing", "call", "interview", "email")


class Party(Struct, frozen=True):
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


class Reference(Struct, frozen=True):
    """One labelled item of the information block or reference line."""

    key: str
    value: str | date


class Letter(Struct, frozen=True):
    """A validated letter, ready to be resolved and laid out."""

    sender: Party
    recipient: Party
    subject: str
    body: str
    layout: str | None = None
    envelope: str | None = None  # which of the layout's envelopes; default: its first
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
    typography: str = "typographic"  # or "as-typed": quotes and apostrophes as typed
    return_line: str | bool | None = None
    references: tuple[Reference, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def parse_party(data: Any, origin: Where, path: str) -> Party:
    """The ``sender`` or ``recipient`` table (``path``) of the file at ``origin``."""
    allowed = RECIPIENT_FIELDS if path == "recipient" else PARTY_FIELDS
    f = Fields(data, origin.at(path), allowed)
    country = parse_country(f.text("country"), f.at("country"))
    return Party(
        name=f.text("name"),
        organization=f.text("organization"),
        department=f.text("department"),
        street=f.text("street"),
        address_lines=f.texts("address_lines"),
        postal_code=f.text("postal_code"),
        city=f.text("city"),
        region=f.text("region"),
        country=country,
        phone=f.text("phone"),
        email=f.text("email"),
        notes=f.texts("notes") if path == "recipient" else (),
    )


def _remembered_party(data: Any, origin: Where, path: str, parties: Memo[Party] | None) -> Party:
    """``parse_party``, remembered in a run's ``parties`` for a table of texts alone (a batch's
    letters share their sender). A table with other values (a list, a number) is parsed each
    time, as is one that fails: its error names this letter's place."""
    if (
        parties is None
        or not isinstance(data, dict)
        or any(type(v) is not str for v in data.values())
    ):
        return parse_party(data, origin, path)
    return parties.get((path, tuple(data.items())), lambda: parse_party(data, origin, path))


def parse_letter(source: Source, parties: Memo[Party] | None = None) -> Letter:
    """Validate the raw input into a Letter; every problem names file and field. ``parties``:
    a run's memo of senders, so that a batch parses its shared sender once."""
    origin = source.where
    f = Fields(source.data, origin, LETTER_FIELDS + OTHER_TABLES)
    for table in ("sender", "recipient"):
        if table not in source.data:
            raise UserError(
                f"missing table [{table}]",
                where=origin,
                hint=f"add a [{table}] table with name and address",
            )
    sender = _remembered_party(source.data["sender"], origin, "sender", parties)
    recipient = parse_party(source.data["recipient"], origin, "recipient")
    if not (recipient.name or recipient.organization):
        raise UserError(
            "missing field",
            where=origin.at("recipient", "name"),
            hint="give the recipient's name or organization",
        )
    if not sender.name:
        raise UserError(
            "missing field",
            where=origin.at("sender", "name"),
            hint="give your name; it is also the default signature",
        )
    refs_data = source.data.get("references", {})
    if not isinstance(refs_data, dict):
        raise UserError(
            f"{written(refs_data)} is not a table",
            where=origin.at("references"),
            hint="write [references] on a line of its own, with lines such as "
            '"Your reference" = "DA-2026-114" below it',
        )
    references = []
    for key, value in refs_data.items():
        if isinstance(value, (date, datetime)):
            value = value.date() if isinstance(value, datetime) else value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise UserError(
                f"{written(value)} is not text or a date",
                where=origin.at("references", str(key)),
                hint='write it in quotes, e.g. "Your reference" = "DA-2026-114", or as a date',
            )
        references.append(Reference(key=str(key), value=value))
    typeface = f.optional_text("typeface")
    if typeface is not None and typeface not in ("sans", "serif"):
        raise UserError(
            f"unknown typeface {typeface!r}", where=f.at("typeface"), hint="use 'sans' or 'serif'"
        )
    style = f.text("typography", default="typographic")
    if style not in STYLES:
        raise UserError(
            f"unknown typography {style!r}",
            where=f.at("typography"),
            hint="use 'typographic' (the default) or 'as-typed'",
        )
    return_line = source.data.get("return_line")
    if return_line is not None and not isinstance(return_line, (str, bool)):
        raise UserError(
            f"{written(return_line)} is not text or false",
            where=f.at("return_line"),
            hint='write return_line = "Name · Street · Town", or return_line = false for none',
        )
    image = f.text("signature_image")
    image_path = (source.base_dir / image) if image else None
    if image_path is not None and not image_path.is_file():
        raise UserError(
            f"signature image {image!r} not found",
            where=f.at("signature_image"),
            hint="give a PNG or JPEG path relative to the letter file",
        )
    if image_path is not None:
        from .signature import check_signature_image  # Pillow loads only for a signature

        check_signature_image(image_path, image, f.at("signature_image"))
    language = f.text("language", default="en")
    return check_sizes(
        Letter(
            sender=sender,
            recipient=recipient,
            subject=f.text("subject", required=True),
            body=f.text("body", required=True),
            layout=f.optional_text("layout"),
            envelope=f.optional_text("envelope"),
            language=language,
            date=f.day("date"),
            place=f.text("place"),
            opening=f.optional_text("opening"),
            closing=f.optional_text("closing"),
            signature=f.text("signature") or sender.name,
            signature_image=image_path,
            enclosures=f.texts("enclosures"),
            cc=f.texts("cc"),
            typeface=typeface,
            typography=style,
            return_line=return_line,
            references=tuple(references),
            extra={k: source.data[k] for k in OTHER_TABLES if k in source.data},
        ),
        origin,
    )


def check_sizes(letter: Letter, origin: Where) -> Letter:
    """Refuse texts longer than the limits (``limits.py``): no letter comes near them, and
    laying out a text grows with the length of its longest paragraph."""
    if len(letter.body) > MAX_BODY_CHARS:
        raise UserError(
            f"the body has {len(letter.body):,} characters; letterpress lays out at "
            f"most {MAX_BODY_CHARS:,} (about 30 pages)",
            where=origin.at("body"),
            hint="shorten it: a letter is read in a few minutes",
        )
    # a paragraph is never longer than the body it is part of: only a long body is split
    long_body = len(letter.body) > MAX_PARAGRAPH_CHARS
    for line, bullet, paragraph in units(letter.body) if long_body else ():
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            what = "bullet item" if bullet else "paragraph"
            raise LongParagraphError(
                f"the {what} on line {line} has {len(paragraph):,} characters; "
                f"a {what} may have at most {MAX_PARAGRAPH_CHARS:,}",
                where=origin.at("body"),
                hint="split it with blank lines into paragraphs",
                text=paragraph,
                kind=what,
            )
    singles = {
        "subject": letter.subject,
        "opening": letter.opening or "",
        "closing": letter.closing or "",
        "signature": letter.signature,
        "place": letter.place,
    }
    lists = {"enclosures": letter.enclosures, "cc": letter.cc}
    texts: list[tuple[tuple[str | int, ...], str]] = [
        ((name,), text) for name, text in singles.items()
    ]
    texts += [((name, i), text) for name, items in lists.items() for i, text in enumerate(items)]
    texts += [
        (("references", ref.key), ref.value)
        for ref in letter.references
        if isinstance(ref.value, str)
    ]
    for path, text in texts:
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise UserError(
                f"has {len(text):,} characters; at most {MAX_PARAGRAPH_CHARS:,}",
                where=origin.at(*path),
                hint="shorten it",
            )
    return letter


def parse_parties(source: Source) -> tuple[Party | None, Party]:
    """The sender (None when the file has no ``[sender]``) and the recipient of a letter-like
    file, checked as ``parse_letter`` checks them: for envelopes and labels, which need no
    subject or body."""
    origin = source.where
    Fields(source.data, origin, LETTER_FIELDS + OTHER_TABLES)  # unknown fields: an error
    if "recipient" not in source.data:
        raise UserError(
            "missing table [recipient]",
            where=origin,
            hint="add a [recipient] table with name and address",
        )
    recipient = parse_party(source.data["recipient"], origin, "recipient")
    if not (recipient.name or recipient.organization):
        raise UserError(
            "missing field",
            where=origin.at("recipient", "name"),
            hint="give the recipient's name or organization",
        )
    if "sender" not in source.data:
        return None, recipient
    sender = parse_party(source.data["sender"], origin, "sender")
    if not sender.name:
        raise UserError(
            "missing field",
            where=origin.at("sender", "name"),
            hint="give your name for the return address",
        )
    return sender, recipient
