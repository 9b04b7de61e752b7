"""Bundled fonts: registration with ReportLab, widths, and the can-we-draw-it check."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import FontCoverageError
from ..resources import data_dir

# typeface -> (file stem, registered family name)
TYPEFACES = {"sans": "NotoSans", "serif": "NotoSerif"}
_STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
# Characters that never reach the page as glyphs.
_IGNORED = {"\n", "\r", "\t", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


@dataclass(frozen=True)
class Face:
    """Registered ReportLab font names of one typeface."""

    regular: str
    bold: str
    italic: str
    bolditalic: str


_EAGER = ("regular", "bold")  # italics are read only when some text is set in them


def _register(stem: str, style: str) -> str:
    name = f"LP-{stem}-{_STYLES[style]}"
    if name not in pdfmetrics.getRegisteredFontNames():
        path = data_dir("fonts") / f"{stem}-{_STYLES[style]}.ttf"
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


@cache
def face(typeface: str = "sans") -> Face:
    """Register (once) and return the four styles of a bundled typeface.

    The italic styles are named and mapped but their files are read only by ``italics``,
    which the text that uses them calls first: most letters have none, and reading a font
    file costs as much as laying out several letters."""
    stem = TYPEFACES[typeface]
    names = {style: f"LP-{stem}-{suffix}" for style, suffix in _STYLES.items()}
    for style in _EAGER:
        _register(stem, style)
    family = f"LP-{stem}"
    addMapping(family, 0, 0, names["regular"])
    addMapping(family, 1, 0, names["bold"])
    addMapping(family, 0, 1, names["italic"])
    addMapping(family, 1, 1, names["bolditalic"])
    # map the regular name too, so <b>/<i> inside paragraphs resolve
    for bold in (0, 1):
        for italic in (0, 1):
            key = ("regular", "bold", "italic", "bolditalic")[bold + 2 * italic]
            addMapping(names["regular"], bold, italic, names[key])
    return Face(**names)


@cache
def italics(font_name: str) -> None:
    """Read the italic styles of the typeface whose regular style is ``font_name``."""
    for typeface, stem in TYPEFACES.items():
        if face(typeface).regular == font_name:
            for style in _STYLES:
                if style not in _EAGER:
                    _register(stem, style)


@cache
def _coverage(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@cache
def _drawable(font_name: str) -> frozenset[str]:
    """The characters the font draws (or that never reach the page), as strings: one set
    comparison answers the common case of a text with nothing missing."""
    return frozenset(map(chr, _coverage(font_name))) | _IGNORED


def missing_characters(text: str, font_name: str) -> list[str]:
    """Characters of ``text`` the font has no glyph for, in order of first appearance."""
    if _drawable(font_name).issuperset(text):
        return []
    covered = _coverage(font_name)
    seen: list[str] = []
    for char in text:
        if char in _IGNORED or ord(char) in covered or char in seen:
            continue
        seen.append(char)
    return seen


def drawable(text: str, typeface: str = "sans") -> bool:
    """Whether the bundled fonts draw every character of ``text``."""
    return _drawable(face(typeface).regular).issuperset(text)


def check_drawable(text: str, where: str, typeface: str = "sans") -> None:
    """Raise FontCoverageError naming the first undrawable character and the field."""
    missing = missing_characters(text, face(typeface).regular)
    if missing:
        char = missing[0]
        name = unicodedata.name(char, "unnamed character").title()
        raise FontCoverageError(
            f"character {char!r} (U+{ord(char):04X} {name}) cannot be drawn by the bundled fonts",
            where=where, hint="replace or remove it")


@lru_cache(maxsize=16384)
def width(text: str, font_name: str, size: float) -> float:
    """Advance width of ``text`` in points (remembered: a batch measures the same letterhead,
    labels and return line on every letter)."""
    return pdfmetrics.stringWidth(text, font_name, size)


@cache
def vertical_metrics(font_name: str) -> tuple[float, float]:
    """(ascent, descent) as fractions of the size; descent positive, below the baseline."""
    font = pdfmetrics.getFont(font_name)
    return font.face.ascent / 1000.0, -font.face.descent / 1000.0
