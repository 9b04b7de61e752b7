"""Where the bundled data lives: inside an installed wheel, or at the top of a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_KINDS = ("layouts", "fonts", "carriers", "envelopes", "label-sheets", "phrases", "starters")


@cache
def data_dir(kind: str) -> Path:
    """Directory of bundled data of one kind (``layouts``, ``fonts``, ``carriers``...).

    A wheel carries the data as ``letterpress/_data/<kind>``; an editable checkout keeps it at the
    repository's top level (for layouts, fonts, carriers) or inside the package.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    packaged = Path(str(resources.files("letterpress"))) / "_data" / kind
    if packaged.is_dir():
        return packaged
    inside = Path(str(resources.files("letterpress"))) / kind
    if inside.is_dir():
        return inside
    checkout = Path(__file__).resolve().parent.parent / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"letterpress data folder {kind!r} not found; reinstall letterpress")
