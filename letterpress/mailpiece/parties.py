"""The addresses of a letter-like file, formatted exactly as letters format them
(``letter.address.address_lines``, with the same checks) for a post's envelope or label."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..errors import Where
from ..language import Language, resolve_language
from ..letter.address import AddressLine, AddressRules, PostalAddress, postal_address
from ..letter.layout import DEFAULT_LAYOUT, load_layout
from ..letter.model import Party, parse_parties
from ..pdf import fonts
from ..source import Source

# What an envelope or a label reads of a letter-like file; a mail merge of envelopes or
# labels fills only these, so a cell that only the letter's text uses cannot fail a row.
PIECE_FIELDS = ("language", "layout", "date", "sender", "recipient")


def piece_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A letter-like file's data with only what a mail piece reads (``PIECE_FIELDS``)."""
    return {key: value for key, value in data.items() if key in PIECE_FIELDS}


class Parties(Struct, frozen=True):
    """Who a mail piece goes to and comes from, and what decides their formatting."""

    sender: Party | None
    recipient: Party
    language: Language
    home: str  # the country it is posted in
    where: Where  # the file (or row) for messages


def read_parties(source: Source, *, home: str = "") -> Parties:
    """Sender and recipient of a letter-like file; the home country is ``home``, else the
    sender's, else that of the file's layout (as for its letter)."""
    sender, recipient = parse_parties(source)
    origin = source.where
    language = source.data.get("language", "en")
    lang = resolve_language(
        language if isinstance(language, str) else "en", where=origin.at("language")
    )
    country = home or (sender.country if sender else "")
    if not country:
        layout = source.data.get("layout")
        country = load_layout(
            layout if isinstance(layout, str) and layout else DEFAULT_LAYOUT,
            where=origin.at("layout"),
        ).country
    return Parties(sender, recipient, lang, country.upper(), origin)


def recipient_address(parties: Parties, rules: AddressRules, *, uppercase: bool) -> PostalAddress:
    """The delivery address as the letter prints it, headed by the recipient's notes, and
    the notices about it; every character drawable."""
    where = parties.where.at("recipient")
    notes = [
        AddressLine(note, where.at("notes", i)) for i, note in enumerate(parties.recipient.notes)
    ]
    made = postal_address(
        parties.recipient,
        home_country=parties.home,
        language=parties.language,
        where=where,
        rules_for=rules,
        uppercase=uppercase,
        delivered_to=True,
    )
    return PostalAddress(tuple(_drawable(notes + list(made.lines))), made.notices)


def sender_address(parties: Parties, rules: AddressRules, *, uppercase: bool) -> PostalAddress:
    """The return address: the sender's name and postal lines, with the sender's country
    when the piece goes abroad, and the notices about it; empty without a sender."""
    sender = parties.sender
    if sender is None:
        return PostalAddress(())
    destination = parties.recipient.country or parties.home
    made = postal_address(
        sender,
        home_country=destination,
        language=parties.language,
        where=parties.where.at("sender"),
        rules_for=rules,
        uppercase=uppercase,
    )
    lines = [line for line in made.lines if line.where.field != "sender.department"]
    return PostalAddress(tuple(_drawable(lines)), made.notices)


def _drawable(lines: list[AddressLine]) -> list[AddressLine]:
    for line in lines:
        fonts.check_drawable(line.text, line.where)
    return lines
