"""A line's last word is hyphenated exactly as ReportLab's ``_hyphenateWord`` does it, from split
points kept per run: the same parts, of the same kinds, for every room left on the line."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    _hyphenateWord,
    _SplitWordEnd,
    _SplitWordLL,
)

from letterpress.language.hyphenation import hyphenator
from letterpress.pdf import fonts
from letterpress.pdf.hyphenate import Splits, hyphenate_word

WORDS = [
    "Studierenden",
    "Absolventinnen",
    "Rückmeldebögen",
    "„Karrieretag“,",
    "(Informationsveranstaltung).",
    "E-Mail-Adresse",
    "Aus\xadwer\xadtung",  # soft hyphens: embedded hyphenation
    "https://career.example.org/karrieretag/2027/anmeldung",
    "Tag",
    _SplitWordEnd("renden"),
    _SplitWordLL("Bewerbungs-"),
]
SIZE = 11.0


def _parts(split: list[Any] | None) -> list[tuple[type, str]] | None:
    """The parts and their kinds (ReportLab tells a hyphenated part by its class); None as
    ReportLab returns it when no split fits."""
    return None if split is None else [(type(p), str(p)) for p in split]


@pytest.mark.parametrize("embedded", [0, 1])
@pytest.mark.parametrize("uri_waste", [0, 0.3])
@pytest.mark.parametrize("language", ["de_DE", None])
def test_the_same_split_as_reportlab_for_every_room_left(
    embedded: int, uri_waste: float, language: str | None
) -> None:
    font = fonts.face("sans").regular
    hy = hyphenator(language) if language else None
    splits: Splits = {}
    tried = split = 0
    for word in WORDS:
        ww = stringWidth(str(word), font, SIZE)
        for max_width in (120.0, 240.0, 400.0):
            for used in range(0, int(max_width) + 20, 7):  # the line's width before the word
                new_width = used + ww
                args = (font, SIZE, word, ww, new_width, max_width, uri_waste, embedded, 5)
                expected = _hyphenateWord(hy, *args)
                for _ in range(2):  # measured, then from the kept split points
                    found = hyphenate_word(splits, hy, *args)
                    assert _parts(found) == _parts(expected), (word, used)
                tried += 1
                split += bool(expected)
    assert split > 40 and tried - split > 100  # both outcomes were exercised
    assert splits  # and the split points were kept


def test_a_word_without_width_is_never_split() -> None:
    font = fonts.face("sans").regular
    assert hyphenate_word({}, hyphenator("de_DE"), font, SIZE, "x", 0, 50, 40, 0, 0, 5) == []
