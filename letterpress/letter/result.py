"""What rendering a letter gives back to its caller."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct

from ..notices import Notice
from .model import Letter
from .plan import AddressField
from .window import WindowReport


class LetterResult(Struct, frozen=True):
    """What rendering produced: the file, its page count and the window check."""

    path: Path | None
    pages: int
    layout: str
    window: WindowReport
    pdf: bytes
    letter: Letter
    address: AddressField
    notices: tuple[Notice, ...] = ()  # doubtful but deliverable: what the CLI prints as warnings
