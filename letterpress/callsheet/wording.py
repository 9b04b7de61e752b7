"""The call sheet's wording (labels, default texts, reminders) read from ``text/<lang>.toml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..language.wording import FALLBACK, load_wording


def available() -> tuple[str, ...]:
    """Language codes that have a wording file."""
    folder = resources.files("letterpress.callsheet") / "text"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def wording(code: str) -> dict[str, Any]:
    """The wording for a language code; missing keys (or a missing file) fall back to English."""
    if code != FALLBACK and code not in available():
        return wording(FALLBACK)  # one English for every language without a file
    return load_wording(resources.files("letterpress.callsheet") / "text", code)
