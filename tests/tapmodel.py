"""An independent model of the post's window check (USPS: the tap test), for the tests.

It shares nothing with ``letterpress.letter.window``: the envelopes are read straight from the
layout files, the folds from the fold marks printed in the PDF, the ink of every glyph from the
bundled fonts' outlines (fontTools) at the origins pdfplumber reads back, and the folded packet
is moved over a grid of positions that includes every end of its play. The layout files'
documented model: the slide is the envelope's size plus its ``size_tolerance`` less the folded
packet, both ways; each window edge may lie ``window_tolerance`` inside its place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pdfplumber
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4
SHARED = ("clearance", "size_tolerance", "window_tolerance")


@dataclass(frozen=True)
class Box:
    """What a printed thing inks, mm from the sheet's top-left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Envelope:
    name: str
    width: float
    height: float
    left: float
    bottom: float
    window_width: float
    window_height: float
    clearance: float
    size_tolerance: float
    window_tolerance: float
    lines_in_view: int


def layout_data(name: str) -> dict:
    """A bundled layout file's table, or the one at ``name`` if it is a path."""
    path = Path(name) if name.endswith(".toml") else ROOT / "layouts" / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def envelopes(name: str) -> list[Envelope]:
    """The envelopes a bundled layout file lists, in its order."""
    table = layout_data(name)["envelope"]
    out = []
    for key, value in table.items():
        if not isinstance(value, dict):
            continue
        shared = {k: value.get(k, table.get(k)) for k in SHARED}
        window = value["window"]
        out.append(
            Envelope(
                key,
                value["width"],
                value["height"],
                window["left"],
                window["bottom"],
                window["width"],
                window["height"],
                lines_in_view=value.get("lines_in_view", 0),
                **shared,
            )
        )
    return out


@cache
def _font(name: str) -> tuple[dict, object, object, float]:
    font = TTFont(ROOT / "fonts" / f"{name}.ttf")
    return font.getBestCmap(), font["glyf"], font["hmtx"], float(font["head"].unitsPerEm)


def glyph_boxes(page: pdfplumber.page.Page) -> list[Box]:
    """The ink of every glyph on the page (mm), from the font outlines at each character's
    origin and size as pdfplumber reads them."""
    out = []
    for char in page.chars:
        cmap, glyf, _, upm = _font(char["fontname"].split("+")[-1])
        glyph = glyf[cmap[ord(char["text"])]]
        if not glyph.numberOfContours:
            continue
        scale = char["size"] / upm
        x, y = char["matrix"][4], page.height - char["matrix"][5]
        out.append(
            Box(
                char["text"],
                (x + glyph.xMin * scale) / MM,
                (y - glyph.yMax * scale) / MM,
                (x + glyph.xMax * scale) / MM,
                (y - glyph.yMin * scale) / MM,
            )
        )
    return out


def rules(page: pdfplumber.page.Page, marks_right: float = 12.0) -> list[Box]:
    """Horizontal lines away from the left edge's marks (the return line's rule)."""
    return [
        Box(
            "rule",
            ln["x0"] / MM,
            (ln["top"] - ln["linewidth"] / 2) / MM,
            ln["x1"] / MM,
            (ln["bottom"] + ln["linewidth"] / 2) / MM,
        )
        for ln in page.lines
        if ln["x0"] / MM > marks_right
    ]


def fold_marks(page: pdfplumber.page.Page, fold_length: float) -> list[float]:
    """The fold marks' distances from the top (mm): short lines at the left edge."""
    return sorted(
        ln["top"] / MM
        for ln in page.lines
        if ln["x0"] / MM < 12 and abs((ln["x1"] - ln["x0"]) / MM - fold_length) < 0.3
    )


def _steps(top: float, n: int = 5) -> list[float]:
    return [top * i / (n - 1) for i in range(n)]


def windows(
    env: Envelope, paper_width: float, paper_height: float, folds: list[float]
) -> list[tuple[float, float, float, float]]:
    """The window on the sheet (left, top, right, bottom; mm, its edges at the tolerance
    inside) at every position of a grid over the packet's play, its ends included."""
    cuts = [0.0, *folds, paper_height]
    packet = max(b - a for a, b in zip(cuts, cuts[1:]))
    slide_x = env.width + env.size_tolerance - paper_width
    slide_y = env.height + env.size_tolerance - packet
    assert slide_x >= 0 and slide_y >= 0, "the folded sheet does not fit the envelope"
    t = env.window_tolerance
    out = []
    for x0 in _steps(slide_x):
        for y0 in _steps(slide_y):
            # the first fold is the packet's bottom edge: sheet y = fold - height above bottom
            out.append(
                (
                    env.left - x0 + t,
                    folds[0] + y0 - (env.bottom + env.window_height) + t,
                    env.left + env.window_width - x0 - t,
                    folds[0] + y0 - env.bottom - t,
                )
            )
    return out


def reach(
    env: Envelope, paper_width: float, paper_height: float, folds: list[float]
) -> tuple[float, float, float, float]:
    """Everything the window can ever show (its edges at the tolerance outside)."""
    t = 2 * env.window_tolerance
    rects = windows(env, paper_width, paper_height, folds)
    return (
        min(r[0] for r in rects) - t,
        min(r[1] for r in rects) - t,
        max(r[2] for r in rects) + t,
        max(r[3] for r in rects) + t,
    )


@dataclass(frozen=True)
class Verdict:
    worst: float  # mm: the least clearance of anything inked in the window, anywhere
    text: str  # what comes closest ("rule" for the return line's rule)
    shown: str  # the characters the window can show, in reading order


def tap_test(pdf_path: Path, layout: str, envelope: str) -> Verdict:
    """Fold page 1 at its printed fold marks, put it in the envelope, slide it to every
    position, and measure what the window can show against the window's edges."""
    data = layout_data(layout)
    env = next(e for e in envelopes(layout) if e.name == envelope)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        width, height = page.width / MM, page.height / MM
        folds = fold_marks(page, data["marks"]["fold_length"])
        assert folds, "no fold marks"
        boxes = glyph_boxes(page) + rules(page)
        area = reach(env, width, height, folds)
        crop = (
            max(area[0], 0) * MM,
            max(area[1], 0) * MM,
            min(area[2], width) * MM,
            min(area[3], height) * MM,
        )
        shown = page.crop(crop, strict=False).extract_text() or ""
    inside = [
        b
        for b in boxes
        if b.left < area[2] and b.right > area[0] and b.top < area[3] and b.bottom > area[1]
    ]
    assert inside, "nothing in the window"
    worst, closest = float("inf"), ""
    for left, top, right, bottom in windows(env, width, height, folds):
        for b in inside:
            least = min(b.left - left, right - b.right, b.top - top, bottom - b.bottom)
            if least < worst:
                worst, closest = least, b.text
    return Verdict(worst, closest, shown)
