"""Which side of the street a house number kept in a column of its own goes, in the
destination country's custom (``letterpress/labels/house-numbers.toml``, with its source)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _sides() -> dict[str, bool]:
    """Country code -> whether the number goes first (read once: it ships with the package)."""
    path = resources.files("letterpress") / "labels" / "house-numbers.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        **{code: False for code in data["number_after"]},
        **{code: True for code in data["number_first"]},
    }


def number_first(country: str) -> bool | None:
    """Whether addresses in ``country`` (an ISO code) write the house number before the street
    (``12 rue de Rivoli``); None where the data does not say."""
    return _sides().get(country.upper())
