"""Page geometry loaded from ``layouts/*.toml``: every number of a standard lives in data."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from .. import cachefiles
from ..errors import LayoutError, UserError, Where, choice_hint
from ..limits import MAX_LAYOUT_NUMBER
from ..resources import data_dir
from ..source import parse_toml, read_text
from .typestyle import TypeStyle, parse_type

DEFAULT_LAYOUT = "din5008-b"  # used when neither the file nor the command line names one


class Rect(Struct, frozen=True):
    """An axis-aligned rectangle on the sheet, millimetres from the top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def inset(self, by: float) -> Rect:
        """The rectangle shrunk by ``by`` on every side."""
        return Rect(self.x + by, self.y + by, self.width - 2 * by, self.height - 2 * by)

    def intersects(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


class TextStyle(Struct, frozen=True):
    """Body type: typeface family, size and leading in points, type area margins in mm."""

    left: float
    right: float
    bottom: float
    typeface: str
    size: float
    leading: float


class Placement(Struct, frozen=True):
    """A text anchor: x (left edge, or right edge when align is right), y top, optional width."""

    x: float
    y: float
    align: str = "left"
    width: float = 0.0


class ReturnLine(Struct, frozen=True):
    """The sender's one-line return address at the top of the address field."""

    height: float  # mm: the strip older layout files give it (the window decides where it goes)
    size: float
    min_size: float


class Notes(Struct, frozen=True):
    height: float
    max_lines: int
    size: float


class AddressZone(Struct, frozen=True):
    """Where the recipient's address is set: top and height in mm, sizes in points."""

    top: float
    height: float
    max_lines: int
    size: float
    min_size: float
    leading: float
    uppercase: bool = False
    max_chars: int = 0


class Marks(Struct, frozen=True):
    x: float
    fold_length: float
    punch_length: float
    folds: tuple[float, ...]
    punch: float | None


class Envelope(Struct, frozen=True):
    """One window envelope a layout is made for; its window is measured from the envelope's
    left and bottom edges (face up, flap at the top)."""

    name: str
    title: str
    width: float
    height: float
    window_left: float
    window_bottom: float
    window_width: float
    window_height: float
    size_tolerance: float  # the envelope may be this much larger: the packet slides further
    window_tolerance: float  # each window edge may lie this much off its nominal place
    clearance: float  # clear window kept around the address at every position of the packet
    lines_in_view: int = 0  # address and notes lines it keeps clear at the minimum size
    subject_y: float | None = None  # the text starts lower for this envelope's window


# hashed once (cache_hash): layouts key caches a batch consults several times per letter
class Layout(Struct, frozen=True, cache_hash=True):
    """One standard's geometry (millimetres), as read from its layout file."""

    name: str
    title: str
    country: str
    sources: tuple[str, ...]
    path: Path
    paper_name: str
    paper_width: float
    paper_height: float
    text: TextStyle
    letterhead: Placement
    address_field: Rect
    address_indent: float
    return_line: ReturnLine | None
    notes: Notes | None
    address: AddressZone
    info_block: Placement | None
    date_line: Placement | None
    subject_y: float
    continuation_top: float
    continuation_text_top: float
    marks: Marks
    envelope: Envelope  # the one letters are fitted to: the chosen one, else the first listed
    envelopes: tuple[Envelope, ...] = ()  # every envelope the layout lists, the default first
    type: TypeStyle = TypeStyle()  # house style: sizes, pitches, offsets, rule weights

    @property
    def text_width(self) -> float:
        return self.paper_width - self.text.left - self.text.right

    @property
    def address_x(self) -> float:
        """Left edge of the address text."""
        return self.address_field.x + self.address_indent


class _Reader:
    """Reads typed values out of a layout table, naming the field in every error."""

    def __init__(self, data: dict[str, Any], where: Where) -> None:
        self.data = data
        self.where = where

    def table(self, key: str, required: bool = True) -> _Reader | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise LayoutError(
                    f"missing table [{key}]",
                    where=self.where,
                    hint="copy it from a bundled layout (letterpress layouts)",
                )
            return None
        if not isinstance(value, dict):
            raise LayoutError(f"{key} must be a table", where=self.where)
        return _Reader(value, self.where.at(key))

    def num(self, key: str, default: float | None = None) -> float:
        value = self.data.get(key, default)
        if value is None:
            raise LayoutError(
                f"missing number {key!r}",
                where=self.where,
                hint="give it in millimetres (sizes in points)",
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise LayoutError(f"{key} must be a number, not {value!r}", where=self.where)
        if value < 0:
            raise LayoutError(f"{key} must not be negative", where=self.where)
        if not layout_number(value):
            raise LayoutError(
                f"{key} must be a number from 0 to {MAX_LAYOUT_NUMBER:,}, not {value!r}",
                where=self.where,
                hint="give it in millimetres (sizes in points)",
            )
        return float(value)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise LayoutError(f"{key} must be text", where=self.where)
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in options:
            raise LayoutError(
                f"{key} must be one of {', '.join(options)}, not {value!r}", where=self.where
            )
        return value

    def placement(self) -> Placement:
        return Placement(
            x=self.num("x"),
            y=self.num("y"),
            align=self.choice("align", ("left", "right"), "left"),
            width=self.num("width", 0.0),
        )


def layout_number(value: float) -> bool:
    """Whether ``value`` can be a length or size on a sheet: finite, 0 to the limit."""
    return math.isfinite(value) and 0 <= value <= MAX_LAYOUT_NUMBER


def parse_layout(data: dict[str, Any], path: Path) -> Layout:
    """Turn a layout file's table into a Layout, validating every field."""
    where = Where(file=str(path))
    r = _Reader(data, where)
    paper = r.table("paper")
    text = r.table("text")
    field = r.table("address_field")
    address = r.table("address")
    marks = r.table("marks")
    envelope = r.table("envelope")
    assert paper and text and field and address and marks and envelope
    envelopes = _envelopes(envelope)
    ret = r.table("return_line", required=False)
    notes = r.table("notes", required=False)
    info = r.table("info_block", required=False)
    date_line = r.table("date_line", required=False)
    if info is None and date_line is None:
        raise LayoutError("needs an [info_block] or a [date_line] for the date", where=where)
    folds = marks.data.get("folds", [])
    if (
        not isinstance(folds, list)
        or not folds
        or not all(isinstance(f, (int, float)) and not isinstance(f, bool) for f in folds)
    ):
        raise LayoutError(
            "folds must be a list of distances from the top in mm", where=where.at("marks")
        )
    continuation = r.table("continuation")
    subject = r.table("subject")
    assert continuation and subject
    sources = data.get("sources", [])
    layout = Layout(
        name=path.stem,
        title=r.text("title"),
        country=r.text("country", "").upper(),
        sources=tuple(str(s) for s in sources) if isinstance(sources, list) else (str(sources),),
        path=path,
        paper_name=paper.text("name", "custom"),
        paper_width=paper.num("width"),
        paper_height=paper.num("height"),
        text=TextStyle(
            left=text.num("left"),
            right=text.num("right"),
            bottom=text.num("bottom"),
            typeface=text.choice("typeface", ("sans", "serif"), "sans"),
            size=text.num("size"),
            leading=text.num("leading"),
        ),
        letterhead=(r.table("letterhead") or _Reader({}, Where())).placement(),
        address_field=Rect(field.num("x"), field.num("y"), field.num("width"), field.num("height")),
        address_indent=field.num("indent", 0.0),
        return_line=ReturnLine(ret.num("height", 5.0), ret.num("size"), ret.num("min_size", 6.0))
        if ret
        else None,
        notes=Notes(notes.num("height"), int(notes.num("max_lines")), notes.num("size"))
        if notes
        else None,
        address=AddressZone(
            top=address.num("top"),
            height=address.num("height"),
            max_lines=int(address.num("max_lines")),
            size=address.num("size"),
            min_size=address.num("min_size", 8.0),
            leading=address.num("leading", 1.2),
            uppercase=bool(address.data.get("uppercase", False)),
            max_chars=int(address.num("max_chars", 0)),
        ),
        info_block=info.placement() if info else None,
        date_line=date_line.placement() if date_line else None,
        subject_y=subject.num("y"),
        continuation_top=continuation.num("top"),
        continuation_text_top=continuation.num("text_top"),
        marks=Marks(
            x=marks.num("x"),
            fold_length=marks.num("fold_length"),
            punch_length=marks.num("punch_length", 0.0),
            folds=tuple(float(f) for f in folds),
            punch=marks.num("punch") if "punch" in marks.data else None,
        ),
        envelope=envelopes[0],
        envelopes=envelopes,
        type=parse_type(data.get("type"), where.at("type")),
    )
    _check_consistency(layout)
    return layout


# The numbers [envelope] may give once for all its envelopes, with their defaults (mm).
ENVELOPE_DEFAULTS = {"clearance": 3.0, "size_tolerance": 0.0, "window_tolerance": 1.0}
ENVELOPE_SHARED = tuple(ENVELOPE_DEFAULTS)


def _envelope(
    name: str, title: str, one: _Reader, shared: dict[str, float], **extra: Any
) -> Envelope:
    """One envelope from its table: its size and window, with the shared numbers."""
    window = one.table("window")
    assert window
    return Envelope(
        name=name,
        title=title,
        width=one.num("width"),
        height=one.num("height"),
        window_left=window.num("left"),
        window_bottom=window.num("bottom"),
        window_width=window.num("width"),
        window_height=window.num("height"),
        clearance=shared["clearance"],
        size_tolerance=shared["size_tolerance"],
        window_tolerance=shared["window_tolerance"],
        **extra,
    )


def _envelopes(table: _Reader) -> tuple[Envelope, ...]:
    """The layout's envelopes: ``[envelope.NAME]`` tables, one per envelope, in the file's
    order, the first the default; ``clearance``, ``size_tolerance`` and ``window_tolerance``
    may be given once in ``[envelope]`` for all of them, and each envelope may override any
    key, with the table's shared numbers as defaults. A file in the older form (the envelope's
    own numbers and a ``[envelope.window]`` directly in ``[envelope]``) gives one envelope."""
    if "window" in table.data:
        keys = {"clearance": "clearance", "size_tolerance": "size_tolerance"}
        keys["window_tolerance"] = "tolerance"  # the older form's name for it
        older = {n: table.num(keys[n], d) for n, d in ENVELOPE_DEFAULTS.items()}
        return (_envelope(table.text("name"), table.text("title", ""), table, older),)
    out = []
    for key, value in table.data.items():
        if not isinstance(value, dict):
            if key not in ENVELOPE_SHARED:
                raise LayoutError(
                    f"unknown key {key!r} in [envelope]",
                    where=table.where,
                    hint=f"shared keys are {', '.join(ENVELOPE_SHARED)}; each "
                    "envelope is a table [envelope.NAME]",
                )
            continue
        one = _Reader(value, table.where.at(key))
        shared = {n: one.num(n, table.num(n, d)) for n, d in ENVELOPE_DEFAULTS.items()}
        out.append(
            _envelope(
                key,
                one.text("title", key),
                one,
                shared,
                lines_in_view=int(one.num("lines_in_view", 0)),
                subject_y=one.num("subject_y") if "subject_y" in value else None,
            )
        )
    if not out:
        raise LayoutError(
            "no envelope listed",
            where=table.where,
            hint="add a table [envelope.NAME] with width, height and window",
        )
    if out[0].subject_y is not None:
        raise LayoutError(
            "the first envelope is the layout's default: its text starts at [subject] y",
            where=table.where.at(out[0].name),
            hint="move subject_y to [subject] y",
        )
    return tuple(out)


def choose_envelope(
    layout: Layout, name: str | None, *, where: Where = Where(option="--envelope")
) -> Layout:
    """The layout fitted to the named envelope (any case), or as loaded (its first envelope)
    when ``name`` is empty; an unknown name is an error listing the layout's envelopes."""
    if not name:
        return layout
    for envelope in layout.envelopes:
        if envelope.name.casefold() == name.strip().casefold():
            return replace(
                layout, envelope=envelope, subject_y=envelope.subject_y or layout.subject_y
            )
    import difflib  # only for the hint: a run with no mistakes never loads it

    names = [e.name for e in layout.envelopes]
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise LayoutError(
        f"the {layout.name} layout has no envelope {name!r}",
        where=where,
        hint=f"{hint}its envelopes: {', '.join(names)}",
    )


_MIN_LINES = 3  # lines of body text a page must have room for (any real layout has 40)


def _check_consistency(layout: Layout) -> None:
    """Catch numbers that cannot describe a real sheet (the window check comes later)."""
    where = Where(file=str(layout.path))
    if layout.address.min_size > layout.address.size:
        raise LayoutError("address min_size is larger than size", where=where.at("address"))
    if layout.address.min_size < 6:
        raise LayoutError("address min_size below 6 pt is unreadable", where=where.at("address"))
    if any(not 0 < f < layout.paper_height for f in layout.marks.folds):
        raise LayoutError("a fold lies outside the sheet", where=where.at("marks"))
    if layout.text_width <= 20:
        raise LayoutError("text margins leave no room for text", where=where.at("text"))
    lines = _MIN_LINES * layout.text.leading * 25.4 / 72  # points to millimetres
    bottom = layout.paper_height - layout.text.bottom
    for table, key, top, page in (
        ("subject", "y", layout.subject_y, "page 1"),
        ("continuation", "text_top", layout.continuation_text_top, "pages 2 and later"),
    ):
        if bottom - top < lines:
            raise LayoutError(
                f"{key} {top:g} leaves no room for text on {page}: the text must end "
                f"{layout.text.bottom:g} mm above the bottom of the {layout.paper_height:g} mm "
                "sheet",
                where=where.at(table),
                hint=f"leave room for at least {_MIN_LINES} lines of text",
            )


def available_layouts() -> dict[str, Path]:
    """Bundled layout names mapped to their files, sorted by name."""
    return dict(_bundled())


@cache
def _bundled() -> tuple[tuple[str, Path], ...]:
    """The bundled layout files, listed once per process (they ship with the package)."""
    return tuple((p.stem, p) for p in sorted(data_dir("layouts").glob("*.toml")))


def is_layout_file(name: str) -> bool:
    """Whether a ``layout`` value names a layout file (a path), not a bundled layout."""
    return name.endswith(".toml") or "/" in name or "\\" in name


def load_layout(name_or_path: str | Path, *, where: Where = Where(field="layout")) -> Layout:
    """Load a bundled layout by name, or a layout file by path."""
    text = str(name_or_path)
    bundled = available_layouts()
    if text in bundled:
        return _load_bundled(text)
    if is_layout_file(text):
        path = Path(text)
        if not path.is_file():
            raise LayoutError(
                f"layout file {text!r} not found",
                where=where,
                hint="check the path, or use a name from 'letterpress layouts'",
            )
    else:
        raise LayoutError(
            f"unknown layout {text!r}", where=where, hint=choice_hint(text, list(bundled))
        )
    return _load_path(path.resolve())


@cache
def _load_bundled(name: str) -> Layout:
    """A bundled layout, read once per process (it ships with the package; its tables are
    kept parsed in the cache folder for the next runs)."""
    path = dict(_bundled())[name].resolve()
    return parse_layout(cachefiles.toml(path), path)


def _load_path(path: Path) -> Layout:
    """A layout file read (as users' files are read: size-limited, UTF-8, TOML mistakes
    explained) and checked."""
    where = Where(file=str(path))
    try:
        data = parse_toml(read_text(path, what="layout file"), where)
    except UserError as exc:
        raise LayoutError(exc.what, where=exc.place, hint=exc.hint) from None
    return parse_layout(data, path)
