"""Stages 1-3 of a letter in one call: read, validate and resolve it (``prepare_letter``).

Its own module, imported once, so that a batch preparing thousands of letters does not run
the stages' import statements again for each letter."""

from __future__ import annotations

from datetime import date

from msgspec.structs import replace

from ..pdf.shift import Shift
from ..source import LetterInput, load_source
from .context import RenderContext
from .model import parse_letter
from .offset import offset_notices
from .resolve import Prepared, resolve


def prepare_letter(
    source: LetterInput,
    *,
    layout: str | None = None,
    when: date | None = None,
    strict_window: bool = False,
    context: RenderContext | None = None,
    shift: Shift | None = None,
    envelope: str | None = None,
) -> Prepared:
    """``letterpress.letter.prepare_letter``: read, validate and resolve a letter, making
    every check that can refuse it before anything is drawn."""
    ctx = context or RenderContext()
    src = load_source(source)
    letter = parse_letter(src, ctx.parties)
    prep = resolve(
        src,
        letter,
        ctx,
        layout=layout,
        when=when,
        strict_window=strict_window,
        shift=shift,
        envelope=envelope,
    )
    moved = offset_notices(prep, prep.where)
    return replace(prep, notices=prep.notices + moved) if moved else prep
