"""The call sheet's wording (labels, default texts, reminders) read from ``text/<lang>.toml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..language.wording import FALLBACK, load_wording, regional


def available() -> tuple[str, ...]:
    """Language codes that have a wording file."""
    folder = resources.files("letterpress.callsheet") / "text"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def wording(code: str, region: str = "") -> dict[str, Any]:
    """The wording for a language code, with what ``region`` ("US") writes differently;
    missing keys (or a missing file) fall back to English."""
    # one English for every language without a file
    return _wording(code if code in available() else FALLBACK, region.upper())


@cache
def _wording(code: str, region: str) -> dict[str, Any]:
    return regional(load_wording(resources.files("letterpress.callsheet") / "text", code), region)
