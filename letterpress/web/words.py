"""The page's wording in the browser's language (en, de, fr), from ``web/wording/*.toml``."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from ..language.wording import load_wording

LANGUAGES = ("en", "de", "fr")


def page_language(accept: Any) -> str:
    """The best of ``LANGUAGES`` for an Accept-Language header (werkzeug's parsed form)."""
    return str(accept.best_match(LANGUAGES, default=LANGUAGES[0]))


def page_wording(code: str) -> dict[str, Any]:
    """Every text of the pages in language ``code``, English where it says nothing."""
    return load_wording(files(__package__) / "wording", code)
