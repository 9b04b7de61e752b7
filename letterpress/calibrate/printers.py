"""Each printer's offset in the user's settings: table ``printers``, with ``default`` (a
printer's name) and one table per printer under ``offsets`` (``dx``, ``dy`` in mm, ``scale``)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ..config import config_path, load_table, save_table
from ..errors import UserError, Where
from ..pdf.shift import Shift

TABLE = "printers"
# A printer that misplaces a page by more than this, or scales it by more than a few per cent,
# is not one a stored offset should correct: the test sheet was measured wrong.
MAX_OFFSET = 50.0  # mm
MIN_SCALE, MAX_SCALE = 0.9, 1.1


def known_printers() -> tuple[dict[str, Shift], str]:
    """The stored printers by name, and the default printer's name ("" when none)."""
    table = load_table(TABLE)
    offsets = table.get("offsets", {})
    printers = {}
    if isinstance(offsets, dict):
        for name, values in offsets.items():
            if isinstance(values, dict):
                printers[str(name)] = _shift(str(name), values)
    default = table.get("default", "")
    return printers, default if isinstance(default, str) and default in printers else ""


def _shift(name: str, values: dict[str, Any]) -> Shift:
    def number(key: str, default: float) -> float:
        value = values.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise UserError(
                f"printer {name!r}: {key} must be a number, not {value!r}",
                where=Where(file=str(config_path()), field=f"{TABLE}.offsets.{name}.{key}"),
                hint=f'set it again with letterpress calibrate --set "{name}"',
            )
        return float(value)

    return Shift(
        dx=number("dx", 0.0), dy=number("dy", 0.0), scale=number("scale", 1.0), printer=name
    )


def find_shift(printer: str | None, option: str = "--printer") -> Shift | None:
    """The offset of the printer named (``--printer``, or ``option``), else of the default
    printer, else None. An unknown name is an error listing the stored ones."""
    printers, default = known_printers()
    if printer is None:
        return printers.get(default) if default else None
    if printer in printers:
        return printers[printer]
    import difflib  # only for the hint: a run with no mistakes never loads it

    close = difflib.get_close_matches(printer, list(printers), n=1)
    if close:
        hint = f"did you mean {close[0]!r}?"
    elif printers:
        hint = f"stored printers: {', '.join(sorted(printers))}"
    else:
        hint = f'measure it first: letterpress calibrate, then calibrate --set "{printer}"'
    raise UserError(
        f"no calibration stored for printer {printer!r}", where=Where(option=option), hint=hint
    )


def make_default(name: str) -> tuple[Path, Shift]:
    """Make a stored printer the default, its offset kept; an unknown name is an error."""
    shift = find_shift(name, "--set")
    assert shift is not None
    table = load_table(TABLE)
    return save_table(TABLE, {**table, "default": name}), shift


def save_printer(name: str, shift: Shift, *, make_default: bool) -> tuple[Path, bool]:
    """Store a printer's offset (replacing an earlier one of that name); it becomes the
    default when asked or when no default is set. Returns the settings file and whether the
    printer is now the default."""
    if not name.strip():
        raise UserError(
            "the printer needs a name",
            where=Where(option="--set"),
            hint='e.g. --set "Office laser"',
        )
    for option, value in (("--dx", shift.dx), ("--dy", shift.dy)):
        if not math.isfinite(value) or abs(value) > MAX_OFFSET:
            raise UserError(
                f"must be a distance in millimetres between {-MAX_OFFSET:g} "
                f"and {MAX_OFFSET:g}, not {value:g}",
                where=Where(option=option),
                hint="measure the test sheet again (letterpress calibrate)",
            )
    if not (math.isfinite(shift.scale) and MIN_SCALE <= shift.scale <= MAX_SCALE):
        raise UserError(
            f"must be a number between {MIN_SCALE:g} and {MAX_SCALE:g}, not {shift.scale:g}",
            where=Where(option="--scale"),
            hint="e.g. --scale 1.002",
        )
    table = load_table(TABLE)
    offsets = table.get("offsets", {})
    offsets = dict(offsets) if isinstance(offsets, dict) else {}
    offsets[name] = {"dx": shift.dx, "dy": shift.dy, "scale": shift.scale}
    default = table.get("default", "")
    if make_default or not isinstance(default, str) or default not in offsets:
        default = name
    path = save_table(TABLE, {"default": default, "offsets": offsets})
    return path, default == name
