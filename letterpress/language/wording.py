"""Wording files with an English fallback: one loader for the letter, call sheet and advice."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .. import cachefiles

FALLBACK = "en"


def load_wording(folder: Traversable, code: str) -> dict[str, Any]:
    """``folder/<code>.toml`` merged over ``folder/en.toml``: tables key by key, so whatever a
    language's file leaves out is said in English; an unknown code gets English alone."""
    english = _read(folder / f"{FALLBACK}.toml")
    path = folder / f"{code}.toml"
    if code == FALLBACK or not path.is_file():
        return english
    return _merge(english, _read(path))


def regional(wording: dict[str, Any], region: str) -> dict[str, Any]:
    """``wording`` with its ``[regions.<REGION>]`` table ("US") merged over it, key by key:
    what a country writes differently in the language (US English: "Ms.", "Dear Ms. Lee:")."""
    over = wording.get("regions", {}).get(region.upper(), {}) if region else {}
    return _merge(wording, over) if over else wording


def _read(path: Traversable) -> dict[str, Any]:
    """One wording file (kept parsed in the cache folder between runs)."""
    return cachefiles.toml(Path(str(path)))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into a copy of ``base``, tables within tables too."""
    out = dict(base)
    for key, value in over.items():
        out[key] = (
            _merge(base[key], value)
            if isinstance(value, dict) and isinstance(base.get(key), dict)
            else value
        )
    return out
