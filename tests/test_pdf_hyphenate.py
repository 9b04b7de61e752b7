"""A line's last word is hyphenated exactly as ReportLab's ``_hyphenateWord`` does it, from split
points kept per run: the same parts, of the same kinds, for every room left on the line. A web
or e-mail address breaks where it can be typed back (see test_link_breaks.py)."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    _hyphenateWord,
    _SplitWordEnd,
    _SplitWordH,
    _SplitWordLL,
)

from letterpress.language.hyphenation import hyphenator
from letterpress.pdf import fonts
from letterpress.pdf.hyphenate import AddressEnd, Splits, hyphenate_word

WORDS = [
    "Studierenden",
    "Absolventinnen",
    "Rückmeldebögen",
    "„Karrieretag“,",
    "(Informationsveranstaltung).",
    "E-Mail-Adresse",
    "Aus\xadwer\xadtung",  # soft hyphens: embedded hyphenation
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
    # both outcomes were exercised (without a hyphenator or embedded hyphens, nothing splits)
    assert (split > 40 or not (hy or embedded)) and tried - split > 100
    assert splits  # and the split points were kept


def test_a_word_without_width_is_never_split() -> None:
    font = fonts.face("sans").regular
    assert hyphenate_word({}, hyphenator("de_DE"), font, SIZE, "x", 0, 50, 40, 0, 0, 5) == []


@pytest.mark.parametrize("uri_waste", [0, 0.3])
def test_an_address_breaks_only_where_it_can_be_typed_back(uri_waste: float) -> None:
    """Every break of an address is after a slash or before ``. ? # & @ - _``, the rest is
    broken again, and the parts put together give the address back."""
    font = fonts.face("sans").regular
    address = "https://jobs.example.org/careers/data-analyst_hamburg?ref=board&src=mail#apply"
    for width in (60.0, 90.0, 150.0):
        for used in range(0, int(width), 5):
            splits: Splits = {}
            parts: list[str] = []
            word: str = address
            room = width - used
            while True:
                ww = stringWidth(word, font, SIZE)
                if ww <= room:
                    parts.append(word)
                    break
                found = hyphenate_word(
                    splits, None, font, SIZE, word, ww, width - room + ww, width, uri_waste, 1, 5
                )
                if found is None:  # whole to the next line
                    assert ww <= width and (parts or room < width)
                    room = width
                    continue
                head, rest = found
                assert type(head) is _SplitWordH and type(rest) is AddressEnd
                assert stringWidth(head, font, SIZE) <= room
                if head:
                    assert head[-1] == "/" or rest[0] in ".?#&@-_", (head, rest)
                parts.append(head)
                word, room = rest, width
            assert "".join(parts) == address


def test_a_part_wider_than_the_line_is_cut_where_it_must() -> None:
    font = fonts.face("sans").regular
    word = AddressEnd("x" * 80 + "/end")
    ww = stringWidth(word, font, SIZE)
    head, rest = hyphenate_word({}, None, font, SIZE, word, ww, ww, 100.0, 0.3, 1, 5) or []
    assert stringWidth(head, font, SIZE) <= 100 and head + rest == word
    assert type(rest) is AddressEnd
