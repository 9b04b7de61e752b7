"""Reading the bundled mail-piece data (``envelopes/``, ``label-sheets/``): TOML tables whose every
problem names the file and the field."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from ..errors import LayoutError, Where
from ..letter.layout import Rect


def read_toml(path: Path) -> dict[str, Any]:
    """A data file's tables; unreadable TOML is a LayoutError naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayoutError(
            f"cannot read the data file ({exc})",
            where=Where(file=str(path)),
            hint="reinstall letterpress",
        ) from None


def table(data: dict[str, Any], key: str, where: Where) -> dict[str, Any]:
    """A sub-table that must be there."""
    value = data.get(key)
    if not isinstance(value, dict):
        raise LayoutError(f"missing table [{key}]", where=where)
    return value


def number(data: dict[str, Any], key: str, where: Where, default: float | None = None) -> float:
    """A non-negative number in millimetres or points."""
    value = data.get(key, default)
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
    ):
        raise LayoutError(f"{key} must be a non-negative number, not {value!r}", where=where)
    return float(value)


def text(data: dict[str, Any], key: str, where: Where, default: str | None = None) -> str:
    """A text field."""
    value = data.get(key, default)
    if not isinstance(value, str):
        raise LayoutError(f"{key} must be text", where=where)
    return value


def sources(data: dict[str, Any], where: Where) -> tuple[str, ...]:
    """The file's public sources; a data file without them is refused."""
    found = data.get("sources")
    if not isinstance(found, list) or not found or not all(isinstance(s, str) for s in found):
        raise LayoutError(
            "every data file lists its public sources", where=where, hint='add sources = ["..."]'
        )
    return tuple(found)


def edges_rect(data: dict[str, Any], where: Where, width: float, height: float) -> Rect:
    """A rectangle given by its distances from a ``width`` x ``height`` piece's edges: two of
    ``left``, ``right`` and ``width`` across, two of ``top``, ``bottom`` and ``height`` down."""
    x, w = _span(data, ("left", "right", "width"), width, where)
    y, h = _span(data, ("top", "bottom", "height"), height, where)
    return Rect(x, y, w, h)


def _span(
    data: dict[str, Any], keys: tuple[str, str, str], total: float, where: Where
) -> tuple[float, float]:
    near, far, size = (data.get(k) for k in keys)
    given = [k for k in keys if data.get(k) is not None]
    if len(given) != 2:
        raise LayoutError(f"give two of {', '.join(keys)}", where=where)
    near_v = number(data, keys[0], where) if near is not None else None
    far_v = number(data, keys[1], where) if far is not None else None
    size_v = number(data, keys[2], where) if size is not None else None
    if near_v is not None and far_v is not None:
        return near_v, total - near_v - far_v
    if near_v is not None:
        assert size_v is not None
        return near_v, size_v
    assert far_v is not None and size_v is not None
    return total - far_v - size_v, size_v
