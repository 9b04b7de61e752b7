"""Label-sheet geometries from ``label-sheets/*.toml`` (Avery, Avery Zweckform, HERMA), found by
product number or alias."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from msgspec import Struct

from ..errors import LayoutError, UserError, Where, choice_hint
from ..letter.layout import Rect
from ..mailpiece.data import number, read_toml, sources, table, text
from ..resources import data_dir


class LabelSheet(Struct, frozen=True):
    """One product: the paper, the labels' size and grid, and the printer's margin (mm);
    ``unit`` is what its users measure in, for messages ("in" for US Letter sheets)."""

    name: str
    maker: str
    title: str
    paper_name: str
    paper_width: float
    paper_height: float
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    printable_margin: float
    aliases: tuple[str, ...]
    path: Path
    unit: str = "mm"

    @property
    def count(self) -> int:
        """Labels per sheet."""
        return self.columns * self.rows

    def label(self, position: int) -> Rect:
        """Label ``position`` (0-based, left to right, then top to bottom)."""
        row, column = divmod(position, self.columns)
        return Rect(
            self.left + column * self.pitch_x,
            self.top + row * self.pitch_y,
            self.width,
            self.height,
        )

    def printable(self) -> Rect:
        """The part of the sheet an office printer prints."""
        m = self.printable_margin
        return Rect(m, m, self.paper_width - 2 * m, self.paper_height - 2 * m)


def _sheet(name: str, spec: dict[str, object], data: dict[str, object], path: Path) -> LabelSheet:
    where = Where(file=str(path), field=f"sheets.{name}")
    in_file = Where(file=str(path))
    paper = table(data, "paper", in_file)
    sheet = LabelSheet(
        name=name,
        maker=text(data, "maker", in_file),
        title=text(spec, "title", where),
        paper_name=text(paper, "name", in_file),
        paper_width=number(paper, "width", in_file),
        paper_height=number(paper, "height", in_file),
        columns=int(number(spec, "columns", where)),
        rows=int(number(spec, "rows", where)),
        width=number(spec, "width", where),
        height=number(spec, "height", where),
        left=number(spec, "left", where),
        top=number(spec, "top", where),
        pitch_x=number(spec, "pitch_x", where),
        pitch_y=number(spec, "pitch_y", where),
        printable_margin=number(data, "printable_margin", in_file, 0.0),
        aliases=tuple(map(str, spec.get("aliases", []))),  # type: ignore[call-overload]
        path=path,
        unit=_unit(data, in_file),
    )
    last = sheet.label(sheet.count - 1)
    if (
        sheet.count < 1
        or last.right > sheet.paper_width + 0.01
        or last.bottom > sheet.paper_height + 0.01
    ):
        raise LayoutError(
            "the labels do not fit on the paper",
            where=where,
            hint="check columns, rows, left, top and the pitches",
        )
    return sheet


def _unit(data: dict[str, object], where: Where) -> str:
    """The file's ``units``: "mm" (the default) or "in"."""
    unit = text(data, "units", where, "mm")
    if unit not in ("mm", "in"):
        raise LayoutError(f"units must be 'mm' or 'in', not {unit!r}", where=where)
    return unit


@cache
def bundled_sheets() -> tuple[LabelSheet, ...]:
    """Every bundled sheet, read once per process."""
    out = []
    for path in sorted(data_dir("label-sheets").glob("*.toml")):
        data = read_toml(path)
        sources(data, Where(file=str(path)))
        for name, spec in table(data, "sheets", Where(file=str(path))).items():
            out.append(_sheet(name, spec, data, path))
    return tuple(out)


def find_sheet(name: str) -> LabelSheet:
    """The sheet with this product number or alias (case ignored, the maker's name before it
    too: ``Avery Zweckform 3474``); unknown: an error with a suggestion."""
    sheets = bundled_sheets()
    key = name.strip().upper()
    makers = {word.upper() for sheet in sheets for word in sheet.maker.split()}
    while key.split(" ", 1)[0] in makers and " " in key:  # as the packet says: "Avery L7160"
        key = key.split(" ", 1)[1].strip()
    for sheet in sheets:
        if key in (sheet.name.upper(), *(a.upper() for a in sheet.aliases)):
            return sheet
    raise UserError(
        f"unknown label sheet {name!r}",
        where=Where(option="--sheet"),
        hint=choice_hint(key, [s.name for s in sheets]),
    )
