"""Starter files for ``letterpress init``: commented TOML with placeholders, in en, de and fr."""
from __future__ import annotations

from importlib import resources

KINDS = ("thank-you", "follow-up", "call")


def languages() -> list[str]:
    """The languages with starters (folder names: ``en``, ``de``, ``fr``)."""
    folder = resources.files("letterpress") / "starters"
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_"))


def starter_text(kind: str, language: str) -> str:
    """The starter file's text; ``kind`` in KINDS, ``language`` in ``languages()``."""
    if kind not in KINDS or language not in languages():
        raise ValueError(f"no starter {kind!r} in {language!r}")
    path = resources.files("letterpress") / "starters" / language / f"{kind}.toml"
    return path.read_text(encoding="utf-8")
