"""Plain envelopes: the recipient (and the sender as return address) printed on the envelope
itself, the PDF page being the envelope.

Stages: ``mailpiece.parties`` (the file's addresses, formatted as the letter formats them) ->
``place`` (the post's read area, clear zones and return-address place, from
``envelopes/posts/``; sizes from ``envelopes/sizes.toml``) -> ``mailpiece.sheet`` (drawn).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from msgspec import Struct

from ..errors import Where
from ..letter.address import AddressRules
from ..mailpiece.parties import Parties, read_parties, recipient_address, sender_address
from ..mailpiece.posts import Post, post_for
from ..mailpiece.sheet import SheetPage, SheetPlan, draw_sheets
from ..notices import Notice
from ..output import write_bytes_atomic
from ..pdf.document import DocumentInfo
from ..pdf.shift import Shift
from ..source import LetterInput, load_source
from .place import EnvelopeLayout, place_envelope
from .sizes import EnvelopeSize, bundled_sizes, find_size

__all__ = [
    "EnvelopeResult",
    "PreparedEnvelope",
    "bundled_sizes",
    "find_size",
    "prepare_envelope",
    "render_envelope",
]


class PreparedEnvelope(Struct, frozen=True):
    """An envelope planned: its pages (the front, and the back when the post wants the
    return address there), where the addresses went, and what looked doubtful."""

    plan: SheetPlan
    layout: EnvelopeLayout
    parties: Parties
    notices: tuple[Notice, ...]

    @property
    def post(self) -> Post:
        return self.layout.post

    @property
    def size(self) -> EnvelopeSize:
        return self.layout.size


class EnvelopeResult(Struct, frozen=True):
    """What ``render_envelope`` made."""

    path: Path | None
    pdf: bytes
    pages: int
    prepared: PreparedEnvelope


def prepare_envelope(
    source: LetterInput,
    *,
    size: str | None = None,
    shift: Shift | None = None,
    rules: AddressRules | None = None,
) -> PreparedEnvelope:
    """Read a letter-like file and plan its envelope; everything that can refuse it runs
    here. ``size`` names the envelope (default: the post's usual one); ``shift`` is a
    printer's calibration; ``rules`` the address rules a run of envelopes shares."""
    src = load_source(source)
    parties = read_parties(src)
    post = post_for(parties.home)
    envelope = (
        find_size(size) if size else find_size(post.default_size, where=Where(file=str(post.path)))
    )
    rules = rules or AddressRules()
    recipient = recipient_address(parties, rules, uppercase=post.uppercase)
    sender = sender_address(parties, rules, uppercase=post.uppercase)
    layout = place_envelope(list(recipient.lines), list(sender.lines), post, envelope, src.where)
    front = list(layout.address.lines)
    back = list(layout.return_block.lines) if layout.return_block is not None else []
    pages = [SheetPage(envelope.width, envelope.height, tuple(front))]
    if post.return_side == "front":
        pages[0] = SheetPage(envelope.width, envelope.height, tuple(back + front))
    elif back:
        pages.append(SheetPage(envelope.width, envelope.height, tuple(back)))
    name = parties.recipient.name or parties.recipient.organization
    meta = DocumentInfo(
        title=f"Envelope to {name}",
        author=parties.sender.name if parties.sender else "",
        lang=parties.language.tag,
    )
    day = src.data.get("date")
    plan = SheetPlan(tuple(pages), day if isinstance(day, date) else date.today(), meta, shift)
    notices = sender.notices + recipient.notices + layout.notices
    return PreparedEnvelope(plan, layout, parties, notices)


def render_envelope(
    source: LetterInput,
    out: str | os.PathLike[str] | None = None,
    *,
    size: str | None = None,
    shift: Shift | None = None,
) -> EnvelopeResult:
    """Render a letter-like file's envelope to a PDF at ``out`` (written atomically); with
    ``out=None`` nothing is written and the bytes are in the result."""
    prep = prepare_envelope(source, size=size, shift=shift)
    pdf = draw_sheets(prep.plan)
    path = write_bytes_atomic(out, pdf) if out is not None else None
    return EnvelopeResult(path, pdf, len(prep.plan.pages), prep)
