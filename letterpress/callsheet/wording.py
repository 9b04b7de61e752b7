"""The call sheet's wording (labels, default texts, reminders) read from ``text/<lang>.toml``."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

FALLBACK = "en"


def available() -> tuple[str, ...]:
    """Language codes that have a wording file."""
    folder = resources.files("letterpress.callsheet") / "text"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def _read(code: str) -> dict[str, Any]:
    path = resources.files("letterpress.callsheet") / "text" / f"{code}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def wording(code: str) -> dict[str, Any]:
    """The wording for a language code; missing keys (or a missing file) fall back to English."""
    english = _read(FALLBACK)
    if code == FALLBACK or code not in available():
        return english
    own = _read(code)
    return {table: {**english.get(table, {}), **own.get(table, {})}
            for table in english.keys() | own.keys()}
