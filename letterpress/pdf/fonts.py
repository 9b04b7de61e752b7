"""Bundled fonts: registration with ReportLab, widths, and the can-we-draw-it check."""

from __future__ import annotations

import marshal
import unicodedata
from array import array
from fnmatch import fnmatch
from functools import cache, cached_property, lru_cache
from math import inf
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from msgspec import Struct
from reportlab import Version, rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (
    TTEncoding,
    TTFNameBytes,
    TTFont,
    TTFontFace,
    unShapedFontGlob,
)

from .. import cachefiles
from ..errors import FontCoverageError, Where
from ..resources import data_dir

# typeface -> (file stem, registered family name)
TYPEFACES = {"sans": "NotoSans", "serif": "NotoSerif"}
_STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
# Characters that never reach the page as glyphs.
_IGNORED = {"\n", "\r", "\t", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


# nothing prints or compares it: no generated repr or == (each costs a cold start)
class Face(Struct, frozen=True, eq=False):
    """Registered ReportLab font names of one typeface."""

    regular: str
    bold: str
    italic: str
    bolditalic: str


_EAGER = ("regular", "bold")  # the others are read only when some text is set in them
_NAMED_BYTES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
# Kept as marshal data and decoded when first read: only ReportLab's text shaping reads it.
_LATER = "glyphToChar"
# Read only by subsetting, by glyph index: kept as machine integers (array bytes), which read
# back with one copy where a list of 3,000 numbers or pairs costs a cold letter 6 million
# instructions per font.
_INDEXED = "glyphPos"
_PAIRED = "hmetrics"


class _Pairs:
    """A font's (advance width, left side bearing) per glyph, as ``TTFontFace.hmetrics`` is
    read: by glyph index, one pair at a time."""

    def __init__(self, advances: array[int], bearings: array[int]) -> None:
        self.advances = advances
        self.bearings = bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self.advances[glyph], self.bearings[glyph]


def _ints(data: bytes) -> array[int]:
    """Integers kept by ``_kept_state`` (64-bit, native order: the cache is this machine's)."""
    out = array("q")
    out.frombytes(data)
    return out


class _StoredFace(TTFontFace):
    """A font's parsed tables read back from the cache instead of parsed from the file."""

    def __init__(self, state: dict[str, Any]) -> None:
        pdfmetrics.TypeFace.__init__(self, None)
        self.__dict__.update(state)
        for key in _NAMED_BYTES:
            self.__dict__[key] = TTFNameBytes(state[key])
        if not isinstance(state[f"_kept_{_LATER}"], bytes):
            raise TypeError(_LATER)
        self.glyphPos = _ints(state[f"_kept_{_INDEXED}"])
        advances, bearings = state[f"_kept_{_PAIRED}"]
        self.hmetrics = _Pairs(_ints(advances), _ints(bearings))
        del self.__dict__[f"_kept_{_INDEXED}"], self.__dict__[f"_kept_{_PAIRED}"]
        per_em = 1000 / self.unitsPerEm
        self._pdfScale = (lambda x: x) if self.unitsPerEm == 1000 else (lambda x: x * per_em)

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Each glyph's characters (ReportLab's table), decoded when first read."""
        table: dict[int, list[int]] = marshal.loads(self.__dict__[f"_kept_{_LATER}"])
        return table


def _kept_state(face: TTFontFace) -> dict[str, Any]:
    """What ``_StoredFace`` is made from: the parsed face's attributes, the table only
    shaping reads as marshal data."""
    state = {
        k: (bytes(v) if isinstance(v, TTFNameBytes) else v)
        for k, v in vars(face).items()
        if k not in ("_pdfScale", _LATER, _INDEXED, _PAIRED)
    }
    state[f"_kept_{_LATER}"] = marshal.dumps(getattr(face, _LATER))
    state[f"_kept_{_INDEXED}"] = array("q", getattr(face, _INDEXED)).tobytes()
    pairs = getattr(face, _PAIRED)
    state[f"_kept_{_PAIRED}"] = [
        array("q", [pair[0] for pair in pairs]).tobytes(),
        array("q", [pair[1] for pair in pairs]).tobytes(),
    ]
    return state


class _StoredFont(TTFont):
    """``TTFont`` over a stored face (what ``TTFont.__init__`` sets, without parsing)."""

    def __init__(self, name: str, face: TTFontFace) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)


def _load(name: str, path: Path) -> TTFont:
    """The font at ``path``: its parsed tables from the cache when they are there (a few
    milliseconds instead of tens), else parsed and kept for the next run."""
    current = cachefiles.stamp(path, Version, "later-2")
    key = f"font-{path.stem}.marshal"
    state = cachefiles.read(key, current)
    if isinstance(state, dict):
        try:
            return _StoredFont(name, _StoredFace(state))
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            pass  # a file from another layout of the tables: parse afresh
    font = TTFont(name, str(path))
    cachefiles.write(key, current, _kept_state(font.face))
    return font


def _register(stem: str, style: str) -> str:
    name = f"LP-{stem}-{_STYLES[style]}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_load(name, data_dir("fonts") / f"{stem}-{_STYLES[style]}.ttf"))
    return name


@cache
def face(typeface: str = "sans") -> Face:
    """Register (once) the regular and bold styles of a bundled typeface and map all four.

    The italic styles are named and mapped but their files are read only by ``styles_for``,
    which the text that uses them calls first: most letters have none."""
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


def styles_for(font_name: str, markup: str) -> None:
    """Read the italic styles that paragraph ``markup`` set in the typeface whose regular
    style is ``font_name`` needs (italic; bold italic when bold and italic meet)."""
    if "<i>" not in markup:
        return
    for stem in TYPEFACES.values():
        if font_name == f"LP-{stem}-{_STYLES['regular']}":
            _register(stem, "italic")
            if "<b>" in markup:
                _register(stem, "bolditalic")


@cache
def _coverage(font_name: str) -> frozenset[int]:
    """The code points the font draws. A font's table also maps control characters, U+FFFF
    and other code points that are never text to an empty glyph: those are left out, so
    they are refused like any character the font cannot draw."""
    font = pdfmetrics.getFont(font_name)
    return frozenset(code for code in font.face.charToGlyph if _is_text(code))


def _is_text(code: int) -> bool:
    """Whether a code point can stand in printed text: not a control character (Cc),
    surrogate (Cs) or noncharacter (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF)."""
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return False
    return unicodedata.category(chr(code)) not in ("Cc", "Cs")


# What an unnamed character is, for the message that refuses it.
_UNNAMED = {
    "Cc": "control character",
    "Cs": "surrogate",
    "Cn": "unassigned character",
    "Co": "private-use character",
}


@cache
def _drawable(font_name: str) -> frozenset[str]:
    """The characters the font draws (or that never reach the page), as strings: one set
    comparison answers the common case of a text with nothing missing. Kept in the cache
    folder as one string (sorting out the characters that are not text costs a letter more)."""
    path = data_dir("fonts") / f"{font_name.removeprefix('LP-')}.ttf"
    try:
        current = cachefiles.stamp(path, Version, "drawable-1")
    except OSError:  # not a bundled font: nothing to keep
        return frozenset(map(chr, _coverage(font_name))) | _IGNORED
    key = f"drawable-{path.stem}.marshal"
    kept = cachefiles.read(key, current)
    if not isinstance(kept, str):
        kept = "".join(sorted(map(chr, _coverage(font_name))))
        cachefiles.write(key, current, kept)
    return frozenset(kept) | _IGNORED


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


def check_drawable(text: str, where: Where, typeface: str = "sans") -> None:
    """Raise FontCoverageError naming the first undrawable character and the field."""
    missing = missing_characters(text, face(typeface).regular)
    if missing:
        char = missing[0]
        name = unicodedata.name(char, "").title().replace("Cjk ", "CJK ") or (
            "noncharacter"
            if not _is_text(ord(char)) and unicodedata.category(char) == "Cn"
            else _UNNAMED.get(unicodedata.category(char), "unnamed character")
        )
        # a letter of a script the fonts lack (Japanese, Arabic...): the text, not the one
        # character, needs writing otherwise
        script = unicodedata.category(char).startswith("L")
        raise FontCoverageError(
            f"character {char!r} (U+{ord(char):04X} {name}) cannot be drawn by the bundled fonts",
            where=where,
            hint=(
                "they draw Latin, Greek and Cyrillic letters: write it in Latin letters, as "
                "addresses abroad are written"
                if script
                else "replace or remove it"
            ),
            char=char,
        )


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


# nothing prints or compares it: no generated repr or == (each costs a cold start)
class Ink(Struct, frozen=True, eq=False):
    """Where a set text's glyphs put ink, in points from its origin: ``left`` and ``right``
    along the baseline (``left`` negative when the first glyph overhangs its origin), ``top``
    above and ``bottom`` below the baseline. All zero for text without ink."""

    left: float
    right: float
    top: float
    bottom: float


# per character: (advance, x_min, y_min, x_max, y_max) in ems; no box for a glyph without ink
_Glyph = tuple[float, ...]


def _read_outlines(path: Path) -> dict[int, _Glyph]:
    """Every character's advance and glyph box, read from the font file with fontTools."""
    from fontTools.ttLib import TTFont as OutlineFont

    font = OutlineFont(str(path), lazy=True)
    glyf, hmtx = font["glyf"], font["hmtx"]
    scale = 1.0 / font["head"].unitsPerEm
    out: dict[int, _Glyph] = {}
    for code, name in font.getBestCmap().items():
        glyph = glyf[name]
        advance = hmtx[name][0] * scale
        out[code] = (
            (
                advance,
                glyph.xMin * scale,
                glyph.yMin * scale,
                glyph.xMax * scale,
                glyph.yMax * scale,
            )
            if glyph.numberOfContours
            else (advance,)
        )
    return out


_NO_GLYPH: _Glyph = (0.0,)  # a character the font lacks: no advance, no ink


class _Boxes:
    """A font's glyph boxes as kept in the cache folder, in groups of 256 characters decoded
    when a text first needs one of them (``cachefiles.Groups``): an address needs one or two
    of the font's groups, and decoding all 3,000 boxes cost a cold letter 9 million
    instructions. ``known`` holds the boxes looked up so far, by code point."""

    def __init__(self, groups: cachefiles.Groups) -> None:
        self.groups = groups  # keyed by the code point in six hex digits, grouped by four
        self.known: dict[int, _Glyph] = {}

    def glyph(self, code: int) -> _Glyph:
        """The box of the character ``code`` (``_NO_GLYPH`` when the font lacks it)."""
        found = self.known.get(code)
        if found is None:
            kept = self.groups.get(f"{code:06x}")
            found = self.known[code] = kept if isinstance(kept, tuple) else _NO_GLYPH
        return found


@cache
def _outlines(font_name: str) -> _Boxes:
    """The glyph boxes of a registered bundled font (``LP-NotoSans-Regular``): from the cache
    folder when they are there (fontTools then stays unloaded), else read and kept."""
    path = data_dir("fonts") / f"{font_name.removeprefix('LP-')}.ttf"
    current = cachefiles.stamp(path, "outlines-3")
    key = f"outlines-{path.stem}.marshal"
    groups = cachefiles.Groups.kept(cachefiles.read(key, current))
    if groups is not None:
        return _Boxes(groups)
    table = {f"{code:06x}": glyph for code, glyph in _read_outlines(path).items()}
    kept = cachefiles.grouped(table, 4)
    cachefiles.write(key, current, kept)
    return _Boxes(cachefiles.Groups(*kept))


@lru_cache(maxsize=16384)
def ink(text: str, font_name: str, size: float) -> Ink:
    """The extent of the glyphs' outlines when ``text`` is set at ``size`` (in points): what a
    reader sees of it, accents and descenders included, as ReportLab places the glyphs (each
    at the sum of the advances before it)."""
    boxes = _outlines(font_name)
    known = boxes.known
    x = 0.0
    left = bottom = inf
    right = top = -inf
    for char in text:  # one pass: a new address line is measured for every letter
        glyph = known.get(ord(char)) or boxes.glyph(ord(char))
        if len(glyph) == 5:
            _, x0, y0, x1, y1 = glyph
            if x + x0 < left:
                left = x + x0
            if y0 < bottom:
                bottom = y0
            if x + x1 > right:
                right = x + x1
            if y1 > top:
                top = y1
        x += glyph[0]
    if left == inf:
        return Ink(0.0, 0.0, 0.0, 0.0)
    return Ink(left=left * size, right=right * size, top=top * size, bottom=-bottom * size)
